{#
    Where ESP.4.1 takes its potential-output weights (var
    kam_potential_weights_source): configured (var kam_potential_weights) or
    fitted (model int_potential_weights_fitted, built on DuckDB only).
#}
{% macro kam_potential_weights_source() %}
    {% set source = var('kam_potential_weights_source')
        | string | trim | lower %}
    {% if source not in ['configured', 'fitted'] %}
        {% do exceptions.raise_compiler_error(
            "var kam_potential_weights_source must be configured or fitted; "
            ~ "got '" ~ var('kam_potential_weights_source') ~ "'"
        ) %}
    {% endif %}
    {% if source == 'fitted' and target.type != 'duckdb' %}
        {% do exceptions.raise_compiler_error(
            "var kam_potential_weights_source: fitted needs the Python model "
            ~ "int_potential_weights_fitted, which runs on DuckDB only (target "
            ~ "type here: " ~ target.type ~ "); use configured"
        ) %}
    {% endif %}
    {% do return(source) %}
{% endmacro %}
