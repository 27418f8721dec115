with

periods as (

    select * from {{ ref('int_periods') }}

),

presales_user_periods as (

    select * from {{ ref('int_presales_user_periods') }}

),

per_period as (

    select
        periods.period_start,
        count(presales_user_periods.user_id) as user_count,
        coalesce(
            sum(presales_user_periods.confirmed_hours),
            cast(0 as {{ kam_type_amount() }})
        ) as confirmed_hours,
        coalesce(
            sum(presales_user_periods.statutory_hours),
            cast(0 as {{ kam_type_amount() }})
        ) as statutory_hours
    from periods
    left join presales_user_periods
        on periods.period_start = presales_user_periods.period_start
    group by periods.period_start

),

final as (

    select
        'MCI.2' as indicator_code,
        'ratio' as basis,
        period_start,
        {{ kam_divide('confirmed_hours', 'statutory_hours') }} as value,
        user_count as population
    from per_period

)

select * from final
