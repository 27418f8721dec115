{#- One union branch per raw table: every row a check rejected, with its raw
    record read again from the base model (only rejected rows need it). -#}
with

{% for table_name in kam_raw_contract().keys() | sort %}
{{ table_name }}_checked as (

    select
        table_name,
        source_row_number,
        record_key,
        reason_codes,
        reason_details
    from {{ ref('base_crm__' ~ table_name ~ '_checked') }}
    where reason_codes is not null

),

{{ table_name }}_raw as (

    select * from {{ ref('base_crm__' ~ table_name) }}

),

{{ table_name }}_rejected as (

    select
        {{ table_name }}_checked.table_name,
        {{ table_name }}_checked.source_row_number,
        {{ table_name }}_checked.record_key,
        {{ table_name }}_checked.reason_codes,
        {{ table_name }}_checked.reason_details,
        {{ kam_raw_record(table_name, table_name ~ '_raw') }} as raw_record
    from {{ table_name }}_checked
    inner join {{ table_name }}_raw
        on
            {{ table_name }}_checked.source_row_number
            = {{ table_name }}_raw.source_row_number

),

{% endfor %}
unioned as (

    {% for table_name in kam_raw_contract().keys() | sort %}
    select * from {{ table_name }}_rejected
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select * from unioned
