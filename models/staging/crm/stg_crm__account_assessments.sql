with

checked_rows as (

    select * from {{ ref('base_crm__account_assessments_checked') }}

),

passed as (

    select
        account_id,
        assessed_on,
        account_class,
        expected_annual_spend_reporting as expected_annual_spend,
        currency as source_currency,
        expected_annual_spend as expected_annual_spend_in_source_currency,
        relationship_score,
        solution_score,
        price_score
    from checked_rows
    where reason_codes is null

)

select * from passed
