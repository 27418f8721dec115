with

periods as (

    select * from {{ ref('int_periods') }}

),

opportunities as (

    select * from {{ ref('int_opportunities') }}
    where is_closed

),

key_accounts as (

    select
        account_id,
        period_start
    from {{ ref('int_account_periods') }}
    where is_key_account

),

closed_for_key_accounts as (

    {#- Closed (won or lost after approval) in the period, for an account
        that is a key account of that period. -#}
    select
        opportunities.opportunity_id,
        opportunities.closed_period_start as period_start,
        opportunities.outcome,
        opportunities.amount
    from opportunities
    inner join key_accounts
        on
            opportunities.account_id = key_accounts.account_id
            and opportunities.closed_period_start = key_accounts.period_start

),

win_rate_figures as (

    {{ kam_win_rate_figures('periods', 'closed_for_key_accounts') }}

),

final as (

    select
        'ESP.4.4' as indicator_code,
        'amount' as basis,
        period_start,
        {{ kam_divide('won_amount', 'closed_amount') }} as value,
        closed_count as population
    from win_rate_figures
    union all
    select
        'ESP.4.4' as indicator_code,
        'count' as basis,
        period_start,
        {{ kam_divide('won_count', 'closed_count') }} as value,
        closed_count as population
    from win_rate_figures

)

select * from final
