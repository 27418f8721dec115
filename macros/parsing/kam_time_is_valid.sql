{# True where integer hour, minute and second expressions form a real time. #}
{% macro kam_time_is_valid(hour, minute, second) %}
    ({{ hour }} between 0 and 23
        and {{ minute }} between 0 and 59
        and {{ second }} between 0 and 59)
{% endmacro %}
