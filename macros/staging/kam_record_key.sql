{# The key of a row of table_name as text: cleaned key parts joined by |. #}
{% macro kam_record_key(table_name) %}
    concat_ws('|'
    {%- for column in kam_raw_table_spec(table_name).key -%}
        , coalesce({{ column }}__text, '')
    {%- endfor -%}
    )
{% endmacro %}
