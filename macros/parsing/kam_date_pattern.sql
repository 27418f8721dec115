{#
    The regular expression of the contract's date forms (RAW_CONTRACT.md):
    YYYY-MM-DD, YYYY/MM/DD, YYYY年M月D日 with one- or two-digit month and day,
    and a time H:MM:SS or HH:MM:SS after the dash form only (DECISIONS D5).
    Without backslashes, which Spark would read as escapes.
#}
{% macro kam_date_pattern() %}
    {%- set dash = '-[0-9]{1,2}-[0-9]{1,2}( [0-9]{1,2}:[0-9]{2}:[0-9]{2})?' -%}
    {%- set slash = '/[0-9]{1,2}/[0-9]{1,2}' -%}
    {%- set chinese = '年[0-9]{1,2}月[0-9]{1,2}日' -%}
    {{ return('^[0-9]{4}(' ~ dash ~ '|' ~ slash ~ '|' ~ chinese ~ ')$') }}
{% endmacro %}
