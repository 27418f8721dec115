{#
    on-run-end hook: lets the BI roles (var kam_bi_roles) use the schemas of
    the granted marts, without which a table grant cannot be used. Only the
    schemas of models granted to them are opened; staging, intermediate and
    raw stay closed. Engines without roles (DuckDB) do nothing.
#}
{% macro kam_grant_schema_usage(schemas) %}
    {{ return(adapter.dispatch('kam_grant_schema_usage', 'kam_scorecard')(
        schemas
    )) }}
{% endmacro %}

{% macro default__kam_grant_schema_usage(schemas) %}
    select 1 as kam_no_schema_grants
{% endmacro %}

{% macro postgres__kam_grant_schema_usage(schemas) %}
    {% set roles = var('kam_bi_roles') %}
    {% set granted_schemas = [] %}
    {% if execute and roles %}
        {% for node in graph.nodes.values() %}
            {% if node.resource_type == 'model'
                and node.config.grants.get('select')
                and node.schema not in granted_schemas %}
                {% do granted_schemas.append(node.schema) %}
            {% endif %}
        {% endfor %}
    {% endif %}
    {% if granted_schemas %}
        {% for schema_name in granted_schemas %}
            {% for role in roles %}
                grant usage on schema {{ adapter.quote(schema_name) }}
                to {{ adapter.quote(role) }};
            {% endfor %}
        {% endfor %}
    {% else %}
        select 1 as kam_no_schema_grants
    {% endif %}
{% endmacro %}
