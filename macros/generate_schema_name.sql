{#
    Custom schemas are used as named (staging, intermediate, raw, the marts
    schema of var kam_marts_schema), not prefixed with the target schema, so
    that BI tools find the marts under a stable name. No custom schema: the
    target's schema.
#}
{% macro generate_schema_name(custom_schema_name, node) %}
    {%- if custom_schema_name is none or (custom_schema_name | trim) in ['', 'None'] -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{% endmacro %}
