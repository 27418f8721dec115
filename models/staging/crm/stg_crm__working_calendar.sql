with

checked_rows as (

    select * from {{ ref('base_crm__working_calendar_checked') }}

),

passed as (

    select
        calendar_date,
        statutory_hours,
        is_workday = 'true' as is_workday
    from checked_rows
    where reason_codes is null

)

select * from passed
