{#- A table: one row that most models read. -#}
{{ config(materialized='table') }}

{%- set as_of_setting = kam_as_of_date_setting() -%}

with

revenue as (

    select booked_on from {{ ref('stg_crm__revenue') }}

),

account_costs as (

    select incurred_on from {{ ref('stg_crm__account_costs') }}

),

account_assessments as (

    select assessed_on from {{ ref('stg_crm__account_assessments') }}

),

leads as (

    select
        created_on,
        status,
        closed_on
    from {{ ref('stg_crm__leads') }}

),

opportunities as (

    select
        created_on,
        approved_on,
        closed_on,
        outcome
    from {{ ref('stg_crm__opportunities') }}

),

presales_costs as (

    select incurred_on from {{ ref('stg_crm__presales_costs') }}

),

timesheets as (

    select work_date from {{ ref('stg_crm__timesheets') }}

),

decision_chain as (

    select assessed_on from {{ ref('stg_crm__decision_chain') }}

),

team_ratings as (

    select rated_on from {{ ref('stg_crm__team_ratings') }}

),

completed_deliveries as (

    {#- Deliveries are final only after their as-of conversion; the completed
        ones do not depend on it, so their dates are read before it. -#}
    select completed_on
    from {{ ref('base_crm__deliveries_prechecked') }}
    where
        reason_codes is null
        and status in ('succeeded', 'failed')

),

event_dates as (

    select booked_on as event_date from revenue
    union all
    select incurred_on as event_date from account_costs
    union all
    select assessed_on as event_date from account_assessments
    union all
    select created_on as event_date from leads
    union all
    select closed_on as event_date
    from leads
    where status in ('converted', 'disqualified')
    union all
    select created_on as event_date from opportunities
    union all
    select approved_on as event_date from opportunities
    union all
    select closed_on as event_date
    from opportunities
    where outcome <> 'open'
    union all
    select incurred_on as event_date from presales_costs
    union all
    select work_date as event_date from timesheets
    union all
    select assessed_on as event_date from decision_chain
    union all
    select rated_on as event_date from team_ratings
    union all
    select completed_on as event_date from completed_deliveries

),

event_window as (

    select
        min(event_date) as first_event_date,
        max(event_date) as last_event_date
    from event_dates

),

final as (

    select
        first_event_date,
        last_event_date,
        {% if as_of_setting is none -%}
        last_event_date
        {%- else -%}
            cast('{{ as_of_setting }}' as date)
        {%- endif %} as as_of_date,
        {{ 'false' if as_of_setting is none else 'true' }} as is_as_of_date_set
    from event_window

)

select * from final
