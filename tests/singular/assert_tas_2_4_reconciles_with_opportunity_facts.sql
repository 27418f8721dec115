-- TAS.2.4 (total won amount) equals the amount of the opportunities the
-- opportunity facts show as won (and closed) in the period. A period without
-- a value must be no_data (no staged opportunity at all, DECISIONS.md, D28).
with

kam_indicators as (

    select
        period_start,
        value,
        population,
        status
    from {{ ref('kam_indicators') }}
    where indicator_code = 'TAS.2.4' and basis = 'amount'

),

won_opportunities as (

    select
        closed_period_start as period_start,
        amount
    from {{ ref('fct_opportunities') }}
    where is_closed and outcome = 'won'

),

summed as (

    select
        period_start,
        sum(amount) as won_amount,
        count(*) as won_count
    from won_opportunities
    group by period_start

),

compared as (

    select
        kam_indicators.period_start,
        kam_indicators.value,
        kam_indicators.population,
        kam_indicators.status,
        coalesce(summed.won_amount, 0) as won_amount,
        coalesce(summed.won_count, 0) as won_count
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
            abs(value - won_amount) > 1e-6 * (1 + abs(won_amount))
            or population <> won_count
        )
    )
