with

raw_rows as (

    select * from {{ ref('base_crm__account_owners') }}

),

accounts as (

    select account_id from {{ ref('stg_crm__accounts') }}

),

users as (

    select user_id from {{ ref('stg_crm__users') }}

),

parsed as (

    {{ kam_parse_raw_rows('account_owners', 'raw_rows') }}

),

deduplicated as (

    select
        *,
        {{ kam_flag_superseded(['account_id', 'valid_from']) }} as is_superseded
    from parsed

),

referenced as (

    select
        deduplicated.*,
        accounts.account_id is not null as has_account,
        users.user_id is not null as has_user
    from deduplicated
    left join accounts
        on deduplicated.account_id = accounts.account_id
    left join users
        on deduplicated.user_id = users.user_id

),

checked as (

    select
        *,
        {{ kam_reason_columns(kam_standard_checks('account_owners') + [
            [
                'orphan_reference',
                'account_id is not null and not has_account',
                'account_id',
            ],
            [
                'orphan_reference',
                'user_id is not null and not has_user',
                'user_id',
            ],
            ['inconsistent_dates', 'valid_to <= valid_from', 'valid_to'],
        ]) }}
    from referenced

),

final as (

    select
        'account_owners' as table_name,
        {{ kam_record_key('account_owners') }} as record_key,
        source_row_number,
        {{ kam_contract_columns('account_owners') }},
        is_superseded,
        reason_codes,
        reason_details
    from checked

)

select * from final
