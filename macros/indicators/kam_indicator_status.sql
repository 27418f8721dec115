{#
    The status of an indicator row (INDICATORS.md, Status), with
    t = var kam_health_tolerance and s = var kam_stability_tolerance:
      no_data  value or prior value empty
      up       healthy if delta > 0; alert if growth < −t; else watch
      down     healthy if delta < 0; alert if growth > t; else watch
      stable   healthy if |growth| ≤ s, watch if ≤ 2s, else alert; with no
               growth (prior value 0): healthy if delta = 0, else alert
    The acceptance correlation is judged by its value in every period:
    healthy above 0, watch at 0, alert below 0, no_data when empty.
    Growth is compared with the tolerances allowing 1e-9 for floating-point
    rounding (0.95 against 1.0 is −0.050000000000000044: watch, not alert).
#}
{% macro kam_indicator_status(
    basis, desired_direction, value, prior_value, delta, growth_rate
) %}
    {%- set rounding = 1e-9 -%}
    {%- set health = kam_tolerance('kam_health_tolerance') + rounding -%}
    {%- set stability = kam_tolerance('kam_stability_tolerance') -%}
    case
        when {{ basis }} = 'acceptance_correlation'
            then
                case
                    when {{ value }} is null then 'no_data'
                    when {{ value }} > 0 then 'healthy'
                    when {{ value }} = 0 then 'watch'
                    else 'alert'
                end
        when {{ value }} is null or {{ prior_value }} is null then 'no_data'
        when {{ desired_direction }} = 'up'
            then
                case
                    when {{ delta }} > 0 then 'healthy'
                    when {{ growth_rate }} < -{{ health }} then 'alert'
                    else 'watch'
                end
        when {{ desired_direction }} = 'down'
            then
                case
                    when {{ delta }} < 0 then 'healthy'
                    when {{ growth_rate }} > {{ health }} then 'alert'
                    else 'watch'
                end
        when {{ growth_rate }} is null
            then case when {{ delta }} = 0 then 'healthy' else 'alert' end
        when abs({{ growth_rate }}) <= {{ stability + rounding }} then 'healthy'
        when abs({{ growth_rate }}) <= {{ 2 * stability + rounding }}
            then 'watch'
        else 'alert'
    end
{% endmacro %}
