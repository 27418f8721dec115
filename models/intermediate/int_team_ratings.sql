with

team_ratings as (

    select * from {{ ref('stg_crm__team_ratings') }}

),

event_window as (

    select as_of_date from {{ ref('stg_crm__event_window') }}

),

rated_as_of as (

    select
        team_ratings.rating_id,
        team_ratings.opportunity_id,
        team_ratings.rater_id,
        team_ratings.ratee_id,
        team_ratings.rated_on,
        {{ kam_period_start('team_ratings.rated_on') }} as period_start,
        team_ratings.score
    from team_ratings
    cross join event_window
    where team_ratings.rated_on <= event_window.as_of_date

)

select * from rated_as_of
