{#- One union branch per raw table: rows read, staged and rejected. -#}
with

{% for table_name in kam_raw_contract().keys() | sort %}
{{ table_name }}_counts as (

    select
        '{{ table_name }}' as table_name,
        (
            select count(*) from {{ ref('base_crm__' ~ table_name) }}
        ) as rows_read,
        (
            select count(*) from {{ ref('stg_crm__' ~ table_name) }}
        ) as rows_staged,
        (
            select count(*) from {{ ref('rejected_rows') }}
            where table_name = '{{ table_name }}'
        ) as rows_rejected

),

{% endfor %}
unioned as (

    {% for table_name in kam_raw_contract().keys() | sort %}
    select * from {{ table_name }}_counts
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select * from unioned
