{#
    numerator ÷ denominator as a double; null where the denominator is 0 or
    null (INDICATORS.md: a ratio with a denominator of 0 is empty). Both
    sides are cast first, so that no engine divides integers.
#}
{% macro kam_divide(numerator, denominator) %}
    case
        when {{ denominator }} <> 0
            then cast({{ numerator }} as {{ kam_type_double() }})
            / cast({{ denominator }} as {{ kam_type_double() }})
    end
{% endmacro %}
