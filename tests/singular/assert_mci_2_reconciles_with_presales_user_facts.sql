-- MCI.2 (presales utilisation) equals Σ confirmed ÷ Σ statutory hours of the
-- presales-user facts of the period. An empty no_data value is left out:
-- with no staged timesheet at all MCI.2 is empty (DECISIONS.md, D28).
with

kam_indicators as (

    select
        period_start,
        value,
        population,
        status
    from {{ ref('kam_indicators') }}
    where indicator_code = 'MCI.2' and basis = 'ratio'

),

presales_user_periods as (

    select * from {{ ref('fct_presales_user_periods') }}

),

summed as (

    select
        period_start,
        sum(confirmed_hours) as confirmed_hours,
        sum(statutory_hours) as statutory_hours,
        count(*) as user_count
    from presales_user_periods
    group by period_start

),

compared as (

    select
        kam_indicators.period_start,
        kam_indicators.value,
        kam_indicators.population,
        kam_indicators.status,
        {{ kam_divide('summed.confirmed_hours', 'summed.statutory_hours') }}
            as utilisation,
        coalesce(summed.user_count, 0) as user_count
    from kam_indicators
    left join summed
        on kam_indicators.period_start = summed.period_start

)

select *
from compared
where
    not (value is null and status = 'no_data')
    and (
        population <> user_count
        or (value is null) <> (utilisation is null)
        or abs(value - utilisation) > 1e-9
    )
