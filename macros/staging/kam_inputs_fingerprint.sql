{#
    The fingerprint (MD5 text) of everything outside a raw row and its key
    group that a checked row of table_name depends on, apart from the
    references (kam_rows_to_check compares those row by row): the staged fx
    rates (fx_relation), the enumeration synonyms (synonyms_relation, where
    the table has enumerations), the reporting currency, and the code: the
    model's own text and the SQL that the staging macros generate for the
    table. An incremental run whose fingerprint differs from the stored one
    checks every row again (D31).
#}
{% macro kam_inputs_fingerprint(
    table_name, fx_relation, synonyms_relation=none
) %}
    {%- set code_text = model.get('raw_code', '')
        ~ kam_parse_raw_rows(table_name, 'rows', 'synonyms')
        ~ kam_reason_columns(kam_standard_checks(table_name))
        ~ kam_flag_superseded(kam_raw_table_spec(table_name).key)
        ~ kam_record_key(table_name)
        ~ kam_contract_columns(table_name)
        ~ kam_convert_amount('amount', 'currency', 'rate')
        ~ kam_fx_join_condition('fx', 'currency', 'day')
        ~ kam_fx_rate_is_missing('currency', 'rate', 'day') -%}
    {%- set parts = [
        "'" ~ local_md5(code_text) ~ "'",
        "'" ~ kam_reporting_currency() ~ "'",
        _kam_fingerprint_of(fx_relation, [
            'currency', 'valid_from', 'valid_to', 'rate_to_reporting'
        ]),
    ] -%}
    {%- if synonyms_relation is not none -%}
        {%- do parts.append(_kam_fingerprint_of(
            synonyms_relation, ['domain', 'label', 'value']
        )) -%}
    {%- endif -%}
    {%- set separated = [] -%}
    {%- for part in parts -%}
        {%- do separated.append(part) -%}
        {%- if not loop.last %}{% do separated.append("'|'") %}{% endif -%}
    {%- endfor -%}
    {{ dbt.hash(dbt.concat(separated)) }}
{% endmacro %}


{#- The rows of a small relation as one text (null values marked). -#}
{%- macro _kam_fingerprint_of(relation, columns) -%}
    {%- set texts = [] -%}
    {%- for column in columns -%}
        {%- do texts.append(
            "coalesce(cast(" ~ column ~ " as " ~ dbt.type_string()
            ~ "), '~')"
        ) -%}
        {%- if not loop.last %}{% do texts.append("'/'") %}{% endif -%}
    {%- endfor -%}
    coalesce((
        select {{ kam_sorted_string_agg(dbt.concat(texts)) }}
        from {{ relation }}
    ), '')
{%- endmacro -%}
