{#-
    The accounts table of the raw contract from Account.csv of a Salesforce
    export (var kam_adapter: salesforce), in file order.
    API field names are written in lower case (DuckDB matches any case).
-#}
{% set date_formats = kam_adapters()['salesforce'].date_formats %}

with

source_accounts as (

    select * from {{ kam_adapter_source('salesforce', 'Account.csv') }}

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

        -- keys
        cast(id as {{ dbt.type_string() }}) as account_id,

        -- attributes
        cast(name as {{ dbt.type_string() }}) as account_name,
        cast(industry as {{ dbt.type_string() }}) as industry,
        cast(billingstate as {{ dbt.type_string() }}) as region,

        -- dates: the UTC day of the record's creation
        cast(
            {{ kam_date_text('createddate', date_formats) }}
            as {{ dbt.type_string() }}
        ) as created_on

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
