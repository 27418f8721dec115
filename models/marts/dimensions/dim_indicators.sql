with

indicator_catalog as (

    select * from {{ ref('indicator_catalog') }}

),

final as (

    select
        indicator_code,
        basis,
        line,
        cast(stage as integer) as stage,
        indicator_name,
        indicator_name_zh,
        case
            when unit = 'currency' then '{{ kam_reporting_currency() }}'
            else unit
        end as unit,
        desired_direction,
        definition,
        model_name
    from indicator_catalog

)

select * from final
