{#
    True when `relation` (the stored checked model, `this`) holds the columns
    an incremental run compares (raw_row_hash, inputs_fingerprint). A table
    built before the model was incremental lacks them: that run checks every
    row, and on_schema_change adds the columns.
#}
{% macro kam_has_incremental_state(relation) %}
    {% if not execute %}
        {{ return(false) }}
    {% endif %}
    {% set names = [] %}
    {% for column in adapter.get_columns_in_relation(relation) %}
        {% do names.append(column.name | lower) %}
    {% endfor %}
    {{ return('raw_row_hash' in names and 'inputs_fingerprint' in names) }}
{% endmacro %}
