with

raw_rows as (

    select * from {{ ref('base_crm__decision_chain') }}

),

opportunities as (

    select opportunity_id from {{ ref('stg_crm__opportunities') }}

),

parsed as (

    {{ kam_parse_raw_rows('decision_chain', 'raw_rows') }}

),

deduplicated as (

    select
        *,
        {{ kam_flag_superseded(
            ['opportunity_id', 'contact_id', 'assessed_on']
        ) }} as is_superseded
    from parsed

),

referenced as (

    select
        deduplicated.*,
        opportunities.opportunity_id is not null as has_opportunity
    from deduplicated
    left join opportunities
        on deduplicated.opportunity_id = opportunities.opportunity_id

),

checked as (

    select
        *,
        {{ kam_reason_columns(kam_standard_checks('decision_chain') + [
            [
                'orphan_reference',
                'opportunity_id is not null and not has_opportunity',
                'opportunity_id',
            ],
        ]) }}
    from referenced

),

final as (

    select
        'decision_chain' as table_name,
        {{ kam_record_key('decision_chain') }} as record_key,
        source_row_number,
        {{ kam_contract_columns('decision_chain') }},
        is_superseded,
        reason_codes,
        reason_details
    from checked

)

select * from final
