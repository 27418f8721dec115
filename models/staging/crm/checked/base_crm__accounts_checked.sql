with

raw_rows as (

    select * from {{ ref('base_crm__accounts') }}

),

parsed as (

    {{ kam_parse_raw_rows('accounts', 'raw_rows') }}

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
        source_row_number,
        {{ kam_contract_columns('accounts') }},
        is_superseded,
        reason_codes,
        reason_details
    from checked

)

select * from final
