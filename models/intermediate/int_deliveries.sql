with

deliveries as (

    select * from {{ ref('stg_crm__deliveries') }}

),

event_window as (

    select as_of_date from {{ ref('stg_crm__event_window') }}

),

completed as (

    {#- Delivered (succeeded or failed) on or before the as-of date; in
        progress and cancelled deliveries are not counted. -#}
    select
        deliveries.delivery_id,
        deliveries.opportunity_id,
        deliveries.status,
        deliveries.completed_on,
        {{ kam_period_start('deliveries.completed_on') }}
            as completed_period_start,
        deliveries.contract_amount
    from deliveries
    cross join event_window
    where
        deliveries.status in ('succeeded', 'failed')
        and deliveries.completed_on <= event_window.as_of_date

)

select * from completed
