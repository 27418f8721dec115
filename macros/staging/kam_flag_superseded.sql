{#
    True for a row that a later row with the same key supersedes
    (RAW_CONTRACT.md, Duplicates): keys compared as cleaned text (key dates
    as parsed dates); the latest updated_at wins, then the later row. Rows
    with an empty or unparseable key part are never superseded.
#}
{% macro kam_flag_superseded(key_columns) %}
    (
        {%- for column in key_columns %}
        {{ column }} is not null and
        {%- endfor %}
        row_number() over (
            partition by {{ key_columns | join(', ') }}
            order by updated_at_parsed desc nulls last, source_row_number desc
        ) > 1
    )
{% endmacro %}
