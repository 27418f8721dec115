{#
    The relation expression that reads one file of the export under var
    kam_adapter_path, every column as text (kam_read_file_sql). The file must
    be one the adapter declares in kam_adapters, so that the on-run-start
    hook has checked it.
#}
{% macro kam_adapter_source(adapter_name, file_name) %}
    {% set declared = kam_adapters()[adapter_name].files %}
    {% if file_name not in declared %}
        {% do exceptions.raise_compiler_error(
            'kam_adapter_source: ' ~ file_name ~ ' is not a file of adapter '
            ~ adapter_name ~ ' in kam_adapters (declared: '
            ~ (declared.keys() | sort | join(', ')) ~ ')'
        ) %}
    {% endif %}
    {% set adapter_path = kam_adapter_path() %}
    {% if adapter_path is none %}
        {% if execute %}
            {% do exceptions.raise_compiler_error(
                'kam_adapter_source: var kam_adapter_path is empty; set it to '
                ~ 'the directory of the ' ~ adapter_name ~ ' export'
            ) %}
        {% endif %}
        {% set adapter_path = '.' %}
    {% endif %}
    {% do return(kam_read_file_sql(adapter_path ~ '/' ~ file_name, 'csv')) %}
{% endmacro %}
