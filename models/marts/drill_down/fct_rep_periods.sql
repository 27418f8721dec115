with

rep_periods as (

    select * from {{ ref('int_rep_periods') }}

),

users as (

    select
        user_id,
        role
    from {{ ref('stg_crm__users') }}

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
        rep_periods.user_id,
        users.role,
        rep_periods.period_label,
        rep_periods.period_start,
        periods.period_end,
        periods.is_complete_period,
        rep_periods.key_accounts_owned,
        rep_periods.output,
        rep_periods.investment,
        rep_periods.roi,
        rep_periods.has_prior_period,
        rep_periods.prior_output,
        rep_periods.prior_investment,
        rep_periods.prior_roi,
        rep_periods.output - rep_periods.prior_output as output_change
    from rep_periods
    inner join users
        on rep_periods.user_id = users.user_id
    inner join periods
        on rep_periods.period_start = periods.period_start

)

select * from final
