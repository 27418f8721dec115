with

checked_rows as (

    select * from {{ ref('base_crm__account_costs_checked') }}

),

passed as (

    select
        cost_id,
        account_id,
        incurred_on,
        cost_type,
        amount_reporting as amount,
        currency as source_currency,
        amount as amount_in_source_currency
    from checked_rows
    where reason_codes is null

)

select * from passed
