{#
    Fails for every combination of `columns` that more than one row of the
    model holds (rows where a column is null count as well).
#}
{% test kam_unique_combination(model, columns, column_name=none) %}

select
    {{ columns | join(', ') }},
    count(*) as row_count
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1

{% endtest %}
