{#
    The relation expression that reads one raw file (csv: every column as
    text; parquet), for var kam_raw_path. Only DuckDB reads files.
#}

{% macro kam_read_file_sql(path, file_format) %}
    {{ return(adapter.dispatch('kam_read_file_sql', 'kam_scorecard')(
        path, file_format
    )) }}
{% endmacro %}

{% macro default__kam_read_file_sql(path, file_format) %}
    {% do exceptions.raise_compiler_error(
        'kam_read_file_sql: kam_raw_path reads files only on DuckDB (target '
        ~ 'type here: ' ~ target.type ~ '). Load the raw tables into the '
        ~ 'database as the seeds show, or build on DuckDB.'
    ) %}
{% endmacro %}

{% macro duckdb__kam_read_file_sql(path, file_format) %}
    {%- set quoted = "'" ~ (path | replace("'", "''")) ~ "'" -%}
    {%- if file_format == 'parquet' -%}
        read_parquet({{ quoted }})
    {%- else -%}
        read_csv({{ quoted }}, all_varchar = true, header = true,
            null_padding = true)
    {%- endif -%}
{% endmacro %}
