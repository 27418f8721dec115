{#
    An amount in the reporting currency (var kam_reporting_currency): as is
    when already in it, else times the rate found by kam_fx_join_condition,
    rounded to the amount type. Null when no rate was found.
#}
{% macro kam_convert_amount(amount, currency, rate) %}
    cast(
        case
            when {{ currency }} = '{{ kam_reporting_currency() }}'
                then {{ amount }}
            else {{ amount }} * {{ rate }}
        end
        as {{ kam_type_amount() }}
    )
{% endmacro %}
