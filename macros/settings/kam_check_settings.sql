{# on-run-start hook: every project variable checked once, before any model. #}
{% macro kam_check_settings() %}
    {% do kam_period_grain() %}
    {% do kam_comparison() %}
    {% do kam_as_of_date_setting() %}
    {% do kam_tolerance('kam_stability_tolerance') %}
    {% do kam_tolerance('kam_health_tolerance') %}
    {% do kam_reporting_currency() %}
    {% do kam_potential_weights() %}
    {% do kam_potential_weights_source() %}
    {% if execute and target.type != 'duckdb' %}
        {{ log(
            'int_potential_weights_fitted: skipped on ' ~ target.type
            ~ ' (dbt Python models run on DuckDB here); ESP.4.1 uses the '
            ~ 'configured weights of var kam_potential_weights',
            info=True
        ) }}
    {% endif %}
    {% do return('select 1 as kam_settings_checked') %}
{% endmacro %}
