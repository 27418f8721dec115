with

checked_rows as (

    select * from {{ ref('base_crm__decision_chain_checked') }}

),

passed as (

    select
        opportunity_id,
        contact_id,
        {{ dbt.hash(dbt.concat(
            ["'" ~ var('kam_contact_salt') ~ "'", 'contact_name']
        )) }} as contact_name_hash,
        role,
        influence_weight,
        assessed_on,
        relationship_score,
        solution_score,
        price_score
    from checked_rows
    where reason_codes is null

)

select * from passed
