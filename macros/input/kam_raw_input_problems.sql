{#
    The problems that stop a build before anything reads the raw files:
    under var kam_raw_path, a directory that does not exist, a table given
    both as CSV and as Parquet, a missing, empty or non-UTF-8 file, or a
    missing required column; with var kam_adapter, the same for the export files
    the adapter reads, and records it marks as deleted.
    Returns a list of messages, one per problem.
#}
{% macro kam_raw_input_problems() %}
    {% set problems = [] %}
    {% if not execute %}
        {% do return(problems) %}
    {% endif %}
    {% set adapter_name = kam_adapter() %}
    {% if adapter_name is not none %}
        {% do return(_kam_adapter_input_problems(adapter_name)) %}
    {% endif %}
    {% set raw_path = kam_raw_path() %}
    {% if raw_path is none %}
        {% do return(problems) %}
    {% endif %}
    {% if not kam_file_exists(raw_path ~ '/*') %}
        {% do problems.append(
            raw_path ~ ': no such directory, or it holds no file. Set '
            ~ 'kam_raw_path to the directory of the raw files, one '
            ~ '<table>.csv or <table>.parquet per contract table.'
        ) %}
        {% do return(problems) %}
    {% endif %}
    {% set contract = kam_raw_contract() %}
    {% for table_name in contract.keys() | sort %}
        {% set location = kam_raw_location(table_name) %}
        {% set file_stem = raw_path ~ '/' ~ table_name %}
        {% if kam_file_exists(file_stem ~ '.csv')
            and kam_file_exists(file_stem ~ '.parquet') %}
            {% do problems.append(
                file_stem ~ '.csv and ' ~ table_name ~ '.parquet: both '
                ~ 'exist, and only the Parquet file would be read. Keep one '
                ~ 'of them in kam_raw_path.'
            ) %}
        {% endif %}
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

{# The problems of the export files of one source adapter (kam_adapters). #}
{% macro _kam_adapter_input_problems(adapter_name) %}
    {% set problems = [] %}
    {% set spec = kam_adapters()[adapter_name] %}
    {% set adapter_path = kam_adapter_path() %}
    {% if adapter_path is none %}
        {% do problems.append(
            'var kam_adapter is ' ~ adapter_name ~ ' but var kam_adapter_path '
            ~ 'is empty: set it to the directory holding '
            ~ (spec.files.keys() | sort | join(', '))
        ) %}
        {% do return(problems) %}
    {% endif %}
    {% for file_name, columns in spec.files.items() | sort %}
        {% set path = adapter_path ~ '/' ~ file_name %}
        {% set file_exists = kam_file_exists(path) %}
        {% set file_problem = kam_file_problem(path, 'csv')
            if file_exists else none %}
        {% if not file_exists %}
            {% do problems.append(
                path ~ ': file not found. The ' ~ adapter_name ~ ' adapter '
                ~ 'reads ' ~ file_name ~ ' from var kam_adapter_path (the '
                ~ 'directory of the export, with the names the export gives '
                ~ 'its files).'
            ) %}
        {% elif file_problem %}
            {% do problems.append(path ~ ': ' ~ file_problem) %}
        {% else %}
            {% set header = kam_file_columns(path, 'csv') %}
            {% for column in columns %}
                {% if column | lower not in header.values() %}
                    {% do problems.append(
                        path ~ ': column "' ~ column ~ '" is missing (the '
                        ~ 'header has: ' ~ (header.keys() | join(', '))
                        ~ '). The ' ~ adapter_name ~ ' adapter reads it.'
                    ) %}
                {% endif %}
            {% endfor %}
            {% set flag = spec.deleted_flag %}
            {% if flag and flag | lower in header.values() %}
                {% set deleted = run_query(
                    'select count(*) from ' ~ kam_read_file_sql(path, 'csv')
                    ~ ' where lower(trim(' ~ adapter.quote(flag)
                    ~ ")) in ('1', 'true')"
                ).rows[0][0] %}
                {% if deleted > 0 %}
                    {% do problems.append(
                        path ~ ': ' ~ deleted ~ ' record(s) have ' ~ flag
                        ~ ' true (an export that includes deleted records); '
                        ~ 'export without them, or remove them, and run '
                        ~ 'again: the raw contract has no deleted flag.'
                    ) %}
                {% endif %}
            {% endif %}
        {% endif %}
    {% endfor %}
    {% do return(problems) %}
{% endmacro %}
