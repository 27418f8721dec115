{#- The day grain MetricFlow joins time-based metrics to (the semantic layer).
    The range is fixed and generous: CRM events before 2000 or after 2049 are
    not expected, and the table stays small (about 18,000 rows). -#}
with

days as (

    {{ dbt.date_spine(
        'day',
        "cast('2000-01-01' as date)",
        "cast('2050-01-01' as date)",
    ) }}

),

final as (

    select cast(date_day as date) as date_day
    from days

)

select * from final
