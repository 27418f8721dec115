with

raw_rows as (

    select * from {{ ref('base_crm__fx_rates') }}

),

cleaned as (

    select
        source_row_number,
        {{ kam_raw_record('fx_rates') }} as raw_record,
        {{ kam_parse_timestamp(kam_clean('updated_at')) }}
            as updated_at_parsed,
        {{ kam_clean_columns('fx_rates') }}
    from raw_rows

),

parsed as (

    select
        cleaned.*,
        {{ kam_parse_columns('fx_rates', 'cleaned') }}
    from cleaned

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
        *
    from checked

)

select * from final
