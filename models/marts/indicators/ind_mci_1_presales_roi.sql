with

periods as (

    select * from {{ ref('int_periods') }}

),

closed_opportunities as (

    select
        opportunity_id,
        closed_period_start as period_start,
        outcome,
        amount,
        presales_cost
    from {{ ref('int_opportunities') }}
    where is_closed

),

per_period as (

    select
        periods.period_start,
        count(closed_opportunities.opportunity_id) as closed_count,
        coalesce(
            sum(
                case
                    when closed_opportunities.outcome = 'won'
                        then closed_opportunities.amount
                end
            ),
            cast(0 as {{ kam_type_amount() }})
        ) as won_amount,
        coalesce(
            sum(closed_opportunities.presales_cost),
            cast(0 as {{ kam_type_amount() }})
        ) as presales_cost
    from periods
    left join closed_opportunities
        on periods.period_start = closed_opportunities.period_start
    group by periods.period_start

),

final as (

    select
        'MCI.1' as indicator_code,
        'amount' as basis,
        period_start,
        {{ kam_divide('won_amount', 'presales_cost') }} as value,
        closed_count as population
    from per_period

)

select * from final
