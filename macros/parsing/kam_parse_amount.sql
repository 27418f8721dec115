{#
    A contract amount (RAW_CONTRACT.md) parsed from cleaned text, as
    kam_type_amount, or null when the text fits no listed form:
      a plain decimal (1200.50), thousands separators in groups of three
      (1,200,000.50), a currency sign ¥ ￥ $ € before or after a minus sign
      (-¥200, ¥-200), a trailing 万 for × 10,000 (1.5万, ¥1,200万).
    1 200 and 12,00.5 fit no form and give null, never a guess.
#}
{% macro kam_parse_amount(expression) %}
    case
        when {{ kam_amount_is_valid(expression) }}
            and not {{ kam_amount_is_too_large(expression) }}
            then
                (case when {{ expression }} like '%-%' then -1 else 1 end)
                * cast({{ _kam_amount_digits(expression) }}
                    as {{ kam_type_amount() }})
                * (case when {{ expression }} like '%万' then 10000 else 1 end)
    end
{% endmacro %}

{#- The digits and decimal point of a valid amount. -#}
{%- macro _kam_amount_digits(expression) -%}
    {%- set digits = namespace(sql=expression) -%}
    {%- for mark in [',', '-', '¥', '￥', '$', '€', '万'] -%}
        {%- set digits.sql = "replace(" ~ digits.sql ~ ", '" ~ mark ~ "', '')" -%}
    {%- endfor -%}
    {{ digits.sql }}
{%- endmacro -%}
