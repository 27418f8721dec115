with

periods as (

    select * from {{ ref('int_periods') }}

),

account_periods as (

    select
        account_id,
        period_start,
        is_key_account
    from {{ ref('int_account_periods') }}

),

account_ledger as (

    select * from {{ ref('int_account_ledger') }}

),

account_owners as (

    select * from {{ ref('stg_crm__account_owners') }}

),

rep_figures as (

    {#- What each owner was attributed of the period's key accounts. -#}
    select
        account_ledger.owner_user_id as user_id,
        account_ledger.period_start,
        sum(account_ledger.output_amount) as output,
        sum(account_ledger.investment_amount) as investment
    from account_ledger
    inner join account_periods
        on
            account_ledger.account_id = account_periods.account_id
            and account_ledger.period_start = account_periods.period_start
    where
        account_periods.is_key_account
        and account_ledger.owner_user_id is not null
    group by account_ledger.owner_user_id, account_ledger.period_start

),

key_account_ownership as (

    {#- R(p): owners of a key account of p on at least one day of p (up to
        the as-of date). -#}
    select
        account_owners.user_id,
        periods.period_start,
        count(distinct account_owners.account_id) as key_accounts_owned
    from account_owners
    inner join periods
        on
            account_owners.valid_from <= periods.period_cutoff_date
            and (
                account_owners.valid_to > periods.period_start
                or account_owners.valid_to is null
            )
    inner join account_periods
        on
            account_owners.account_id = account_periods.account_id
            and periods.period_start = account_periods.period_start
    where account_periods.is_key_account
    group by account_owners.user_id, periods.period_start

),

reps as (

    select
        key_account_ownership.user_id,
        key_account_ownership.period_start,
        periods.period_label,
        periods.prior_period_start,
        periods.has_prior_period,
        key_account_ownership.key_accounts_owned,
        cast(
            coalesce(rep_figures.output, 0) as {{ kam_type_amount() }}
        ) as output,
        cast(
            coalesce(rep_figures.investment, 0) as {{ kam_type_amount() }}
        ) as investment
    from key_account_ownership
    inner join periods
        on key_account_ownership.period_start = periods.period_start
    left join rep_figures
        on
            key_account_ownership.user_id = rep_figures.user_id
            and key_account_ownership.period_start = rep_figures.period_start

),

final as (

    {#- The prior figures are the rep's attribution from the prior period's
        key accounts, whether or not the rep was in R of that period. -#}
    select
        reps.user_id,
        reps.period_start,
        reps.period_label,
        reps.key_accounts_owned,
        reps.output,
        reps.investment,
        {{ kam_divide('reps.output', 'reps.investment') }} as roi,
        reps.has_prior_period,
        cast(
            case
                when reps.has_prior_period
                    then coalesce(prior_figures.output, 0)
            end as {{ kam_type_amount() }}
        ) as prior_output,
        cast(
            case
                when reps.has_prior_period
                    then coalesce(prior_figures.investment, 0)
            end as {{ kam_type_amount() }}
        ) as prior_investment,
        {{ kam_divide('prior_figures.output', 'prior_figures.investment') }}
            as prior_roi
    from reps
    left join rep_figures as prior_figures
        on
            reps.user_id = prior_figures.user_id
            and reps.prior_period_start = prior_figures.period_start

)

select * from final
