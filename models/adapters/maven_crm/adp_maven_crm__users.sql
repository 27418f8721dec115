{#-
    The users table of the raw contract from sales_teams.csv of the Maven CRM
    export (var kam_adapter: maven_crm): one row per sales agent, in file
    order, hired on the day of the agent's first opportunity.
-#}
{% set date_formats = kam_adapters()['maven_crm'].date_formats %}

with

source_sales_teams as (

    select * from {{ kam_adapter_source('maven_crm', 'sales_teams.csv') }}

),

source_pipeline as (

    select * from {{ kam_adapter_source('maven_crm', 'sales_pipeline.csv') }}

),

numbered as (

    select
        *,
        {{ kam_source_row_number() }} as export_row_number
    from source_sales_teams

),

engagements as (

    select
        trim(sales_agent) as sales_agent_key,
        {{ kam_date_text('engage_date', date_formats) }} as engaged_on
    from source_pipeline

),

first_engagements as (

    select
        sales_agent_key,
        min(engaged_on) as first_engaged_on
    from engagements
    -- only the dates that converted: text that sorts as a date
    where {{ kam_regexp_matches('engaged_on', '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') }}
    group by sales_agent_key

),

mapped as (

    select
        numbered.export_row_number,

        -- keys: the export names an agent by name, in every file
        cast(numbered.sales_agent as {{ dbt.type_string() }}) as user_id,

        -- attributes
        cast(numbered.sales_agent as {{ dbt.type_string() }}) as user_name,
        cast('sales' as {{ dbt.type_string() }}) as role,

        -- dates: no hiring dates in the export; empty for an agent without
        -- a dated opportunity, which staging rejects as missing_required
        cast(
            first_engagements.first_engaged_on as {{ dbt.type_string() }}
        ) as hired_on,
        cast(null as {{ dbt.type_string() }}) as left_on

    from numbered
    left join first_engagements
        on trim(numbered.sales_agent) = first_engagements.sales_agent_key

),

final as (

    select
        user_id,
        user_name,
        role,
        hired_on,
        left_on
    from mapped
    order by export_row_number

)

select * from final
