{#
    A JSON object (as text) of [key, SQL expression] pairs, in their order
    (json_object, json_build_object or to_json by engine).
#}
{% macro kam_json_object(pairs) %}
    {{ return(adapter.dispatch('kam_json_object', 'kam_scorecard')(pairs)) }}
{% endmacro %}

{% macro default__kam_json_object(pairs) %}
    cast(json_object(
        {%- for key, expression in pairs %}
        '{{ key }}', {{ expression }}{{ ',' if not loop.last }}
        {%- endfor %}
    ) as {{ dbt.type_string() }})
{% endmacro %}

{% macro postgres__kam_json_object(pairs) %}
    cast(json_build_object(
        {%- for key, expression in pairs %}
        '{{ key }}', {{ expression }}{{ ',' if not loop.last }}
        {%- endfor %}
    ) as {{ dbt.type_string() }})
{% endmacro %}

{% macro spark__kam_json_object(pairs) %}
    to_json(
        named_struct(
            {%- for key, expression in pairs %}
            '{{ key }}', {{ expression }}{{ ',' if not loop.last }}
            {%- endfor %}
        ),
        map('ignoreNullFields', 'false')
    )
{% endmacro %}
