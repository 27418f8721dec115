{#
    Select list of a raw table's typed columns, parsed from the cleaned
    <column>__text columns of `relation`: dates, amounts and numbers by their
    parse macros, currencies upper-cased, enumerations mapped through the
    synonym seed (see kam_enum_joins), text and ids as cleaned.
#}
{% macro kam_parse_columns(table_name, relation) %}
    {%- for column in kam_raw_table_spec(table_name).columns %}
        {%- set text = relation ~ '.' ~ column.name ~ '__text' %}
        {%- if column.type == 'date' %}
        {{ kam_parse_date(text) }} as {{ column.name }}
        {%- elif column.type == 'amount' %}
        {{ kam_parse_amount(text) }} as {{ column.name }}
        {%- elif column.type == 'number' %}
        {{ kam_parse_number(text) }} as {{ column.name }}
        {%- elif column.type == 'currency' %}
        upper({{ text }}) as {{ column.name }}
        {%- elif column.type == 'enum' %}
        {{ column.name }}__synonym.value as {{ column.name }}
        {%- else %}
        {{ text }} as {{ column.name }}
        {%- endif %}
        {{- ',' if not loop.last }}
    {%- endfor %}
{% endmacro %}
