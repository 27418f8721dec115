{#
    The left joins to the synonym seed that kam_parse_columns needs, one per
    enumeration column, matching the trimmed, lower-cased label.
#}
{% macro kam_enum_joins(table_name, relation, synonyms_relation) %}
    {%- for column in kam_raw_table_spec(table_name).columns
        if column.type == 'enum' %}
    left join {{ synonyms_relation }} as {{ column.name }}__synonym
        on
            {{ column.name }}__synonym.domain = '{{ column.enum }}'
            and {{ column.name }}__synonym.label
            = lower({{ relation }}.{{ column.name }}__text)
    {%- endfor %}
{% endmacro %}
