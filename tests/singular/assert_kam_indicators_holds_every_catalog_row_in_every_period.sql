-- Every catalog row (indicator, basis) appears in kam_indicators exactly once
-- for every period of the spine, and nothing else does.
with

indicator_catalog as (

    select
        indicator_code,
        basis
    from {{ ref('indicator_catalog') }}

),

periods as (

    select period_label from {{ ref('int_periods') }}

),

kam_indicators as (

    select
        indicator_code,
        basis,
        period_label
    from {{ ref('kam_indicators') }}

),

expected as (

    select
        indicator_catalog.indicator_code,
        indicator_catalog.basis,
        periods.period_label
    from indicator_catalog
    cross join periods

),

actual_counts as (

    select
        indicator_code,
        basis,
        period_label,
        count(*) as row_count
    from kam_indicators
    group by indicator_code, basis, period_label

),

compared as (

    select
        coalesce(expected.indicator_code, actual_counts.indicator_code)
            as indicator_code,
        coalesce(expected.basis, actual_counts.basis) as basis,
        coalesce(expected.period_label, actual_counts.period_label)
            as period_label,
        expected.indicator_code is not null as is_expected,
        coalesce(actual_counts.row_count, 0) as row_count
    from expected
    full outer join actual_counts
        on
            expected.indicator_code = actual_counts.indicator_code
            and expected.basis = actual_counts.basis
            and expected.period_label = actual_counts.period_label

)

select *
from compared
where not is_expected or row_count <> 1
