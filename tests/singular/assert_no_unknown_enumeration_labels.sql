{#-
    Lists every raw row rejected because an enumeration label is unknown, so
    that an unmapped label (a new CRM stage, say) is seen rather than lost:
    extend seeds/reference/enum_synonyms.csv to map it. Severity comes from
    var kam_unknown_label_severity (default warn, since the rows are already
    kept in rejected_rows; set error to stop a pipeline on them).
-#}
{{ config(severity=var('kam_unknown_label_severity')) }}

with

rejected_rows as (

    select * from {{ ref('rejected_rows') }}

)

select
    table_name,
    record_key,
    reason_details
from rejected_rows
where reason_codes like '%unknown_value%'
