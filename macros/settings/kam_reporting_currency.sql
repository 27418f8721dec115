{# The reporting currency of var kam_reporting_currency: three letters. #}
{% macro kam_reporting_currency() %}
    {% set currency = var('kam_reporting_currency') | string | trim | upper %}
    {% if not modules.re.match('^[A-Z]{3}$', currency) %}
        {% do exceptions.raise_compiler_error(
            "var kam_reporting_currency must be a three-letter ISO code "
            ~ "such as CNY; got '" ~ var('kam_reporting_currency') ~ "'"
        ) %}
    {% endif %}
    {% do return(currency) %}
{% endmacro %}
