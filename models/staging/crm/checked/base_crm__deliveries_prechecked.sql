with

raw_rows as (

    select * from {{ ref('base_crm__deliveries') }}

),

enum_synonyms as (

    select * from {{ ref('stg_crm__enum_synonyms') }}

),

opportunities as (

    select opportunity_id from {{ ref('stg_crm__opportunities') }}

),

fx_rates as (

    select * from {{ ref('stg_crm__fx_rates') }}

),

parsed as (

    {{ kam_parse_raw_rows('deliveries', 'raw_rows', 'enum_synonyms') }}

),

deduplicated as (

    select
        *,
        {{ kam_flag_superseded(['delivery_id']) }} as is_superseded
    from parsed

),

with_currency_day as (

    {#- In progress and cancelled: the as-of date, applied in
        base_crm__deliveries_checked once the event window is known. -#}
    select
        *,
        case
            when status in ('succeeded', 'failed') then completed_on
        end as currency_day
    from deduplicated

),

referenced as (

    select
        with_currency_day.*,
        opportunities.opportunity_id is not null as has_opportunity,
        fx_rates.rate_to_reporting,
        {{ kam_convert_amount(
            'with_currency_day.contract_amount',
            'with_currency_day.currency',
            'fx_rates.rate_to_reporting',
        ) }} as contract_amount_reporting
    from with_currency_day
    left join opportunities
        on with_currency_day.opportunity_id = opportunities.opportunity_id
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
        {{ kam_reason_columns(kam_standard_checks('deliveries') + [
            [
                'orphan_reference',
                'opportunity_id is not null and not has_opportunity',
                'opportunity_id',
            ],
            [
                'missing_required',
                "status in ('succeeded', 'failed')"
                ~ ' and completed_on__text is null',
                'completed_on',
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
        'deliveries' as table_name,
        {{ kam_record_key('deliveries') }} as record_key,
        source_row_number,
        {{ kam_contract_columns('deliveries') }},
        currency_day,
        rate_to_reporting,
        contract_amount_reporting,
        is_superseded,
        reason_codes,
        reason_details
    from checked

)

select * from final
