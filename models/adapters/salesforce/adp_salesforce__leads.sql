{#-
    The leads table of the raw contract from Lead.csv of a Salesforce export
    (var kam_adapter: salesforce), in file order.
    API field names are written in lower case (DuckDB matches any case).
-#}
{% set date_formats = kam_adapters()['salesforce'].date_formats %}

with

source_leads as (

    select * from {{ kam_adapter_source('salesforce', 'Lead.csv') }}

),

numbered as (

    select
        *,
        {{ kam_source_row_number() }} as export_row_number
    from source_leads

),

flagged as (

    -- the export writes true as 1 and false as an empty cell
    select
        *,
        lower(trim(coalesce(isconverted, ''))) as converted_flag,
        lower(trim(coalesce(status, ''))) as status_key
    from numbered

),

mapped as (

    select
        export_row_number,

        -- keys: a lead's account is known once it is converted
        cast(id as {{ dbt.type_string() }}) as lead_id,
        cast(convertedaccountid as {{ dbt.type_string() }}) as account_id,
        cast(
            convertedopportunityid as {{ dbt.type_string() }}
        ) as opportunity_id,

        -- attributes: IsConverted first, then the standard statuses of the
        -- classic and Lightning lead processes; another Status passes on
        cast(
            case
                when converted_flag in ('1', 'true') then 'converted'
                when status_key in (
                    'new', 'working', 'nurturing', 'qualified',
                    'open - not contacted', 'working - contacted'
                ) then 'open'
                when status_key in ('unqualified', 'closed - not converted')
                    then 'disqualified'
                else status
            end as {{ dbt.type_string() }}
        ) as status,

        -- dates (UTC days): a lead closes when converted; the export has no
        -- day on which a lead was disqualified
        cast(
            {{ kam_date_text('createddate', date_formats) }}
            as {{ dbt.type_string() }}
        ) as created_on,
        cast(
            case
                when converted_flag in ('1', 'true')
                    then {{ kam_date_text('converteddate', date_formats) }}
            end as {{ dbt.type_string() }}
        ) as closed_on,

        -- numerics: no presales estimate in the export
        cast(null as {{ dbt.type_string() }}) as estimated_presales_cost,
        cast(null as {{ dbt.type_string() }}) as currency

    from flagged

),

final as (

    select
        lead_id,
        account_id,
        created_on,
        status,
        closed_on,
        opportunity_id,
        estimated_presales_cost,
        currency
    from mapped
    order by export_row_number

)

select * from final
