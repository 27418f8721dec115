{# A date from year, month and day integer expressions that form a real date. #}
{% macro kam_make_date(year, month, day) %}
    {{ return(adapter.dispatch('kam_make_date', 'kam_scorecard')(
        year, month, day
    )) }}
{% endmacro %}

{% macro default__kam_make_date(year, month, day) %}
    make_date({{ year }}, {{ month }}, {{ day }})
{% endmacro %}
