{# An IEEE double, for ratios (dbt.type_float is single precision on DuckDB). #}
{% macro kam_type_double() %}
    {{ return(adapter.dispatch('kam_type_double', 'kam_scorecard')()) }}
{% endmacro %}

{% macro default__kam_type_double() %}
    double precision
{% endmacro %}

{% macro duckdb__kam_type_double() %}
    double
{% endmacro %}

{% macro spark__kam_type_double() %}
    double
{% endmacro %}
