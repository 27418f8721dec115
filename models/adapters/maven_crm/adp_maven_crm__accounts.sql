{#-
    The accounts table of the raw contract from accounts.csv of the Maven CRM
    export (var kam_adapter: maven_crm), in file order.
-#}
with

source_accounts as (

    select * from {{ kam_adapter_source('maven_crm', 'accounts.csv') }}

),

numbered as (

    select
        *,
        {{ kam_source_row_number() }} as export_row_number
    from source_accounts

),

mapped as (

    select
        export_row_number,

        -- keys: the export names an account by its name, in every file
        cast(account as {{ dbt.type_string() }}) as account_id,

        -- attributes
        cast(account as {{ dbt.type_string() }}) as account_name,
        cast(
            case
                -- the export's one spelling of technology
                when lower(trim(sector)) = 'technolgy' then 'technology'
                else sector
            end as {{ dbt.type_string() }}
        ) as industry,
        cast(office_location as {{ dbt.type_string() }}) as region,

        -- dates: the export has no CRM creation day (year_established is
        -- the company's founding year)
        cast(null as {{ dbt.type_string() }}) as created_on

    from numbered

),

final as (

    select
        account_id,
        account_name,
        industry,
        region,
        created_on
    from mapped
    order by export_row_number

)

select * from final
