with

checked_rows as (

    select * from {{ ref('base_crm__presales_costs_checked') }}

),

passed as (

    select
        cost_id,
        opportunity_id,
        incurred_on,
        amount_reporting as amount,
        currency as source_currency,
        amount as amount_in_source_currency
    from checked_rows
    where reason_codes is null

)

select * from passed
