with

raw_rows as (

    select * from {{ ref('base_crm__users') }}

),

enum_synonyms as (

    select * from {{ ref('stg_crm__enum_synonyms') }}

),

parsed as (

    {{ kam_parse_raw_rows('users', 'raw_rows', 'enum_synonyms') }}

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
        source_row_number,
        {{ kam_contract_columns('users') }},
        is_superseded,
        reason_codes,
        reason_details
    from checked

)

select * from final
