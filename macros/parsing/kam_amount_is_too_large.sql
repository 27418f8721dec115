{#
    True where a valid amount's whole part has more than 15 digits (beyond
    any real amount, and beyond what the amount type holds after 万).
#}
{% macro kam_amount_is_too_large(expression) %}
    ({{ kam_amount_is_valid(expression) }}
        and {{ dbt.length(dbt.split_part(
            _kam_amount_digits(expression), "'.'", 1
        )) }} > 15)
{% endmacro %}
