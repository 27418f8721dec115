{#
    The relation expression that reads one raw file (csv: every column as
    text; parquet), for vars kam_raw_path and kam_adapter. Only DuckDB reads
    files; elsewhere a run stops with a message (parsing does not, so that
    the adapter models, disabled by default, parse on every engine).
#}

{% macro kam_read_file_sql(path, file_format) %}
    {{ return(adapter.dispatch('kam_read_file_sql', 'kam_scorecard')(
        path, file_format
    )) }}
{% endmacro %}

{% macro default__kam_read_file_sql(path, file_format) %}
    {% if execute %}
        {% do exceptions.raise_compiler_error(
            'kam_read_file_sql: raw files (var kam_raw_path or kam_adapter) '
            ~ 'are read only on DuckDB (target type here: ' ~ target.type
            ~ '). Load the raw tables into the database as the seeds show, '
            ~ 'or build on DuckDB.'
        ) %}
    {% endif %}
    {{ return('(select 1 as file_not_readable_here) as unreadable_file') }}
{% endmacro %}

{% macro duckdb__kam_read_file_sql(path, file_format) %}
    {%- set quoted = "'" ~ (path | replace("'", "''")) ~ "'" -%}
    {%- if file_format == 'parquet' -%}
        read_parquet({{ quoted }})
    {%- else -%}
        read_csv({{ quoted }}, all_varchar = true, header = true,
            null_padding = true, parallel = false)
    {%- endif -%}
{% endmacro %}
