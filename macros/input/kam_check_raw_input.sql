{# on-run-start hook: stop with one message listing every input problem. #}
{% macro kam_check_raw_input() %}
    {% set problems = kam_raw_input_problems() %}
    {% if problems | length > 0 %}
        {% if kam_adapter() is not none %}
            {% set lead = 'the export files under kam_adapter_path cannot be '
                ~ 'read by the ' ~ kam_adapter() ~ ' adapter' %}
        {% else %}
            {% set lead = 'the raw files under kam_raw_path cannot be '
                ~ 'read as the raw contract asks (RAW_CONTRACT.md)' %}
        {% endif %}
        {% do exceptions.raise_compiler_error(
            'kam_check_raw_input: ' ~ lead ~ ':\n  - '
            ~ (problems | join('\n  - '))
        ) %}
    {% endif %}
    {% do return('select 1 as kam_raw_input_checked') %}
{% endmacro %}
