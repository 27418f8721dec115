with

periods as (

    select * from {{ ref('int_periods') }}

),

reps as (

    select * from {{ ref('int_rep_periods') }}

),

group_figures as (

    {{ kam_group_figures('periods', 'reps') }}

),

final as (

    select
        'ESP.2.3' as indicator_code,
        'amount' as basis,
        period_start,
        cast(total_output as {{ kam_type_double() }}) as value,
        entity_count as population
    from group_figures

)

select * from final
