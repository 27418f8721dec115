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
        rate_to_reporting,
        lead(valid_from) over (
            partition by currency order by valid_from
        ) as valid_to
    from passed

)

select * from final
