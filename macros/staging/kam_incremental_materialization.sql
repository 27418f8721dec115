{#
    Materialization of the checked models that run incrementally (D31):
    incremental with delete+insert on source_row_number, except on Spark,
    whose session tables (Parquet, no Delta) have no delete+insert: a table
    there, rebuilt by every run.
#}
{% macro kam_incremental_materialization() %}
    {{ return('table' if target.type == 'spark' else 'incremental') }}
{% endmacro %}
