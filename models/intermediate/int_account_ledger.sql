with

revenue as (

    select * from {{ ref('stg_crm__revenue') }}

),

account_costs as (

    select * from {{ ref('stg_crm__account_costs') }}

),

account_owners as (

    select * from {{ ref('stg_crm__account_owners') }}

),

event_window as (

    select as_of_date from {{ ref('stg_crm__event_window') }}

),

entries as (

    select
        'revenue' as entry_kind,
        revenue_id as entry_id,
        account_id,
        booked_on as entry_date,
        amount as output_amount,
        cast(0 as {{ kam_type_amount() }}) as investment_amount
    from revenue
    union all
    select
        'account_cost' as entry_kind,
        cost_id as entry_id,
        account_id,
        incurred_on as entry_date,
        cast(0 as {{ kam_type_amount() }}) as output_amount,
        amount as investment_amount
    from account_costs

),

entries_as_of as (

    {#- Entries dated after the as-of date have not happened yet. -#}
    select entries.*
    from entries
    cross join event_window
    where entries.entry_date <= event_window.as_of_date

),

attributed as (

    select
        entries_as_of.entry_kind,
        entries_as_of.entry_id,
        entries_as_of.account_id,
        entries_as_of.entry_date,
        {{ kam_period_start('entries_as_of.entry_date') }} as period_start,
        cast(
            entries_as_of.output_amount as {{ kam_type_amount() }}
        ) as output_amount,
        cast(
            entries_as_of.investment_amount as {{ kam_type_amount() }}
        ) as investment_amount,
        account_owners.user_id as owner_user_id
    from entries_as_of
    left join account_owners
        on
            entries_as_of.account_id = account_owners.account_id
            and entries_as_of.entry_date >= account_owners.valid_from
            and (
                entries_as_of.entry_date < account_owners.valid_to
                or account_owners.valid_to is null
            )

)

select * from attributed
