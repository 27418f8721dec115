with

periods as (

    select * from {{ ref('int_periods') }}

),

key_accounts as (

    select * from {{ ref('int_account_periods') }}
    where is_key_account

),

group_figures as (

    {{ kam_group_figures('periods', 'key_accounts') }}

),

final as (

    select
        'ESP.1.2' as indicator_code,
        'amount' as basis,
        period_start,
        {{ kam_divide('total_output', 'total_investment') }} as value,
        entity_count as population
    from group_figures
    union all
    select
        'ESP.1.2' as indicator_code,
        'share' as basis,
        period_start,
        case
            when has_prior_period
                then {{ kam_divide('roi_grew_count', 'roi_comparable_count') }}
        end as value,
        case
            when has_prior_period then roi_comparable_count else 0
        end as population
    from group_figures

)

select * from final
