with

checked_rows as (

    select * from {{ ref('base_crm__account_owners_checked') }}

),

passed as (

    select
        account_id,
        user_id,
        valid_from,
        valid_to as exported_valid_to
    from checked_rows
    where reason_codes is null

),

bounded as (

    select
        *,
        lead(valid_from) over (
            partition by account_id order by valid_from
        ) as next_valid_from
    from passed

),

final as (

    select
        account_id,
        user_id,
        valid_from,
        exported_valid_to,
        case
            when
                next_valid_from is not null
                and (
                    exported_valid_to is null
                    or exported_valid_to > next_valid_from
                )
                then next_valid_from
            else exported_valid_to
        end as valid_to
    from bounded

)

select * from final
