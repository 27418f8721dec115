{# A JSON object (as text) of the given columns, in their order. #}
{% macro kam_json_object(columns) %}
    {{ return(adapter.dispatch('kam_json_object', 'kam_scorecard')(columns)) }}
{% endmacro %}

{% macro default__kam_json_object(columns) %}
    cast(json_object(
        {%- for column in columns %}
        '{{ column }}', {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    ) as {{ dbt.type_string() }})
{% endmacro %}

{% macro postgres__kam_json_object(columns) %}
    cast(json_build_object(
        {%- for column in columns %}
        '{{ column }}', {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    ) as {{ dbt.type_string() }})
{% endmacro %}

{% macro spark__kam_json_object(columns) %}
    to_json(
        named_struct(
            {%- for column in columns %}
            '{{ column }}', {{ column }}{{ ',' if not loop.last }}
            {%- endfor %}
        ),
        map('ignoreNullFields', 'false')
    )
{% endmacro %}
