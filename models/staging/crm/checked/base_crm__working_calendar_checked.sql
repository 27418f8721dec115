with

raw_rows as (

    select * from {{ ref('base_crm__working_calendar') }}

),

enum_synonyms as (

    select * from {{ ref('stg_crm__enum_synonyms') }}

),

cleaned as (

    select
        source_row_number,
        {{ kam_raw_record('working_calendar') }} as raw_record,
        {{ kam_parse_timestamp(kam_clean('updated_at')) }}
            as updated_at_parsed,
        {{ kam_clean_columns('working_calendar') }}
    from raw_rows

),

parsed as (

    select
        cleaned.*,
        {{ kam_parse_columns('working_calendar', 'cleaned') }}
    from cleaned
    {{ kam_enum_joins('working_calendar', 'cleaned', 'enum_synonyms') }}

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
        *
    from checked

)

select * from final
