{# The contract entry of one table; an unknown name stops the compilation. #}
{% macro kam_raw_table_spec(table_name) %}
    {% set contract = kam_raw_contract() %}
    {% if table_name not in contract %}
        {% do exceptions.raise_compiler_error(
            "kam_raw_table_spec: '" ~ table_name ~ "' is not a table of the"
            ~ " raw contract; known tables: "
            ~ (contract.keys() | sort | join(', '))
        ) %}
    {% endif %}
    {% do return(contract[table_name]) %}
{% endmacro %}
