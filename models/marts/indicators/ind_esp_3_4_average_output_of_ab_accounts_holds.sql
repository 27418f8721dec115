with

periods as (

    select * from {{ ref('int_periods') }}

),

ab_accounts as (

    select * from {{ ref('int_account_periods') }}
    where is_key_account and account_class in ('A', 'B')

),

group_figures as (

    {{ kam_group_figures('periods', 'ab_accounts') }}

),

final as (

    select
        'ESP.3.4' as indicator_code,
        'amount' as basis,
        period_start,
        {{ kam_divide('total_output', 'entity_count') }} as value,
        entity_count as population
    from group_figures
    union all
    select
        'ESP.3.4' as indicator_code,
        'share' as basis,
        period_start,
        case
            when has_prior_period
                then {{ kam_divide('output_stable_count', 'entity_count') }}
        end as value,
        case when has_prior_period then entity_count else 0 end as population
    from group_figures

)

select * from final
