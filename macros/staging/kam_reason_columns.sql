{#
    The reason columns of a checked raw row, from a list of
    [reason code, SQL condition, column] checks (a null condition counts as
    false):
      reason_codes    every code that applies, comma-separated, in the
                      contract's order; null when the row passes
      reason_details  each failed check as code(column), '; '-separated
    A row flagged by `superseded_column` gets duplicate_superseded only.
    `prefix` goes before both column names (for a first pass of checks).
#}
{% macro kam_reason_columns(
    checks, superseded_column='is_superseded', prefix=''
) %}
    {%- set ordered_codes = kam_reason_codes() -%}
    {%- for check in checks if check[0] not in ordered_codes %}
        {% do exceptions.raise_compiler_error(
            "kam_reason_columns: unknown reason code '" ~ check[0] ~ "'"
        ) %}
    {%- endfor %}
    case
        when {{ superseded_column }} then 'duplicate_superseded'
        else nullif(concat_ws(','
            {%- for code in ordered_codes %}
                {%- set conditions = [] %}
                {%- for check in checks if check[0] == code %}
                    {%- do conditions.append(
                        'coalesce(' ~ check[1] ~ ', false)'
                    ) %}
                {%- endfor %}
                {%- if conditions %},
            case when {{ conditions | join('\n                or ') }}
                then '{{ code }}' end
                {%- endif %}
            {%- endfor %}
        ), '')
    end as {{ prefix }}reason_codes,
    case
        when {{ superseded_column }}
            then 'duplicate_superseded: a later row has the same key'
        else nullif(concat_ws('; '
            {%- for check in checks %},
            case when coalesce({{ check[1] }}, false)
                then '{{ check[0] }}({{ check[2] }})' end
            {%- endfor %}
        ), '')
    end as {{ prefix }}reason_details
{% endmacro %}
