with

raw_rows as (

    select * from {{ ref('base_crm__fx_rates') }}

),

parsed as (

    {{ kam_parse_raw_rows('fx_rates', 'raw_rows') }}

),

deduplicated as (

    select
        *,
        {{ kam_flag_superseded(['currency', 'valid_from']) }}
            as is_superseded
    from parsed

),

checked as (

    select
        *,
        {{ kam_reason_columns(kam_standard_checks('fx_rates') + [
            [
                'out_of_range',
                "currency = '" ~ kam_reporting_currency()
                ~ "' and rate_to_reporting <> 1",
                'rate_to_reporting',
            ],
        ]) }}
    from deduplicated

),

final as (

    select
        'fx_rates' as table_name,
        {{ kam_record_key('fx_rates') }} as record_key,
        source_row_number,
        {{ kam_contract_columns('fx_rates') }},
        is_superseded,
        reason_codes,
        reason_details
    from checked

)

select * from final
