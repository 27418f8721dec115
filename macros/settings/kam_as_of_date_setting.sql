{#
    The as-of date of var kam_as_of_date as 'YYYY-MM-DD' text, or none when
    the latest event date of the data is to be used.
#}
{% macro kam_as_of_date_setting() %}
    {% set as_of = var('kam_as_of_date') %}
    {% if as_of is none or (as_of | string | trim) == '' %}
        {% do return(none) %}
    {% endif %}
    {% set as_of_text = as_of | string | trim %}
    {% if not modules.re.match('^[0-9]{4}-[0-9]{2}-[0-9]{2}$', as_of_text) %}
        {% do exceptions.raise_compiler_error(
            "var kam_as_of_date must be a date written YYYY-MM-DD; got '"
            ~ as_of_text ~ "'"
        ) %}
    {% endif %}
    {% set year = as_of_text[0:4] | int %}
    {% set month = as_of_text[5:7] | int %}
    {% set day = as_of_text[8:10] | int %}
    {% set leap = (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 %}
    {% set month_days = [31, 29 if leap else 28, 31, 30, 31, 30,
                         31, 31, 30, 31, 30, 31] %}
    {% if month < 1 or month > 12 or day < 1 or day > month_days[month - 1] %}
        {% do exceptions.raise_compiler_error(
            "var kam_as_of_date is no real date: '" ~ as_of_text ~ "'"
        ) %}
    {% endif %}
    {% do return(as_of_text) %}
{% endmacro %}
