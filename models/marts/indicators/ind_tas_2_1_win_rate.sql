with

periods as (

    select * from {{ ref('int_periods') }}

),

closed_opportunities as (

    select
        opportunity_id,
        closed_period_start as period_start,
        outcome,
        amount
    from {{ ref('int_opportunities') }}
    where is_closed

),

win_rate_figures as (

    {{ kam_win_rate_figures('periods', 'closed_opportunities') }}

),

final as (

    select
        'TAS.2.1' as indicator_code,
        'amount' as basis,
        period_start,
        {{ kam_divide('won_amount', 'closed_amount') }} as value,
        closed_count as population
    from win_rate_figures
    union all
    select
        'TAS.2.1' as indicator_code,
        'count' as basis,
        period_start,
        {{ kam_divide('won_count', 'closed_count') }} as value,
        closed_count as population
    from win_rate_figures

)

select * from final
