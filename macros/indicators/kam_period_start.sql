{# The first day of the period (var kam_period_grain) holding a date. #}
{% macro kam_period_start(date_expression) %}
    cast({{ dbt.date_trunc(kam_period_grain(), date_expression) }} as date)
{% endmacro %}
