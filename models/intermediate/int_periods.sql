{%- set grain = kam_period_grain() -%}
{%- set months_per_period = {'year': 12, 'quarter': 3, 'month': 1}[grain] -%}
{%- set prior_months = 12 if kam_comparison() == 'same_period_last_year'
    else months_per_period -%}

with

event_window as (

    select * from {{ ref('stg_crm__event_window') }}

),

period_numbers as (

    {#- 1,200 months cover a century of data at any grain. -#}
    {{ dbt.generate_series(1200) }}

),

first_period as (

    select
        {{ kam_period_start('first_event_date') }} as first_period_start,
        as_of_date
    from event_window
    where first_event_date <= as_of_date

),

period_starts as (

    select
        cast({{ dbt.dateadd(
            'month',
            '(period_numbers.generated_number - 1) * '
            ~ months_per_period,
            'first_period.first_period_start',
        ) }} as date) as period_start,
        period_numbers.generated_number - 1 as period_index,
        first_period.first_period_start,
        first_period.as_of_date
    from first_period
    cross join period_numbers

),

bounded as (

    select
        period_start,
        period_index,
        first_period_start,
        as_of_date,
        cast({{ dbt.dateadd(
            'day', -1, dbt.dateadd('month', months_per_period, 'period_start')
        ) }} as date) as period_end,
        cast({{ dbt.dateadd(
            'month', -prior_months, 'period_start'
        ) }} as date) as prior_period_start
    from period_starts
    where period_start <= as_of_date

),

labelled as (

    select
        '{{ grain }}' as period_grain,
        {{ kam_period_label('period_start') }} as period_label,
        period_start,
        period_end,
        period_end <= as_of_date as is_complete_period,
        case
            when period_end < as_of_date then period_end else as_of_date
        end as period_cutoff_date,
        period_index,
        prior_period_start,
        {{ kam_period_label('prior_period_start') }} as prior_period_label,
        prior_period_start >= first_period_start as has_prior_period,
        as_of_date
    from bounded

)

select * from labelled
