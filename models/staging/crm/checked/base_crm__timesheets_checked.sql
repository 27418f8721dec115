-- todo: incremental (D31) needs the 24-hour rule's user-days and the users'
-- employment as groups to check again (until then a full table each run)
{#- The checks of one row on its own and of its references; the 24-hour
    rule across rows runs after them, on the rows that passed. -#}
{% set row_checks = kam_standard_checks('timesheets') + [
    [
        'orphan_reference',
        'user_id is not null and not has_user',
        'user_id',
    ],
    [
        'orphan_reference',
        'opportunity_id is not null and not has_opportunity',
        'opportunity_id',
    ],
    [
        'inconsistent_dates',
        'has_user and (work_date < user_hired_on'
        ~ ' or work_date > user_left_on)',
        'work_date',
    ],
] %}

with

raw_rows as (

    select * from {{ ref('base_crm__timesheets') }}

),

enum_synonyms as (

    select * from {{ ref('stg_crm__enum_synonyms') }}

),

users as (

    select
        user_id,
        hired_on,
        left_on
    from {{ ref('stg_crm__users') }}

),

opportunities as (

    select opportunity_id from {{ ref('stg_crm__opportunities') }}

),

parsed as (

    {{ kam_parse_raw_rows('timesheets', 'raw_rows', 'enum_synonyms') }}

),

deduplicated as (

    select
        *,
        {{ kam_flag_superseded(['entry_id']) }} as is_superseded
    from parsed

),

referenced as (

    select
        deduplicated.*,
        users.hired_on as user_hired_on,
        users.left_on as user_left_on,
        users.user_id is not null as has_user,
        opportunities.opportunity_id is not null as has_opportunity
    from deduplicated
    left join users
        on deduplicated.user_id = users.user_id
    left join opportunities
        on deduplicated.opportunity_id = opportunities.opportunity_id

),

row_checked as (

    select
        *,
        {{ kam_reason_columns(row_checks, prefix='row_') }}
    from referenced

),

day_totals as (

    select
        *,
        sum(case when row_reason_codes is null then hours end) over (
            partition by user_id, work_date
        ) as passed_hours_of_day
    from row_checked

),

checked as (

    select
        *,
        {{ kam_reason_columns(row_checks + [
            [
                'out_of_range',
                'row_reason_codes is null and passed_hours_of_day > 24',
                'hours',
            ],
        ]) }}
    from day_totals

),

final as (

    select
        'timesheets' as table_name,
        {{ kam_record_key('timesheets') }} as record_key,
        source_row_number,
        {{ kam_contract_columns('timesheets') }},
        is_superseded,
        reason_codes,
        reason_details
    from checked

)

select * from final
