{#-
    The opportunities table of the raw contract from sales_pipeline.csv of
    the Maven CRM export (var kam_adapter: maven_crm), in file order; the
    amount of a deal not won is its product's list price (products.csv).
-#}
{% set date_formats = kam_adapters()['maven_crm'].date_formats %}

with

source_pipeline as (

    select * from {{ kam_adapter_source('maven_crm', 'sales_pipeline.csv') }}

),

source_products as (

    select * from {{ kam_adapter_source('maven_crm', 'products.csv') }}

),

numbered as (

    select
        *,
        {{ kam_source_row_number() }} as export_row_number,
        lower(replace(product, ' ', '')) as product_key
    from source_pipeline

),

list_prices as (

    -- product names compared without spaces or case: GTXPro = GTX Pro;
    -- two rows that disagree on one product's price give no price
    select
        lower(replace(product, ' ', '')) as product_key,
        case
            when count(distinct sales_price) = 1 then min(sales_price)
        end as list_price
    from source_products
    group by lower(replace(product, ' ', ''))

),

priced_deals as (

    select
        numbered.*,
        list_prices.list_price,
        lower(trim(numbered.deal_stage)) as stage_key
    from numbered
    left join list_prices
        on numbered.product_key = list_prices.product_key

),

mapped as (

    select
        export_row_number,

        -- keys
        cast(opportunity_id as {{ dbt.type_string() }}) as opportunity_id,
        cast(account as {{ dbt.type_string() }}) as account_id,
        cast(sales_agent as {{ dbt.type_string() }}) as owner_id,

        -- attributes: the export does not tell captured from incubated
        cast('other' as {{ dbt.type_string() }}) as origin,
        cast(
            case stage_key
                when 'won' then 'won'
                when 'lost' then 'lost'
                when 'engaging' then 'open'
                when 'prospecting' then 'open'
                else deal_stage
            end as {{ dbt.type_string() }}
        ) as outcome,

        -- dates: engage_date is the first date the export holds of a deal;
        -- a deal is approved when it enters Engaging
        cast(
            {{ kam_date_text('engage_date', date_formats) }}
            as {{ dbt.type_string() }}
        ) as created_on,
        cast(
            case
                when stage_key in ('won', 'lost', 'engaging')
                    then {{ kam_date_text('engage_date', date_formats) }}
            end as {{ dbt.type_string() }}
        ) as approved_on,
        cast(
            {{ kam_date_text('close_date', date_formats) }}
            as {{ dbt.type_string() }}
        ) as closed_on,

        -- numerics: close_value of a won deal; list price otherwise (a lost
        -- deal's close_value is 0)
        cast(
            case
                when stage_key = 'won' then close_value
                else list_price
            end as {{ dbt.type_string() }}
        ) as amount,
        cast('USD' as {{ dbt.type_string() }}) as currency,
        cast(null as {{ dbt.type_string() }}) as estimated_presales_cost

    from priced_deals

),

final as (

    select
        opportunity_id,
        account_id,
        owner_id,
        origin,
        created_on,
        approved_on,
        closed_on,
        outcome,
        amount,
        currency,
        estimated_presales_cost
    from mapped
    order by export_row_number

)

select * from final
