{#
    The CTEs that choose the raw rows of table_name a checked model checks in
    this run, ending in `rows_to_check`: the chosen rows of raw_relation with
    key_text (the cleaned key) and raw_row_hash (kam_row_hash). A
    full build (incremental false) checks every row. An incremental run
    (D31) checks:
      changed_rows        raw rows that are new or whose raw record changed
                          (raw_row_hash at the same row number), and stored
                          rows whose raw row is gone
      re_referenced_rows  stored rows whose reference now resolves
                          differently (orphan_reference may change)
      touched_keys        the keys, stored and current, of those rows: the
                          whole key group is checked again, so the latest row
                          of a key still supersedes the others
      recompute_all       true when a stored row's inputs_fingerprint differs
                          from the current one (fx rates, synonyms, settings,
                          code): then every row is checked
    stored_relation holds the stored rows as source_row_number, key_text,
    reference_id, has_reference, raw_row_hash, inputs_fingerprint;
    reference_relation the staged rows a reference resolves to, by
    reference_column; fingerprint_relation one row of inputs_fingerprint.
    Rows with an empty key form no group and are checked alone. The table's
    key must be one text column.
#}
{% macro kam_rows_to_check(
    incremental,
    table_name,
    raw_relation,
    stored_relation,
    reference_relation,
    reference_column,
    fingerprint_relation
) %}
{%- set key = kam_raw_table_spec(table_name).key %}
{%- if key | length != 1 %}
    {% do exceptions.raise_compiler_error(
        'kam_rows_to_check: the key of ' ~ table_name ~ ' is not one column'
    ) %}
{%- endif %}
keyed_rows as (

    select
        {{ raw_relation }}.*,
        {{ kam_clean(raw_relation ~ '.' ~ key[0]) }} as key_text
    from {{ raw_relation }}

),

{% if incremental -%}
{#- Materialized: read, cleaned and hashed once for the steps below. -#}
hashed_rows as materialized (

    select
        keyed_rows.*,
        {{ kam_row_hash(table_name, 'keyed_rows') }} as raw_row_hash
    from keyed_rows

),

changed_rows as (

    select
        coalesce(
            hashed_rows.source_row_number,
            {{ stored_relation }}.source_row_number
        ) as source_row_number,
        hashed_rows.key_text as current_key,
        {{ stored_relation }}.key_text as stored_key
    from hashed_rows
    full outer join {{ stored_relation }}
        on
            hashed_rows.source_row_number
            = {{ stored_relation }}.source_row_number
    where
        hashed_rows.source_row_number is null
        or {{ stored_relation }}.source_row_number is null
        or hashed_rows.raw_row_hash <> {{ stored_relation }}.raw_row_hash

),

re_referenced_rows as (

    select
        {{ stored_relation }}.source_row_number,
        {{ stored_relation }}.key_text
    from {{ stored_relation }}
    left join {{ reference_relation }}
        on
            {{ stored_relation }}.reference_id
            = {{ reference_relation }}.{{ reference_column }}
    where
        {{ stored_relation }}.has_reference
        <> ({{ reference_relation }}.{{ reference_column }} is not null)

),

touched_keys as (

    select current_key as key_text from changed_rows
    where current_key is not null
    union
    select stored_key as key_text from changed_rows
    where stored_key is not null
    union
    select key_text from re_referenced_rows
    where key_text is not null

),

chosen_row_numbers as (

    select source_row_number from changed_rows
    union
    select source_row_number from re_referenced_rows
    union
    select hashed_rows.source_row_number from hashed_rows
    where hashed_rows.key_text in (
        select touched_keys.key_text from touched_keys
    )

),

recompute_all as (

    select count(*) > 0 as is_recomputed
    from {{ stored_relation }}
    cross join {{ fingerprint_relation }}
    where
        {{ stored_relation }}.inputs_fingerprint is null
        or {{ stored_relation }}.inputs_fingerprint
        <> {{ fingerprint_relation }}.inputs_fingerprint

),

rows_to_check as (

    select hashed_rows.*
    from hashed_rows
    cross join recompute_all
    where
        recompute_all.is_recomputed
        or hashed_rows.source_row_number in (
            select chosen_row_numbers.source_row_number
            from chosen_row_numbers
        )

)
{%- else -%}
rows_to_check as (

    select
        *,
        {{ kam_row_hash(table_name, 'keyed_rows') }} as raw_row_hash
    from keyed_rows

)
{%- endif %}
{% endmacro %}
