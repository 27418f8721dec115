{#
    Where one raw table comes from, as a dict:
      kind     'seed', 'file', 'adapter' (the model of var kam_adapter that
               fills it), 'empty' (var kam_adapter set, but its export has no
               data for the table) or 'missing' (no file under kam_raw_path)
      path     the file path (kind 'file'), else none
      format   'csv' or 'parquet' (kind 'file'), else none
      model    the adapter model's name (kind 'adapter'), else none
    Only the existence of a file is looked up, and only when executing.
#}
{% macro kam_raw_location(table_name) %}
    {% set adapter_name = kam_adapter() %}
    {% if adapter_name is not none %}
        {% if table_name in kam_adapters()[adapter_name].tables %}
            {% do return({
                'kind': 'adapter', 'path': none, 'format': none,
                'model': 'adp_' ~ adapter_name ~ '__' ~ table_name,
            }) %}
        {% elif table_name in kam_reference_tables() %}
            {% do return({'kind': 'seed', 'path': none, 'format': none}) %}
        {% endif %}
        {% do return({'kind': 'empty', 'path': none, 'format': none}) %}
    {% endif %}
    {% set raw_path = kam_raw_path() %}
    {% if raw_path is none %}
        {% do return({'kind': 'seed', 'path': none, 'format': none}) %}
    {% endif %}
    {% if not execute %}
        {% do return({
            'kind': 'file',
            'path': raw_path ~ '/' ~ table_name ~ '.csv',
            'format': 'csv',
        }) %}
    {% endif %}
    {% for file_format in ['parquet', 'csv'] %}
        {% set path = raw_path ~ '/' ~ table_name ~ '.' ~ file_format %}
        {% if kam_file_exists(path) %}
            {% do return({
                'kind': 'file', 'path': path, 'format': file_format,
            }) %}
        {% endif %}
    {% endfor %}
    {% if table_name in kam_reference_tables() %}
        {% do return({'kind': 'seed', 'path': none, 'format': none}) %}
    {% endif %}
    {% do return({'kind': 'missing', 'path': none, 'format': none}) %}
{% endmacro %}
