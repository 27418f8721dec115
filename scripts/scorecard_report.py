"""Write the KAM scorecard as one self-contained HTML file from a built database.

    python scripts/scorecard_report.py --duckdb kam.duckdb \
        [--out reports/scorecard.html]

The report shows the latest complete period and the as-of period (the last one,
still running unless the as-of date is its last day): the three lines ESP+, TAS+
and MCI by stage, every indicator row with its value, prior value, growth, status
and a trend over all periods (inline SVG), and a "what moved" section naming the
accounts and reps whose output changed most behind the indicators that moved most.

The page needs nothing from the network: CSS is inline, fonts are the system's,
and there is no script. Every text read from the database is HTML-escaped. Only
the standard library and duckdb are used; the database is opened read-only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import math
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import duckdb

LINES = {
    "ESP+": ("大客户管理", "customer line"),
    "TAS+": ("销售过程管理", "deal line"),
    "MCI": ("销售支持管理", "support line"),
}
STAGES = {
    ("ESP+", 1): ("如何判定大客户", "choosing key accounts"),
    ("ESP+", 2): ("谁负责大客户", "who owns a key account"),
    ("ESP+", 3): ("策略和战术", "strategy and tactics"),
    ("ESP+", 4): ("大客户运营", "operating the accounts"),
    ("TAS+", 1): ("销售线索到商机立项", "lead to approved opportunity"),
    ("TAS+", 2): ("商机立项到签约", "approval to signing"),
    ("MCI", 0): ("商机立项到签约", "approval to signing, no stages"),
}
BASIS_ORDER = [
    "amount",
    "share",
    "count",
    "won",
    "lost",
    "ratio",
    "score",
    "acceptance_correlation",
]
STATUS_LABELS = {
    "healthy": "healthy 健康",
    "watch": "watch 关注",
    "alert": "alert 预警",
    "no_data": "no data 无数据",
}
STATUS_COLOURS = {
    "healthy": "#1e7b34",
    "watch": "#b26a00",
    "alert": "#c62828",
    "no_data": "#8a8f98",
}
PERCENT_UNITS = {"ratio", "share"}
NON_MONEY_UNITS = PERCENT_UNITS | {"days", "score", "coefficient"}

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0; padding: 24px 32px 48px; color: #1d232b; background: #f6f7f9;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC",
    "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif;
}
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 4px; padding-top: 8px;
  border-top: 3px solid #1d232b; }
h3 { font-size: 17px; margin: 24px 0 6px; }
h4 { font-size: 14px; margin: 16px 0 6px; color: #414b57; }
p.meta, p.note { color: #5b6570; margin: 2px 0; }
nav a { margin-right: 16px; color: #1f5fa8; }
.summary { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { background: #fff; border: 1px solid #dde1e6; border-radius: 6px;
  padding: 10px 14px; min-width: 260px; }
.card strong { display: block; margin-bottom: 6px; }
table { border-collapse: collapse; width: 100%; background: #fff;
  border: 1px solid #dde1e6; }
th, td { padding: 5px 8px; border-bottom: 1px solid #eceff2; text-align: left;
  vertical-align: middle; }
th { background: #eef1f4; font-weight: 600; font-size: 12px; color: #414b57; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums;
  white-space: nowrap; }
table.indicators { table-layout: fixed; }
col.c-code { width: 76px; } col.c-basis { width: 130px; }
col.c-value { width: 150px; } col.c-growth { width: 80px; }
col.c-status { width: 120px; } col.c-n { width: 56px; } col.c-trend { width: 168px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
td.code { white-space: nowrap; font-weight: 600; }
.zh { display: block; }
.en { display: block; color: #5b6570; font-size: 12px; }
.pill { display: inline-block; padding: 1px 8px; border-radius: 10px;
  font-size: 12px; font-weight: 600; color: #fff; white-space: nowrap; }
.pill.healthy { background: #1e7b34; }
.pill.watch { background: #b26a00; }
.pill.alert { background: #c62828; }
.pill.no_data { background: #8a8f98; }
tr.indicator-row.alert td:first-child { box-shadow: inset 4px 0 #c62828; }
tr.indicator-row.watch td:first-child { box-shadow: inset 4px 0 #b26a00; }
tr.indicator-row.healthy td:first-child { box-shadow: inset 4px 0 #1e7b34; }
tr.indicator-row.no_data td:first-child { box-shadow: inset 4px 0 #8a8f98; }
.up { color: #1e7b34; }
.down { color: #c62828; }
svg.trend { display: block; }
.moved { background: #fff; border: 1px solid #dde1e6; border-radius: 6px;
  padding: 8px 14px 14px; margin: 12px 0; }
.moved .tables { display: flex; flex-wrap: wrap; gap: 16px; }
.moved .tables > div { flex: 1 1 420px; }
footer { margin-top: 40px; color: #5b6570; font-size: 12px; }
@media print { body { background: #fff; } h2 { break-before: page; } }
"""


@dataclass
class Period:
    label: str
    start: dt.date
    end: dt.date
    is_complete: bool
    prior_label: str | None = None


@dataclass
class IndicatorRow:
    code: str
    line: str
    stage: int
    name: str
    name_zh: str
    basis: str
    unit: str
    direction: str
    period_label: str
    value: float | None
    prior_value: float | None
    delta: float | None
    growth_rate: float | None
    population: int
    status: str


@dataclass
class Report:
    grain: str
    as_of_date: dt.date | None
    periods: list[Period]
    rows: list[IndicatorRow]
    accounts: dict[str, list[dict]] = field(default_factory=dict)
    reps: dict[str, list[dict]] = field(default_factory=dict)


def progress(message: str) -> None:
    """One progress line on stdout, flushed at once."""
    print(f"scorecard_report: {message}", flush=True)


def number(value) -> float | None:
    """A float, or None for empty and non-finite values."""
    if value is None:
        return None
    result = float(value) if isinstance(value, Decimal | int | float) else None
    if result is None or not math.isfinite(result):
        return None
    return result


def esc(text) -> str:
    """HTML-escape any value (None as an empty string)."""
    return html.escape("" if text is None else str(text), quote=True)


def code_key(code: str) -> tuple:
    """Natural order of indicator codes: ESP.1.2 before ESP.1.10."""
    return tuple(
        int(part) if part.isdigit() else part for part in re.split(r"[.]", code)
    )


def row_key(row: IndicatorRow) -> tuple:
    line_order = list(LINES).index(row.line) if row.line in LINES else len(LINES)
    basis_order = (
        BASIS_ORDER.index(row.basis) if row.basis in BASIS_ORDER else len(BASIS_ORDER)
    )
    return (line_order, row.line, row.stage, code_key(row.code), basis_order, row.basis)


# -- reading ------------------------------------------------------------------


def fetch_dicts(
    connection: duckdb.DuckDBPyConnection, sql: str, params: Sequence = ()
) -> list[dict]:
    cursor = connection.execute(sql, list(params))
    columns = [column[0] for column in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def marts_schema(connection: duckdb.DuckDBPyConnection, requested: str | None) -> str:
    """The schema holding kam_indicators (var kam_marts_schema may move it)."""
    rows = connection.execute(
        "select table_schema from information_schema.tables "
        "where table_name = 'kam_indicators' "
        "and table_catalog = current_database() order by table_schema"
    ).fetchall()
    schemas = [row[0] for row in rows]
    if requested:
        if requested not in schemas:
            raise SystemExit(
                f"scorecard_report: no table kam_indicators in schema {requested!r}"
                f" (found in: {', '.join(schemas) or 'none'})"
            )
        return requested
    if len(schemas) != 1:
        raise SystemExit(
            "scorecard_report: "
            + (
                "no table kam_indicators in this database: build the project first"
                if not schemas
                else f"kam_indicators is in several schemas ({', '.join(schemas)}); "
                "choose one with --schema"
            )
        )
    return schemas[0]


def quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def read_report(connection: duckdb.DuckDBPyConnection, schema: str) -> Report:
    """The indicator rows of every period and the periods themselves."""
    table = f"{quoted(schema)}.kam_indicators"
    records = fetch_dicts(
        connection,
        "select indicator_code, line, stage, indicator_name, indicator_name_zh, "
        "basis, unit, desired_direction, period_grain, period_label, period_start, "
        "period_end, is_complete_period, value, prior_value, delta, growth_rate, "
        f"population, status from {table} order by period_start",
    )
    if not records:
        raise SystemExit("scorecard_report: kam_indicators is empty")
    periods: dict[str, Period] = {}
    rows = []
    for record in records:
        label = record["period_label"]
        periods.setdefault(
            label,
            Period(
                label=label,
                start=record["period_start"],
                end=record["period_end"],
                is_complete=bool(record["is_complete_period"]),
            ),
        )
        rows.append(
            IndicatorRow(
                code=record["indicator_code"],
                line=record["line"],
                stage=int(record["stage"] or 0),
                name=record["indicator_name"],
                name_zh=record["indicator_name_zh"],
                basis=record["basis"],
                unit=record["unit"],
                direction=record["desired_direction"],
                period_label=label,
                value=number(record["value"]),
                prior_value=number(record["prior_value"]),
                delta=number(record["delta"]),
                growth_rate=number(record["growth_rate"]),
                population=int(record["population"] or 0),
                status=record["status"] or "no_data",
            )
        )
    as_of_date = None
    if table_exists(connection, schema, "dim_periods"):
        for record in fetch_dicts(
            connection,
            "select period_label, prior_period_label, as_of_date "
            f"from {quoted(schema)}.dim_periods",
        ):
            if record["period_label"] in periods:
                periods[record["period_label"]].prior_label = record[
                    "prior_period_label"
                ]
            as_of_date = record["as_of_date"]
    ordered = sorted(periods.values(), key=lambda period: period.start)
    return Report(
        grain=records[0]["period_grain"],
        as_of_date=as_of_date,
        periods=ordered,
        rows=rows,
    )


def table_exists(connection: duckdb.DuckDBPyConnection, schema: str, name: str) -> bool:
    return bool(
        connection.execute(
            "select count(*) from information_schema.tables "
            "where table_schema = ? and table_name = ? "
            "and table_catalog = current_database()",
            [schema, name],
        ).fetchall()[0][0]
    )


def read_drill_down(
    connection: duckdb.DuckDBPyConnection,
    schema: str,
    report: Report,
    labels: Iterable[str],
) -> None:
    """Account and rep output changes of the reported periods."""
    labels = sorted(set(labels))
    placeholders = ", ".join("?" for _ in labels)
    missing = [
        name
        for name in ("fct_account_periods", "fct_rep_periods")
        if not table_exists(connection, schema, name)
    ]
    if missing:
        progress(f"no {' or '.join(missing)} in {schema}: 'what moved' lists none")
        return
    account_table = f"{quoted(schema)}.fct_account_periods"
    names = (
        f"left join {quoted(schema)}.dim_accounts as accounts "
        "on account_periods.account_id = accounts.account_id"
        if table_exists(connection, schema, "dim_accounts")
        else ""
    )
    name_column = (
        "coalesce(accounts.account_name, account_periods.account_name)"
        if names
        else "account_periods.account_name"
    )
    for record in fetch_dicts(
        connection,
        "select account_periods.period_label, account_periods.account_id, "
        f"{name_column} as account_name, account_periods.account_class, "
        "account_periods.is_key_account, account_periods.output, "
        "account_periods.prior_output, account_periods.output_change "
        f"from {account_table} as account_periods {names} "
        f"where account_periods.period_label in ({placeholders}) "
        "and account_periods.output_change is not null",
        labels,
    ):
        report.accounts.setdefault(record["period_label"], []).append(record)
    for record in fetch_dicts(
        connection,
        "select period_label, user_id, role, key_accounts_owned, output, "
        f"prior_output, output_change from {quoted(schema)}.fct_rep_periods "
        f"where period_label in ({placeholders}) and output_change is not null",
        labels,
    ):
        report.reps.setdefault(record["period_label"], []).append(record)


# -- formatting ---------------------------------------------------------------


def format_value(value: float | None, unit: str) -> str:
    """A value with its unit: money with separators, ratios as %, days, scores."""
    if value is None:
        return "—"
    if unit in PERCENT_UNITS:
        return f"{value * 100:,.1f}%"
    if unit == "days":
        return f"{value:,.1f} days"
    if unit == "score":
        return f"{value:,.1f}"
    if unit == "coefficient":
        return f"{value:,.3f}"
    decimals = 0 if abs(value) >= 100 else 2
    return f"{value:,.{decimals}f} {unit}"


def format_money(value, currency: str) -> str:
    amount = number(value)
    if amount is None:
        return "—"
    return f"{amount:+,.0f} {currency}" if amount else f"0 {currency}"


def format_growth(growth: float | None) -> str:
    if growth is None:
        return "—"
    return f"{growth * 100:+,.1f}%".replace("-", "\N{MINUS SIGN}")


def status_pill(status: str) -> str:
    label = STATUS_LABELS.get(status, status)
    css = status if status in STATUS_LABELS else "no_data"
    return f'<span class="pill {esc(css)}">{esc(label)}</span>'


# -- trend chart --------------------------------------------------------------


def trend_svg(
    series: list[tuple[str, float | None]],
    unit: str,
    highlight: str,
    colour: str,
    width: int = 150,
    height: int = 34,
) -> str:
    """A small line chart of one indicator row over all periods, as inline SVG."""
    values = [value for _, value in series if value is not None]
    title = "; ".join(
        f"{label}: {format_value(value, unit)}" for label, value in series
    )
    if not values:
        return (
            f'<svg class="trend" width="{width}" height="{height}" role="img" '
            f'aria-label="no values"><title>{esc(title)}</title>'
            f'<line x1="2" y1="{height / 2}" x2="{width - 2}" y2="{height / 2}" '
            'stroke="#c8cdd3" stroke-dasharray="3 3"/></svg>'
        )
    low, high = min(values), max(values)
    pad = 4
    steps = max(len(series) - 1, 1)

    def x_of(index: int) -> float:
        if len(series) == 1:
            return width / 2
        return pad + index * (width - 2 * pad) / steps

    def y_of(value: float) -> float:
        if high == low:
            return height / 2
        return height - pad - (value - low) * (height - 2 * pad) / (high - low)

    parts = []
    segment: list[str] = []
    for index, (_, value) in enumerate(series):
        if value is None:
            if len(segment) > 1:
                parts.append(segment)
            segment = []
            continue
        segment.append(f"{x_of(index):.1f},{y_of(value):.1f}")
    if len(segment) > 1:
        parts.append(segment)
    shapes = [
        f'<polyline points="{" ".join(points)}" fill="none" stroke="#5b7a99" '
        'stroke-width="1.5" stroke-linejoin="round"/>'
        for points in parts
    ]
    for index, (label, value) in enumerate(series):
        if value is None:
            continue
        is_highlight = label == highlight
        shapes.append(
            f'<circle cx="{x_of(index):.1f}" cy="{y_of(value):.1f}" '
            f'r="{3.2 if is_highlight else 1.6}" '
            f'fill="{colour if is_highlight else "#5b7a99"}"/>'
        )
    return (
        f'<svg class="trend" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="trend over {len(series)} periods">'
        f"<title>{esc(title)}</title>{''.join(shapes)}</svg>"
    )


# -- rendering ----------------------------------------------------------------


def choose_periods(report: Report) -> tuple[Period | None, Period]:
    """The latest complete period (None if none) and the as-of period."""
    as_of = report.periods[-1]
    complete = [period for period in report.periods if period.is_complete]
    return (complete[-1] if complete else None), as_of


def render_period(
    report: Report,
    period: Period,
    roles: list[str],
    series: dict[tuple[str, str], list[tuple[str, float | None]]],
    top_indicators: int,
    top_entities: int,
) -> str:
    rows = sorted(
        (row for row in report.rows if row.period_label == period.label), key=row_key
    )
    role_text = " · ".join(roles)
    state = "complete" if period.is_complete else "running (不完整)"
    prior = f", compared with {esc(period.prior_label)}" if period.prior_label else ""
    out = [
        f'<section class="period" id="period-{esc(slug(period.label))}" '
        f'data-period-label="{esc(period.label)}" '
        f'data-period-role="{esc(" ".join(roles))}">',
        f"<h2>{esc(period.label)} — {esc(role_text)}</h2>",
        f'<p class="meta">{esc(period.start)} to {esc(period.end)}, {esc(state)}'
        f"{prior}; {len(rows)} indicator rows.</p>",
    ]
    for line in ordered_unique(row.line for row in rows):
        zh, en = LINES.get(line, ("", ""))
        out.append(
            f'<h3 id="{esc(slug(period.label + "-" + line))}">{esc(line)} '
            f"{esc(zh)} · {esc(en)}</h3>"
        )
        line_rows = [row for row in rows if row.line == line]
        for stage in ordered_unique(row.stage for row in line_rows):
            stage_zh, stage_en = STAGES.get((line, stage), ("", f"stage {stage}"))
            heading = f"stage {stage}: " if stage else ""
            out.append(f"<h4>{esc(heading)}{esc(stage_zh)} · {esc(stage_en)}</h4>")
            out.append(
                indicator_table(
                    [row for row in line_rows if row.stage == stage], period, series
                )
            )
    out.append(render_what_moved(report, period, rows, top_indicators, top_entities))
    out.append("</section>")
    return "\n".join(out)


def indicator_table(
    rows: list[IndicatorRow],
    period: Period,
    series: dict[tuple[str, str], list[tuple[str, float | None]]],
) -> str:
    prior_heading = f"prior ({period.prior_label})" if period.prior_label else "prior"
    out = [
        '<table class="indicators"><colgroup><col class="c-code"><col class="c-name">'
        '<col class="c-basis"><col class="c-value"><col class="c-value">'
        '<col class="c-growth"><col class="c-status"><col class="c-n">'
        '<col class="c-trend"></colgroup>'
        "<thead><tr><th>code</th><th>indicator 指标</th><th>basis</th>"
        f'<th class="num">value</th><th class="num">{esc(prior_heading)}</th>'
        '<th class="num">growth</th><th>status</th><th class="num">n</th>'
        "<th>trend, all periods</th></tr></thead><tbody>"
    ]
    for row in rows:
        growth_class = ""
        if row.growth_rate and row.direction in ("up", "down"):
            rising = row.growth_rate > 0
            growth_class = "up" if rising == (row.direction == "up") else "down"
        status = row.status if row.status in STATUS_LABELS else "no_data"
        out.append(
            f'<tr class="indicator-row {esc(status)}" '
            f'data-indicator="{esc(row.code)}" data-basis="{esc(row.basis)}" '
            f'data-period-label="{esc(row.period_label)}" '
            f'data-status="{esc(row.status)}">'
            f'<td class="code">{esc(row.code)}</td>'
            f'<td><span class="zh">{esc(row.name_zh)}</span>'
            f'<span class="en">{esc(row.name)}</span></td>'
            f"<td>{esc(row.basis)}<span class='en'>desired {esc(row.direction)}"
            "</span></td>"
            f'<td class="num value">{esc(format_value(row.value, row.unit))}</td>'
            f'<td class="num">{esc(format_value(row.prior_value, row.unit))}</td>'
            f'<td class="num {growth_class}">{esc(format_growth(row.growth_rate))}'
            "</td>"
            f"<td>{status_pill(row.status)}</td>"
            f'<td class="num">{row.population:,}</td>'
            "<td>"
            + trend_svg(
                series.get((row.code, row.basis), []),
                row.unit,
                period.label,
                STATUS_COLOURS.get(row.status, STATUS_COLOURS["no_data"]),
            )
            + "</td></tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)


def account_scope(row: IndicatorRow) -> tuple[str, object]:
    """Which accounts an indicator is computed over, as a label and a filter."""
    if row.code.startswith(("ESP.3.1", "ESP.3.2", "ESP.3.3")):
        return (
            "C accounts of the period",
            lambda account: (
                account["is_key_account"] and account["account_class"] == "C"
            ),
        )
    if row.code.startswith(("ESP.3.4", "ESP.3.5")):
        return (
            "A and B accounts of the period",
            lambda account: (
                account["is_key_account"] and account["account_class"] in ("A", "B")
            ),
        )
    if row.line == "ESP+":
        return "key accounts of the period", lambda account: bool(
            account["is_key_account"]
        )
    return "all accounts", lambda account: True


def top_movers(records: list[dict], sign: int, limit: int) -> list[dict]:
    """The records whose output changed most in the direction `sign` (+1 or -1;
    0: either way)."""

    def pull(record: dict) -> float:
        change = number(record["output_change"]) or 0.0
        return change * sign if sign else abs(change)

    moved = [record for record in records if pull(record) > 0]
    return sorted(moved, key=lambda record: -pull(record))[:limit]


def render_what_moved(
    report: Report,
    period: Period,
    rows: list[IndicatorRow],
    top_indicators: int,
    top_entities: int,
) -> str:
    moved = sorted(
        (row for row in rows if row.growth_rate is not None),
        key=lambda row: (-abs(row.growth_rate), row_key(row)),
    )[:top_indicators]
    currency = next(
        (row.unit for row in report.rows if row.unit not in NON_MONEY_UNITS), ""
    )
    out = [
        f'<h3 id="{esc(slug(period.label + "-moved"))}">What moved 变化来源 — '
        f"{esc(period.label)}</h3>",
        '<p class="note">The indicators with the largest absolute growth, and for '
        "each the accounts (fct_account_periods) and reps (fct_rep_periods) whose "
        "output changed most in the same direction (output_change, 产出变化).</p>",
    ]
    if not moved:
        out.append('<p class="note">No indicator has a growth rate here.</p>')
        return "\n".join(out)
    accounts = report.accounts.get(period.label, [])
    reps = report.reps.get(period.label, [])
    for row in moved:
        sign = (row.delta > 0) - (row.delta < 0) if row.delta else 0
        scope_label, scope = account_scope(row)
        account_rows = top_movers(
            [account for account in accounts if scope(account)], sign, top_entities
        )
        rep_rows = top_movers(reps, sign, top_entities)
        out.append(
            f'<div class="moved" data-indicator="{esc(row.code)}" '
            f'data-basis="{esc(row.basis)}">'
            f"<h4>{esc(row.code)} {esc(row.name_zh)} · {esc(row.name)} "
            f"({esc(row.basis)}): {esc(format_value(row.prior_value, row.unit))} → "
            f"{esc(format_value(row.value, row.unit))}, "
            f"{esc(format_growth(row.growth_rate))} {status_pill(row.status)}</h4>"
            '<div class="tables"><div>'
            + entity_table(
                f"Accounts ({scope_label})",
                ["account", "class", "output", "output change"],
                [
                    [
                        f"{esc(account['account_name'])}"
                        f"<span class='en'>{esc(account['account_id'])}</span>",
                        esc(account["account_class"] or "—"),
                        esc(format_value(number(account["output"]), currency)),
                        esc(format_money(account["output_change"], currency)),
                    ]
                    for account in account_rows
                ],
            )
            + "</div><div>"
            + entity_table(
                "Reps (owners of key accounts)",
                ["rep", "key accounts", "output", "output change"],
                [
                    [
                        f"{esc(rep['user_id'])}<span class='en'>{esc(rep['role'])}"
                        "</span>",
                        esc(rep["key_accounts_owned"]),
                        esc(format_value(number(rep["output"]), currency)),
                        esc(format_money(rep["output_change"], currency)),
                    ]
                    for rep in rep_rows
                ],
            )
            + "</div></div></div>"
        )
    return "\n".join(out)


def entity_table(caption: str, headings: list[str], rows: list[list[str]]) -> str:
    """A small table of already-escaped cells; the last two columns are numbers."""
    if not rows:
        return f'<p class="note">{esc(caption)}: none moved that way.</p>'
    numeric = ' class="num"'
    head = "".join(
        f"<th{numeric if index >= len(headings) - 2 else ''}>{esc(text)}</th>"
        for index, text in enumerate(headings)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{numeric if index >= len(cells) - 2 else ''}>{cell}</td>"
            for index, cell in enumerate(cells)
        )
        + "</tr>"
        for cells in rows
    )
    return (
        f"<table><caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def status_summary(report: Report, period: Period, roles: list[str]) -> str:
    counts: dict[str, int] = {}
    for row in report.rows:
        if row.period_label == period.label:
            counts[row.status] = counts.get(row.status, 0) + 1
    pills = " ".join(
        f"{status_pill(status)} {counts[status]}"
        for status in STATUS_LABELS
        if status in counts
    )
    return (
        f'<div class="card"><strong><a href="#period-{esc(slug(period.label))}">'
        f"{esc(period.label)}</a> · {esc(' · '.join(roles))}</strong>{pills}</div>"
    )


def render(report: Report, source: str, top_indicators: int, top_entities: int) -> str:
    latest_complete, as_of = choose_periods(report)
    shown: list[tuple[Period, list[str]]] = []
    if latest_complete is not None and latest_complete.label != as_of.label:
        shown.append((latest_complete, ["latest complete period 最近完整期"]))
        shown.append((as_of, ["as-of period 截至期 (running)"]))
    elif latest_complete is not None:
        shown.append(
            (as_of, ["latest complete period 最近完整期", "as-of period 截至期"])
        )
    else:
        shown.append((as_of, ["as-of period 截至期 (running)"]))
    series: dict[tuple[str, str], list[tuple[str, float | None]]] = {}
    by_period = {period.label: index for index, period in enumerate(report.periods)}
    for row in sorted(report.rows, key=lambda row: by_period[row.period_label]):
        series.setdefault((row.code, row.basis), []).append(
            (row.period_label, row.value)
        )
    generated = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    as_of_text = f"as of {report.as_of_date}, " if report.as_of_date else ""
    sections = [
        render_period(report, period, roles, series, top_indicators, top_entities)
        for period, roles in shown
    ]
    nav = " ".join(
        f'<a href="#period-{esc(slug(period.label))}">{esc(period.label)}</a>'
        for period, _ in shown
    )
    legend = " ".join(status_pill(status) for status in STATUS_LABELS)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="zh-Hans">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta http-equiv="Content-Security-Policy" content="default-src '
            "'none'; style-src 'unsafe-inline'; img-src data:\">",
            '<link rel="icon" href="data:,">',
            "<title>KAM scorecard 大客户管理价值评估</title>",
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            "<header>",
            "<h1>KAM scorecard · 大客户管理价值评估</h1>",
            f'<p class="meta">{esc(as_of_text)}{esc(report.grain)} grain, '
            f"{len(report.periods)} periods "
            f"({esc(report.periods[0].label)} to {esc(report.periods[-1].label)}); "
            f"source {esc(source)}; generated {esc(generated)}.</p>",
            f"<nav>{nav}</nav>",
            '<div class="summary">'
            + "".join(status_summary(report, period, roles) for period, roles in shown)
            + "</div>",
            "</header>",
            "<main>",
            *sections,
            "</main>",
            f"<footer><p>Status: {legend}. Money in the reporting currency with "
            "thousands separators; ratios and shares as %; growth = (value - prior) "
            "÷ |prior|. Trend: the row's value in every period, the reported period "
            "marked in its status colour. Definitions: docs/spec/INDICATORS.md "
            "and the dim_indicators table.</p></footer>",
            "</body>",
            "</html>",
        ]
    )


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-").lower() or "x"


def ordered_unique(values: Iterable) -> list:
    seen: list = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


# -- main ---------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Write the KAM scorecard of a built DuckDB file as one HTML page."
    )
    parser.add_argument(
        "--duckdb", required=True, type=Path, help="the built DuckDB file"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("reports/scorecard.html"),
        help="HTML file to write (default: reports/scorecard.html)",
    )
    parser.add_argument(
        "--schema",
        help="schema of the marts (default: the one holding kam_indicators)",
    )
    parser.add_argument(
        "--top-indicators",
        type=int,
        default=5,
        help="indicators listed under 'what moved' per period (default: 5)",
    )
    parser.add_argument(
        "--top-entities",
        type=int,
        default=5,
        help="accounts and reps listed per indicator (default: 5)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    if not args.duckdb.is_file():
        raise SystemExit(f"scorecard_report: no such DuckDB file: {args.duckdb}")
    progress(f"opening {args.duckdb} read-only")
    with duckdb.connect(str(args.duckdb), read_only=True) as connection:
        schema = marts_schema(connection, args.schema)
        progress(f"reading {schema}.kam_indicators")
        report = read_report(connection, schema)
        latest_complete, as_of = choose_periods(report)
        labels = [as_of.label] + ([latest_complete.label] if latest_complete else [])
        progress(
            f"{len(report.rows)} indicator rows over {len(report.periods)} "
            f"{report.grain} periods; as-of period {as_of.label}, latest complete "
            f"period {latest_complete.label if latest_complete else 'none'}"
        )
        progress("reading fct_account_periods, dim_accounts and fct_rep_periods")
        read_drill_down(connection, schema, report, labels)
    progress("rendering tables, trend charts and what moved")
    page = render(report, args.duckdb.name, args.top_indicators, args.top_entities)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(page, encoding="utf-8")
    progress(
        f"wrote {args.out} ({len(page.encode('utf-8')) / 1024:,.0f} KiB) in "
        f"{time.monotonic() - started:.1f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
