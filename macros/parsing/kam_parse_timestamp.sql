{#
    A timestamp parsed from cleaned text: any contract date form, and the
    dash form with a time after a space or a T. Used once per row, to order
    duplicate rows by an export's updated_at column.
#}
{% macro kam_parse_timestamp(expression) %}
    {%- set spaced = "replace(" ~ expression ~ ", 'T', ' ')" -%}
    {%- set normalized = kam_normalized_date_text(spaced) -%}
    {%- set date_text = dbt.split_part(normalized, "' '", 1) -%}
    {%- set time_text = dbt.split_part(normalized, "' '", 2) -%}
    {%- set year = _kam_timestamp_part(date_text, '-', 1) -%}
    {%- set month = _kam_timestamp_part(date_text, '-', 2) -%}
    {%- set day = _kam_timestamp_part(date_text, '-', 3) -%}
    {%- set hour = _kam_timestamp_part(time_text, ':', 1) -%}
    {%- set minute = _kam_timestamp_part(time_text, ':', 2) -%}
    {%- set second = _kam_timestamp_part(time_text, ':', 3) -%}
    case
        when {{ kam_regexp_matches(spaced, kam_date_pattern()) }}
            then
                case
                    when {{ kam_date_is_valid(year, month, day) }}
                        and coalesce({{ time_text }}, '') = ''
                        then {{ kam_make_timestamp(
                            year, month, day, '0', '0', '0'
                        ) }}
                    when {{ kam_date_is_valid(year, month, day) }}
                        and {{ kam_time_is_valid(hour, minute, second) }}
                        then {{ kam_make_timestamp(
                            year, month, day, hour, minute, second
                        ) }}
                end
    end
{% endmacro %}

{%- macro _kam_timestamp_part(text, delimiter, position) -%}
    cast({{ dbt.split_part(text, "'" ~ delimiter ~ "'", position) }} as integer)
{%- endmacro -%}
