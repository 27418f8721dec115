-- Every day a presales user was employed within a period (up to the as-of
-- date) is in the working calendar; a missing day would silently lower the
-- statutory hours of MCI.2. One row per user with missing days, and the
-- as-of date: an as-of date beyond the calendar's end usually comes from one
-- event dated in the future (a typo such as 2099), which sets the default.
with

presales_user_periods as (

    select
        user_id,
        period_start,
        employed_from,
        employed_to
    from {{ ref('int_presales_user_periods') }}

),

working_calendar as (

    select calendar_date from {{ ref('stg_crm__working_calendar') }}

),

event_window as (

    select
        last_event_date,
        as_of_date
    from {{ ref('stg_crm__event_window') }}

),

day_numbers as (

    {{ dbt.generate_series(400) }}

),

employment_days as (

    select
        presales_user_periods.user_id,
        cast({{ dbt.dateadd(
            'day',
            'day_numbers.generated_number - 1',
            'presales_user_periods.employed_from',
        ) }} as date) as calendar_date,
        presales_user_periods.employed_to
    from presales_user_periods
    cross join day_numbers

),

missing as (

    select
        employment_days.user_id,
        employment_days.calendar_date
    from employment_days
    left join working_calendar
        on employment_days.calendar_date = working_calendar.calendar_date
    where
        employment_days.calendar_date <= employment_days.employed_to
        and working_calendar.calendar_date is null

),

missing_by_user as (

    select
        user_id,
        min(calendar_date) as first_missing_day,
        max(calendar_date) as last_missing_day,
        count(*) as missing_days
    from missing
    group by user_id

),

final as (

    select
        missing_by_user.user_id,
        missing_by_user.first_missing_day,
        missing_by_user.last_missing_day,
        missing_by_user.missing_days,
        event_window.last_event_date,
        event_window.as_of_date
    from missing_by_user
    cross join event_window

)

select * from final
