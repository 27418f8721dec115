with

checked_rows as (

    select * from {{ ref('base_crm__working_calendar_checked') }}

),

passed as (

    select
        calendar_date,
        is_workday = 'true' as is_workday,
        statutory_hours
    from checked_rows
    where reason_codes is null

)

select * from passed
