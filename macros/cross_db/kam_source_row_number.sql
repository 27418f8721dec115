{# The position of each row in its raw table, from 1 (export order). #}
{% macro kam_source_row_number() %}
    {{ return(adapter.dispatch('kam_source_row_number', 'kam_scorecard')()) }}
{% endmacro %}

{% macro default__kam_source_row_number() %}
    row_number() over ()
{% endmacro %}

{% macro spark__kam_source_row_number() %}
    row_number() over (order by monotonically_increasing_id())
{% endmacro %}
