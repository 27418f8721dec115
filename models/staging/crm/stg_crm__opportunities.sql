with

checked_rows as (

    select * from {{ ref('base_crm__opportunities_checked') }}

),

passed as (

    select
        opportunity_id,
        account_id,
        owner_id,
        origin,
        created_on,
        approved_on,
        closed_on,
        outcome,
        amount_reporting as amount,
        estimated_presales_cost_reporting as estimated_presales_cost,
        currency as source_currency,
        amount as amount_in_source_currency,
        estimated_presales_cost as estimated_presales_cost_in_source_currency
    from checked_rows
    where reason_codes is null

)

select * from passed
