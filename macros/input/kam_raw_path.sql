{# The directory of raw files, without a trailing slash; none for seeds. #}
{% macro kam_raw_path() %}
    {% set raw_path = var('kam_raw_path') %}
    {% if raw_path is none or (raw_path | string | trim) == '' %}
        {% do return(none) %}
    {% endif %}
    {% do return((raw_path | string | trim).rstrip('/')) %}
{% endmacro %}
