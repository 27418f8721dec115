{#
    The problems that stop a build before anything reads the raw files:
    a missing, empty or non-UTF-8 file, or a missing required column.
    Returns a list of messages, one per problem.
#}
{% macro kam_raw_input_problems() %}
    {% set problems = [] %}
    {% set raw_path = kam_raw_path() %}
    {% if raw_path is none or not execute %}
        {% do return(problems) %}
    {% endif %}
    {% set contract = kam_raw_contract() %}
    {% for table_name in contract.keys() | sort %}
        {% set location = kam_raw_location(table_name) %}
        {% if location.kind == 'missing' %}
            {% do problems.append(
                raw_path ~ '/' ~ table_name ~ '.csv: file not found. '
                ~ 'Every contract table needs a file (a header line is '
                ~ 'enough for a table without data).'
            ) %}
        {% elif location.kind == 'file' %}
            {% set file_problem = kam_file_problem(
                location.path, location.format
            ) %}
            {% if file_problem %}
                {% do problems.append(location.path ~ ': ' ~ file_problem) %}
            {% else %}
                {% set header = kam_file_columns(
                    location.path, location.format
                ) %}
                {% for column in contract[table_name].columns %}
                    {% if column.required
                        and column.name not in header.values() %}
                        {% do problems.append(
                            location.path ~ ': required column "'
                            ~ column.name ~ '" is missing (the header has: '
                            ~ (header.keys() | join(', '))
                            ~ '). Add the column, or rename the one that '
                            ~ 'holds it.'
                        ) %}
                    {% endif %}
                {% endfor %}
            {% endif %}
        {% endif %}
    {% endfor %}
    {% do return(problems) %}
{% endmacro %}
