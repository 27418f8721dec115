{#- Incremental (D31): an incremental run checks only the new or changed raw
    rows, their key groups and the rows whose account resolves differently;
    every row when the fx rates, synonyms, settings or code changed. -#}
{{ config(
    materialized=kam_incremental_materialization(),
    incremental_strategy='delete+insert',
    unique_key='source_row_number',
    on_schema_change='sync_all_columns',
    post_hook="{{ kam_delete_vanished_rows(ref('base_crm__account_costs')) }}",
) }}
{%- set incremental = is_incremental()
    and kam_has_incremental_state(this) %}

with

raw_rows as (

    select * from {{ ref('base_crm__account_costs') }}

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

{% if incremental %}
stored_rows as (

    select
        source_row_number,
        cost_id as key_text,
        account_id as reference_id,
        has_account as has_reference,
        raw_row_hash,
        inputs_fingerprint
    from {{ this }}

),

{% endif %}
current_inputs as (

    select
        {{ kam_inputs_fingerprint(
            'account_costs', 'fx_rates', 'enum_synonyms'
        ) }} as inputs_fingerprint

),

{{ kam_rows_to_check(
    incremental,
    'account_costs',
    'raw_rows',
    'stored_rows',
    'accounts',
    'account_id',
    'current_inputs',
) }},

parsed as (

    {{ kam_parse_raw_rows(
        'account_costs',
        'rows_to_check',
        'enum_synonyms',
        carried_columns=['raw_row_hash'],
    ) }}

),

deduplicated as (

    select
        *,
        {{ kam_flag_superseded(['cost_id']) }} as is_superseded
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
            'fx_rates', 'deduplicated.currency', 'deduplicated.incurred_on'
        ) }}

),

checked as (

    select
        *,
        {{ kam_reason_columns(kam_standard_checks('account_costs') + [
            [
                'orphan_reference',
                'account_id is not null and not has_account',
                'account_id',
            ],
            [
                'missing_fx_rate',
                kam_fx_rate_is_missing(
                    'currency', 'rate_to_reporting', 'incurred_on'
                ),
                'currency',
            ],
        ]) }}
    from referenced

),

fingerprinted as (

    select
        checked.*,
        current_inputs.inputs_fingerprint
    from checked
    cross join current_inputs

),

final as (

    select
        'account_costs' as table_name,
        {{ kam_record_key('account_costs') }} as record_key,
        source_row_number,
        {{ kam_contract_columns('account_costs') }},
        rate_to_reporting,
        amount_reporting,
        is_superseded,
        reason_codes,
        reason_details,
        has_account,
        raw_row_hash,
        inputs_fingerprint
    from fingerprinted

)

select * from final
