{#
    Per period, the figures that the ESP+ indicators of one group of entities
    (accounts or reps, each with output, investment, roi and prior_output,
    prior_roi of the prior period) are made of:
      entity_count          |group|
      total_output          Σ output (0 over nothing)
      total_investment      Σ investment (0 over nothing)
      output_grew_count     entities whose output grew
      output_stable_count   entities whose output is stable (kam_is_stable)
      roi_comparable_count  entities with ROI defined in both periods
      roi_grew_count        of those, entities whose ROI grew
      roi_stable_count      of those, entities whose ROI is stable
    Every period of `periods` gets a row, with has_prior_period.
#}
{% macro kam_group_figures(periods, entities) %}
    select
        {{ periods }}.period_start,
        {{ periods }}.has_prior_period,
        count({{ entities }}.period_start) as entity_count,
        coalesce(
            sum({{ entities }}.output), cast(0 as {{ kam_type_amount() }})
        ) as total_output,
        coalesce(
            sum({{ entities }}.investment), cast(0 as {{ kam_type_amount() }})
        ) as total_investment,
        coalesce(sum(
            case
                when {{ entities }}.output > {{ entities }}.prior_output
                    then 1
                else 0
            end
        ), 0) as output_grew_count,
        coalesce(sum(
            case
                when {{ kam_is_stable(
                    entities ~ '.output', entities ~ '.prior_output'
                ) }}
                    then 1
                else 0
            end
        ), 0) as output_stable_count,
        coalesce(sum(
            case
                when
                    {{ entities }}.roi is not null
                    and {{ entities }}.prior_roi is not null
                    then 1
                else 0
            end
        ), 0) as roi_comparable_count,
        coalesce(sum(
            case
                when {{ entities }}.roi > {{ entities }}.prior_roi then 1
                else 0
            end
        ), 0) as roi_grew_count,
        coalesce(sum(
            case
                when {{ kam_is_stable(
                    entities ~ '.roi', entities ~ '.prior_roi'
                ) }}
                    then 1
                else 0
            end
        ), 0) as roi_stable_count
    from {{ periods }}
    left join {{ entities }}
        on {{ periods }}.period_start = {{ entities }}.period_start
    group by {{ periods }}.period_start, {{ periods }}.has_prior_period
{% endmacro %}
