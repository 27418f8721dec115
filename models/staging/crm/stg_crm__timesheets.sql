with

checked_rows as (

    select * from {{ ref('base_crm__timesheets_checked') }}

),

passed as (

    select
        entry_id,
        user_id,
        opportunity_id,
        work_date,
        hours,
        is_confirmed = 'true' as is_confirmed
    from checked_rows
    where reason_codes is null

)

select * from passed
