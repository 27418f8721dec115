with

account_periods as (

    select * from {{ ref('int_account_periods') }}

),

accounts as (

    select * from {{ ref('stg_crm__accounts') }}

),

periods as (

    select
        period_start,
        period_end,
        is_complete_period
    from {{ ref('int_periods') }}

),

final as (

    select
        account_periods.account_id,
        accounts.account_name,
        accounts.industry,
        accounts.region,
        account_periods.period_label,
        account_periods.period_start,
        periods.period_end,
        periods.is_complete_period,
        account_periods.assessed_on,
        account_periods.account_class,
        account_periods.is_key_account,
        account_periods.output,
        account_periods.investment,
        account_periods.roi,
        account_periods.potential_output,
        account_periods.has_prior_period,
        account_periods.prior_account_class,
        account_periods.prior_is_key_account,
        account_periods.prior_output,
        account_periods.prior_investment,
        account_periods.prior_roi,
        account_periods.prior_potential_output,
        account_periods.output - account_periods.prior_output
            as output_change
    from account_periods
    inner join accounts
        on account_periods.account_id = accounts.account_id
    inner join periods
        on account_periods.period_start = periods.period_start

)

select * from final
