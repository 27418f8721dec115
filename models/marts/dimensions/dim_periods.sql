with

periods as (

    select * from {{ ref('int_periods') }}

),

final as (

    select
        period_label,
        period_grain,
        period_start,
        period_end,
        is_complete_period,
        period_cutoff_date,
        cast(period_index as integer) as period_index,
        prior_period_label,
        prior_period_start,
        has_prior_period,
        as_of_date
    from periods

)

select * from final
