{{ config(materialized='table') }}

with

indicator_catalog as (

    select * from {{ ref('indicator_catalog') }}

),

periods as (

    select * from {{ ref('int_periods') }}

),

row_counts as (

    select * from {{ ref('stg_crm__row_counts') }}

),

{% for model_name in kam_indicator_models() %}
{{ model_name }} as (

    select * from {{ ref(model_name) }}

),

{% endfor %}
indicator_values as (

    {% for model_name in kam_indicator_models() %}
    select
        indicator_code,
        basis,
        period_start,
        cast(value as {{ kam_type_double() }}) as value,
        cast(population as integer) as population
    from {{ model_name }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

rows_without_data as (

    {#- Catalog rows that need a raw table with no staged row at all: their
        value is empty, not a sum over nothing (DECISIONS D28). -#}
    select distinct
        indicator_catalog.indicator_code,
        indicator_catalog.basis
    from indicator_catalog
    inner join row_counts
        on {{ dbt.position(
            dbt.concat(["' '", 'row_counts.table_name', "' '"]),
            dbt.concat(["' '", 'indicator_catalog.required_tables', "' '"]),
        ) }} > 0
    where row_counts.rows_staged = 0

),

catalog_periods as (

    {#- Every catalog row in every period, whether or not a value exists. -#}
    select
        indicator_catalog.indicator_code,
        indicator_catalog.line,
        cast(indicator_catalog.stage as integer) as stage,
        indicator_catalog.indicator_name,
        indicator_catalog.indicator_name_zh,
        indicator_catalog.basis,
        case
            when indicator_catalog.unit = 'currency'
                then '{{ kam_reporting_currency() }}'
            else indicator_catalog.unit
        end as unit,
        indicator_catalog.desired_direction,
        periods.period_grain,
        periods.period_label,
        periods.period_start,
        periods.period_end,
        periods.is_complete_period,
        periods.prior_period_start,
        periods.has_prior_period
    from indicator_catalog
    cross join periods

),

valued as (

    select
        catalog_periods.*,
        case
            when rows_without_data.indicator_code is null
                then indicator_values.value
        end as value,
        case
            when rows_without_data.indicator_code is null
                then coalesce(indicator_values.population, 0)
            else 0
        end as population
    from catalog_periods
    left join indicator_values
        on
            catalog_periods.indicator_code = indicator_values.indicator_code
            and catalog_periods.basis = indicator_values.basis
            and catalog_periods.period_start = indicator_values.period_start
    left join rows_without_data
        on
            catalog_periods.indicator_code = rows_without_data.indicator_code
            and catalog_periods.basis = rows_without_data.basis

),

paired as (

    select
        valued.*,
        case
            when valued.has_prior_period then prior_period.value
        end as prior_value
    from valued
    left join valued as prior_period
        on
            valued.indicator_code = prior_period.indicator_code
            and valued.basis = prior_period.basis
            and valued.prior_period_start = prior_period.period_start

),

measured as (

    select
        *,
        value - prior_value as delta,
        {{ kam_growth_rate('value', 'prior_value') }} as growth_rate
    from paired

),

final as (

    select
        cast(indicator_code as {{ dbt.type_string() }}) as indicator_code,
        cast(line as {{ dbt.type_string() }}) as line,
        stage,
        cast(indicator_name as {{ dbt.type_string() }}) as indicator_name,
        cast(indicator_name_zh as {{ dbt.type_string() }})
            as indicator_name_zh,
        cast(basis as {{ dbt.type_string() }}) as basis,
        cast(unit as {{ dbt.type_string() }}) as unit,
        cast(desired_direction as {{ dbt.type_string() }})
            as desired_direction,
        cast(period_grain as {{ dbt.type_string() }}) as period_grain,
        cast(period_label as {{ dbt.type_string() }}) as period_label,
        period_start,
        period_end,
        is_complete_period,
        value,
        prior_value,
        delta,
        growth_rate,
        population,
        cast({{ kam_indicator_status(
            'basis', 'desired_direction', 'value', 'prior_value', 'delta',
            'growth_rate',
        ) }} as {{ dbt.type_string() }}) as status
    from measured

)

select * from final
