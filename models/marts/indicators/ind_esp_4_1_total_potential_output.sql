with

periods as (

    select * from {{ ref('int_periods') }}

),

key_accounts as (

    select * from {{ ref('int_account_periods') }}
    where is_key_account

),

per_period as (

    select
        periods.period_start,
        count(key_accounts.account_id) as key_account_count,
        coalesce(
            sum(key_accounts.potential_output),
            cast(0 as {{ kam_type_amount() }})
        ) as total_potential_output
    from periods
    left join key_accounts
        on periods.period_start = key_accounts.period_start
    group by periods.period_start

),

final as (

    select
        'ESP.4.1' as indicator_code,
        'amount' as basis,
        period_start,
        cast(total_potential_output as {{ kam_type_double() }}) as value,
        key_account_count as population
    from per_period

)

select * from final
