with

raw_rows as (

    select * from {{ ref('base_crm__accounts') }}

),

cleaned as (

    select
        source_row_number,
        {{ kam_raw_record('accounts') }} as raw_record,
        {{ kam_parse_timestamp(kam_clean('updated_at')) }}
            as updated_at_parsed,
        {{ kam_clean_columns('accounts') }}
    from raw_rows

),

parsed as (

    select
        cleaned.*,
        {{ kam_parse_columns('accounts', 'cleaned') }}
    from cleaned

),

deduplicated as (

    select
        *,
        {{ kam_flag_superseded(['account_id']) }} as is_superseded
    from parsed

),

checked as (

    select
        *,
        {{ kam_reason_columns(kam_standard_checks('accounts')) }}
    from deduplicated

),

final as (

    select
        'accounts' as table_name,
        {{ kam_record_key('accounts') }} as record_key,
        *
    from checked

)

select * from final
