{#
    Post-hook of an incremental checked model (D31): deletes the stored rows
    whose raw row no longer exists (the raw table is shorter than it was), as
    delete+insert only replaces the rows it inserts. Empty on a first or
    full-refresh build, and where the model is a table (Spark).
#}
{% macro kam_delete_vanished_rows(raw_relation) %}
    {% if kam_incremental_materialization() == 'incremental'
        and is_incremental() %}
        delete from {{ this }}
        where source_row_number > (select count(*) from {{ raw_relation }})
    {% endif %}
{% endmacro %}
