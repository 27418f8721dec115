with

raw_rows as (

    select * from {{ ref('base_crm__presales_costs') }}

),

opportunities as (

    select opportunity_id from {{ ref('stg_crm__opportunities') }}

),

fx_rates as (

    select * from {{ ref('stg_crm__fx_rates') }}

),

parsed as (

    {{ kam_parse_raw_rows('presales_costs', 'raw_rows') }}

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
        opportunities.opportunity_id is not null as has_opportunity,
        fx_rates.rate_to_reporting,
        {{ kam_convert_amount(
            'deduplicated.amount',
            'deduplicated.currency',
            'fx_rates.rate_to_reporting',
        ) }} as amount_reporting
    from deduplicated
    left join opportunities
        on deduplicated.opportunity_id = opportunities.opportunity_id
    left join fx_rates
        on {{ kam_fx_join_condition(
            'fx_rates', 'deduplicated.currency', 'deduplicated.incurred_on'
        ) }}

),

checked as (

    select
        *,
        {{ kam_reason_columns(kam_standard_checks('presales_costs') + [
            [
                'orphan_reference',
                'opportunity_id is not null and not has_opportunity',
                'opportunity_id',
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

final as (

    select
        'presales_costs' as table_name,
        {{ kam_record_key('presales_costs') }} as record_key,
        source_row_number,
        {{ kam_contract_columns('presales_costs') }},
        rate_to_reporting,
        amount_reporting,
        is_superseded,
        reason_codes,
        reason_details
    from checked

)

select * from final
