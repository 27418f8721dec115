{#
    (value − prior value) ÷ |prior value|; null where the prior value is 0 or
    null (INDICATORS.md, growth_rate).
#}
{% macro kam_growth_rate(value, prior_value) %}
    {{ kam_divide(
        '(' ~ value ~ ') - (' ~ prior_value ~ ')',
        'abs(' ~ prior_value ~ ')'
    ) }}
{% endmacro %}
