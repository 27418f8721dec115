with

periods as (

    select * from {{ ref('int_periods') }}

),

opportunities as (

    select * from {{ ref('int_opportunities') }}
    where origin = 'captured'

),

key_accounts as (

    select
        account_id,
        period_start
    from {{ ref('int_account_periods') }}
    where is_key_account

),

approved_for_key_accounts as (

    {#- Approved in the period, for an account that is a key account of that
        period, whatever the outcome. -#}
    select
        opportunities.opportunity_id,
        opportunities.approved_period_start as period_start,
        opportunities.amount
    from opportunities
    inner join key_accounts
        on
            opportunities.account_id = key_accounts.account_id
            and opportunities.approved_period_start = key_accounts.period_start

),

per_period as (

    select
        periods.period_start,
        count(approved_for_key_accounts.opportunity_id) as opportunity_count,
        coalesce(
            sum(approved_for_key_accounts.amount),
            cast(0 as {{ kam_type_amount() }})
        ) as total_amount
    from periods
    left join approved_for_key_accounts
        on periods.period_start = approved_for_key_accounts.period_start
    group by periods.period_start

),

final as (

    select
        'ESP.4.2' as indicator_code,
        'amount' as basis,
        period_start,
        cast(total_amount as {{ kam_type_double() }}) as value,
        opportunity_count as population
    from per_period

)

select * from final
