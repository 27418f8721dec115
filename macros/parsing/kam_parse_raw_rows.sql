{#
    The rows of a raw table cleaned and parsed by its contract entry
    (RAW_CONTRACT.md), in steps so that each value is worked on once:
      cleaned   <column>__text trimmed, null for an empty value (kam_clean)
      prepared  dates: __date_matched (one of the listed forms),
                __date_normal (as Y-M-D); amounts: __amount_matched,
                __amount_digits, __amount_negative, __amount_wan (× 10,000);
                numbers: __number_matched
      split     dates: __year, __month, __day, __hour, __minute, __second;
                amounts: __amount_whole_digits
      parsed    each contract column typed under its own name: a date (null
                for an impossible date or time), an amount of the amount type
                (null beyond 15 whole digits), a number, an upper-cased
                currency, an enumeration's canonical value (through the
                synonym relation), or the cleaned text; and updated_at_parsed.
    The result keeps source_row_number, the carried_columns of raw_relation
    as they are, <column>__text, the typed columns and, for amounts,
    __amount_matched and __amount_whole_digits, which the checks read; the
    steps' other columns stay inside. A value that fits no listed
    form is null here; the checks tell why.
#}
{% macro kam_parse_raw_rows(
    table_name, raw_relation, synonyms_relation=none, carried_columns=[]
) %}
    {%- set columns = kam_raw_table_spec(table_name).columns -%}
    select
        split.source_row_number,
        {%- for column in carried_columns %}
        split.{{ column }},
        {%- endfor %}
        {{ kam_parse_timestamp('split.updated_at__text') }}
            as updated_at_parsed,
        {%- for column in columns %}
        split.{{ column.name }}__text,
        {%- if column.type == 'amount' %}
        split.{{ column.name }}__amount_matched,
        split.{{ column.name }}__amount_whole_digits,
        {%- endif %}
        {{ _kam_typed_value(column, 'split') }} as {{ column.name }}
        {{- ',' if not loop.last }}
        {%- endfor %}
    from (
        select
            prepared.*
            {%- for column in columns if column.type in ['date', 'amount'] %},
            {{ _kam_split_columns(column, 'prepared') }}
            {%- endfor %}
        from (
            select
                cleaned.*
                {%- for column in columns
                    if column.type in ['date', 'amount', 'number'] %},
                {{ _kam_prepared_columns(column, 'cleaned') }}
                {%- endfor %}
            from (
                select
                    source_row_number,
                    {%- for column in carried_columns %}
                    {{ column }},
                    {%- endfor %}
                    {%- for column in columns %}
                    {{ kam_clean(column.name) }} as {{ column.name }}__text,
                    {%- endfor %}
                    {{ kam_clean('updated_at') }} as updated_at__text
                from {{ raw_relation }}
            ) as cleaned
        ) as prepared
    ) as split
    {%- for column in columns if column.type == 'enum' %}
    left join {{ synonyms_relation }} as {{ column.name }}__synonym
        on
            {{ column.name }}__synonym.domain = '{{ column.enum }}'
            and {{ column.name }}__synonym.label
            = lower(split.{{ column.name }}__text)
    {%- endfor %}
{% endmacro %}


{#- Step 1: what a date, amount or number looks like, from its text. -#}
{%- macro _kam_prepared_columns(column, relation) -%}
    {%- set text = relation ~ '.' ~ column.name ~ '__text' -%}
    {%- set name = column.name -%}
    {%- if column.type == 'date' -%}
        {{ kam_regexp_matches(text, kam_date_pattern()) }}
            as {{ name }}__date_matched,
        {{ kam_normalized_date_text(text) }} as {{ name }}__date_normal
    {%- elif column.type == 'amount' -%}
        ({{ kam_regexp_matches(text, _kam_amount_pattern()) }}
            and {{ text }} not like '%-%-%') as {{ name }}__amount_matched,
        {{ _kam_amount_digits(text) }} as {{ name }}__amount_digits,
        {{ text }} like '%-%' as {{ name }}__amount_negative,
        {{ text }} like '%万' as {{ name }}__amount_wan
    {%- else -%}
        {{ kam_regexp_matches(text, '^-?[0-9]{1,15}([.][0-9]+)?$') }}
            as {{ name }}__number_matched
    {%- endif -%}
{%- endmacro -%}


{#- Step 2: the parts of a matched date, the whole digits of an amount. -#}
{%- macro _kam_split_columns(column, relation) -%}
    {%- set name = column.name -%}
    {%- if column.type == 'date' -%}
        {%- set matched = relation ~ '.' ~ name ~ '__date_matched' -%}
        {%- set normal = relation ~ '.' ~ name ~ '__date_normal' -%}
        {%- set date_text = dbt.split_part(normal, "' '", 1) -%}
        {%- set time_text = dbt.split_part(normal, "' '", 2) -%}
        {%- for part in ['year', 'month', 'day'] %}
        case
            when {{ matched }}
                then cast({{ dbt.split_part(date_text, "'-'", loop.index) }}
                    as integer)
        end as {{ name }}__{{ part }}{{ ',' if not loop.last }}
        {%- endfor %},
        {%- for part in ['hour', 'minute', 'second'] %}
        case
            when {{ matched }} and coalesce({{ time_text }}, '') <> ''
                then cast({{ dbt.split_part(time_text, "':'", loop.index) }}
                    as integer)
        end as {{ name }}__{{ part }}{{ ',' if not loop.last }}
        {%- endfor %}
    {%- else -%}
        case
            when {{ relation }}.{{ name }}__amount_matched
                then {{ dbt.length(dbt.split_part(
                    relation ~ '.' ~ name ~ '__amount_digits', "'.'", 1
                )) }}
        end as {{ name }}__amount_whole_digits
    {%- endif -%}
{%- endmacro -%}


{#- Step 3: the typed value of a column. -#}
{%- macro _kam_typed_value(column, relation) -%}
    {%- set prefix = relation ~ '.' ~ column.name -%}
    {%- if column.type == 'date' -%}
        case
            when
                {{ prefix }}__date_matched
                and {{ kam_date_is_valid(
                    prefix ~ '__year', prefix ~ '__month', prefix ~ '__day'
                ) }}
                and (
                    {{ prefix }}__hour is null
                    or {{ kam_time_is_valid(
                        prefix ~ '__hour',
                        prefix ~ '__minute',
                        prefix ~ '__second',
                    ) }}
                )
                then {{ kam_make_date(
                    prefix ~ '__year', prefix ~ '__month', prefix ~ '__day'
                ) }}
        end
    {%- elif column.type == 'amount' -%}
        {#- 万: the digits keep 4 more decimals before × 10,000, so that
            12.3456789万 is 123456.789, not 123456.79. -#}
        {#- The outer cast keeps the type's scale on PostgreSQL, where a case
            without an else drops it. -#}
        cast(case
            when
                {{ prefix }}__amount_matched
                and {{ prefix }}__amount_whole_digits <= 15
                then cast(
                    (case when {{ prefix }}__amount_negative then -1 else 1 end)
                    * (
                        case
                            when {{ prefix }}__amount_wan
                                then cast({{ prefix }}__amount_digits
                                    as decimal(38, 10)) * 10000
                            else cast({{ prefix }}__amount_digits
                                as {{ kam_type_amount() }})
                        end
                    )
                    as {{ kam_type_amount() }}
                )
        end as {{ kam_type_amount() }})
    {%- elif column.type == 'number' -%}
        cast(case
            when {{ prefix }}__number_matched
                then cast({{ prefix }}__text as {{ kam_type_amount() }})
        end as {{ kam_type_amount() }})
    {%- elif column.type == 'currency' -%}
        upper({{ prefix }}__text)
    {%- elif column.type == 'enum' -%}
        {{ column.name }}__synonym.value
    {%- else -%}
        {{ prefix }}__text
    {%- endif -%}
{%- endmacro -%}


{#- Every amount form: sign, currency mark, thousands in threes, 万. -#}
{%- macro _kam_amount_pattern() -%}
    ^-?[¥￥$€]?-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)([.][0-9]+)?万?$
{%- endmacro -%}


{#- The digits and decimal point of an amount, every mark removed. -#}
{%- macro _kam_amount_digits(expression) -%}
    {%- set digits = namespace(sql=expression) -%}
    {%- for mark in [',', '-', '¥', '￥', '$', '€', '万'] -%}
        {%- set digits.sql = "replace(" ~ digits.sql
            ~ ", '" ~ mark ~ "', '')" -%}
    {%- endfor -%}
    {{ digits.sql }}
{%- endmacro -%}
