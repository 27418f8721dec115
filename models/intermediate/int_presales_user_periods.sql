with

periods as (

    select * from {{ ref('int_periods') }}

),

users as (

    select * from {{ ref('stg_crm__users') }}

),

timesheets as (

    select * from {{ ref('stg_crm__timesheets') }}

),

working_calendar as (

    select * from {{ ref('stg_crm__working_calendar') }}

),

employment_in_periods as (

    {#- Presales users employed on at least one day of the period up to the
        as-of date, with the first and last such day. -#}
    select
        users.user_id,
        periods.period_start,
        periods.period_label,
        case
            when users.hired_on > periods.period_start then users.hired_on
            else periods.period_start
        end as employed_from,
        case
            when users.left_on < periods.period_cutoff_date then users.left_on
            else periods.period_cutoff_date
        end as employed_to
    from users
    inner join periods
        on
            users.hired_on <= periods.period_cutoff_date
            and (
                users.left_on >= periods.period_start
                or users.left_on is null
            )
    where users.role = 'presales'

),

statutory as (

    select
        employment_in_periods.user_id,
        employment_in_periods.period_start,
        cast(
            sum(working_calendar.statutory_hours) as {{ kam_type_amount() }}
        ) as statutory_hours,
        count(*) as calendar_days,
        sum(
            case when working_calendar.is_workday then 1 else 0 end
        ) as workdays
    from employment_in_periods
    inner join working_calendar
        on
            employment_in_periods.employed_from
            <= working_calendar.calendar_date
            and employment_in_periods.employed_to
            >= working_calendar.calendar_date
    group by employment_in_periods.user_id, employment_in_periods.period_start

),

confirmed as (

    select
        employment_in_periods.user_id,
        employment_in_periods.period_start,
        cast(
            sum(case when timesheets.is_confirmed then timesheets.hours end)
            as {{ kam_type_amount() }}
        ) as confirmed_hours,
        cast(sum(timesheets.hours) as {{ kam_type_amount() }}) as recorded_hours
    from employment_in_periods
    inner join timesheets
        on
            employment_in_periods.user_id = timesheets.user_id
            and employment_in_periods.employed_from <= timesheets.work_date
            and employment_in_periods.employed_to >= timesheets.work_date
    group by employment_in_periods.user_id, employment_in_periods.period_start

),

final as (

    select
        employment_in_periods.user_id,
        employment_in_periods.period_start,
        employment_in_periods.period_label,
        employment_in_periods.employed_from,
        employment_in_periods.employed_to,
        coalesce(statutory.calendar_days, 0) as calendar_days,
        coalesce(statutory.workdays, 0) as workdays,
        coalesce(
            statutory.statutory_hours, cast(0 as {{ kam_type_amount() }})
        ) as statutory_hours,
        coalesce(
            confirmed.confirmed_hours, cast(0 as {{ kam_type_amount() }})
        ) as confirmed_hours,
        coalesce(
            confirmed.recorded_hours, cast(0 as {{ kam_type_amount() }})
        ) as recorded_hours,
        {{ kam_divide(
            'coalesce(confirmed.confirmed_hours, 0)',
            'statutory.statutory_hours',
        ) }} as utilisation
    from employment_in_periods
    left join statutory
        on
            employment_in_periods.user_id = statutory.user_id
            and employment_in_periods.period_start = statutory.period_start
    left join confirmed
        on
            employment_in_periods.user_id = confirmed.user_id
            and employment_in_periods.period_start = confirmed.period_start

)

select * from final
