with

periods as (

    select * from {{ ref('int_periods') }}

),

accounts as (

    select account_id from {{ ref('stg_crm__accounts') }}

),

account_assessments as (

    select * from {{ ref('stg_crm__account_assessments') }}

),

account_ledger as (

    select * from {{ ref('int_account_ledger') }}

),

assessment_intervals as (

    select
        *,
        lead(assessed_on) over (
            partition by account_id order by assessed_on
        ) as next_assessed_on
    from account_assessments

),

ledger_totals as (

    select
        account_id,
        period_start,
        sum(output_amount) as output,
        sum(investment_amount) as investment
    from account_ledger
    group by account_id, period_start

),

account_period_grid as (

    select
        accounts.account_id,
        periods.period_start,
        periods.period_label,
        periods.period_cutoff_date,
        periods.prior_period_start,
        periods.has_prior_period
    from accounts
    cross join periods

),

classified as (

    {#- The latest assessment known at the period's end (or the as-of date
        when the period is still running). -#}
    select
        account_period_grid.*,
        assessment_intervals.assessed_on,
        assessment_intervals.account_class,
        assessment_intervals.expected_annual_spend,
        assessment_intervals.relationship_score,
        assessment_intervals.solution_score,
        assessment_intervals.price_score,
        coalesce(
            assessment_intervals.account_class in ('A', 'B', 'C'), false
        ) as is_key_account,
        {{ kam_potential_output(
            'assessment_intervals.expected_annual_spend',
            'assessment_intervals.relationship_score',
            'assessment_intervals.solution_score',
            'assessment_intervals.price_score',
        ) }} as potential_output
    from account_period_grid
    left join assessment_intervals
        on
            account_period_grid.account_id = assessment_intervals.account_id
            and account_period_grid.period_cutoff_date
            >= assessment_intervals.assessed_on
            and (
                account_period_grid.period_cutoff_date
                < assessment_intervals.next_assessed_on
                or assessment_intervals.next_assessed_on is null
            )

),

with_figures as (

    select
        classified.*,
        cast(
            coalesce(ledger_totals.output, 0) as {{ kam_type_amount() }}
        ) as output,
        cast(
            coalesce(ledger_totals.investment, 0) as {{ kam_type_amount() }}
        ) as investment
    from classified
    left join ledger_totals
        on
            classified.account_id = ledger_totals.account_id
            and classified.period_start = ledger_totals.period_start

),

with_roi as (

    select
        *,
        {{ kam_divide('output', 'investment') }} as roi
    from with_figures

),

final as (

    select
        current_period.account_id,
        current_period.period_start,
        current_period.period_label,
        current_period.assessed_on,
        current_period.account_class,
        current_period.is_key_account,
        current_period.output,
        current_period.investment,
        current_period.roi,
        current_period.potential_output,
        current_period.expected_annual_spend,
        current_period.relationship_score,
        current_period.solution_score,
        current_period.price_score,
        current_period.has_prior_period,
        prior_period.account_class as prior_account_class,
        prior_period.is_key_account as prior_is_key_account,
        prior_period.output as prior_output,
        prior_period.investment as prior_investment,
        prior_period.roi as prior_roi,
        prior_period.potential_output as prior_potential_output
    from with_roi as current_period
    left join with_roi as prior_period
        on
            current_period.account_id = prior_period.account_id
            and current_period.prior_period_start = prior_period.period_start

)

select * from final
