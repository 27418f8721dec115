{#
    Join condition to the staged fx rates (stg_crm__fx_rates) that picks the
    rate of a currency on a day: the latest valid_from on or before the day.
#}
{% macro kam_fx_join_condition(fx_relation, currency, day) %}
    {{ fx_relation }}.currency = {{ currency }}
    and {{ day }} >= {{ fx_relation }}.valid_from
    and (
        {{ day }} < {{ fx_relation }}.valid_to
        or {{ fx_relation }}.valid_to is null
    )
{% endmacro %}
