with

prechecked as (

    select * from {{ ref('base_crm__deliveries_prechecked') }}

),

event_window as (

    select as_of_date from {{ ref('stg_crm__event_window') }}

),

fx_rates as (

    select * from {{ ref('stg_crm__fx_rates') }}

),

pending_as_of as (

    {#- In progress and cancelled deliveries convert at the as-of date. -#}
    select
        prechecked.*,
        event_window.as_of_date as as_of_currency_day
    from prechecked
    cross join event_window

),

converted as (

    select
        pending_as_of.*,
        fx_rates.rate_to_reporting as as_of_rate_to_reporting
    from pending_as_of
    left join fx_rates
        on
            pending_as_of.currency_day is null
            and {{ kam_fx_join_condition(
                'fx_rates',
                'pending_as_of.currency',
                'pending_as_of.as_of_currency_day',
            ) }}

),

checked as (

    select
        delivery_id,
        opportunity_id,
        status,
        completed_on,
        currency,
        contract_amount,
        coalesce(currency_day, as_of_currency_day) as currency_day,
        coalesce(
            contract_amount_reporting,
            {{ kam_convert_amount(
                'contract_amount', 'currency', 'as_of_rate_to_reporting'
            ) }}
        ) as contract_amount_reporting,
        table_name,
        record_key,
        source_row_number,
        raw_record,
        is_superseded,
        case
            when
                not is_superseded
                and currency_day is null
                and {{ kam_fx_rate_is_missing(
                    'currency', 'as_of_rate_to_reporting', 'as_of_currency_day'
                ) }}
                then concat_ws(',', reason_codes, 'missing_fx_rate')
            else reason_codes
        end as reason_codes,
        case
            when
                not is_superseded
                and currency_day is null
                and {{ kam_fx_rate_is_missing(
                    'currency', 'as_of_rate_to_reporting', 'as_of_currency_day'
                ) }}
                then concat_ws('; ', reason_details, 'missing_fx_rate(currency)')
            else reason_details
        end as reason_details
    from converted

)

select * from checked
