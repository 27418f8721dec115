{#
    True where a figure is stable against its prior figure (INDICATORS.md):
    |growth rate| ≤ var kam_stability_tolerance; where the prior figure is 0,
    only if the figure is 0 too. Null where either figure is null. The
    comparison allows 1e-9, so that a growth of exactly the tolerance
    (1.1 against 1.0 is 0.10000000000000009 in floating point) is stable.
#}
{% macro kam_is_stable(value, prior_value) %}
    case
        when {{ value }} is null or {{ prior_value }} is null then null
        when {{ prior_value }} = 0 then {{ value }} = 0
        else abs({{ kam_growth_rate(value, prior_value) }})
            <= {{ kam_tolerance('kam_stability_tolerance') + 1e-9 }}
    end
{% endmacro %}
