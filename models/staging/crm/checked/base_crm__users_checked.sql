with

raw_rows as (

    select * from {{ ref('base_crm__users') }}

),

enum_synonyms as (

    select * from {{ ref('stg_crm__enum_synonyms') }}

),

cleaned as (

    select
        source_row_number,
        {{ kam_raw_record('users') }} as raw_record,
        {{ kam_parse_timestamp(kam_clean('updated_at')) }}
            as updated_at_parsed,
        {{ kam_clean_columns('users') }}
    from raw_rows

),

parsed as (

    select
        cleaned.*,
        {{ kam_parse_columns('users', 'cleaned') }}
    from cleaned
    {{ kam_enum_joins('users', 'cleaned', 'enum_synonyms') }}

),

deduplicated as (

    select
        *,
        {{ kam_flag_superseded(['user_id']) }} as is_superseded
    from parsed

),

checked as (

    select
        *,
        {{ kam_reason_columns(kam_standard_checks('users') + [
            ['inconsistent_dates', 'left_on < hired_on', 'left_on'],
        ]) }}
    from deduplicated

),

final as (

    select
        'users' as table_name,
        {{ kam_record_key('users') }} as record_key,
        *
    from checked

)

select * from final
