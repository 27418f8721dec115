{%- set fitted = kam_potential_weights_source() == 'fitted' -%}

with

periods as (

    select * from {{ ref('int_periods') }}

),

key_accounts as (

    select * from {{ ref('int_account_periods') }}
    where is_key_account

),
{% if fitted %}

fitted_weights as (

    select * from {{ ref('int_potential_weights_fitted') }}

),

key_account_potentials as (

    {#- var kam_potential_weights_source: fitted. -#}
    select
        key_accounts.account_id,
        key_accounts.period_start,
        {{ kam_potential_output(
            'key_accounts.expected_annual_spend',
            'key_accounts.relationship_score',
            'key_accounts.solution_score',
            'key_accounts.price_score',
            weights={
                'relationship': 'fitted_weights.weight_relationship',
                'solution': 'fitted_weights.weight_solution',
                'price': 'fitted_weights.weight_price',
            },
        ) }} as potential_output
    from key_accounts
    cross join fitted_weights

),
{% else %}

key_account_potentials as (

    select
        account_id,
        period_start,
        potential_output
    from key_accounts

),
{% endif %}

per_period as (

    select
        periods.period_start,
        count(key_account_potentials.account_id) as key_account_count,
        coalesce(
            sum(key_account_potentials.potential_output),
            cast(0 as {{ kam_type_amount() }})
        ) as total_potential_output
    from periods
    left join key_account_potentials
        on periods.period_start = key_account_potentials.period_start
    group by periods.period_start

),

final as (

    select
        'ESP.4.1' as indicator_code,
        'amount' as basis,
        period_start,
        cast(total_potential_output as {{ kam_type_double() }}) as value,
        key_account_count as population
    from per_period

)

select * from final
