{#
    A raw text value trimmed, or null where it is empty or one of the words
    that exports write for "no value": null, None, N/A, - (any letter case).
#}
{% macro kam_clean(expression) %}
    case
        when lower(trim({{ expression }})) in ('', 'null', 'none', 'n/a', '-')
            then null
        else trim({{ expression }})
    end
{% endmacro %}
