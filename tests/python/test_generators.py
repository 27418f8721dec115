"""Tests of the two seed generators in scripts/.

- generate_working_calendar.py: China's statutory calendar from ``holidays``.
- generate_demo_data.py: the demo raw tables, deterministic, with an oracle of
  the rows it injects for the rejected-rows model.

The demo is also checked against an independent reading of RAW_CONTRACT.md
(the ``Contract`` class below): every row the oracle does not list must pass
the contract, and every row it lists must fail for exactly its reasons.

Run with ``.venv/bin/python -m pytest tests/test_generators.py``.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pyarrow.parquet as pq
import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
SCRIPTS = PROJECT_DIR / "scripts"
DEMO_DIR = PROJECT_DIR / "seeds" / "demo"
REFERENCE_DIR = PROJECT_DIR / "seeds" / "reference"
ORACLE = PROJECT_DIR / "tests" / "fixtures" / "demo_expected_rejections.csv"

# The contract (RAW_CONTRACT.md): per table, its columns in order as
# (name, type, required, bounds) with bounds (min, max, min_exclusive).
ID, TEXT, CURRENCY, DATE, AMOUNT, NUMBER = "id", "text", "cur", "date", "amt", "num"
SCORE = (0, 100, False)
CONTRACT = {
    "accounts": [
        ("account_id", ID, True, None),
        ("account_name", TEXT, True, None),
        ("industry", TEXT, False, None),
        ("region", TEXT, False, None),
        ("created_on", DATE, False, None),
    ],
    "account_assessments": [
        ("account_id", ID, True, None),
        ("assessed_on", DATE, True, None),
        ("account_class", "enum:account_class", True, None),
        ("expected_annual_spend", AMOUNT, True, (0, None, False)),
        ("currency", CURRENCY, True, None),
        ("relationship_score", NUMBER, True, SCORE),
        ("solution_score", NUMBER, True, SCORE),
        ("price_score", NUMBER, True, SCORE),
    ],
    "users": [
        ("user_id", ID, True, None),
        ("user_name", TEXT, True, None),
        ("role", "enum:user_role", True, None),
        ("hired_on", DATE, True, None),
        ("left_on", DATE, False, None),
    ],
    "account_owners": [
        ("account_id", ID, True, None),
        ("user_id", ID, True, None),
        ("valid_from", DATE, True, None),
        ("valid_to", DATE, False, None),
    ],
    "revenue": [
        ("revenue_id", ID, True, None),
        ("account_id", ID, True, None),
        ("booked_on", DATE, True, None),
        ("amount", AMOUNT, True, None),
        ("currency", CURRENCY, True, None),
    ],
    "account_costs": [
        ("cost_id", ID, True, None),
        ("account_id", ID, True, None),
        ("incurred_on", DATE, True, None),
        ("cost_type", "enum:cost_type", True, None),
        ("amount", AMOUNT, True, None),
        ("currency", CURRENCY, True, None),
    ],
    "leads": [
        ("lead_id", ID, True, None),
        ("account_id", ID, False, None),
        ("created_on", DATE, True, None),
        ("status", "enum:lead_status", True, None),
        ("closed_on", DATE, False, None),
        ("opportunity_id", ID, False, None),
        ("estimated_presales_cost", AMOUNT, False, (0, None, False)),
        ("currency", CURRENCY, False, None),
    ],
    "opportunities": [
        ("opportunity_id", ID, True, None),
        ("account_id", ID, True, None),
        ("owner_id", ID, True, None),
        ("origin", "enum:opportunity_origin", True, None),
        ("created_on", DATE, True, None),
        ("approved_on", DATE, False, None),
        ("closed_on", DATE, False, None),
        ("outcome", "enum:opportunity_outcome", True, None),
        ("amount", AMOUNT, True, (0, None, False)),
        ("currency", CURRENCY, True, None),
        ("estimated_presales_cost", AMOUNT, False, (0, None, False)),
    ],
    "presales_costs": [
        ("cost_id", ID, True, None),
        ("opportunity_id", ID, True, None),
        ("incurred_on", DATE, True, None),
        ("amount", AMOUNT, True, (0, None, False)),
        ("currency", CURRENCY, True, None),
    ],
    "timesheets": [
        ("entry_id", ID, True, None),
        ("user_id", ID, True, None),
        ("opportunity_id", ID, False, None),
        ("work_date", DATE, True, None),
        ("hours", NUMBER, True, (0, 24, True)),
        ("is_confirmed", "enum:boolean", True, None),
    ],
    "decision_chain": [
        ("opportunity_id", ID, True, None),
        ("contact_id", ID, True, None),
        ("contact_name", TEXT, False, None),
        ("role", TEXT, False, None),
        ("influence_weight", NUMBER, True, (0, None, True)),
        ("assessed_on", DATE, True, None),
        ("relationship_score", NUMBER, True, SCORE),
        ("solution_score", NUMBER, True, SCORE),
        ("price_score", NUMBER, True, SCORE),
    ],
    "team_ratings": [
        ("rating_id", ID, True, None),
        ("opportunity_id", ID, True, None),
        ("rater_id", ID, True, None),
        ("ratee_id", ID, True, None),
        ("rated_on", DATE, True, None),
        ("score", NUMBER, True, SCORE),
    ],
    "deliveries": [
        ("delivery_id", ID, True, None),
        ("opportunity_id", ID, True, None),
        ("contract_amount", AMOUNT, True, (0, None, False)),
        ("currency", CURRENCY, True, None),
        ("status", "enum:delivery_status", True, None),
        ("completed_on", DATE, False, None),
    ],
}
KEYS = {
    "account_assessments": ["account_id", "assessed_on"],
    "account_owners": ["account_id", "valid_from"],
    "decision_chain": ["opportunity_id", "contact_id", "assessed_on"],
}
# child table: (column, parent table)
REFERENCES = {
    "account_assessments": [("account_id", "accounts")],
    "account_owners": [("account_id", "accounts"), ("user_id", "users")],
    "revenue": [("account_id", "accounts")],
    "account_costs": [("account_id", "accounts")],
    "leads": [("account_id", "accounts")],
    "opportunities": [("account_id", "accounts"), ("owner_id", "users")],
    "presales_costs": [("opportunity_id", "opportunities")],
    "timesheets": [("user_id", "users"), ("opportunity_id", "opportunities")],
    "decision_chain": [("opportunity_id", "opportunities")],
    "team_ratings": [
        ("opportunity_id", "opportunities"),
        ("rater_id", "users"),
        ("ratee_id", "users"),
    ],
    "deliveries": [("opportunity_id", "opportunities")],
}
REASONS = [
    "missing_required",
    "unparseable_value",
    "out_of_range",
    "unknown_value",
    "orphan_reference",
    "inconsistent_dates",
    "inconsistent_outcome",
    "duplicate_superseded",
    "missing_fx_rate",
]
DATE_PATTERN = re.compile(
    r"^[0-9]{4}(-[0-9]{1,2}-[0-9]{1,2}( [0-9]{1,2}:[0-9]{2}:[0-9]{2})?"
    r"|/[0-9]{1,2}/[0-9]{1,2}|年[0-9]{1,2}月[0-9]{1,2}日)$"
)
AMOUNT_PATTERN = re.compile(
    r"^-?[¥￥$€]?-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)([.][0-9]+)?万?$"
)
NUMBER_PATTERN = re.compile(r"^-?[0-9]{1,15}([.][0-9]+)?$")
AS_OF = dt.date(2026, 9, 30)


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def clean(value: str | None) -> str | None:
    if value is None or value.strip().lower() in ("", "null", "none", "n/a", "-"):
        return None
    return value.strip()


def parse_date(text: str) -> dt.date | None:
    if not DATE_PATTERN.match(text):
        return None
    for mark in "/年月":
        text = text.replace(mark, "-")
    text = text.replace("日", "")
    date_part, _, time_part = text.partition(" ")
    try:
        if time_part:
            hour, minute, second = (int(x) for x in time_part.split(":"))
            dt.time(hour, minute, second)
        return dt.date(*(int(x) for x in date_part.split("-")))
    except ValueError:
        return None


def parse_amount(text: str) -> float | None:
    if not AMOUNT_PATTERN.match(text) or text.count("-") > 1:
        return None
    digits = re.sub("[,¥￥$€万-]", "", text)
    value = float(digits) * (10_000 if text.endswith("万") else 1)
    return -value if "-" in text else value


def parse_number(text: str) -> float | None:
    return float(text) if NUMBER_PATTERN.match(text) else None


class Contract:
    """An independent reading of the contract's rejection rules."""

    def __init__(self, tables: dict[str, list[dict[str, str]]], synonyms, fx):
        self.tables = tables
        self.synonyms = synonyms
        self.fx = fx  # currency -> sorted valid_from dates
        self.parsed: dict[str, list[dict]] = {}
        self.reasons: dict[str, list[set[str]]] = {}

    def rejected(self) -> dict[tuple[str, str], str]:
        """(table, raw key) -> reason codes of every rejected row."""
        for table in CONTRACT:
            self._rows(table)
        order = ["accounts", "users"] + [
            t for t in CONTRACT if t not in ("accounts", "users")
        ]
        staged: dict[str, dict[str, dict]] = {}
        for table in order:
            self._references(table, staged)
            staged[table] = {
                row[CONTRACT[table][0][0]]: row
                for row, reasons in zip(
                    self.parsed[table], self.reasons[table], strict=True
                )
                if not reasons
            }
        self._day_limit()
        out = {}
        for table in CONTRACT:
            keys = KEYS.get(table, [CONTRACT[table][0][0]])
            for raw, reasons in zip(
                self.tables[table], self.reasons[table], strict=True
            ):
                if reasons:
                    key = "|".join(raw[k] for k in keys)
                    assert (table, key) not in out, f"two rejected rows {table} {key}"
                    out[(table, key)] = ",".join(r for r in REASONS if r in reasons)
        return out

    def _rows(self, table: str) -> None:
        spec = CONTRACT[table]
        keys = KEYS.get(table, [spec[0][0]])
        parsed, reasons = [], []
        last_of_key: dict[tuple, int] = {}
        for i, raw in enumerate(self.tables[table]):
            row, why = self._check(table, raw)
            parsed.append(row)
            reasons.append(why)
            key = tuple(row.get(k) for k in keys)
            if None not in key:
                if key in last_of_key:
                    reasons[last_of_key[key]] = {"duplicate_superseded"}
                    parsed[last_of_key[key]] = {}
                last_of_key[key] = i
        self.parsed[table], self.reasons[table] = parsed, reasons

    def _check(self, table: str, raw: dict[str, str]) -> tuple[dict, set[str]]:
        row: dict = {}
        why: set[str] = set()
        for name, kind, required, bounds in CONTRACT[table]:
            text = clean(raw[name])
            if text is None:
                if required:
                    why.add("missing_required")
                row[name] = None
                continue
            value: object = text
            if kind == DATE:
                value = parse_date(text)
            elif kind == AMOUNT:
                value = parse_amount(text)
            elif kind == NUMBER:
                value = parse_number(text)
            elif kind == CURRENCY:
                value = text.upper()
            elif kind.startswith("enum:"):
                value = self.synonyms.get((kind[5:], text.lower()))
                if value is None:
                    why.add("unknown_value")
            if value is None and kind in (DATE, AMOUNT, NUMBER):
                why.add("unparseable_value")
            elif bounds and value is not None and kind in (AMOUNT, NUMBER):
                low, high, exclusive = bounds
                if (
                    low is not None and (value < low or (exclusive and value == low))
                ) or (high is not None and value > high):
                    why.add("out_of_range")
            row[name] = value
        self._rules(table, row, why)
        return row, why

    def _rules(self, table: str, row: dict, why: set[str]) -> None:
        get = row.get
        if table == "leads":
            if get("status") in ("converted", "disqualified") and not get("closed_on"):
                why.add("missing_required")
            if get("estimated_presales_cost") is not None and not get("currency"):
                why.add("missing_required")
        if table == "opportunities":
            outcome = get("outcome")
            created, approved, closed = (
                get("created_on"),
                get("approved_on"),
                get("closed_on"),
            )
            if outcome in ("won", "lost") and approved is None:
                why.add("missing_required")
            if outcome in ("won", "lost", "dropped") and closed is None:
                why.add("missing_required")
            if outcome == "dropped" and approved is not None:
                why.add("inconsistent_outcome")
            if created and approved and approved < created:
                why.add("inconsistent_dates")
            if (
                outcome != "open"
                and closed
                and ((created and closed < created) or (approved and closed < approved))
            ):
                why.add("inconsistent_dates")
        completes = get("status") in ("succeeded", "failed")
        if table == "deliveries" and completes and get("completed_on") is None:
            why.add("missing_required")
        hired, left = get("hired_on"), get("left_on")
        if table == "users" and hired and left and left < hired:
            why.add("inconsistent_dates")
        start, end = get("valid_from"), get("valid_to")
        if table == "account_owners" and start and end and end <= start:
            why.add("inconsistent_dates")
        currency = get("currency")
        if currency and currency != "CNY":
            on = self._currency_day(table, row)
            known = self.fx.get(currency, [])
            if on is not None and not any(start <= on for start in known):
                why.add("missing_fx_rate")

    @staticmethod
    def _currency_day(table: str, row: dict) -> dt.date | None:
        get = row.get
        if table == "leads":
            if get("status") in ("converted", "disqualified"):
                return get("closed_on")
            return get("created_on")
        if table == "opportunities":
            if get("outcome") in ("won", "lost", "dropped"):
                return get("closed_on")
            return get("approved_on") or get("created_on")
        if table == "deliveries":
            if get("status") in ("succeeded", "failed"):
                return get("completed_on")
            return AS_OF
        column = {
            "revenue": "booked_on",
            "account_costs": "incurred_on",
            "account_assessments": "assessed_on",
            "presales_costs": "incurred_on",
        }.get(table)
        return get(column) if column else None

    def _references(self, table: str, staged: dict[str, dict[str, dict]]) -> None:
        for row, why in zip(self.parsed[table], self.reasons[table], strict=True):
            if "duplicate_superseded" in why:
                continue
            for column, parent in REFERENCES.get(table, []):
                value = row.get(column)
                if value is not None and value not in staged[parent]:
                    why.add("orphan_reference")
            if table == "timesheets" and row.get("user_id") in staged["users"]:
                user = staged["users"][row["user_id"]]
                on = row.get("work_date")
                if on and (
                    on < user["hired_on"] or (user["left_on"] and on > user["left_on"])
                ):
                    why.add("inconsistent_dates")

    def _day_limit(self) -> None:
        totals: dict[tuple, float] = defaultdict(float)
        rows = list(
            zip(self.parsed["timesheets"], self.reasons["timesheets"], strict=True)
        )
        for row, why in rows:
            if not why:
                totals[(row["user_id"], row["work_date"])] += row["hours"]
        for row, why in rows:
            if not why and totals[(row["user_id"], row["work_date"])] > 24:
                why.add("out_of_range")


def load_synonyms() -> dict[tuple[str, str], str]:
    return {
        (r["domain"], r["label"].strip().lower()): r["value"]
        for r in read_csv(REFERENCE_DIR / "enum_synonyms.csv")
    }


def load_fx(path: Path) -> dict[str, list[dt.date]]:
    fx: dict[str, list[dt.date]] = defaultdict(list)
    for row in read_csv(path):
        fx[row["currency"]].append(parse_date(row["valid_from"]))
    return fx


def run_demo(out: Path) -> None:
    subprocess.run(
        [sys.executable, str(SCRIPTS / "generate_demo_data.py"), "--out", str(out)],
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo_a")
    run_demo(out)
    return out


def test_demo_is_deterministic(demo_run, tmp_path):
    run_demo(tmp_path)
    first = sorted(p.name for p in demo_run.iterdir())
    assert first == sorted(p.name for p in tmp_path.iterdir())
    for name in first:
        assert (demo_run / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_committed_demo_is_what_the_generator_writes(demo_run):
    for table in CONTRACT:
        committed = (DEMO_DIR / f"{table}.csv").read_bytes()
        assert committed == (demo_run / f"{table}.csv").read_bytes(), table
    fx = (REFERENCE_DIR / "fx_rates.csv").read_bytes()
    assert fx == (demo_run / "fx_rates.csv").read_bytes()
    oracle = (demo_run / "demo_expected_rejections.csv").read_bytes()
    assert ORACLE.read_bytes() == oracle


def test_calendar_february_2024_and_make_up_day(tmp_path):
    out = tmp_path / "working_calendar.csv"
    subprocess.run(
        [
            sys.executable,
            str(SCRIPTS / "generate_working_calendar.py"),
            "--out",
            str(out),
            "--first-year",
            "2024",
            "--last-year",
            "2024",
        ],
        check=True,
        capture_output=True,
    )
    for path in (out, REFERENCE_DIR / "working_calendar.csv"):
        rows = {r["calendar_date"]: r for r in read_csv(path)}
        february = [r for d, r in rows.items() if d.startswith("2024-02-")]
        assert len(february) == 29
        assert sum(r["is_workday"] == "true" for r in february) == 18
        assert sum(int(r["statutory_hours"]) for r in february) == 144
        assert rows["2024-02-04"]["is_workday"] == "true"  # a Sunday, 调休
        assert rows["2024-02-04"]["statutory_hours"] == "8"
        assert rows["2024-02-12"]["is_workday"] == "false"  # Spring Festival
        assert rows["2024-02-12"]["statutory_hours"] == "0"


def test_calendar_covers_2020_to_2027():
    rows = read_csv(REFERENCE_DIR / "working_calendar.csv")
    assert rows[0]["calendar_date"] == "2020-01-01"
    assert rows[-1]["calendar_date"] == "2027-12-31"
    assert len(rows) == (dt.date(2027, 12, 31) - dt.date(2020, 1, 1)).days + 1


@pytest.mark.parametrize("table", list(CONTRACT))
def test_every_contract_column_is_present(table):
    with open(DEMO_DIR / f"{table}.csv", encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == [name for name, *_ in CONTRACT[table]]


def test_files_are_utf8_without_bom_with_unix_line_ends():
    for path in [*DEMO_DIR.glob("*.csv"), REFERENCE_DIR / "fx_rates.csv"]:
        data = path.read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf"), path
        assert b"\r\n" not in data, path
        data.decode("utf-8")


def test_demo_size_and_every_table_populated():
    total = 0
    for table in CONTRACT:
        count = len(read_csv(DEMO_DIR / f"{table}.csv"))
        assert count > 0, table
        total += count
    assert total < 40_000


def test_oracle_keys_exist_in_the_generated_files():
    oracle = read_csv(ORACLE)
    assert oracle
    for row in oracle:
        keys = KEYS.get(row["table_name"], [CONTRACT[row["table_name"]][0][0]])
        data = read_csv(DEMO_DIR / f"{row['table_name']}.csv")
        present = {"|".join(r[k] for k in keys) for r in data}
        assert row["record_key"] in present, row
        codes = row["reason_codes"].split(",")
        assert codes == [r for r in REASONS if r in codes], row


def test_oracle_covers_every_reason_a_few_times():
    counts: dict[str, int] = defaultdict(int)
    for row in read_csv(ORACLE):
        for code in row["reason_codes"].split(","):
            counts[code] += 1
    for reason in REASONS:
        assert 2 <= counts[reason] <= 5, (reason, counts[reason])


def test_demo_rows_meet_the_contract_except_the_oracle():
    tables = {t: read_csv(DEMO_DIR / f"{t}.csv") for t in CONTRACT}
    contract = Contract(
        tables, load_synonyms(), load_fx(REFERENCE_DIR / "fx_rates.csv")
    )
    expected = {
        (r["table_name"], r["record_key"]): r["reason_codes"] for r in read_csv(ORACLE)
    }
    assert contract.rejected() == expected


def test_demo_mixes_the_accepted_formats():
    opportunities = read_csv(DEMO_DIR / "opportunities.csv")
    dates = [r["created_on"] for r in opportunities]
    assert any("/" in d for d in dates)
    assert any("年" in d for d in dates)
    assert any(":" in d for d in dates)
    amounts = [r["amount"] for r in read_csv(DEMO_DIR / "revenue.csv")]
    assert any("," in a for a in amounts)
    assert any(a.startswith(("¥", "￥", "-¥", "-￥")) for a in amounts)
    assert any(a.endswith("万") for a in amounts)
    assert any(a.startswith("-") or "¥-" in a or "￥-" in a for a in amounts)
    outcomes = {r["outcome"] for r in opportunities}
    assert {"won", "赢单", "Closed Won"} <= outcomes
    flags = {r["is_confirmed"] for r in read_csv(DEMO_DIR / "timesheets.csv")}
    assert {"true", "false", "1", "0", "是", "否"} <= flags
    currencies = {r["currency"] for r in read_csv(DEMO_DIR / "revenue.csv")}
    assert {"CNY", "USD", "EUR"} <= currencies
    account_ids = [r["account_id"] for r in read_csv(DEMO_DIR / "accounts.csv")]
    assert "0101" in account_ids


def test_timesheets_fall_on_statutory_workdays():
    calendar = {
        r["calendar_date"]: r["is_workday"] == "true"
        for r in read_csv(REFERENCE_DIR / "working_calendar.csv")
    }
    flagged = {
        r["record_key"] for r in read_csv(ORACLE) if r["table_name"] == "timesheets"
    }
    rows = read_csv(DEMO_DIR / "timesheets.csv")
    days = {
        parse_date(r["work_date"]).isoformat()
        for r in rows
        if r["entry_id"] not in flagged and parse_date(r["work_date"])
    }
    assert all(calendar[d] for d in days)
    assert "2024-02-04" in days  # a make-up workday is worked


def test_parquet_demo_has_string_columns_only(tmp_path):
    subprocess.run(
        [
            sys.executable,
            str(SCRIPTS / "generate_demo_data.py"),
            "--format",
            "parquet",
            "--out",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    for table in [*CONTRACT, "fx_rates"]:
        schema = pq.read_schema(tmp_path / f"{table}.parquet")
        assert all(str(field.type) == "string" for field in schema), table
        if table in CONTRACT:
            assert schema.names == [name for name, *_ in CONTRACT[table]]


def test_a_chunk_of_the_large_scales_meets_the_contract():
    sys.path.insert(0, str(SCRIPTS))
    import generate_demo_data as generator

    # Two branches of the 1m scale (334 branches), formatted as one chunk.
    context = generator.Context(generator.DEFAULT_SEED, 334)
    columns = [generator.Branch(b, 2994, context).columns() for b in (0, 1)]
    tables = generator.format_tables(context, 0, columns)
    rows = {}
    for table, names in CONTRACT.items():
        values = [tables[table][name].to_pylist() for name, *_ in names]
        header = [name for name, *_ in names]
        rows[table] = [
            dict(zip(header, row, strict=True)) for row in zip(*values, strict=True)
        ]
    assert len(rows["opportunities"]) == 2 * 2994
    fx: dict[str, list[dt.date]] = defaultdict(list)
    for currency, valid_from, _ in generator.fx_rows(context):
        fx[currency].append(parse_date(valid_from))
    assert Contract(rows, load_synonyms(), fx).rejected() == {}
