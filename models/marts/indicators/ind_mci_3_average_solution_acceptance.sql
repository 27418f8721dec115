with

periods as (

    select * from {{ ref('int_periods') }}

),

active_acceptance as (

    select * from {{ ref('int_opportunity_acceptance') }}
    where evaluation = 'active_period'

),

per_period as (

    select
        periods.period_start,
        count(active_acceptance.opportunity_id) as opportunity_count,
        sum(active_acceptance.solution_acceptance) as total_acceptance
    from periods
    left join active_acceptance
        on periods.period_start = active_acceptance.period_start
    group by periods.period_start

),

final as (

    select
        'MCI.3' as indicator_code,
        'score' as basis,
        period_start,
        {{ kam_divide('total_acceptance', 'opportunity_count') }} as value,
        opportunity_count as population
    from per_period

)

select * from final
