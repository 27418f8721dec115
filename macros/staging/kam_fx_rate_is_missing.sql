{#
    True where an amount's currency has no rate on its day. A row whose day
    is empty or unparseable is rejected for that, not for a missing rate.
#}
{% macro kam_fx_rate_is_missing(currency, rate, day) %}
    ({{ currency }} <> '{{ kam_reporting_currency() }}'
        and {{ day }} is not null
        and {{ rate }} is null)
{% endmacro %}
