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
        'ESP.1.3' as indicator_code,
        'amount' as basis,
        period_start,
        cast(total_output as {{ kam_type_double() }}) as value,
        entity_count as population
    from group_figures

)

select * from final
