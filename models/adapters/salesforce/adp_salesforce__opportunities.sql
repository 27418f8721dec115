{#-
    The opportunities table of the raw contract from Opportunity.csv of a
    Salesforce export (var kam_adapter: salesforce), in file order.
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

flagged as (

    -- the export writes true as 1 and false as an empty cell
    select
        *,
        lower(trim(coalesce(isclosed, ''))) in ('1', 'true') as is_closed,
        lower(trim(coalesce(isclosed, ''))) in ('', '0', 'false')
            as is_not_closed,
        lower(trim(coalesce(iswon, ''))) in ('1', 'true') as is_won,
        lower(trim(coalesce(iswon, ''))) in ('', '0', 'false') as is_not_won
    from numbered

),

mapped as (

    select
        export_row_number,

        -- keys
        cast(id as {{ dbt.type_string() }}) as opportunity_id,
        cast(accountid as {{ dbt.type_string() }}) as account_id,
        cast(ownerid as {{ dbt.type_string() }}) as owner_id,

        -- attributes: the export does not tell captured from incubated;
        -- IsClosed and IsWon say what the org's stages mean, StageName
        -- passes on where they cannot be read
        cast('other' as {{ dbt.type_string() }}) as origin,
        cast(
            case
                when is_closed and is_won then 'won'
                when is_closed and is_not_won then 'lost'
                when is_not_closed and is_not_won then 'open'
                else stagename
            end as {{ dbt.type_string() }}
        ) as outcome,

        -- dates: created on qualification (lead conversion), so approved
        -- the day it was created (UTC); CloseDate is the close, or the
        -- expected close of an open opportunity
        cast(
            {{ kam_date_text('createddate', date_formats) }}
            as {{ dbt.type_string() }}
        ) as created_on,
        cast(
            {{ kam_date_text('createddate', date_formats) }}
            as {{ dbt.type_string() }}
        ) as approved_on,
        cast(
            {{ kam_date_text('closedate', date_formats) }}
            as {{ dbt.type_string() }}
        ) as closed_on,

        -- numerics: the org has one currency (no CurrencyIsoCode), USD
        cast(amount as {{ dbt.type_string() }}) as amount,
        cast('USD' as {{ dbt.type_string() }}) as currency,
        cast(null as {{ dbt.type_string() }}) as estimated_presales_cost

    from flagged

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
