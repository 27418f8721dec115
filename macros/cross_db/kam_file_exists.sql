{# True where a file exists (only DuckDB looks; other engines stop). #}
{% macro kam_file_exists(path) %}
    {{ return(adapter.dispatch('kam_file_exists', 'kam_scorecard')(path)) }}
{% endmacro %}

{% macro default__kam_file_exists(path) %}
    {% do kam_read_file_sql(path, 'csv') %}
    {{ return(false) }}
{% endmacro %}

{% macro duckdb__kam_file_exists(path) %}
    {% set found = run_query(
        "select count(*) from glob('" ~ (path | replace("'", "''")) ~ "')"
    ) %}
    {{ return(found.rows[0][0] > 0) }}
{% endmacro %}
