with

periods as (

    select * from {{ ref('int_periods') }}

),

c_accounts as (

    select * from {{ ref('int_account_periods') }}
    where is_key_account and account_class = 'C'

),

group_figures as (

    {{ kam_group_figures('periods', 'c_accounts') }}

),

final as (

    select
        'ESP.3.3' as indicator_code,
        'amount' as basis,
        period_start,
        cast(total_output as {{ kam_type_double() }}) as value,
        entity_count as population
    from group_figures

)

select * from final
