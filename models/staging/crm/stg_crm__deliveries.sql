with

checked_rows as (

    select * from {{ ref('base_crm__deliveries_checked') }}

),

passed as (

    select
        delivery_id,
        opportunity_id,
        contract_amount_reporting as contract_amount,
        currency as source_currency,
        contract_amount as contract_amount_in_source_currency,
        status,
        completed_on
    from checked_rows
    where reason_codes is null

)

select * from passed
