with

periods as (

    select * from {{ ref('int_periods') }}

),

team_ratings as (

    select * from {{ ref('int_team_ratings') }}

),

per_period as (

    select
        periods.period_start,
        count(team_ratings.rating_id) as rating_count,
        sum(team_ratings.score) as total_score
    from periods
    left join team_ratings
        on periods.period_start = team_ratings.period_start
    group by periods.period_start

),

final as (

    select
        'MCI.4' as indicator_code,
        'score' as basis,
        period_start,
        {{ kam_divide('total_score', 'rating_count') }} as value,
        rating_count as population
    from per_period

)

select * from final
