with

leads as (

    select * from {{ ref('stg_crm__leads') }}

),

event_window as (

    select as_of_date from {{ ref('stg_crm__event_window') }}

),

leads_as_of as (

    {#- A lead closed after the as-of date is still open then. -#}
    select
        leads.lead_id,
        leads.account_id,
        leads.opportunity_id,
        leads.created_on,
        leads.estimated_presales_cost,
        case
            when
                leads.status <> 'open'
                and leads.closed_on <= event_window.as_of_date
                then leads.status
            else 'open'
        end as status,
        case
            when
                leads.status <> 'open'
                and leads.closed_on <= event_window.as_of_date
                then leads.closed_on
        end as closed_on
    from leads
    cross join event_window
    where leads.created_on <= event_window.as_of_date

),

final as (

    select
        *,
        {{ kam_period_start('created_on') }} as created_period_start,
        {{ kam_period_start('closed_on') }} as closed_period_start
    from leads_as_of

)

select * from final
