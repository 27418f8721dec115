{#
    The label of the period (var kam_period_grain) starting on a date:
    2025, 2025-Q3 or 2025-07.
#}
{% macro kam_period_label(period_start) %}
    {%- set grain = kam_period_grain() -%}
    {%- set year_text = 'cast(cast(extract(year from ' ~ period_start
        ~ ') as integer) as ' ~ dbt.type_string() ~ ')' -%}
    {%- if grain == 'year' -%}
        {{ year_text }}
    {%- elif grain == 'quarter' -%}
        {{ dbt.concat([
            year_text,
            "'-Q'",
            'cast(cast(extract(quarter from ' ~ period_start
            ~ ') as integer) as ' ~ dbt.type_string() ~ ')',
        ]) }}
    {%- else -%}
        {{ dbt.concat([
            year_text,
            "'-'",
            'lpad(cast(cast(extract(month from ' ~ period_start
            ~ ') as integer) as ' ~ dbt.type_string() ~ '), 2, \'0\')',
        ]) }}
    {%- endif -%}
{% endmacro %}
