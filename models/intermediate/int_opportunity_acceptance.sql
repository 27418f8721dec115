with

opportunities as (

    select * from {{ ref('int_opportunities') }}

),

periods as (

    select * from {{ ref('int_periods') }}

),

decision_chain as (

    select * from {{ ref('stg_crm__decision_chain') }}

),

contact_assessment_intervals as (

    select
        opportunity_id,
        contact_id,
        assessed_on,
        influence_weight,
        solution_score,
        lead(assessed_on) over (
            partition by opportunity_id, contact_id order by assessed_on
        ) as next_assessed_on
    from decision_chain

),

at_close as (

    select
        opportunity_id,
        'at_close' as evaluation,
        closed_period_start as period_start,
        closed_on as evaluated_on
    from opportunities
    where outcome in ('won', 'lost')

),

in_active_periods as (

    {#- MCI.3: approved by the period's end, not closed before it began;
        evaluated on the earlier of the period's end and the close. -#}
    select
        opportunities.opportunity_id,
        'active_period' as evaluation,
        periods.period_start,
        case
            when opportunities.closed_on < periods.period_cutoff_date
                then opportunities.closed_on
            else periods.period_cutoff_date
        end as evaluated_on
    from opportunities
    inner join periods
        on
            opportunities.approved_on <= periods.period_cutoff_date
            and (
                opportunities.closed_on >= periods.period_start
                or opportunities.closed_on is null
            )

),

evaluation_points as (

    select * from at_close
    union all
    select * from in_active_periods

),

latest_contact_assessments as (

    select
        evaluation_points.opportunity_id,
        evaluation_points.evaluation,
        evaluation_points.period_start,
        evaluation_points.evaluated_on,
        contact_assessment_intervals.contact_id,
        contact_assessment_intervals.influence_weight,
        contact_assessment_intervals.solution_score
    from evaluation_points
    inner join contact_assessment_intervals
        on
            evaluation_points.opportunity_id
            = contact_assessment_intervals.opportunity_id
            and evaluation_points.evaluated_on
            >= contact_assessment_intervals.assessed_on
            and (
                evaluation_points.evaluated_on
                < contact_assessment_intervals.next_assessed_on
                or contact_assessment_intervals.next_assessed_on is null
            )

),

acceptance as (

    {#- Rounded to 10 decimals so that sums over opportunities are exact
        and the same on every engine. -#}
    select
        opportunity_id,
        evaluation,
        period_start,
        evaluated_on,
        count(*) as contacts_assessed,
        cast({{ kam_divide(
            'sum(influence_weight * solution_score)', 'sum(influence_weight)'
        ) }} as decimal(38, 10)) as solution_acceptance
    from latest_contact_assessments
    group by opportunity_id, evaluation, period_start, evaluated_on

)

select * from acceptance
