{#
    A timestamp parsed from cleaned text: any contract date form, and the
    dash form with a time after a space or a T. Used to order duplicate
    rows by an export's updated_at column.
#}
{% macro kam_parse_timestamp(expression) %}
    {%- set spaced = "replace(" ~ expression ~ ", 'T', ' ')" -%}
    {%- set normalized = _kam_normalized_date_text(spaced) -%}
    {%- set date_text = dbt.split_part(normalized, "' '", 1) -%}
    {%- set time_text = dbt.split_part(normalized, "' '", 2) -%}
    case
        when {{ kam_regexp_matches(spaced, _kam_date_pattern()) }}
            then
                case
                    when {{ _kam_date_fields_valid(date_text) }}
                        and coalesce({{ time_text }}, '') = ''
                        then {{ kam_make_timestamp(
                            _kam_integer_field(date_text, '-', 1),
                            _kam_integer_field(date_text, '-', 2),
                            _kam_integer_field(date_text, '-', 3),
                            '0', '0', '0',
                        ) }}
                    when {{ _kam_date_fields_valid(date_text) }}
                        and {{ _kam_time_fields_valid(time_text) }}
                        then {{ kam_make_timestamp(
                            _kam_integer_field(date_text, '-', 1),
                            _kam_integer_field(date_text, '-', 2),
                            _kam_integer_field(date_text, '-', 3),
                            _kam_integer_field(time_text, ':', 1),
                            _kam_integer_field(time_text, ':', 2),
                            _kam_integer_field(time_text, ':', 3),
                        ) }}
                end
    end
{% endmacro %}
