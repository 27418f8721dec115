{#
    Fails for every row of the model where a boolean SQL expression is not
    true (false or null).
#}
{% test kam_expression_is_true(model, expression, column_name=none) %}

select *
from {{ model }}
where not coalesce({{ expression }}, false)

{% endtest %}
