{#
    The checks every raw table gets from its contract entry, as a list of
    [reason code, SQL condition, column] over the columns of
    kam_parse_raw_rows (cleaned <column>__text, typed <column>, the parts):
      missing_required   a required column is empty
      unparseable_value  a date, amount or number that fits no listed form
      out_of_range       a value outside its bounds (amounts too large too)
      unknown_value      an enumeration label no synonym maps
#}
{% macro kam_standard_checks(table_name) %}
    {% set checks = [] %}
    {% for column in kam_raw_table_spec(table_name).columns %}
        {% set text = column.name ~ '__text' %}
        {% if column.required %}
            {% do checks.append([
                'missing_required', text ~ ' is null', column.name
            ]) %}
        {% endif %}
        {% if column.type == 'amount' %}
            {% do checks.append([
                'unparseable_value',
                text ~ ' is not null and not ' ~ column.name
                ~ '__amount_matched',
                column.name,
            ]) %}
            {% do checks.append([
                'out_of_range',
                column.name ~ '__amount_whole_digits > 15',
                column.name,
            ]) %}
        {% elif column.type in ['date', 'number'] %}
            {% do checks.append([
                'unparseable_value',
                text ~ ' is not null and ' ~ column.name ~ ' is null',
                column.name,
            ]) %}
        {% elif column.type == 'enum' %}
            {% do checks.append([
                'unknown_value',
                text ~ ' is not null and ' ~ column.name ~ ' is null',
                column.name,
            ]) %}
        {% endif %}
        {% if 'min' in column %}
            {% do checks.append([
                'out_of_range',
                column.name ~ (' <= ' if column.min_exclusive else ' < ')
                ~ column.min,
                column.name,
            ]) %}
        {% endif %}
        {% if 'max' in column %}
            {% do checks.append([
                'out_of_range',
                column.name ~ (' >= ' if column.max_exclusive else ' > ')
                ~ column.max,
                column.name,
            ]) %}
        {% endif %}
    {% endfor %}
    {% do return(checks) %}
{% endmacro %}
