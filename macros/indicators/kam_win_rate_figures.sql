{#
    Per period of `periods`, the win-rate figures of the opportunities of
    `closed_opportunities` (rows with period_start, outcome won or lost and
    amount): closed_count, won_count, closed_amount, won_amount (0 over
    nothing).
#}
{% macro kam_win_rate_figures(periods, closed_opportunities) %}
    select
        {{ periods }}.period_start,
        count({{ closed_opportunities }}.period_start) as closed_count,
        coalesce(sum(
            case when {{ closed_opportunities }}.outcome = 'won' then 1 end
        ), 0) as won_count,
        coalesce(
            sum({{ closed_opportunities }}.amount),
            cast(0 as {{ kam_type_amount() }})
        ) as closed_amount,
        coalesce(
            sum(
                case
                    when {{ closed_opportunities }}.outcome = 'won'
                        then {{ closed_opportunities }}.amount
                end
            ),
            cast(0 as {{ kam_type_amount() }})
        ) as won_amount
    from {{ periods }}
    left join {{ closed_opportunities }}
        on {{ periods }}.period_start = {{ closed_opportunities }}.period_start
    group by {{ periods }}.period_start
{% endmacro %}
