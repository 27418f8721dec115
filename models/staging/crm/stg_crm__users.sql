with

checked_rows as (

    select * from {{ ref('base_crm__users_checked') }}

),

passed as (

    select
        user_id,
        user_name,
        role,
        hired_on,
        left_on
    from checked_rows
    where reason_codes is null

)

select * from passed
