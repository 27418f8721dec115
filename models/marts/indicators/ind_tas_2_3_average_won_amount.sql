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
        'TAS.2.3' as indicator_code,
        'amount' as basis,
        period_start,
        {{ kam_divide('won_amount', 'won_count') }} as value,
        won_count as population
    from win_rate_figures

)

select * from final
