{# The contract column names of a raw table, comma-separated, in order. #}
{% macro kam_contract_columns(table_name) %}
    {%- for column in kam_raw_table_spec(table_name).columns %}
        {{ column.name }}{{ ',' if not loop.last }}
    {%- endfor %}
{% endmacro %}
