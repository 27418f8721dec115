{#- One union branch per raw table: every row a check rejected. -#}
with

{% for table_name in kam_raw_contract().keys() | sort %}
{{ table_name }}_rejected as (

    select
        table_name,
        source_row_number,
        record_key,
        reason_codes,
        reason_details,
        raw_record
    from {{ ref('base_crm__' ~ table_name ~ '_checked') }}
    where reason_codes is not null

),

{% endfor %}
unioned as (

    {% for table_name in kam_raw_contract().keys() | sort %}
    select * from {{ table_name }}_rejected
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select * from unioned
