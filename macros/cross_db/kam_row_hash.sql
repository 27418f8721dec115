{#
    A hash of one raw row of table_name as read from `relation`: every
    contract column and updated_at, nulls told apart from empty text. It
    tells whether the row changed since the last run (D31).
#}
{% macro kam_row_hash(table_name, relation) %}
    {{ return(adapter.dispatch('kam_row_hash', 'kam_scorecard')(
        table_name, relation
    )) }}
{% endmacro %}

{#- MD5 of the raw record as JSON text (kam_raw_record). -#}
{% macro default__kam_row_hash(table_name, relation) %}
    {{ dbt.hash(kam_raw_record(table_name, relation)) }}
{% endmacro %}

{#- DuckDB's own 64-bit hash of the columns: about 7 times faster than MD5
    of the JSON record, which every incremental run computes for every
    raw row. -#}
{% macro duckdb__kam_row_hash(table_name, relation) %}
    hash(
        {%- for column in kam_raw_table_spec(table_name).columns %}
        {{ relation }}.{{ column.name }},
        {%- endfor %}
        {{ relation }}.updated_at
    )
{% endmacro %}
