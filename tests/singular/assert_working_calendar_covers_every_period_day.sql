-- Every day of every period up to the as-of date is in the working calendar;
-- a missing day would silently lower the statutory hours of MCI.2.
with

periods as (

    select period_start, period_cutoff_date from {{ ref('int_periods') }}

),

working_calendar as (

    select calendar_date from {{ ref('stg_crm__working_calendar') }}

),

day_numbers as (

    {{ dbt.generate_series(400) }}

),

period_days as (

    select
        cast({{ dbt.dateadd(
            'day', 'day_numbers.generated_number - 1', 'periods.period_start'
        ) }} as date) as calendar_date,
        periods.period_cutoff_date
    from periods
    cross join day_numbers

),

missing as (

    select period_days.calendar_date
    from period_days
    left join working_calendar
        on period_days.calendar_date = working_calendar.calendar_date
    where
        period_days.calendar_date <= period_days.period_cutoff_date
        and working_calendar.calendar_date is null

)

select * from missing
