with

raw_rows as (

    select * from {{ ref('base_crm__revenue') }}

),

accounts as (

    select account_id from {{ ref('stg_crm__accounts') }}

),

fx_rates as (

    select * from {{ ref('stg_crm__fx_rates') }}

),

parsed as (

    {{ kam_parse_raw_rows('revenue', 'raw_rows') }}

),

deduplicated as (

    select
        *,
        {{ kam_flag_superseded(['revenue_id']) }} as is_superseded
    from parsed

),

referenced as (

    select
        deduplicated.*,
        accounts.account_id is not null as has_account,
        fx_rates.rate_to_reporting,
        {{ kam_convert_amount(
            'deduplicated.amount',
            'deduplicated.currency',
            'fx_rates.rate_to_reporting',
        ) }} as amount_reporting
    from deduplicated
    left join accounts
        on deduplicated.account_id = accounts.account_id
    left join fx_rates
        on {{ kam_fx_join_condition(
            'fx_rates', 'deduplicated.currency', 'deduplicated.booked_on'
        ) }}

),

checked as (

    select
        *,
        {{ kam_reason_columns(kam_standard_checks('revenue') + [
            [
                'orphan_reference',
                'account_id is not null and not has_account',
                'account_id',
            ],
            [
                'missing_fx_rate',
                kam_fx_rate_is_missing(
                    'currency', 'rate_to_reporting', 'booked_on'
                ),
                'currency',
            ],
        ]) }}
    from referenced

),

final as (

    select
        'revenue' as table_name,
        {{ kam_record_key('revenue') }} as record_key,
        source_row_number,
        {{ kam_contract_columns('revenue') }},
        rate_to_reporting,
        amount_reporting,
        is_superseded,
        reason_codes,
        reason_details
    from checked

)

select * from final
