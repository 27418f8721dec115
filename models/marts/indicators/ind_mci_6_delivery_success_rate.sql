with

periods as (

    select * from {{ ref('int_periods') }}

),

deliveries as (

    select * from {{ ref('int_deliveries') }}

),

per_period as (

    select
        periods.period_start,
        count(deliveries.delivery_id) as completed_count,
        coalesce(sum(
            case when deliveries.status = 'succeeded' then 1 end
        ), 0) as succeeded_count,
        coalesce(
            sum(deliveries.contract_amount),
            cast(0 as {{ kam_type_amount() }})
        ) as completed_amount,
        coalesce(
            sum(
                case
                    when deliveries.status = 'succeeded'
                        then deliveries.contract_amount
                end
            ),
            cast(0 as {{ kam_type_amount() }})
        ) as succeeded_amount
    from periods
    left join deliveries
        on periods.period_start = deliveries.completed_period_start
    group by periods.period_start

),

final as (

    select
        'MCI.6' as indicator_code,
        'amount' as basis,
        period_start,
        {{ kam_divide('succeeded_amount', 'completed_amount') }} as value,
        completed_count as population
    from per_period
    union all
    select
        'MCI.6' as indicator_code,
        'count' as basis,
        period_start,
        {{ kam_divide('succeeded_count', 'completed_count') }} as value,
        completed_count as population
    from per_period

)

select * from final
