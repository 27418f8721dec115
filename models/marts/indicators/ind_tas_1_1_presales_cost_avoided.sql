with

periods as (

    select * from {{ ref('int_periods') }}

),

leads as (

    select * from {{ ref('int_leads') }}
    where status = 'disqualified'

),

opportunities as (

    select * from {{ ref('int_opportunities') }}
    where outcome = 'dropped'

),

filtered_out as (

    {#- What was filtered out before approval, with the presales cost it
        would have needed; a missing estimate counts 0. -#}
    select
        closed_period_start as period_start,
        coalesce(
            estimated_presales_cost, cast(0 as {{ kam_type_amount() }})
        ) as estimated_presales_cost
    from leads
    union all
    select
        closed_period_start as period_start,
        coalesce(
            estimated_presales_cost, cast(0 as {{ kam_type_amount() }})
        ) as estimated_presales_cost
    from opportunities

),

per_period as (

    select
        periods.period_start,
        count(filtered_out.period_start) as filtered_out_count,
        coalesce(
            sum(filtered_out.estimated_presales_cost),
            cast(0 as {{ kam_type_amount() }})
        ) as cost_avoided
    from periods
    left join filtered_out
        on periods.period_start = filtered_out.period_start
    group by periods.period_start

),

final as (

    select
        'TAS.1.1' as indicator_code,
        'amount' as basis,
        period_start,
        cast(cost_avoided as {{ kam_type_double() }}) as value,
        filtered_out_count as population
    from per_period

)

select * from final
