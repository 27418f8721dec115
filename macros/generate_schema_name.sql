{#
    Custom schemas are used as named (staging, intermediate, raw, the marts
    schema of var kam_marts_schema), not prefixed with the target schema, so
    that BI tools find the marts under a stable name. No custom schema: the
    target's schema.
#}
{% macro generate_schema_name(custom_schema_name, node) %}
    {%- set custom = (custom_schema_name or '') | string | trim -%}
    {%- if custom in ['', 'None'] -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom }}
    {%- endif -%}
{% endmacro %}
