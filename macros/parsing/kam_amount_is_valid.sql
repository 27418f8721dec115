{# True where cleaned text has the form of a contract amount. #}
{% macro kam_amount_is_valid(expression) %}
    ({{ kam_regexp_matches(expression, _kam_amount_pattern()) }}
        and {{ expression }} not like '%-%-%')
{% endmacro %}

{%- macro _kam_amount_pattern() -%}
    ^-?[¥￥$€]?-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)([.][0-9]+)?万?$
{%- endmacro -%}
