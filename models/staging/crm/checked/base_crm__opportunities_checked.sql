-- todo: incremental (D31) needs two references (accounts, users) compared
-- row by row, not yet written (until then a full table each run)
with

raw_rows as (

    select * from {{ ref('base_crm__opportunities') }}

),

enum_synonyms as (

    select * from {{ ref('stg_crm__enum_synonyms') }}

),

accounts as (

    select account_id from {{ ref('stg_crm__accounts') }}

),

users as (

    select user_id from {{ ref('stg_crm__users') }}

),

fx_rates as (

    select * from {{ ref('stg_crm__fx_rates') }}

),

parsed as (

    {{ kam_parse_raw_rows('opportunities', 'raw_rows', 'enum_synonyms') }}

),

deduplicated as (

    select
        *,
        {{ kam_flag_superseded(['opportunity_id']) }} as is_superseded
    from parsed

),

with_currency_day as (

    {#- An approved_on that is given picks the day even when unparseable:
        the day is then null and the row gets no missing_fx_rate (D8). -#}
    select
        *,
        case
            when outcome in ('won', 'lost', 'dropped') then closed_on
            when approved_on__text is not null then approved_on
            else created_on
        end as currency_day
    from deduplicated

),

referenced as (

    select
        with_currency_day.*,
        accounts.account_id is not null as has_account,
        users.user_id is not null as has_owner,
        fx_rates.rate_to_reporting,
        {{ kam_convert_amount(
            'with_currency_day.amount',
            'with_currency_day.currency',
            'fx_rates.rate_to_reporting',
        ) }} as amount_reporting,
        {{ kam_convert_amount(
            'with_currency_day.estimated_presales_cost',
            'with_currency_day.currency',
            'fx_rates.rate_to_reporting',
        ) }} as estimated_presales_cost_reporting
    from with_currency_day
    left join accounts
        on with_currency_day.account_id = accounts.account_id
    left join users
        on with_currency_day.owner_id = users.user_id
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
        {{ kam_reason_columns(kam_standard_checks('opportunities') + [
            [
                'missing_required',
                "outcome in ('won', 'lost') and approved_on__text is null",
                'approved_on',
            ],
            [
                'missing_required',
                "outcome in ('won', 'lost', 'dropped')"
                ~ ' and closed_on__text is null',
                'closed_on',
            ],
            [
                'orphan_reference',
                'account_id is not null and not has_account',
                'account_id',
            ],
            [
                'orphan_reference',
                'owner_id is not null and not has_owner',
                'owner_id',
            ],
            [
                'inconsistent_dates',
                'approved_on < created_on',
                'approved_on',
            ],
            [
                'inconsistent_dates',
                "outcome <> 'open' and (closed_on < approved_on"
                ~ ' or closed_on < created_on)',
                'closed_on',
            ],
            [
                'inconsistent_outcome',
                "outcome = 'dropped' and approved_on__text is not null",
                'approved_on',
            ],
            [
                'missing_fx_rate',
                kam_fx_rate_is_missing(
                    'currency', 'rate_to_reporting', 'currency_day'
                ),
                'currency',
            ],
        ]) }}
    from referenced

),

final as (

    select
        'opportunities' as table_name,
        {{ kam_record_key('opportunities') }} as record_key,
        source_row_number,
        {{ kam_contract_columns('opportunities') }},
        currency_day,
        rate_to_reporting,
        amount_reporting,
        estimated_presales_cost_reporting,
        is_superseded,
        reason_codes,
        reason_details
    from checked

)

select * from final
