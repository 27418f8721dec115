{#-
    The users table of the raw contract from the opportunity owners of
    Opportunity.csv of a Salesforce export (var kam_adapter: salesforce),
    which has no User object: one row per OwnerId, in the order of first
    appearance, named by the id and hired on the day of the first
    opportunity the user owns.
    API field names are written in lower case (DuckDB matches any case).
-#}
{% set date_formats = kam_adapters()['salesforce'].date_formats %}

with

source_opportunities as (

    select * from {{ kam_adapter_source('salesforce', 'Opportunity.csv') }}

),

numbered as (

    select
        *,
        {{ kam_source_row_number() }} as export_row_number
    from source_opportunities

),

owned as (

    select
        export_row_number,
        trim(ownerid) as owner_id,
        {{ kam_date_text('createddate', date_formats) }} as created_on
    from numbered
    where trim(ownerid) <> ''

),

owners as (

    select
        owner_id,
        min(export_row_number) as export_row_number,
        -- only the dates that converted: text that sorts as a date
        min(
            case
                when {{ kam_regexp_matches(
                    'created_on', '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                ) }}
                    then created_on
            end
        ) as first_created_on
    from owned
    group by owner_id

),

mapped as (

    select
        export_row_number,

        -- keys
        cast(owner_id as {{ dbt.type_string() }}) as user_id,

        -- attributes: the id is the only name the export holds; the owner
        -- of an opportunity is its sales rep
        cast(owner_id as {{ dbt.type_string() }}) as user_name,
        cast('sales' as {{ dbt.type_string() }}) as role,

        -- dates: no hiring dates in the export
        cast(first_created_on as {{ dbt.type_string() }}) as hired_on,
        cast(null as {{ dbt.type_string() }}) as left_on

    from owners

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
