{#
    The source adapter named by var kam_adapter, trimmed; none when empty.
    An unknown name, or kam_raw_path set too, stops the compilation.
#}
{% macro kam_adapter() %}
    {% set name = var('kam_adapter') %}
    {% if name is none or (name | string | trim) == '' %}
        {% do return(none) %}
    {% endif %}
    {% set name = name | string | trim %}
    {% set known = kam_adapters().keys() | sort %}
    {% if name not in known %}
        {% do exceptions.raise_compiler_error(
            "var kam_adapter must be one of " ~ (known | join(', '))
            ~ " or empty; got '" ~ name ~ "'"
        ) %}
    {% endif %}
    {% if kam_raw_path() is not none %}
        {% do exceptions.raise_compiler_error(
            'var kam_adapter (' ~ name ~ ') and var kam_raw_path ('
            ~ kam_raw_path() ~ ') are both set: an adapter reads the export '
            ~ 'under kam_adapter_path, kam_raw_path reads files already in '
            ~ 'the contract form. Set one of them.'
        ) %}
    {% endif %}
    {% do return(name) %}
{% endmacro %}
