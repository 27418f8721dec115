{#
    A date of any contract form rewritten as Y-M-D (the time, if any, after
    a space), so that its parts can be split off.
#}
{% macro kam_normalized_date_text(expression) %}
    replace(replace(replace(replace(
        {{ expression }}, '/', '-'), '年', '-'), '月', '-'), '日', '')
{% endmacro %}
