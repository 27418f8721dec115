{#
    Potential output (ESP.4.1) of an assessment:
        expected_annual_spend × (relationship_score/100 × w_relationship
                                 + solution_score/100 × w_solution
                                 + price_score/100 × w_price)
    with the weights of var kam_potential_weights (checked there), or the
    SQL expressions of `weights` (a dict with relationship, solution and
    price, e.g. the columns of int_potential_weights_fitted), rounded to the
    amount type so that sums over accounts are exact on every engine.
#}
{% macro kam_potential_output(
    expected_annual_spend,
    relationship_score,
    solution_score,
    price_score,
    weights=none
) %}
    {%- set weights = weights or kam_potential_weights() -%}
    cast(
        cast({{ expected_annual_spend }} as {{ kam_type_double() }})
        * (
            cast({{ relationship_score }} as {{ kam_type_double() }})
            * {{ weights.relationship }}
            + cast({{ solution_score }} as {{ kam_type_double() }})
            * {{ weights.solution }}
            + cast({{ price_score }} as {{ kam_type_double() }})
            * {{ weights.price }}
        )
        / 100
        as {{ kam_type_amount() }}
    )
{% endmacro %}
