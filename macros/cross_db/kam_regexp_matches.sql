{# True where a text expression matches a regular expression (anchor it). #}
{% macro kam_regexp_matches(expression, pattern) %}
    {{ return(adapter.dispatch('kam_regexp_matches', 'kam_scorecard')(
        expression, pattern
    )) }}
{% endmacro %}

{% macro default__kam_regexp_matches(expression, pattern) %}
    regexp_matches({{ expression }}, '{{ pattern }}')
{% endmacro %}

{% macro postgres__kam_regexp_matches(expression, pattern) %}
    ({{ expression }} ~ '{{ pattern }}')
{% endmacro %}

{% macro spark__kam_regexp_matches(expression, pattern) %}
    ({{ expression }} rlike '{{ pattern }}')
{% endmacro %}
