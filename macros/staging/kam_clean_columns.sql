{#
    Select list of a raw table's columns cleaned (kam_clean) as <column>__text,
    for the columns of the raw contract entry of table_name.
#}
{% macro kam_clean_columns(table_name) %}
    {%- for column in kam_raw_table_spec(table_name).columns %}
        {{ kam_clean(column.name) }} as {{ column.name }}__text
        {{- ',' if not loop.last }}
    {%- endfor %}
{% endmacro %}
