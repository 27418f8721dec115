with

enum_synonyms as (

    select * from {{ ref('enum_synonyms') }}

),

normalised as (

    select
        lower(trim(domain)) as domain,
        lower(trim(label)) as label,
        trim(value) as value
    from enum_synonyms

)

select * from normalised
