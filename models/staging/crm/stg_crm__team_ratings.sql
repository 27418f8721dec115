with

checked_rows as (

    select * from {{ ref('base_crm__team_ratings_checked') }}

),

passed as (

    select
        rating_id,
        opportunity_id,
        rater_id,
        ratee_id,
        rated_on,
        score
    from checked_rows
    where reason_codes is null

)

select * from passed
