{#
    A tolerance variable (kam_stability_tolerance, kam_health_tolerance) as
    a non-negative number; anything else stops the compilation.
#}
{% macro kam_tolerance(variable_name) %}
    {% set raw_value = var(variable_name) %}
    {% set value = raw_value | float(-1) %}
    {% if (raw_value | string | trim) == '' or value < 0 %}
        {% do exceptions.raise_compiler_error(
            "var " ~ variable_name ~ " must be a number of 0 or more; got '"
            ~ raw_value ~ "'"
        ) %}
    {% endif %}
    {% do return(value) %}
{% endmacro %}
