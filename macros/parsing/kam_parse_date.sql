{#
    A contract date (RAW_CONTRACT.md) parsed from cleaned text, or null when
    the text is no date of the listed forms:
      YYYY-MM-DD, YYYY/MM/DD, YYYY年M月D日 (one- or two-digit month and day),
      YYYY-MM-DD H:MM:SS or HH:MM:SS (the time is checked, then dropped).
    An impossible date (2024-02-30) or time (25:00:00) gives null.
#}
{% macro kam_parse_date(expression) %}
    {%- set normalized = _kam_normalized_date_text(expression) -%}
    {%- set date_text = dbt.split_part(normalized, "' '", 1) -%}
    {%- set time_text = dbt.split_part(normalized, "' '", 2) -%}
    case
        when {{ kam_regexp_matches(expression, _kam_date_pattern()) }}
            then
                case
                    when {{ _kam_date_fields_valid(date_text) }}
                        and (
                            coalesce({{ time_text }}, '') = ''
                            or {{ _kam_time_fields_valid(time_text) }}
                        )
                        then {{ kam_make_date(
                            _kam_integer_field(date_text, '-', 1),
                            _kam_integer_field(date_text, '-', 2),
                            _kam_integer_field(date_text, '-', 3),
                        ) }}
                end
    end
{% endmacro %}

{#- The three date forms; only the dash form may carry a time (D5). -#}
{%- macro _kam_date_pattern() -%}
    {%- set dash = '-[0-9]{1,2}-[0-9]{1,2}( [0-9]{1,2}:[0-9]{2}:[0-9]{2})?' -%}
    {%- set slash = '/[0-9]{1,2}/[0-9]{1,2}' -%}
    {%- set chinese = '年[0-9]{1,2}月[0-9]{1,2}日' -%}
    ^[0-9]{4}({{ dash }}|{{ slash }}|{{ chinese }})$
{%- endmacro -%}

{#- Every form rewritten as Y-M-D, with the time (if any) after a space. -#}
{%- macro _kam_normalized_date_text(expression) -%}
    replace(replace(replace(replace(
        {{ expression }}, '/', '-'), '年', '-'), '月', '-'), '日', '')
{%- endmacro -%}

{%- macro _kam_integer_field(text, delimiter, position) -%}
    cast({{ dbt.split_part(text, "'" ~ delimiter ~ "'", position) }} as integer)
{%- endmacro -%}

{%- macro _kam_date_fields_valid(date_text) -%}
    {%- set year = _kam_integer_field(date_text, '-', 1) -%}
    {%- set month = _kam_integer_field(date_text, '-', 2) -%}
    {%- set day = _kam_integer_field(date_text, '-', 3) -%}
    ({{ year }} >= 1
        and {{ month }} between 1 and 12
        and {{ day }} between 1 and (
            case
                when {{ month }} in (4, 6, 9, 11) then 30
                when {{ month }} <> 2 then 31
                when {{ year }} % 400 = 0 then 29
                when {{ year }} % 100 = 0 then 28
                when {{ year }} % 4 = 0 then 29
                else 28
            end
        ))
{%- endmacro -%}

{%- macro _kam_time_fields_valid(time_text) -%}
    ({{ _kam_integer_field(time_text, ':', 1) }} between 0 and 23
        and {{ _kam_integer_field(time_text, ':', 2) }} between 0 and 59
        and {{ _kam_integer_field(time_text, ':', 3) }} between 0 and 59)
{%- endmacro -%}
