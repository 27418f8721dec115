with

raw_rows as (

    select * from {{ ref('base_crm__team_ratings') }}

),

opportunities as (

    select opportunity_id from {{ ref('stg_crm__opportunities') }}

),

raters as (

    select user_id from {{ ref('stg_crm__users') }}

),

ratees as (

    select user_id from {{ ref('stg_crm__users') }}

),

parsed as (

    {{ kam_parse_raw_rows('team_ratings', 'raw_rows') }}

),

deduplicated as (

    select
        *,
        {{ kam_flag_superseded(['rating_id']) }} as is_superseded
    from parsed

),

referenced as (

    select
        deduplicated.*,
        opportunities.opportunity_id is not null as has_opportunity,
        raters.user_id is not null as has_rater,
        ratees.user_id is not null as has_ratee
    from deduplicated
    left join opportunities
        on deduplicated.opportunity_id = opportunities.opportunity_id
    left join raters
        on deduplicated.rater_id = raters.user_id
    left join ratees
        on deduplicated.ratee_id = ratees.user_id

),

checked as (

    select
        *,
        {{ kam_reason_columns(kam_standard_checks('team_ratings') + [
            [
                'orphan_reference',
                'opportunity_id is not null and not has_opportunity',
                'opportunity_id',
            ],
            [
                'orphan_reference',
                'rater_id is not null and not has_rater',
                'rater_id',
            ],
            [
                'orphan_reference',
                'ratee_id is not null and not has_ratee',
                'ratee_id',
            ],
        ]) }}
    from referenced

),

final as (

    select
        'team_ratings' as table_name,
        {{ kam_record_key('team_ratings') }} as record_key,
        source_row_number,
        {{ kam_contract_columns('team_ratings') }},
        is_superseded,
        reason_codes,
        reason_details
    from checked

)

select * from final
