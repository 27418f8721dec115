{#- The one model beyond staging that holds staff names (user_name), so that
    access to them is granted on its own (var kam_grant_staff_names). -#}
{{ config(
    grants={
        'select': var('kam_bi_roles') if var('kam_grant_staff_names') else []
    }
) }}

with

users as (

    select * from {{ ref('stg_crm__users') }}

),

event_window as (

    select as_of_date from {{ ref('stg_crm__event_window') }}

),

final as (

    select
        users.user_id,
        users.user_name,
        users.role,
        users.hired_on,
        users.left_on,
        users.hired_on <= event_window.as_of_date
        and (
            users.left_on >= event_window.as_of_date or users.left_on is null
        ) as is_employed_on_as_of_date
    from users
    cross join event_window

)

select * from final
