{#
    The raw record of a row of table_name as JSON text: every contract column
    as read (before cleaning), plus updated_at when the export has one.
#}
{% macro kam_raw_record(table_name) %}
    {%- set columns = [] %}
    {%- for column in kam_raw_table_spec(table_name).columns %}
        {%- do columns.append(column.name) %}
    {%- endfor %}
    {%- do columns.append('updated_at') %}
    {{ kam_json_object(columns) }}
{% endmacro %}
