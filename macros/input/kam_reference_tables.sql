{# The two reference tables: optional in kam_raw_path, seeds otherwise. #}
{% macro kam_reference_tables() %}
    {% do return(['fx_rates', 'working_calendar']) %}
{% endmacro %}
