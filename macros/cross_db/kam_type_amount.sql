{# Column types the project uses on every engine. #}

{#- Money and other exact figures: 38 digits, 6 after the point. -#}
{% macro kam_type_amount() %}
    {{ return(adapter.dispatch('kam_type_amount', 'kam_scorecard')()) }}
{% endmacro %}

{% macro default__kam_type_amount() %}
    decimal(38, 6)
{% endmacro %}

{% macro postgres__kam_type_amount() %}
    numeric(38, 6)
{% endmacro %}
