{#
    The select list and relation of one raw table, every contract column as
    text (a missing optional column as null), plus:
      updated_at          the export's updated_at when it has one, else null
      source_row_number   the row's position in the export, from 1
    Read from the seed, the file under kam_raw_path, or the adapter model of
    var kam_adapter (no rows where the adapter's export lacks the table).
#}
{% macro kam_select_raw_table(table_name) %}
    {% set spec = kam_raw_table_spec(table_name) %}
    {% set location = kam_raw_location(table_name) %}
    {#- A reference seed may stand in for a missing file: declare it always. -#}
    {% if table_name in kam_reference_tables() %}
        {% set reference_seed = ref(table_name) %}
    {% endif %}
    {% if location.kind == 'missing' %}
        {% do exceptions.raise_compiler_error(
            'kam_select_raw_table: no file for table ' ~ table_name
            ~ ' under kam_raw_path ' ~ kam_raw_path()
            ~ ' (expected ' ~ table_name ~ '.csv or ' ~ table_name
            ~ '.parquet)'
        ) %}
    {% endif %}
    {% if location.kind in ['seed', 'adapter'] %}
        {% set relation = ref(
            table_name if location.kind == 'seed' else location.model
        ) %}
        {% set from_sql = relation %}
        {% if execute %}
            {% set available = {} %}
            {% for column in adapter.get_columns_in_relation(relation) %}
                {% do available.update(
                    {column.name: column.name | trim | lower}
                ) %}
            {% endfor %}
        {% endif %}
    {% elif location.kind == 'empty' %}
        {#- No rows, every contract column as text. -#}
        {% set from_sql -%}
            (
                select
                    {% for column in spec.columns -%}
                        cast(null as {{ dbt.type_string() }})
                            as {{ column.name }}
                        {%- if not loop.last %},{% endif %}
                    {% endfor %}
                where 1 = 0
            ) as no_rows
        {%- endset %}
        {% set available = {} %}
        {% for column in spec.columns %}
            {% do available.update({column.name: column.name}) %}
        {% endfor %}
    {% else %}
        {% set from_sql = kam_read_file_sql(location.path, location.format) %}
        {% if execute %}
            {% set available = kam_file_columns(
                location.path, location.format
            ) %}
        {% endif %}
    {% endif %}
    {% if not execute %}
        {% set available = {} %}
        {% for column in spec.columns %}
            {% do available.update({column.name: column.name}) %}
        {% endfor %}
    {% endif %}
    {% set by_contract_name = {} %}
    {% for file_name, contract_name in available.items() %}
        {% do by_contract_name.update({contract_name: file_name}) %}
    {% endfor %}
    select
        {% for column in spec.columns %}
            {% if column.name in by_contract_name %}
                cast({{ adapter.quote(by_contract_name[column.name]) }}
                    as {{ dbt.type_string() }}) as {{ column.name }},
            {% elif column.required %}
                {% do exceptions.raise_compiler_error(
                    'kam_select_raw_table: ' ~ table_name
                    ~ ' has no required column "' ~ column.name ~ '"'
                ) %}
            {% else %}
                cast(null as {{ dbt.type_string() }}) as {{ column.name }},
            {% endif %}
        {% endfor %}
        {% if 'updated_at' in by_contract_name %}
            cast({{ adapter.quote(by_contract_name['updated_at']) }}
                as {{ dbt.type_string() }}) as updated_at,
        {% else %}
            cast(null as {{ dbt.type_string() }}) as updated_at,
        {% endif %}
        {{ kam_source_row_number() }} as source_row_number
    from {{ from_sql }}
{% endmacro %}
