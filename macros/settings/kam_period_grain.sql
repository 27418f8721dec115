{# The period grain of var kam_period_grain, checked: year, quarter or month. #}
{% macro kam_period_grain() %}
    {% set grain = var('kam_period_grain') | string | trim | lower %}
    {% if grain not in ['year', 'quarter', 'month'] %}
        {% do exceptions.raise_compiler_error(
            "var kam_period_grain must be year, quarter or month; got '"
            ~ var('kam_period_grain') ~ "'"
        ) %}
    {% endif %}
    {% do return(grain) %}
{% endmacro %}
