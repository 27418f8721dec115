with

opportunities as (

    select * from {{ ref('stg_crm__opportunities') }}

),

presales_costs as (

    select * from {{ ref('stg_crm__presales_costs') }}

),

timesheets as (

    select * from {{ ref('stg_crm__timesheets') }}

),

event_window as (

    select as_of_date from {{ ref('stg_crm__event_window') }}

),

opportunities_as_of as (

    {#- The opportunity as it stood on the as-of date: a later approval has
        not happened, a later close leaves it open. -#}
    select
        opportunities.opportunity_id,
        opportunities.account_id,
        opportunities.owner_id,
        opportunities.origin,
        opportunities.created_on,
        opportunities.amount,
        opportunities.estimated_presales_cost,
        event_window.as_of_date,
        case
            when opportunities.approved_on <= event_window.as_of_date
                then opportunities.approved_on
        end as approved_on,
        case
            when
                opportunities.outcome <> 'open'
                and opportunities.closed_on <= event_window.as_of_date
                then opportunities.closed_on
        end as closed_on,
        case
            when
                opportunities.outcome <> 'open'
                and opportunities.closed_on <= event_window.as_of_date
                then opportunities.outcome
            else 'open'
        end as outcome
    from opportunities
    cross join event_window
    where opportunities.created_on <= event_window.as_of_date

),

presales_cost_totals as (

    select
        presales_costs.opportunity_id,
        cast(
            sum(presales_costs.amount) as {{ kam_type_amount() }}
        ) as presales_cost,
        count(*) as presales_cost_entries
    from presales_costs
    cross join event_window
    where presales_costs.incurred_on <= event_window.as_of_date
    group by presales_costs.opportunity_id

),

timesheet_totals as (

    select
        timesheets.opportunity_id,
        count(*) as timesheet_entries,
        cast(sum(timesheets.hours) as {{ kam_type_amount() }}) as presales_hours
    from timesheets
    cross join event_window
    where
        timesheets.opportunity_id is not null
        and timesheets.work_date <= event_window.as_of_date
    group by timesheets.opportunity_id

),

final as (

    select
        opportunities_as_of.opportunity_id,
        opportunities_as_of.account_id,
        opportunities_as_of.owner_id,
        opportunities_as_of.origin,
        opportunities_as_of.outcome,
        opportunities_as_of.outcome in ('won', 'lost')
        and opportunities_as_of.approved_on is not null as is_closed,
        opportunities_as_of.amount,
        opportunities_as_of.estimated_presales_cost,
        opportunities_as_of.created_on,
        opportunities_as_of.approved_on,
        opportunities_as_of.closed_on,
        {{ kam_period_start('opportunities_as_of.created_on') }}
            as created_period_start,
        {{ kam_period_start('opportunities_as_of.approved_on') }}
            as approved_period_start,
        {{ kam_period_start('opportunities_as_of.closed_on') }}
            as closed_period_start,
        case
            when opportunities_as_of.outcome in ('won', 'lost')
                then {{ dbt.datediff(
                    'opportunities_as_of.approved_on',
                    'opportunities_as_of.closed_on',
                    'day',
                ) }}
        end as close_cycle_days,
        coalesce(
            presales_cost_totals.presales_cost,
            cast(0 as {{ kam_type_amount() }})
        ) as presales_cost,
        coalesce(
            presales_cost_totals.presales_cost_entries, 0
        ) as presales_cost_entries,
        coalesce(timesheet_totals.timesheet_entries, 0) as timesheet_entries,
        coalesce(
            timesheet_totals.presales_hours,
            cast(0 as {{ kam_type_amount() }})
        ) as presales_hours,
        presales_cost_totals.opportunity_id is not null
        or timesheet_totals.opportunity_id is not null as is_supported
    from opportunities_as_of
    left join presales_cost_totals
        on
            opportunities_as_of.opportunity_id
            = presales_cost_totals.opportunity_id
    left join timesheet_totals
        on
            opportunities_as_of.opportunity_id
            = timesheet_totals.opportunity_id

)

select * from final
