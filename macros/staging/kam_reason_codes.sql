{# The rejection reason codes of RAW_CONTRACT.md, in their fixed order. #}
{% macro kam_reason_codes() %}
    {% do return([
        'missing_required',
        'unparseable_value',
        'out_of_range',
        'unknown_value',
        'orphan_reference',
        'inconsistent_dates',
        'inconsistent_outcome',
        'duplicate_superseded',
        'missing_fx_rate',
    ]) %}
{% endmacro %}
