{# The export directory of var kam_adapter_path, no trailing slash; or none. #}
{% macro kam_adapter_path() %}
    {% set adapter_path = var('kam_adapter_path') %}
    {% if adapter_path is none or (adapter_path | string | trim) == '' %}
        {% do return(none) %}
    {% endif %}
    {% do return((adapter_path | string | trim).rstrip('/')) %}
{% endmacro %}
