with

opportunities as (

    select * from {{ ref('int_opportunities') }}

),

acceptance_at_close as (

    select
        opportunity_id,
        solution_acceptance,
        contacts_assessed
    from {{ ref('int_opportunity_acceptance') }}
    where evaluation = 'at_close'

),

final as (

    select
        opportunities.opportunity_id,
        opportunities.account_id,
        opportunities.owner_id,
        opportunities.origin,
        opportunities.outcome,
        opportunities.is_closed,
        opportunities.amount,
        opportunities.estimated_presales_cost,
        opportunities.created_on,
        opportunities.approved_on,
        opportunities.closed_on,
        opportunities.created_period_start,
        opportunities.approved_period_start,
        opportunities.closed_period_start,
        cast(opportunities.close_cycle_days as integer) as close_cycle_days,
        opportunities.presales_cost,
        opportunities.presales_cost_entries,
        opportunities.timesheet_entries,
        opportunities.presales_hours,
        opportunities.is_supported,
        acceptance_at_close.solution_acceptance
            as solution_acceptance_at_close,
        acceptance_at_close.contacts_assessed as contacts_assessed_at_close
    from opportunities
    left join acceptance_at_close
        on opportunities.opportunity_id = acceptance_at_close.opportunity_id

)

select * from final
