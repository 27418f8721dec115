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

    {#- In progress and cancelled deliveries (and those whose status is
        unknown) convert at the as-of date. A succeeded or failed one keeps
        its completed_on, also when that is empty or unparseable: then it
        has no currency day and gets no missing_fx_rate (D8). -#}
    select
        prechecked.*,
        event_window.as_of_date as as_of_currency_day,
        coalesce(
            prechecked.status not in ('succeeded', 'failed'), true
        ) as is_converted_at_as_of
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
            pending_as_of.is_converted_at_as_of
            and {{ kam_fx_join_condition(
                'fx_rates',
                'pending_as_of.currency',
                'pending_as_of.as_of_currency_day',
            ) }}

),

flagged as (

    select
        *,
        (
            not is_superseded
            and is_converted_at_as_of
            and {{ kam_fx_rate_is_missing(
                'currency', 'as_of_rate_to_reporting', 'as_of_currency_day'
            ) }}
        ) as is_missing_as_of_rate
    from converted

),

checked as (

    select
        delivery_id,
        opportunity_id,
        status,
        completed_on,
        currency,
        contract_amount,
        case
            when is_converted_at_as_of then as_of_currency_day
            else currency_day
        end as currency_day,
        case
            when is_converted_at_as_of
                then {{ kam_convert_amount(
                    'contract_amount', 'currency', 'as_of_rate_to_reporting'
                ) }}
            else contract_amount_reporting
        end as contract_amount_reporting,
        table_name,
        record_key,
        source_row_number,
        is_superseded,
        case
            when is_missing_as_of_rate
                then concat_ws(',', reason_codes, 'missing_fx_rate')
            else reason_codes
        end as reason_codes,
        case
            when is_missing_as_of_rate
                then concat_ws(
                    '; ', reason_details, 'missing_fx_rate(currency)'
                )
            else reason_details
        end as reason_details
    from flagged

)

select * from checked
