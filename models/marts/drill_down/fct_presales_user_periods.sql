with

presales_user_periods as (

    select * from {{ ref('int_presales_user_periods') }}

),

periods as (

    select
        period_start,
        period_end,
        is_complete_period
    from {{ ref('int_periods') }}

),

final as (

    select
        presales_user_periods.user_id,
        presales_user_periods.period_label,
        presales_user_periods.period_start,
        periods.period_end,
        periods.is_complete_period,
        presales_user_periods.employed_from,
        presales_user_periods.employed_to,
        cast(presales_user_periods.calendar_days as integer) as calendar_days,
        cast(presales_user_periods.workdays as integer) as workdays,
        presales_user_periods.statutory_hours,
        presales_user_periods.confirmed_hours,
        presales_user_periods.recorded_hours,
        presales_user_periods.utilisation
    from presales_user_periods
    inner join periods
        on presales_user_periods.period_start = periods.period_start

)

select * from final
