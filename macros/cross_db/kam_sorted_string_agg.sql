{#
    Aggregate: the text values of `expression` sorted and joined by commas;
    null over no row. The same text for the same set of values in any run.
#}
{% macro kam_sorted_string_agg(expression) %}
    {{ return(adapter.dispatch('kam_sorted_string_agg', 'kam_scorecard')(
        expression
    )) }}
{% endmacro %}

{% macro default__kam_sorted_string_agg(expression) %}
    {{ dbt.listagg(expression, "','", 'order by ' ~ expression) }}
{% endmacro %}

{#- Spark's listagg cannot order: sort the collected list instead. -#}
{% macro spark__kam_sorted_string_agg(expression) %}
    array_join(array_sort(collect_list({{ expression }})), ',')
{% endmacro %}
