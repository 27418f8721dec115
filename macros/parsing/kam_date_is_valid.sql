{#
    True where integer year, month and day expressions form a real date
    (leap years included), so that make_date is never given an impossible
    one; null where a part is null.
#}
{% macro kam_date_is_valid(year, month, day) %}
    ({{ year }} >= 1
        and {{ month }} between 1 and 12
        and {{ day }} between 1 and (
            case
                when {{ month }} in (4, 6, 9, 11) then 30
                when {{ month }} <> 2 then 31
                when {{ year }} % 400 = 0 then 29
                when {{ year }} % 100 = 0 then 28
                when {{ year }} % 4 = 0 then 29
                else 28
            end
        ))
{% endmacro %}
