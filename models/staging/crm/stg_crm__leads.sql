with

checked_rows as (

    select * from {{ ref('base_crm__leads_checked') }}

),

passed as (

    select
        lead_id,
        account_id,
        created_on,
        status,
        closed_on,
        opportunity_id,
        estimated_presales_cost_reporting as estimated_presales_cost,
        currency as source_currency,
        estimated_presales_cost as estimated_presales_cost_in_source_currency
    from checked_rows
    where reason_codes is null

)

select * from passed
