{#
    A contract amount (RAW_CONTRACT.md) parsed from cleaned text, as
    kam_type_amount, or null when the text fits no listed form:
      a plain decimal (1200.50), thousands separators in groups of three
      (1,200,000.50), a currency sign ¥ ￥ $ € before or after a minus sign
      (-¥200, ¥-200), a trailing 万 for × 10,000 (1.5万, ¥1,200万).
    1 200 and 12,00.5 fit no form and give null, never a guess.
#}
{% macro kam_parse_amount(expression) %}
    {%- set sign -%}
        (case when {{ expression }} like '%-%' then -1 else 1 end)
    {%- endset -%}
    case
        when {{ kam_amount_is_valid(expression) }}
            and not {{ kam_amount_is_too_large(expression) }}
            then
                case
                    {#- 万: the digits keep 4 more decimals before × 10,000,
                        so 12.3456789万 is 123456.789, not 123456.79. #}
                    when {{ expression }} like '%万'
                        then cast(
                            {{ sign }}
                            * cast({{ _kam_amount_digits(expression) }}
                                as decimal(38, 10))
                            * 10000
                            as {{ kam_type_amount() }}
                        )
                    else
                        {{ sign }}
                        * cast({{ _kam_amount_digits(expression) }}
                            as {{ kam_type_amount() }})
                end
    end
{% endmacro %}

{#- The digits and decimal point of a valid amount. -#}
{%- macro _kam_amount_digits(expression) -%}
    {%- set digits = namespace(sql=expression) -%}
    {%- for mark in [',', '-', '¥', '￥', '$', '€', '万'] -%}
        {%- set digits.sql = "replace(" ~ digits.sql
            ~ ", '" ~ mark ~ "', '')" -%}
    {%- endfor -%}
    {{ digits.sql }}
{%- endmacro -%}
