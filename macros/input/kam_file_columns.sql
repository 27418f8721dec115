{#
    The columns of a raw file, as a dict from the name in the file to the
    contract name it stands for (trimmed and lower-cased).
#}
{% macro kam_file_columns(path, file_format) %}
    {% set described = run_query(
        'describe select * from ' ~ kam_read_file_sql(path, file_format)
    ) %}
    {% set columns = {} %}
    {% for row in described.rows %}
        {% do columns.update({row[0]: row[0] | trim | lower}) %}
    {% endfor %}
    {% do return(columns) %}
{% endmacro %}
