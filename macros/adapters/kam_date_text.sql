{#
    A date written in an export's own form, as contract text (YYYY-MM-DD):
    the first of the strptime formats that matches the trimmed value, with a
    four-digit year; a value no format matches, empty or not, is returned as
    is, so that staging reads it (or rejects it as unparseable_value).
#}
{% macro kam_date_text(value, formats) %}
    {{ return(adapter.dispatch('kam_date_text', 'kam_scorecard')(
        value, formats
    )) }}
{% endmacro %}

{% macro default__kam_date_text(value, formats) %}
    {% if execute %}
        {% do exceptions.raise_compiler_error(
            'kam_date_text: the source adapters read export files on DuckDB '
            ~ 'only (target type here: ' ~ target.type ~ ')'
        ) %}
    {% endif %}
    {{ return(value) }}
{% endmacro %}

{% macro duckdb__kam_date_text(value, formats) %}
    {%- set parsed -%}
        try_strptime(trim({{ value }}), [
            {%- for format in formats -%}
                '{{ format }}'{% if not loop.last %}, {% endif %}
            {%- endfor -%}
        ])
    {%- endset -%}
    coalesce(
        case
            when year({{ parsed }}) between 1000 and 9999
                then strftime({{ parsed }}, '%Y-%m-%d')
        end,
        {{ value }}
    )
{% endmacro %}
