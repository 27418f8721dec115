-- The indicators in alert in the latest complete period, and for the
-- customer line the ten key accounts whose output fell most against the
-- prior period: where an analyst starts when the scorecard turns red.
-- Compile with `dbt compile -s alerts_with_accounts_that_moved` and run the
-- SQL from target/compiled in any client.
with

kam_indicators as (

    select * from {{ ref('kam_indicators') }}

),

account_periods as (

    select * from {{ ref('fct_account_periods') }}

),

latest_complete_period as (

    select max(period_start) as period_start
    from kam_indicators
    where is_complete_period

),

alerts as (

    select
        kam_indicators.indicator_code,
        kam_indicators.basis,
        kam_indicators.indicator_name,
        kam_indicators.indicator_name_zh,
        kam_indicators.period_label,
        kam_indicators.value,
        kam_indicators.prior_value,
        kam_indicators.growth_rate
    from kam_indicators
    inner join latest_complete_period
        on kam_indicators.period_start = latest_complete_period.period_start
    where kam_indicators.status = 'alert'

),

accounts_that_fell as (

    select
        account_periods.account_id,
        account_periods.account_name,
        account_periods.account_class,
        account_periods.output,
        account_periods.prior_output,
        account_periods.output_change
    from account_periods
    inner join latest_complete_period
        on account_periods.period_start = latest_complete_period.period_start
    where account_periods.is_key_account
    order by account_periods.output_change
    limit 10

),

final as (

    select
        'indicator in alert' as finding,
        alerts.indicator_code as subject,
        alerts.indicator_name_zh as detail,
        alerts.value,
        alerts.prior_value
    from alerts
    union all
    select
        'key account whose output fell' as finding,
        accounts_that_fell.account_id as subject,
        accounts_that_fell.account_name as detail,
        accounts_that_fell.output as value,
        accounts_that_fell.prior_output as prior_value
    from accounts_that_fell

)

select * from final
