{# A timestamp from integer year, month, day, hour, minute, second. #}
{% macro kam_make_timestamp(year, month, day, hour, minute, second) %}
    {{ return(adapter.dispatch('kam_make_timestamp', 'kam_scorecard')(
        year, month, day, hour, minute, second
    )) }}
{% endmacro %}

{% macro default__kam_make_timestamp(year, month, day, hour, minute, second) %}
    make_timestamp({{ year }}, {{ month }}, {{ day }}, {{ hour }},
        {{ minute }}, {{ second }})
{% endmacro %}
