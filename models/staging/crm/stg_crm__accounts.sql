with

checked_rows as (

    select * from {{ ref('base_crm__accounts_checked') }}

),

passed as (

    select
        account_id,
        account_name,
        industry,
        region,
        created_on
    from checked_rows
    where reason_codes is null

)

select * from passed
