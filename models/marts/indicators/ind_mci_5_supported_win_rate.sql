with

periods as (

    select * from {{ ref('int_periods') }}

),

supported_closed as (

    select
        opportunity_id,
        closed_period_start as period_start,
        outcome,
        amount
    from {{ ref('int_opportunities') }}
    where is_closed and is_supported

),

acceptance_at_close as (

    select * from {{ ref('int_opportunity_acceptance') }}
    where evaluation = 'at_close'

),

win_rate_figures as (

    {{ kam_win_rate_figures('periods', 'supported_closed') }}

),

correlation_inputs as (

    {#- x: solution acceptance at the close (6 decimals, so that the sums
        below are exact on every engine); y: won 1, lost 0. -#}
    select
        supported_closed.period_start,
        cast(acceptance_at_close.solution_acceptance as decimal(38, 6)) as x,
        case when supported_closed.outcome = 'won' then 1 else 0 end as y
    from supported_closed
    inner join acceptance_at_close
        on supported_closed.opportunity_id = acceptance_at_close.opportunity_id

),

correlation_sums as (

    select
        periods.period_start,
        count(correlation_inputs.period_start) as pair_count,
        sum(correlation_inputs.x) as sum_x,
        sum(correlation_inputs.y) as sum_y,
        sum(correlation_inputs.x * correlation_inputs.y) as sum_xy,
        sum(correlation_inputs.x * correlation_inputs.x) as sum_xx,
        sum(correlation_inputs.y * correlation_inputs.y) as sum_yy
    from periods
    left join correlation_inputs
        on periods.period_start = correlation_inputs.period_start
    group by periods.period_start

),

correlation_terms as (

    {#- Pearson's r = covariance term ÷ √(x variance term × y variance
        term), each term n·Σab − Σa·Σb, exact in decimals. -#}
    select
        period_start,
        pair_count,
        pair_count * sum_xy - sum_x * sum_y as covariance_term,
        pair_count * sum_xx - sum_x * sum_x as x_variance_term,
        pair_count * sum_yy - sum_y * sum_y as y_variance_term
    from correlation_sums

),

final as (

    select
        'MCI.5' as indicator_code,
        'amount' as basis,
        period_start,
        {{ kam_divide('won_amount', 'closed_amount') }} as value,
        closed_count as population
    from win_rate_figures
    union all
    select
        'MCI.5' as indicator_code,
        'count' as basis,
        period_start,
        {{ kam_divide('won_count', 'closed_count') }} as value,
        closed_count as population
    from win_rate_figures
    union all
    select
        'MCI.5' as indicator_code,
        'acceptance_correlation' as basis,
        period_start,
        case
            when
                pair_count >= 3
                and x_variance_term > 0
                and y_variance_term > 0
                then {{ kam_divide(
                    'covariance_term',
                    'sqrt(cast(x_variance_term as ' ~ kam_type_double()
                    ~ ') * cast(y_variance_term as ' ~ kam_type_double() ~ '))',
                ) }}
        end as value,
        pair_count as population
    from correlation_terms

)

select * from final
