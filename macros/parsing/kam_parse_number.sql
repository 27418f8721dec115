{#
    A contract number (scores, hours, weights, rates) parsed from cleaned
    text, as kam_type_amount, or null: an optional minus sign, digits, an
    optional decimal point with digits (85, 7.5, -3, 0.25).
#}
{% macro kam_parse_number(expression) %}
    case
        when {{ kam_number_is_valid(expression) }}
            then cast({{ expression }} as {{ kam_type_amount() }})
    end
{% endmacro %}
