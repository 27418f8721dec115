"""An incremental run gives exactly what a full refresh gives (D31).

The checked models of revenue, account costs and presales costs are
incremental. On each engine the test builds a first part of the data, then
changes the raw tables as a day of exports would, runs `dbt build` again
(incremental) and compares `kam_indicators`, the staged tables, the rejected
rows and the checked models row for row with a `--full-refresh` build of the
same data:

1. the day: new revenue and cost rows (the demo's last day on DuckDB), a row
   superseding an earlier key, a new orphan, a missing fx rate, an empty key,
   a new account that an earlier orphan row refers to, and presales rows that
   disappear (one of them had superseded an earlier row);
2. a run with no new data: nothing changes, and no row is written again;
3. a changed fx rate: every row is checked again, and the result still equals
   the full refresh.

DuckDB reads raw CSV files (var kam_raw_path); PostgreSQL reads the seeds, and
the test changes its raw tables as a loader would. PostgreSQL runs on a
throwaway server of its own (scripts/postgres_server.sh, on a free port), so
the server the other tests build on is left alone; without the server
binaries the case is skipped, unless KAM_REQUIRE_ENGINES names postgres.
"""

from __future__ import annotations

import csv
import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from conftest import PROJECT_DIR, dbt_command

SELECT = [
    "--select",
    "+kam_indicators",
    "+rejected_rows",
    "--indirect-selection",
    "cautious",
]
EXCLUDE = ["--exclude", "resource_type:seed", "resource_type:unit_test"]
INCREMENTAL_MODELS = [
    "base_crm__revenue_checked",
    "base_crm__account_costs_checked",
    "base_crm__presales_costs_checked",
]
STAGING_TABLES = [
    *INCREMENTAL_MODELS,
    "stg_crm__revenue",
    "stg_crm__account_costs",
    "stg_crm__presales_costs",
    "stg_crm__row_counts",
    "rejected_rows",
]
LAST_DAY = "2026-09-30"

# Rows of the first part that the day's changes act on.
FIRST_PART_EXTRA = {
    # An orphan now: the day adds account A_LATE.
    "revenue": [
        {
            "revenue_id": "RX_LATE",
            "account_id": "A_LATE",
            "booked_on": LAST_DAY,
            "amount": "1000",
            "currency": "CNY",
        }
    ],
    # Both disappear in the day; the first supersedes PC000010 until then.
    "presales_costs": [
        {
            "cost_id": "PC000010",
            "opportunity_id": "OP000035",
            "incurred_on": "2023-03-02",
            "amount": "99999",
            "currency": "CNY",
        },
        {
            "cost_id": "PCX_GONE",
            "opportunity_id": "OP000035",
            "incurred_on": "2023-03-02",
            "amount": "500",
            "currency": "CNY",
        },
    ],
}


def revenue(revenue_id, account_id="0210", amount="1000", currency="CNY"):
    return {
        "revenue_id": revenue_id,
        "account_id": account_id,
        "booked_on": LAST_DAY,
        "amount": amount,
        "currency": currency,
    }


def account_cost(cost_id, account_id="0660", amount="800"):
    return {
        "cost_id": cost_id,
        "account_id": account_id,
        "incurred_on": LAST_DAY,
        "cost_type": "sales",
        "amount": amount,
        "currency": "CNY",
    }


DAY_APPENDED = {
    "accounts": [
        {
            "account_id": "A_LATE",
            "account_name": "Late Account",
            "industry": "energy",
            "region": "east",
            "created_on": LAST_DAY,
        }
    ],
    "revenue": [
        *[revenue(f"RT{number:04d}", amount=f"{number}00") for number in range(6)],
        revenue("R000010", account_id="0890", amount="1"),  # supersedes
        revenue("RT_ORPHAN", account_id="NO_SUCH_ACCOUNT"),
        revenue("RT_NO_RATE", currency="GBP"),
        revenue("RT_USD", currency="USD"),
        revenue(""),  # an empty key: missing_required, no key group
    ],
    "account_costs": [
        *[account_cost(f"ACT{number:04d}") for number in range(4)],
        account_cost("AC000002", account_id="1057", amount="1"),  # supersedes
        account_cost("ACT_ORPHAN", account_id="NO_SUCH_ACCOUNT"),
    ],
    "presales_costs": [
        {
            "cost_id": "PCT0001",
            "opportunity_id": "OP000015",
            "incurred_on": LAST_DAY,
            "amount": "700",
            "currency": "CNY",
        }
    ],
}
DAY_REMOVED = {"presales_costs": {"PC000010", "PCX_GONE"}}
KEY_COLUMN = {
    "accounts": "account_id",
    "revenue": "revenue_id",
    "account_costs": "cost_id",
    "presales_costs": "cost_id",
}
# A USD rate in a month with USD revenue in the demo.
FX_CHANGE = ("USD", "2024-03-01", "7.5000")


def sort_key(row: tuple) -> tuple:
    return tuple((value is None, str(value)) for value in row)


class Engine:
    """Builds and reads one engine; subclasses change its raw tables."""

    marts_schema = "main"
    # Whether a row keeps its identity (row_identities) while other rows of
    # its table are deleted; DuckDB's rowid does not (a checkpoint compacts
    # the row groups), so there only a run without deletes is checked.
    identities_survive_deletes = True

    def dbt(self, *args: str):
        raise NotImplementedError

    def query(self, sql: str) -> list[tuple]:
        raise NotImplementedError

    def row_identities(self, model: str) -> set[tuple]:
        raise NotImplementedError

    def build(self, *extra: str, data_tests: bool = False):
        """Build the selection: models, and data tests when asked (the runs
        that only feed a comparison skip them, to keep the test short)."""
        exclude = [*EXCLUDE, *([] if data_tests else ["resource_type:test"])]
        result = self.dbt("build", *SELECT, *exclude, *extra)
        assert result.returncode == 0, result.stdout[-4000:]
        return result

    def snapshot(self) -> dict[str, list[tuple]]:
        tables = [f"{self.marts_schema}.kam_indicators"] + [
            f"staging.{name}" for name in STAGING_TABLES
        ]
        return {
            table: sorted(self.query(f"select * from {table}"), key=sort_key)
            for table in tables
        }

    def identities(self) -> dict[str, set[tuple]]:
        return {model: self.row_identities(model) for model in INCREMENTAL_MODELS}


class DuckDBEngine(Engine):
    """kam_raw_path: the demo seeds as CSV files, changed in place."""

    identities_survive_deletes = False

    def __init__(self, root: Path):
        self.raw_dir = root / "raw"
        self.duckdb_path = root / "kam.duckdb"
        self.target_path = root / "target"
        self.log_path = root / "logs"
        self.raw_dir.mkdir(parents=True)
        for path in (PROJECT_DIR / "seeds" / "demo").glob("*.csv"):
            shutil.copy(path, self.raw_dir / path.name)
        shutil.copy(
            PROJECT_DIR / "seeds" / "reference" / "fx_rates.csv",
            self.raw_dir / "fx_rates.csv",
        )
        # The demo's last day of revenue and costs is part of the day.
        self.last_day: dict[str, list[dict]] = {}
        for table, day_column in [
            ("revenue", "booked_on"),
            ("account_costs", "incurred_on"),
        ]:
            header, rows = self.read(table)
            self.last_day[table] = [r for r in rows if r[day_column] == LAST_DAY]
            self.write(table, header, [r for r in rows if r[day_column] != LAST_DAY])
        for table, rows in FIRST_PART_EXTRA.items():
            self.append(table, rows)

    def read(self, table: str) -> tuple[list[str], list[dict]]:
        with (self.raw_dir / f"{table}.csv").open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            return list(reader.fieldnames or []), list(reader)

    def write(self, table: str, header: list[str], rows: list[dict]):
        with (self.raw_dir / f"{table}.csv").open(
            "w", encoding="utf-8", newline=""
        ) as f:
            writer = csv.DictWriter(f, fieldnames=header)
            writer.writeheader()
            writer.writerows(rows)

    def append(self, table: str, rows: list[dict]):
        header, existing = self.read(table)
        self.write(table, header, existing + rows)

    def apply_day(self):
        for table, keys in DAY_REMOVED.items():
            # The first part's extras, its last rows, go (the demo's
            # PC000010 stays).
            header, rows = self.read(table)
            extras = len(FIRST_PART_EXTRA[table])
            assert {r[KEY_COLUMN[table]] for r in rows[-extras:]} == keys
            self.write(table, header, rows[:-extras])
        for table, rows in self.last_day.items():
            self.append(table, rows)
        for table, rows in DAY_APPENDED.items():
            self.append(table, rows)

    def change_fx_rate(self):
        currency, valid_from, rate = FX_CHANGE
        header, rows = self.read("fx_rates")
        changed = 0
        for r in rows:
            if r["currency"] == currency and r["valid_from"] == valid_from:
                r["rate_to_reporting"] = rate
                changed += 1
        assert changed == 1
        self.write("fx_rates", header, rows)

    def dbt(self, *args: str):
        return dbt_command(
            [*args, "--log-path", str(self.log_path)],
            duckdb_path=self.duckdb_path,
            target_path=self.target_path,
            dbt_vars={"kam_raw_path": str(self.raw_dir)},
        )

    def first_build(self):
        # With the seeds: the reference tables that no file replaces.
        without_tests = ["--exclude", "resource_type:test", "resource_type:unit_test"]
        result = self.dbt("build", *SELECT, *without_tests)
        assert result.returncode == 0, result.stdout[-4000:]

    def query(self, sql: str) -> list[tuple]:
        with duckdb.connect(str(self.duckdb_path), read_only=True) as connection:
            return connection.sql(sql).fetchall()

    def row_identities(self, model: str) -> set[tuple]:
        return set(self.query(f"select rowid, source_row_number from staging.{model}"))


class PostgresEngine(Engine):
    """The demo seeds, then rows inserted, deleted and updated as a loader
    would change the raw tables."""

    marts_schema = "public"

    def __init__(self, root: Path, server_env: dict[str, str]):
        self.root = root
        self.env = {**server_env, "KAM_TARGET": "postgres"}

    def connect(self):
        import psycopg2

        return psycopg2.connect(
            host=self.env["KAM_PG_HOST"],
            port=int(self.env["KAM_PG_PORT"]),
            user=self.env["KAM_PG_USER"],
            password=self.env.get("KAM_PG_PASSWORD", ""),
            dbname=self.env["KAM_PG_DATABASE"],
        )

    def execute(self, sql: str, parameters: list | None = None):
        connection = self.connect()
        with connection, connection.cursor() as cursor:
            cursor.execute(sql, parameters)
        connection.close()

    def append(self, table: str, rows: list[dict]):
        for r in rows:
            columns = list(r)
            self.execute(
                f"insert into raw.{table} ({', '.join(columns)}) "
                f"values ({', '.join(['%s'] * len(columns))})",
                [r[c] for c in columns],
            )

    def first_build(self):
        result = self.dbt("seed")
        assert result.returncode == 0, result.stdout[-4000:]
        for table, rows in FIRST_PART_EXTRA.items():
            self.append(table, rows)
        self.build()

    def apply_day(self):
        for table, keys in DAY_REMOVED.items():
            # The extras were inserted last: their copies have the highest ctid.
            for key in keys:
                self.execute(
                    f"delete from raw.{table} where ctid = (select max(ctid) "
                    f"from raw.{table} where {KEY_COLUMN[table]} = %s)",
                    [key],
                )
        for table, rows in DAY_APPENDED.items():
            self.append(table, rows)

    def change_fx_rate(self):
        currency, valid_from, rate = FX_CHANGE
        self.execute(
            "update raw.fx_rates set rate_to_reporting = %s "
            "where currency = %s and valid_from = %s",
            [rate, currency, valid_from],
        )

    def dbt(self, *args: str):
        # One thread: replacing the base views (each run replaces every view)
        # on several threads at once can deadlock on PostgreSQL's view rules.
        return dbt_command(
            [
                *args,
                *["--target", "postgres", "--threads", "1"],
                *["--log-path", str(self.root / "logs")],
            ],
            duckdb_path=self.root / "unused.duckdb",
            target_path=self.root / "target",
            env=self.env,
        )

    def query(self, sql: str) -> list[tuple]:
        connection = self.connect()
        with connection, connection.cursor() as cursor:
            cursor.execute(sql)
            rows = cursor.fetchall()
        connection.close()
        return rows

    def row_identities(self, model: str) -> set[tuple]:
        # A row written again has a new ctid and a new inserting transaction.
        return set(
            self.query(
                f"select ctid::text, xmin::text, source_row_number from staging.{model}"
            )
        )


def required(engine: str) -> bool:
    return engine in os.environ.get("KAM_REQUIRE_ENGINES", "").split(",")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def postgres_server() -> Iterator[dict[str, str]]:
    """A throwaway PostgreSQL server of this module's own."""
    script = PROJECT_DIR / "scripts" / "postgres_server.sh"
    env = {**os.environ, "KAM_PG_PORT": str(free_port())}
    started = subprocess.run(
        ["bash", "-c", f"source {script} start >/dev/null && env -0"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if started.returncode != 0:
        reason = f"no PostgreSQL server could start: {started.stderr.strip()}"
        if required("postgres"):
            pytest.fail(f"postgres is required (KAM_REQUIRE_ENGINES) but {reason}")
        if "no PostgreSQL server binaries" in started.stderr:
            pytest.skip(reason)
        pytest.fail(reason)
    server_env = dict(
        line.split("=", 1)
        for line in started.stdout.split("\0")
        if line.startswith("KAM_PG_")
    )
    try:
        yield server_env
    finally:
        subprocess.run(
            ["bash", str(script), "stop"],
            env={**os.environ, **server_env},
            check=False,
        )


@pytest.fixture(params=["duckdb", "postgres"])
def engine(request, tmp_path) -> Engine:
    if request.param == "duckdb":
        return DuckDBEngine(tmp_path)
    return PostgresEngine(tmp_path, request.getfixturevalue("postgres_server"))


def assert_same(actual: dict, expected: dict, what: str):
    for table, rows in expected.items():
        assert actual[table] == rows, (
            f"{what}: {table} differs: "
            f"{sorted(set(actual[table]) ^ set(rows), key=sort_key)[:6]}"
        )


def rewritten(before: dict[str, set], after: dict[str, set]) -> dict[str, int]:
    """Per model, the rows written in a run (identities not there before)."""
    return {model: len(after[model] - before[model]) for model in after}


def test_incremental_runs_equal_a_full_refresh(engine: Engine):
    engine.first_build()
    first = engine.snapshot()

    # 1. A day of data: only the rows it touches are written again.
    before = engine.identities()
    engine.apply_day()
    engine.build(data_tests=True)
    incremental = engine.snapshot()
    written = rewritten(before, engine.identities())
    assert incremental != first
    if engine.identities_survive_deletes:
        # revenue: the demo's last day (3 rows on DuckDB, none on
        # PostgreSQL), 11 new rows, R000010's first row (its key group) and
        # RX_LATE (its account now exists); costs likewise; presales: the row
        # now at the last position (PCT0001) and PC000010's first row, which
        # nothing supersedes any more.
        assert written == {
            "base_crm__revenue_checked": 13,
            "base_crm__account_costs_checked": 7,
            "base_crm__presales_costs_checked": 2,
        }
    rejected = set(
        engine.query(
            "select table_name, record_key, reason_codes "
            "from staging.rejected_rows "
            "where table_name in ('revenue', 'account_costs', 'presales_costs')"
        )
    )
    for expected in [
        ("revenue", "R000010", "duplicate_superseded"),
        ("revenue", "RT_ORPHAN", "orphan_reference"),
        ("revenue", "RT_NO_RATE", "missing_fx_rate"),
        ("revenue", "", "missing_required"),
        ("account_costs", "AC000002", "duplicate_superseded"),
        ("account_costs", "ACT_ORPHAN", "orphan_reference"),
    ]:
        assert expected in rejected, expected
    rejected_keys = {(table, key) for table, key, _ in rejected}
    assert ("revenue", "RX_LATE") not in rejected_keys
    assert ("presales_costs", "PC000010") not in rejected_keys

    # 2. No new data: nothing changes and no row is written again.
    before = engine.identities()
    engine.build()
    assert engine.snapshot() == incremental
    assert engine.identities() == before

    # The full refresh of the same data is the same, row for row.
    engine.build("--full-refresh")
    assert_same(incremental, engine.snapshot(), "after a day")

    # 3. A changed fx rate: every row is checked again, still exactly right.
    before = engine.identities()
    engine.change_fx_rate()
    engine.build()
    changed_rate = engine.snapshot()
    after = engine.identities()
    assert (
        changed_rate["staging.stg_crm__revenue"]
        != incremental["staging.stg_crm__revenue"]
    )
    if engine.identities_survive_deletes:
        for model in INCREMENTAL_MODELS:
            assert not after[model] & before[model], f"{model} not recomputed"
    engine.build("--full-refresh")
    assert_same(changed_rate, engine.snapshot(), "after an fx change")
