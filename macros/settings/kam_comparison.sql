{#
    The comparison of var kam_comparison, checked: previous_period or
    same_period_last_year.
#}
{% macro kam_comparison() %}
    {% set comparison = var('kam_comparison') | string | trim | lower %}
    {% if comparison not in ['previous_period', 'same_period_last_year'] %}
        {% do exceptions.raise_compiler_error(
            "var kam_comparison must be previous_period or "
            ~ "same_period_last_year; got '" ~ var('kam_comparison') ~ "'"
        ) %}
    {% endif %}
    {% do return(comparison) %}
{% endmacro %}
