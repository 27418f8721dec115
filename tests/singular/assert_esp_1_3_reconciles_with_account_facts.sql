-- ESP.1.3 (total output of key accounts) equals the output of the key
-- accounts in the drill-down facts, summed per period. A period without a
-- value must be no_data: with no staged revenue at all ESP.1.3 is empty
-- (DECISIONS.md, D28), while the facts still list the key accounts.
with

kam_indicators as (

    select
        period_start,
        value,
        population,
        status
    from {{ ref('kam_indicators') }}
    where indicator_code = 'ESP.1.3' and basis = 'amount'

),

account_periods as (

    select
        period_start,
        output
    from {{ ref('fct_account_periods') }}
    where is_key_account

),

summed as (

    select
        period_start,
        sum(output) as total_output,
        count(*) as key_accounts
    from account_periods
    group by period_start

),

compared as (

    select
        kam_indicators.period_start,
        kam_indicators.value,
        kam_indicators.population,
        kam_indicators.status,
        coalesce(summed.total_output, 0) as total_output,
        coalesce(summed.key_accounts, 0) as key_accounts
    from kam_indicators
    left join summed
        on kam_indicators.period_start = summed.period_start

)

select *
from compared
where
    (value is null and status <> 'no_data')
    or (
        value is not null
        and (
            abs(value - total_output) > 1e-6 * (1 + abs(total_output))
            or population <> key_accounts
        )
    )
