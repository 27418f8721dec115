with

checked_rows as (

    select * from {{ ref('base_crm__fx_rates_checked') }}

),

passed as (

    select
        currency,
        valid_from,
        rate_to_reporting
    from checked_rows
    where reason_codes is null

),

final as (

    select
        currency,
        valid_from,
        lead(valid_from) over (
            partition by currency order by valid_from
        ) as valid_to,
        rate_to_reporting
    from passed

)

select * from final
