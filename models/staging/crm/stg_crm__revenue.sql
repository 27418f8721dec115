with

checked_rows as (

    select * from {{ ref('base_crm__revenue_checked') }}

),

passed as (

    select
        revenue_id,
        account_id,
        booked_on,
        amount_reporting as amount,
        currency as source_currency,
        amount as amount_in_source_currency
    from checked_rows
    where reason_codes is null

)

select * from passed
