{#
    The raw record of a row of table_name as JSON text: every contract column
    as read (before cleaning), plus updated_at, from `relation` (a base model
    of the raw table).
#}
{% macro kam_raw_record(table_name, relation) %}
    {%- set pairs = [] %}
    {%- for column in kam_raw_table_spec(table_name).columns %}
        {%- do pairs.append([column.name, relation ~ '.' ~ column.name]) %}
    {%- endfor %}
    {%- do pairs.append(['updated_at', relation ~ '.updated_at']) %}
    {{ kam_json_object(pairs) }}
{% endmacro %}
