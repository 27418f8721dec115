with

raw_rows as (

    select * from {{ ref('base_crm__working_calendar') }}

),

enum_synonyms as (

    select * from {{ ref('stg_crm__enum_synonyms') }}

),

parsed as (

    {{ kam_parse_raw_rows('working_calendar', 'raw_rows', 'enum_synonyms') }}

),

deduplicated as (

    select
        *,
        {{ kam_flag_superseded(['calendar_date']) }} as is_superseded
    from parsed

),

checked as (

    select
        *,
        {{ kam_reason_columns(kam_standard_checks('working_calendar')) }}
    from deduplicated

),

final as (

    select
        'working_calendar' as table_name,
        {{ kam_record_key('working_calendar') }} as record_key,
        source_row_number,
        {{ kam_contract_columns('working_calendar') }},
        is_superseded,
        reason_codes,
        reason_details
    from checked

)

select * from final
