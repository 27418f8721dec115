with

raw_rows as (

    select * from {{ ref('base_crm__leads') }}

),

enum_synonyms as (

    select * from {{ ref('stg_crm__enum_synonyms') }}

),

accounts as (

    select account_id from {{ ref('stg_crm__accounts') }}

),

fx_rates as (

    select * from {{ ref('stg_crm__fx_rates') }}

),

parsed as (

    {{ kam_parse_raw_rows('leads', 'raw_rows', 'enum_synonyms') }}

),

deduplicated as (

    select
        *,
        {{ kam_flag_superseded(['lead_id']) }} as is_superseded
    from parsed

),

with_currency_day as (

    select
        *,
        case
            when status in ('converted', 'disqualified') then closed_on
            else created_on
        end as currency_day
    from deduplicated

),

referenced as (

    select
        with_currency_day.*,
        accounts.account_id is not null as has_account,
        fx_rates.rate_to_reporting,
        {{ kam_convert_amount(
            'with_currency_day.estimated_presales_cost',
            'with_currency_day.currency',
            'fx_rates.rate_to_reporting',
        ) }} as estimated_presales_cost_reporting
    from with_currency_day
    left join accounts
        on with_currency_day.account_id = accounts.account_id
    left join fx_rates
        on {{ kam_fx_join_condition(
            'fx_rates',
            'with_currency_day.currency',
            'with_currency_day.currency_day',
        ) }}

),

checked as (

    select
        *,
        {{ kam_reason_columns(kam_standard_checks('leads') + [
            [
                'missing_required',
                "status in ('converted', 'disqualified')"
                ~ ' and closed_on__text is null',
                'closed_on',
            ],
            [
                'missing_required',
                'estimated_presales_cost__text is not null'
                ~ ' and currency__text is null',
                'currency',
            ],
            [
                'orphan_reference',
                'account_id is not null and not has_account',
                'account_id',
            ],
            [
                'inconsistent_dates',
                "status in ('converted', 'disqualified')"
                ~ ' and closed_on < created_on',
                'closed_on',
            ],
            [
                'missing_fx_rate',
                'estimated_presales_cost is not null and '
                ~ kam_fx_rate_is_missing(
                    'currency', 'rate_to_reporting', 'currency_day'
                ),
                'currency',
            ],
        ]) }}
    from referenced

),

final as (

    select
        'leads' as table_name,
        {{ kam_record_key('leads') }} as record_key,
        source_row_number,
        {{ kam_contract_columns('leads') }},
        currency_day,
        rate_to_reporting,
        estimated_presales_cost_reporting,
        is_superseded,
        reason_codes,
        reason_details
    from checked

)

select * from final
