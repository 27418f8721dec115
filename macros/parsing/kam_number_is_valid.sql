{# True where cleaned text is a plain number of at most 15 whole digits. #}
{% macro kam_number_is_valid(expression) %}
    {{ kam_regexp_matches(expression, '^-?[0-9]{1,15}([.][0-9]+)?$') }}
{% endmacro %}
