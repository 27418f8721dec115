with

accounts as (

    select * from {{ ref('stg_crm__accounts') }}

),

account_periods as (

    select * from {{ ref('int_account_periods') }}

),

account_owners as (

    select * from {{ ref('stg_crm__account_owners') }}

),

event_window as (

    select as_of_date from {{ ref('stg_crm__event_window') }}

),

latest_period as (

    select max(period_start) as period_start from account_periods

),

class_on_as_of_date as (

    select
        account_periods.account_id,
        account_periods.account_class,
        account_periods.is_key_account
    from account_periods
    inner join latest_period
        on account_periods.period_start = latest_period.period_start

),

owner_on_as_of_date as (

    select
        account_owners.account_id,
        account_owners.user_id
    from account_owners
    cross join event_window
    where
        account_owners.valid_from <= event_window.as_of_date
        and (
            account_owners.valid_to > event_window.as_of_date
            or account_owners.valid_to is null
        )

),

final as (

    select
        accounts.account_id,
        accounts.account_name,
        accounts.industry,
        accounts.region,
        accounts.created_on,
        class_on_as_of_date.account_class,
        owner_on_as_of_date.user_id as owner_user_id,
        coalesce(class_on_as_of_date.is_key_account, false)
            as is_key_account
    from accounts
    left join class_on_as_of_date
        on accounts.account_id = class_on_as_of_date.account_id
    left join owner_on_as_of_date
        on accounts.account_id = owner_on_as_of_date.account_id

)

select * from final
