with

periods as (

    select * from {{ ref('int_periods') }}

),

closed_opportunities as (

    select
        opportunity_id,
        closed_period_start as period_start,
        outcome,
        close_cycle_days
    from {{ ref('int_opportunities') }}
    where is_closed

),

per_period as (

    select
        periods.period_start,
        coalesce(sum(
            case when closed_opportunities.outcome = 'won' then 1 end
        ), 0) as won_count,
        coalesce(sum(
            case when closed_opportunities.outcome = 'lost' then 1 end
        ), 0) as lost_count,
        coalesce(sum(
            case
                when closed_opportunities.outcome = 'won'
                    then closed_opportunities.close_cycle_days
            end
        ), 0) as won_cycle_days,
        coalesce(sum(
            case
                when closed_opportunities.outcome = 'lost'
                    then closed_opportunities.close_cycle_days
            end
        ), 0) as lost_cycle_days
    from periods
    left join closed_opportunities
        on periods.period_start = closed_opportunities.period_start
    group by periods.period_start

),

final as (

    select
        'TAS.2.2' as indicator_code,
        'won' as basis,
        period_start,
        {{ kam_divide('won_cycle_days', 'won_count') }} as value,
        won_count as population
    from per_period
    union all
    select
        'TAS.2.2' as indicator_code,
        'lost' as basis,
        period_start,
        {{ kam_divide('lost_cycle_days', 'lost_count') }} as value,
        lost_count as population
    from per_period

)

select * from final
