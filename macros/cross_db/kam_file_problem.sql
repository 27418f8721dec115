{#
    Why a raw file cannot be read, or none: an empty file, or a CSV that is
    not UTF-8 (a byte-order mark is fine).
#}
{% macro kam_file_problem(path, file_format) %}
    {{ return(adapter.dispatch('kam_file_problem', 'kam_scorecard')(
        path, file_format
    )) }}
{% endmacro %}

{% macro default__kam_file_problem(path, file_format) %}
    {% do kam_read_file_sql(path, file_format) %}
    {{ return(none) }}
{% endmacro %}

{% macro duckdb__kam_file_problem(path, file_format) %}
    {% set quoted = "'" ~ (path | replace("'", "''")) ~ "'" %}
    {% set size = run_query(
        'select size from read_blob(' ~ quoted ~ ')'
    ).rows[0][0] %}
    {% if size == 0 %}
        {{ return(
            'the file is empty (0 bytes); a table without data still needs '
            ~ 'its header line'
        ) }}
    {% endif %}
    {#- Above 256 MiB the check is left to DuckDB's reader, which also stops
        on bytes that are not UTF-8, so as not to load the file in memory. -#}
    {% if file_format == 'csv' and size <= 268435456 %}
        {#- Only the first 16 MiB are checked; a cut inside a multi-byte
            character is allowed for by dropping up to three bytes. -#}
        {% set probe = 16777216 %}
        {% set not_utf8 = run_query(
            'select coalesce(' ~
            'try(decode(content[1:' ~ probe ~ '])), '
            ~ 'try(decode(content[1:' ~ (probe - 1) ~ '])), '
            ~ 'try(decode(content[1:' ~ (probe - 2) ~ '])), '
            ~ 'try(decode(content[1:' ~ (probe - 3) ~ ']))'
            ~ ') is null from read_blob(' ~ quoted ~ ')'
        ).rows[0][0] %}
        {% if not_utf8 %}
            {{ return(
                'the file is not UTF-8 encoded (a CSV saved by Excel on '
                ~ 'Chinese Windows is GBK/GB18030). Save it as "CSV UTF-8" '
                ~ '(or convert it: iconv -f GB18030 -t UTF-8) and run again'
            ) }}
        {% endif %}
    {% endif %}
    {{ return(none) }}
{% endmacro %}
