"""The bad-input matrix: raw CSV files as real CRM exports write them.

Each case writes a small file set into a pytest temporary folder (a minimal
valid set of the 13 contract tables, with the files of the case swapped in),
builds it with `dbt build --vars '{kam_raw_path: ...}'` and asserts either
the staged values and rejected rows or the one message that stops the build;
every build that runs checks rows read = staged + rejected for every table.

Cases that share a file set share one build (module-scoped fixtures, all in
one workspace so that dbt parses the project once, see Workspace):
  - `indicator_build`: the valid set, built to the marts at month grain
    (cases 8, 9, 11, 12);
  - `messy_build`: the valid set with bad rows added to most tables, built to
    staging, then the unknown-label test (cases 1, 3-7, 10, 13-15);
  - `stopped_build`: every problem that stops a build, in one run (2, 14);
  - a quoted line break (case 7), in a build of its own;
  - the demo data built a second time (idempotence, case 13's default);
  - case 8 on PostgreSQL, as a dbt unit test.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import PROJECT_DIR, dbt_command, query, query_dicts

CONTRACT_TABLES = [
    "accounts",
    "account_assessments",
    "users",
    "account_owners",
    "revenue",
    "account_costs",
    "leads",
    "opportunities",
    "presales_costs",
    "timesheets",
    "decision_chain",
    "team_ratings",
    "deliveries",
]
# The reference tables come from the seeds and are staged and counted too.
COUNTED_TABLES = sorted([*CONTRACT_TABLES, "fx_rates", "working_calendar"])

# A minimal valid export: every row stages. Month grain periods run from
# 2023-01 (the first assessment) to 2024-04 (the as-of date: the delivery).
# A1 is owned by U1, then U2 (February 2024), then U1 again (from March).


def table(text: str) -> list[list[str]]:
    """Rows written one a line, values separated by |, header first; a line
    starting with | continues the line before it."""
    lines: list[str] = []
    for line in text.strip().splitlines():
        if line.strip().startswith("|"):
            lines[-1] += line.strip()
        else:
            lines.append(line.strip())
    return [row(line) for line in lines]


def row(line: str) -> list[str]:
    return line.split("|")


VALID_FILES: dict[str, list[list[str]]] = {
    "accounts": table(
        """
        account_id|account_name|industry|region|created_on
        A1|Alpha Manufacturing|manufacturing|east|2020-05-01
        A2|Beta Retail|retail|north|2021-06-01
        """
    ),
    "account_assessments": table(
        """
        account_id|assessed_on|account_class|expected_annual_spend|currency
        |relationship_score|solution_score|price_score
        A1|2023-01-02|A|1000000|CNY|60|60|60
        A2|2023-01-02|C|500000|CNY|50|50|50
        """
    ),
    "users": table(
        """
        user_id|user_name|role|hired_on|left_on
        U1|Rep One|sales|2020-01-01|
        U2|Rep Two|sales|2020-01-01|
        P1|Presales One|presales|2020-01-01|
        M1|Manager One|manager|2020-01-01|
        """
    ),
    "account_owners": table(
        """
        account_id|user_id|valid_from|valid_to
        A1|U1|2023-01-01|
        A1|U2|2024-02-01|
        A1|U1|2024-03-01|
        A2|U2|2023-01-01|
        """
    ),
    "revenue": table(
        """
        revenue_id|account_id|booked_on|amount|currency
        R1|A1|2023-12-15|-200|CNY
        R2|A1|2024-01-15|1000|CNY
        R3|A1|2024-02-15|2000|CNY
        R4|A1|2024-03-15|3000|CNY
        R5|A2|2024-03-20|500|CNY
        """
    ),
    "account_costs": table(
        """
        cost_id|account_id|incurred_on|cost_type|amount|currency
        AC1|A1|2024-01-15|sales|100|CNY
        AC2|A1|2024-03-15|marketing|300|CNY
        """
    ),
    "leads": table(
        """
        lead_id|account_id|created_on|status|closed_on|opportunity_id
        |estimated_presales_cost|currency
        L1|A1|2024-01-05|converted|2024-01-10|O1||
        L2||2024-01-06|disqualified|2024-01-20||400|CNY
        """
    ),
    # Closed in 2024-03: one won (9000) of three (18000); O4 is open.
    "opportunities": table(
        """
        opportunity_id|account_id|owner_id|origin|created_on|approved_on
        |closed_on|outcome|amount|currency|estimated_presales_cost
        O1|A1|U1|captured|2024-01-10|2024-01-20|2024-03-10|won|9000|CNY|500
        O2|A2|U2|incubated|2024-01-10|2024-01-20|2024-03-11|lost|6000|CNY|
        O3|A1|U1|other|2024-01-10|2024-01-20|2024-03-12|lost|3000|CNY|
        O4|A2|U2|captured|2024-02-01|||open|1000|CNY|
        """
    ),
    "presales_costs": table(
        """
        cost_id|opportunity_id|incurred_on|amount|currency
        PC1|O1|2024-02-10|800|CNY
        """
    ),
    "timesheets": table(
        """
        entry_id|user_id|opportunity_id|work_date|hours|is_confirmed
        T1|P1|O1|2024-02-05|8|true
        T2|P1||2024-02-06|4|false
        """
    ),
    "decision_chain": table(
        """
        opportunity_id|contact_id|contact_name|role|influence_weight
        |assessed_on|relationship_score|solution_score|price_score
        O1|K1|Contact One|decision maker|1|2024-02-01|70|80|60
        """
    ),
    "team_ratings": table(
        """
        rating_id|opportunity_id|rater_id|ratee_id|rated_on|score
        RT1|O1|U1|P1|2024-03-10|90
        """
    ),
    "deliveries": table(
        """
        delivery_id|opportunity_id|contract_amount|currency|status|completed_on
        D1|O1|9000|CNY|succeeded|2024-04-30
        """
    ),
}


# Staging only, with the data tests of the staging models.
STAGING_SELECTION = [
    "--select",
    "+stg_crm__row_counts",
    "+rejected_rows",
    "--exclude",
    "assert_no_unknown_enumeration_labels",
    "resource_type:unit_test",
    # Only the tests whose parents are all selected: a test that also reads
    # the marts would find them missing.
    "--indirect-selection",
    "cautious",
]

FileContent = list[list[str]] | bytes | None


def csv_text(rows: list[list[str]]) -> str:
    """Rows as CSV text, quoted only where a value needs it (as Excel does)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def write_raw_files(
    directory: Path,
    overrides: dict[str, FileContent] | None = None,
    encodings: dict[str, str] | None = None,
) -> Path:
    """Write the valid file set into `directory`, with some files swapped.

    An override is a list of rows (written as CSV, UTF-8 unless `encodings`
    names another codec for the table), bytes (written as is) or None (no
    file at all).
    """
    directory.mkdir(parents=True, exist_ok=True)
    files: dict[str, FileContent] = {**VALID_FILES, **(overrides or {})}
    for table_name, content in files.items():
        path = directory / f"{table_name}.csv"
        if content is None:
            continue
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            codec = (encodings or {}).get(table_name, "utf-8")
            path.write_bytes(csv_text(content).encode(codec))
    return directory


def with_rows(table_name: str, *rows: list[str]) -> list[list[str]]:
    """The valid rows of a table with `rows` appended."""
    return [*VALID_FILES[table_name], *rows]


class Workspace:
    """One raw folder, DuckDB file and target folder for the whole module.

    dbt parses the project again from scratch whenever the vars or the
    DuckDB path change (30 s or more on a busy machine, against a few seconds
    for a partial parse), so every build of this module reads the same
    folder into the same file with the same vars; `keep` copies a build
    away for the assertions. The vars make unknown labels an error
    (kam_unknown_label_severity), which only the messy set has.
    """

    def __init__(self, root: Path):
        self.root = root
        self.raw_dir = root / "raw"
        self.duckdb_path = root / "kam.duckdb"
        self.target_path = root / "target"
        self.dbt_vars = {
            "kam_raw_path": str(self.raw_dir),
            "kam_period_grain": "month",
            "kam_unknown_label_severity": "error",
        }

    def run(
        self,
        args: list[str],
        files: dict[str, FileContent] | None,
        encodings: dict[str, str] | None = None,
    ):
        """Write the file set into a new database and `dbt build <args>`;
        files None: build again on the files and database as they are."""
        if files is not None:
            shutil.rmtree(self.raw_dir, ignore_errors=True)
            write_raw_files(self.raw_dir, files, encodings)
            for path in [self.duckdb_path, Path(f"{self.duckdb_path}.wal")]:
                path.unlink(missing_ok=True)
        result = dbt_command(
            ["build", *args, "--log-path", str(self.root / "logs")],
            duckdb_path=self.duckdb_path,
            target_path=self.target_path,
            dbt_vars=self.dbt_vars,
        )
        assert "Traceback" not in result.stdout, result.stdout[-4000:]
        return result

    def statuses(self) -> dict[str, str]:
        """The status of each node of the last build (run_results.json)."""
        run_results = json.loads(
            (self.target_path / "run_results.json").read_text(encoding="utf-8")
        )
        return {
            result["unique_id"]: result["status"]
            for result in run_results["results"]
            if not result["unique_id"].startswith("operation.")  # the hooks
        }

    def keep(self, name: str) -> Path:
        """A copy of the build, safe from the builds that follow.

        The base views read the raw files at query time, so the files are
        copied too and the copied database's views are pointed at them.
        """
        raw_copy = self.root / f"raw_{name}"
        shutil.copytree(self.raw_dir, raw_copy)
        copy = self.root / f"{name}.duckdb"
        shutil.copyfile(self.duckdb_path, copy)
        wal = Path(f"{self.duckdb_path}.wal")
        if wal.exists():
            shutil.copyfile(wal, f"{copy}.wal")
        with duckdb.connect(str(copy)) as connection:
            views = connection.execute(
                "select sql from duckdb_views() where sql like ?",
                [f"%'{self.raw_dir}/%"],
            ).fetchall()
            for (sql,) in views:
                connection.execute(
                    sql.replace("CREATE VIEW", "CREATE OR REPLACE VIEW", 1).replace(
                        f"'{self.raw_dir}/", f"'{raw_copy}/"
                    )
                )
        return copy


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Workspace:
    return Workspace(tmp_path_factory.mktemp("bad_input"))


def assert_every_row_accounted_for(duckdb_path: Path) -> dict[str, tuple]:
    """rows read = staged + rejected for every table; the counts by table."""
    rows = query(
        duckdb_path,
        "select table_name, rows_read, rows_staged, rows_rejected"
        " from staging.stg_crm__row_counts order by table_name",
    )
    counts = {row[0]: row[1:] for row in rows}
    assert sorted(counts) == COUNTED_TABLES
    for table_name, (read, staged, rejected_count) in counts.items():
        assert read == staged + rejected_count, (table_name, counts[table_name])
    return counts


def rejected(duckdb_path: Path, table_name: str) -> dict[str, str]:
    """The rejected rows of one table: record_key → reason_codes."""
    rows = query(
        duckdb_path,
        "select record_key, reason_codes from staging.rejected_rows"
        f" where table_name = '{table_name}' order by source_row_number",
    )
    keys = [row[0] for row in rows]
    assert len(keys) == len(set(keys)), f"one rejected row per key: {keys}"
    return dict(rows)


def staged(duckdb_path: Path, table_name: str, key: str, columns: str) -> dict:
    """Staged rows of one table: key → tuple of `columns`."""
    rows = query(
        duckdb_path,
        f"select {key}, {columns} from staging.stg_crm__{table_name} order by 1",
    )
    return {row[0]: row[1:] if len(row) > 2 else row[1] for row in rows}


# -- the valid set, built to the marts at month grain ------------------------


@pytest.fixture(scope="module")
def indicator_build(workspace) -> Path:
    result = workspace.run(
        [
            "--select",
            "+kam_indicators",
            "+fct_rep_periods",
            "+fct_presales_user_periods",
            "+stg_crm__row_counts",
            "+rejected_rows",
            "--exclude",
            "resource_type:test",
            "resource_type:unit_test",
        ],
        files={},
    )
    assert result.returncode == 0, result.stdout[-4000:]
    return workspace.keep("indicators")


def indicator_row(duckdb_path: Path, code: str, basis: str, period: str) -> dict:
    rows = query_dicts(
        duckdb_path,
        "select * from kam_indicators"
        f" where indicator_code = '{code}' and basis = '{basis}'"
        f" and period_label = '{period}'",
    )
    assert len(rows) == 1, rows
    return rows[0]


def test_valid_set_stages_every_row(indicator_build):
    counts = assert_every_row_accounted_for(indicator_build)
    for table_name in CONTRACT_TABLES:
        read, staged, rejected_count = counts[table_name]
        assert (read, staged, rejected_count) == (
            len(VALID_FILES[table_name]) - 1,
            len(VALID_FILES[table_name]) - 1,
            0,
        ), table_name


def test_win_rate_is_not_integer_division(indicator_build):
    """Case 8: 1 won of 3 closed is 0.333…, not 0."""
    by_count = indicator_row(indicator_build, "TAS.2.1", "count", "2024-03")
    assert by_count["value"] == pytest.approx(1 / 3, abs=1e-12)
    assert by_count["population"] == 3
    by_amount = indicator_row(indicator_build, "TAS.2.1", "amount", "2024-03")
    assert by_amount["value"] == pytest.approx(9000 / 18000, abs=1e-12)


def test_no_indicator_value_is_infinite_or_nan(indicator_build):
    """Case 9: zero denominators give empty values, never inf or NaN."""
    rows = query(
        indicator_build,
        "select count(*), count(distinct period_label) from kam_indicators",
    )
    assert rows == [(40 * 16, 16)]  # 2023-01 … 2024-04
    for column in ["value", "prior_value", "delta", "growth_rate"]:
        bad = query(
            indicator_build,
            f"select indicator_code, basis, period_label, {column}"
            f" from kam_indicators where isnan({column}) or isinf({column})",
        )
        assert bad == [], column


def test_growth_from_zero_prior_is_empty(indicator_build):
    """Case 9: 2023-12's total output -200 against 0 in 2023-11."""
    row = indicator_row(indicator_build, "ESP.1.3", "amount", "2023-12")
    assert (row["value"], row["prior_value"], row["delta"]) == (-200, 0, -200)
    assert row["growth_rate"] is None
    assert row["status"] == "watch"  # up, delta ≤ 0, growth empty
    won = indicator_row(indicator_build, "TAS.2.4", "amount", "2024-03")
    assert (won["value"], won["prior_value"], won["growth_rate"]) == (9000, 0, None)
    assert won["status"] == "healthy"


def test_growth_from_negative_prior_divides_by_its_magnitude(indicator_build):
    """Case 9: INDICATORS.md divides by |prior_value|: (1000 - -200) ÷ 200."""
    row = indicator_row(indicator_build, "ESP.1.3", "amount", "2024-01")
    assert (row["value"], row["prior_value"], row["delta"]) == (1000, -200, 1200)
    assert row["growth_rate"] == pytest.approx(6.0)
    assert row["status"] == "healthy"


def test_roi_with_zero_investment_is_empty(indicator_build):
    """Case 9: no account cost in 2024-02 (output 2000): ROI is empty."""
    roi = indicator_row(indicator_build, "ESP.1.2", "amount", "2024-02")
    assert roi["value"] is None
    assert roi["status"] == "no_data"
    march = indicator_row(indicator_build, "ESP.1.2", "amount", "2024-03")
    assert march["value"] == pytest.approx(3500 / 300)
    assert march["prior_value"] is None
    assert march["growth_rate"] is None
    rep_roi = indicator_row(indicator_build, "ESP.2.2", "amount", "2024-02")
    assert rep_roi["value"] is None
    presales_roi = indicator_row(indicator_build, "MCI.1", "amount", "2024-02")
    assert presales_roi["value"] is None  # nothing closed: presales cost 0
    presales_roi = indicator_row(indicator_build, "MCI.1", "amount", "2024-03")
    assert presales_roi["value"] == pytest.approx(9000 / 800)


def test_revenue_goes_to_the_owner_of_its_day(indicator_build):
    """Case 11: A1 owned by U1, then U2 (February), then U1 again."""
    ledger = query(
        indicator_build,
        "select entry_id, entry_date, owner_user_id"
        " from intermediate.int_account_ledger"
        " where account_id = 'A1' and output_amount <> 0 order by entry_date",
    )
    assert [(row[0], row[2]) for row in ledger] == [
        ("R1", "U1"),
        ("R2", "U1"),
        ("R3", "U2"),
        ("R4", "U1"),
    ]
    reps = query(
        indicator_build,
        "select period_label, user_id, cast(output as double)"
        " from fct_rep_periods"
        " where period_label between '2024-01' and '2024-03'"
        " order by period_label, user_id",
    )
    assert reps == [
        ("2024-01", "U1", 1000.0),
        ("2024-01", "U2", 0.0),
        ("2024-02", "U2", 2000.0),
        ("2024-03", "U1", 3000.0),
        ("2024-03", "U2", 500.0),
    ]


def test_february_2024_has_make_up_workdays(indicator_build):
    """Case 12: Spring Festival off, 4 and 18 February worked: 18 days."""
    rows = query_dicts(
        indicator_build,
        "select * from fct_presales_user_periods"
        " where user_id = 'P1' and period_label = '2024-02'",
    )
    assert len(rows) == 1
    row = rows[0]
    assert (row["calendar_days"], row["workdays"]) == (29, 18)
    assert row["statutory_hours"] == 144
    assert row["confirmed_hours"] == 8
    assert row["utilisation"] == pytest.approx(8 / 144)


# -- tables with a header and no rows, built to the marts -------------------


def test_header_only_fact_tables_give_no_data_and_reconcile(workspace):
    """No revenue and no timesheet at all: ESP.1.3 and MCI.2 are empty and
    no_data (D28), and the tests that reconcile them with the drill-down
    facts (which still list the key accounts and presales users) pass."""
    reconciliations = [
        "assert_esp_1_3_reconciles_with_account_facts",
        "assert_tas_2_4_reconciles_with_opportunity_facts",
        "assert_mci_2_reconciles_with_presales_user_facts",
    ]
    result = workspace.run(
        [
            "--select",
            "+kam_indicators",
            "+fct_presales_user_periods",
            "+fct_account_periods",
            "+fct_opportunities",
            *reconciliations,
            "--exclude",
            "resource_type:unit_test",
        ],
        {
            "revenue": [VALID_FILES["revenue"][0]],
            "timesheets": [VALID_FILES["timesheets"][0]],
        },
    )
    assert result.returncode == 0, result.stdout[-4000:]
    statuses = workspace.statuses()
    for test_name in reconciliations:
        assert statuses[f"test.kam_scorecard.{test_name}"] == "pass", test_name
    rows = query(
        workspace.duckdb_path,
        "select indicator_code, count(*), count(value),"
        " count(*) filter (where status = 'no_data')"
        " from kam_indicators where indicator_code in ('ESP.1.3', 'MCI.2')"
        " group by indicator_code order by 1",
    )
    periods = query(
        workspace.duckdb_path,
        "select count(distinct period_start) from kam_indicators",
    )[0][0]
    assert rows == [("ESP.1.3", periods, 0, periods), ("MCI.2", periods, 0, periods)]


# -- bad rows in most tables, built to staging --------------------------------

NULL_WORDS = ["", "null", "NULL", "None", "N/A", "-", "  n/a  "]
OUTCOME_LABELS = ["Closed Won", "赢单", "won ", "WON", "Closed Pending"]

MESSY_FILES: dict[str, FileContent] = {
    # Case 1 (written with a byte-order mark: MESSY_ENCODINGS), case 3
    # (words for empty), case 4 (0101 next to 101), case 7 (a quoted comma;
    # the quoted line break has a build of its own).
    "accounts": with_rows(
        "accounts",
        ["0101", "Acme, Inc.", "manufacturing", "east", ""],
        row("101|One-O-One|retail|east|2019-01-01"),
        row("0202|Two-O-Two|retail|west|2019-01-01"),
        *[
            [f"E{number}", f"Empty {number}", word, "east", word]
            for number, word in enumerate(NULL_WORDS, start=1)
        ],
        row("X1|NULL|retail|east|2019-01-01"),
        row("X2||retail|east|2019-01-01"),
    ),
    # Case 5 (dates), case 6 (amounts), case 4 (references), case 3.
    "revenue": with_rows(
        "revenue",
        row("RD1|A1|2024-03-05|100|CNY"),
        row("RD2|A1|2024/3/5|100|CNY"),
        row("RD3|A1|2024年3月5日|100|CNY"),
        row("RD4|A1|2024-03-05 14:30:00|100|CNY"),
        row("RD5|A1|45356|100|CNY"),
        row("RA1|A1|2024-03-06|¥1,020.00|CNY"),
        row("RA2|A1|2024-03-06|1.5万|CNY"),
        row("RA3|A1|2024-03-06|-¥200|CNY"),
        row("RA4|A1|2024-03-06|1 200|CNY"),
        row("RA5|A1|2024-03-06|12,00.5|CNY"),
        row("RI1|0101|2024-03-07|10|CNY"),
        row("RI2|101|2024-03-07|20|CNY"),
        row("RI3|202|2024-03-07|30|CNY"),
        row("RN1|A1|2024-03-08|None|CNY"),
        row("RN2|A1|2024-03-08|50|N/A"),
    ),
    # Case 10 (exported twice), case 13 (labels), case 15 (negative amount).
    "opportunities": with_rows(
        "opportunities",
        row("O9|A1|U1|captured|2024-02-01|||open|5000|CNY|"),
        row("O9|A1|U1|captured|2024-02-01|2024-02-10|2024-03-20|won|5000|CNY|"),
        *[
            row(f"OL{n}|A2|U2|other|2024-01-10|2024-01-20|2024-03-25|{label}|1|CNY|")
            for n, label in enumerate(OUTCOME_LABELS, start=1)
        ],
        row("ON1|A2|U2|other|2024-01-10|2024-01-20|2024-03-25|lost|-5000|CNY|"),
    ),
    # Case 15: a score of 120; two rows of 15 hours on one day (30 hours),
    # next to two rows adding up to exactly 24 hours on the next day.
    "team_ratings": with_rows("team_ratings", row("RT9|O1|U1|P1|2024-03-10|120")),
    "timesheets": with_rows(
        "timesheets",
        row("T8|P1|O1|2024-02-07|15|TRUE"),
        row("T9|P1||2024-02-07|15|是"),
        row("T10|P1|O1|2024-02-08|15|yes"),
        row("T11|P1||2024-02-08|9|0"),
    ),
    # Case 14: a header-only file, and a file with two unknown columns.
    "decision_chain": VALID_FILES["decision_chain"][:1],
    "users": [
        [*user, *extra]
        for user, extra in zip(
            VALID_FILES["users"],
            [
                ["notes", "Legacy Code"],
                ["", "x1"],
                ["", "x2"],
                ["moved to Shanghai", "x3"],
                ["", "x4"],
            ],
            strict=True,
        )
    ],
}
MESSY_ENCODINGS = {"accounts": "utf-8-sig"}


UNKNOWN_LABEL_TEST = "test.kam_scorecard.assert_no_unknown_enumeration_labels"


@pytest.fixture(scope="module")
def messy_build(workspace) -> dict:
    """The messy set built to staging, then its unknown-label test alone.

    The test runs in a build of its own: as an error (the workspace's vars)
    it would skip what reads rejected_rows after it, the row counts too.
    """
    result = workspace.run(STAGING_SELECTION, MESSY_FILES, MESSY_ENCODINGS)
    statuses = workspace.statuses()
    label_test = workspace.run(
        ["--select", "assert_no_unknown_enumeration_labels"], files=None
    )
    # What the label test reports: its compiled query on this build.
    compiled = next(
        (workspace.target_path / "compiled").rglob(
            "assert_no_unknown_enumeration_labels.sql"
        )
    )
    reported = query(workspace.duckdb_path, compiled.read_text(encoding="utf-8"))
    return {
        "duckdb_path": workspace.keep("messy"),
        "result": result,
        "statuses": statuses,
        "label_test": label_test,
        "label_test_statuses": workspace.statuses(),
        "reported": reported,
    }


def test_messy_set_builds(messy_build):
    """Every staging model and its data tests pass on the messy set."""
    result = messy_build["result"]
    assert result.returncode == 0, result.stdout[-4000:]
    statuses = messy_build["statuses"]
    assert len(statuses) > 100  # the staging models and their data tests
    assert set(statuses.values()) <= {"success", "pass"}, {
        node: status
        for node, status in statuses.items()
        if status not in {"success", "pass"}
    }


def test_messy_set_accounts_for_every_row(messy_build):
    counts = assert_every_row_accounted_for(messy_build["duckdb_path"])
    assert counts["accounts"] == (
        2 + 3 + len(NULL_WORDS) + 2,
        2 + 3 + len(NULL_WORDS),
        2,
    )
    assert counts["revenue"] == (5 + 15, 5 + 9, 6)
    assert counts["opportunities"] == (4 + 2 + 5 + 1, 4 + 1 + 4, 3)
    assert counts["timesheets"] == (2 + 4, 2 + 2, 2)
    assert counts["team_ratings"] == (2, 1, 1)
    assert counts["decision_chain"] == (0, 0, 0)
    assert counts["users"] == (4, 4, 0)


def test_byte_order_mark_is_not_part_of_the_first_column(messy_build, workspace):
    """Case 1: Excel's "CSV UTF-8" starts the file with a byte-order mark."""
    raw = (workspace.raw_dir / "accounts.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfaccount_id,")
    columns = query(
        messy_build["duckdb_path"],
        "select column_name from information_schema.columns"
        " where table_name = 'base_crm__accounts' order by ordinal_position",
    )
    assert columns[0] == ("account_id",)
    names = staged(messy_build["duckdb_path"], "accounts", "account_id", "account_name")
    assert names["A1"] == "Alpha Manufacturing"


def test_words_for_empty_are_empty(messy_build):
    """Case 3: '', null, NULL, None, N/A, - (any case, padded) are empty."""
    rows = staged(
        messy_build["duckdb_path"], "accounts", "account_id", "industry, created_on"
    )
    for number in range(1, len(NULL_WORDS) + 1):
        assert rows[f"E{number}"] == (None, None), NULL_WORDS[number - 1]
    accounts = rejected(messy_build["duckdb_path"], "accounts")
    assert accounts == {"X1": "missing_required", "X2": "missing_required"}
    revenue = rejected(messy_build["duckdb_path"], "revenue")
    assert revenue["RN1"] == "missing_required"
    assert revenue["RN2"] == "missing_required"
    details = query(
        messy_build["duckdb_path"],
        "select record_key, reason_details from staging.rejected_rows"
        " where record_key in ('RN1', 'RN2', 'X1') order by record_key",
    )
    assert [
        (key, "(" + column + ")" in text)
        for key, text, column in [
            (*details[0], "amount"),
            (*details[1], "currency"),
            (*details[2], "account_name"),
        ]
    ] == [("RN1", True), ("RN2", True), ("X1", True)]


def test_leading_zeros_make_another_id(messy_build):
    """Case 4: 0101 and 101 are two accounts; 202 does not find 0202."""
    accounts = staged(messy_build["duckdb_path"], "accounts", "account_id", "1")
    assert {"0101", "101", "0202"} <= set(accounts)
    assert "202" not in accounts
    revenue = staged(messy_build["duckdb_path"], "revenue", "revenue_id", "account_id")
    assert (revenue["RI1"], revenue["RI2"]) == ("0101", "101")
    assert rejected(messy_build["duckdb_path"], "revenue")["RI3"] == "orphan_reference"


def test_date_forms(messy_build):
    """Case 5: four listed forms give 2024-03-05; an Excel serial is not read."""
    booked = staged(messy_build["duckdb_path"], "revenue", "revenue_id", "booked_on")
    day = dt.date(2024, 3, 5)
    assert [booked[f"RD{number}"] for number in range(1, 5)] == [day] * 4
    assert "RD5" not in booked
    assert rejected(messy_build["duckdb_path"], "revenue")["RD5"] == "unparseable_value"


def test_amount_forms(messy_build):
    """Case 6: ¥1,020.00, 1.5万, -¥200 parse; 1 200 and 12,00.5 do not."""
    amounts = staged(
        messy_build["duckdb_path"], "revenue", "revenue_id", "cast(amount as double)"
    )
    assert (amounts["RA1"], amounts["RA2"], amounts["RA3"]) == (1020, 15000, -200)
    revenue = rejected(messy_build["duckdb_path"], "revenue")
    assert (revenue["RA4"], revenue["RA5"]) == ("unparseable_value",) * 2


def test_quoted_comma_stays_in_its_value(messy_build):
    """Case 7: a quoted account name holding a comma is one value."""
    names = staged(messy_build["duckdb_path"], "accounts", "account_id", "account_name")
    assert names["0101"] == "Acme, Inc."
    assert names["101"] == "One-O-One"


def test_later_export_row_wins(messy_build):
    """Case 10: O9 exported as open, then as won: the won row stages."""
    opportunities = staged(
        messy_build["duckdb_path"],
        "opportunities",
        "opportunity_id",
        "outcome, closed_on",
    )
    assert opportunities["O9"] == ("won", dt.date(2024, 3, 20))
    rows = query(
        messy_build["duckdb_path"],
        "select source_row_number, reason_codes from staging.rejected_rows"
        " where table_name = 'opportunities' and record_key = 'O9'",
    )
    assert rows == [(5, "duplicate_superseded")]


def test_outcome_labels(messy_build):
    """Case 13: four spellings of won; an unknown label is unknown_value."""
    outcomes = staged(
        messy_build["duckdb_path"], "opportunities", "opportunity_id", "outcome"
    )
    assert [outcomes[f"OL{number}"] for number in range(1, 5)] == ["won"] * 4
    raw_labels = query(
        messy_build["duckdb_path"],
        "select outcome from staging.base_crm__opportunities"
        " where opportunity_id like 'OL%' order by opportunity_id",
    )
    assert [row[0] for row in raw_labels][:4] == ["Closed Won", "赢单", "won ", "WON"]
    assert rejected(messy_build["duckdb_path"], "opportunities")["OL5"] == (
        "unknown_value"
    )


def test_unknown_label_fails_the_build_as_error(messy_build):
    """Case 13: with kam_unknown_label_severity: error the build fails on
    the label test, which reports the row."""
    label_test = messy_build["label_test"]
    assert label_test.returncode == 1, label_test.stdout[-4000:]
    output = label_test.stdout
    assert "Failure in test assert_no_unknown_enumeration_labels" in output
    assert "Got 1 result, configured to fail if != 0" in output
    assert messy_build["label_test_statuses"] == {UNKNOWN_LABEL_TEST: "fail"}
    assert messy_build["reported"] == [
        ("opportunities", "OL5", "unknown_value(outcome)")
    ]


def test_values_out_of_range(messy_build):
    """Case 15: score 120, amount -5000, 30 hours on one day."""
    assert rejected(messy_build["duckdb_path"], "team_ratings") == {
        "RT9": "out_of_range"
    }
    assert rejected(messy_build["duckdb_path"], "opportunities")["ON1"] == (
        "out_of_range"
    )
    assert rejected(messy_build["duckdb_path"], "timesheets") == {
        "T8": "out_of_range",
        "T9": "out_of_range",
    }
    hours = staged(
        messy_build["duckdb_path"],
        "timesheets",
        "entry_id",
        "cast(hours as double), is_confirmed",
    )
    assert (hours["T10"], hours["T11"]) == ((15, True), (9, False))  # 24 h


def test_header_only_file_and_extra_columns_build(messy_build):
    """Case 14: both build; the extra columns are ignored."""
    columns = query(
        messy_build["duckdb_path"],
        "select column_name from information_schema.columns"
        " where table_name = 'stg_crm__users' order by ordinal_position",
    )
    assert [row[0] for row in columns] == [
        "user_id",
        "user_name",
        "role",
        "hired_on",
        "left_on",
    ]
    users = staged(messy_build["duckdb_path"], "users", "user_id", "role")
    assert users == {"M1": "manager", "P1": "presales", "U1": "sales", "U2": "sales"}


# -- problems that stop the build --------------------------------------------


@pytest.fixture(scope="module")
def stopped_build(workspace):
    """One run with every problem that stops a build, and two that do not.

    Case 2: accounts.csv in GB18030. Case 14: team_ratings.csv missing,
    deliveries.csv empty (0 bytes), revenue.csv without its amount column;
    decision_chain.csv header-only and users.csv with extra columns are fine.
    """
    accounts = with_rows("accounts", ["C1", "华为技术有限公司", "通信", "华南", ""])
    revenue_header = VALID_FILES["revenue"][0]
    revenue = [
        [
            value
            for value, column in zip(row, revenue_header, strict=True)
            if column != "amount"
        ]
        for row in VALID_FILES["revenue"]
    ]
    result = workspace.run(
        STAGING_SELECTION,
        {
            "accounts": accounts,
            "team_ratings": None,
            "deliveries": b"",
            "revenue": revenue,
            "decision_chain": MESSY_FILES["decision_chain"],
            "users": MESSY_FILES["users"],
        },
        {"accounts": "gb18030"},
    )
    staged_tables = query(
        workspace.duckdb_path,
        "select table_name from information_schema.tables"
        " where table_schema = 'staging'",
    )
    return {"result": result, "raw_dir": workspace.raw_dir, "staged": staged_tables}


def test_file_problems_stop_the_build_with_one_message(stopped_build):
    result = stopped_build["result"]
    assert result.returncode == 2  # dbt's code for an error before any node
    assert result.stdout.count("kam_check_raw_input: the raw files") == 1
    assert "START sql" not in result.stdout  # stopped before any model ran
    assert stopped_build["staged"] == []  # nothing staged


def test_gb18030_file_stops_the_build(stopped_build):
    """Case 2: not UTF-8: the message names the file and how to save it."""
    output = stopped_build["result"].stdout
    accounts = f"{stopped_build['raw_dir']}/accounts.csv"
    assert (
        f"{accounts}: the file is not UTF-8 encoded (a CSV saved by Excel on"
        " Chinese Windows is GBK/GB18030)."
    ) in output
    assert 'Save it as "CSV UTF-8"' in output
    assert "iconv -f GB18030 -t UTF-8" in output
    # Nothing was read, so no mojibake anywhere (see the test above).


def test_missing_empty_and_incomplete_files_stop_the_build(stopped_build):
    """Case 14: the message names each file, and the missing column."""
    output = stopped_build["result"].stdout
    raw_dir = stopped_build["raw_dir"]
    assert f"{raw_dir}/team_ratings.csv: file not found" in output
    assert f"{raw_dir}/deliveries.csv: the file is empty (0 bytes)" in output
    assert (
        f'{raw_dir}/revenue.csv: required column "amount" is missing'
        " (the header has: revenue_id, account_id, booked_on, currency)."
        " Add the column, or rename the one that holds it."
    ) in output
    # The header-only file and the file with extra columns are fine.
    assert "decision_chain.csv" not in output
    assert "users.csv" not in output


def test_no_directory_or_two_files_of_a_table_stop_the_build(tmp_path):
    """A kam_raw_path that does not exist is one message, not one per table;
    a table given both as CSV and as Parquet stops the build rather than
    reading one of them silently."""
    missing_dir = tmp_path / "no_such_dir"
    result = dbt_command(
        ["build", "--select", "base_crm__users"],
        duckdb_path=tmp_path / "kam.duckdb",
        target_path=tmp_path / "target",
        dbt_vars={"kam_raw_path": str(missing_dir)},
    )
    assert "Traceback" not in result.stdout
    assert result.returncode == 2, result.stdout[-4000:]
    assert f"{missing_dir}: no such directory, or it holds no file." in result.stdout
    assert "file not found" not in result.stdout

    raw_dir = write_raw_files(tmp_path / "raw")
    with duckdb.connect() as connection:
        connection.execute(
            f"copy (select * from read_csv('{raw_dir}/users.csv', all_varchar = true))"
            f" to '{raw_dir}/users.parquet' (format parquet)"
        )
    result = dbt_command(
        ["build", "--select", "base_crm__users"],
        duckdb_path=tmp_path / "kam.duckdb",
        target_path=tmp_path / "target",
        dbt_vars={"kam_raw_path": str(raw_dir)},
    )
    assert "Traceback" not in result.stdout
    assert result.returncode == 2, result.stdout[-4000:]
    assert (
        f"{raw_dir}/users.csv and users.parquet: both exist, and only the"
        " Parquet file would be read. Keep one of them in kam_raw_path."
    ) in result.stdout
    assert "START sql" not in result.stdout


# -- a quoted line break ------------------------------------------------------


def test_quoted_line_break_stays_in_one_row(workspace):
    """Case 7: an account name holding a comma and a line break is one row."""
    accounts = with_rows(
        "accounts", ["0101", "Acme, Inc.\nShanghai branch", "retail", "east", ""]
    )
    result = workspace.run(
        [
            "--select",
            "+stg_crm__row_counts",
            "+rejected_rows",
            "--exclude",
            "resource_type:test",
            "resource_type:unit_test",
            "--fail-fast",
        ],
        {"accounts": accounts},
    )
    # DuckDB's parallel CSV scanner cannot read a quoted line break with
    # null_padding, hence parallel = false in duckdb__kam_read_file_sql.
    assert "parallel scanner does not support null_padding" not in result.stdout
    assert result.returncode == 0, result.stdout[-4000:]
    duckdb_path = workspace.keep("line_break")
    counts = assert_every_row_accounted_for(duckdb_path)
    assert counts["accounts"] == (3, 3, 0)
    names = staged(duckdb_path, "accounts", "account_id", "account_name")
    assert names["0101"] == "Acme, Inc.\nShanghai branch"


# -- the same input built twice ----------------------------------------------

ORDERED_INDICATORS = (
    "select * from kam_indicators order by indicator_code, basis, period_start"
)


def test_second_build_gives_identical_indicators(demo_build):
    """Idempotence: building the demo data again changes no indicator.

    The session's demo database is rebuilt in place, with the target folder
    of its first build (a partial parse): the same input must give the same
    tables, so the tests that read it later see no difference. The build
    also runs the unknown-label test at its default severity (case 13): the
    demo data holds unknown labels, and they warn without failing the build.
    """
    first = query(demo_build, ORDERED_INDICATORS)
    result = dbt_command(
        [
            "build",
            "--select",
            "+kam_indicators",
            "assert_no_unknown_enumeration_labels",
            "--indirect-selection",
            "empty",
            "--exclude",
            "resource_type:unit_test",
            "--log-path",
            str(demo_build.parent / "logs"),
        ],
        duckdb_path=demo_build,
        target_path=demo_build.parent / "target",
    )
    assert "Traceback" not in result.stdout
    assert result.returncode == 0, result.stdout[-4000:]
    assert "OK created sql table model main.kam_indicators" in result.stdout
    assert "Warning in test assert_no_unknown_enumeration_labels" in result.stdout
    assert "configured to warn if != 0" in result.stdout
    second = query(demo_build, ORDERED_INDICATORS)
    assert len(first) > 40  # every period of the demo data, 40 rows each
    assert second == first


# -- an fx table quoted in another currency ----------------------------------


@pytest.mark.parametrize(
    ("currency", "rejected_rates"),
    [("USD", 96), ("XYZ", 0)],  # the seed holds a USD rate for 96 months
)
def test_fx_table_in_another_currency_fails_its_test(
    demo_build, tmp_path, currency, rejected_rates
):
    """The demo's fx seed gives rates to CNY; with USD as the reporting
    currency its USD rows are out_of_range, and with USD or a currency the
    seed does not know its EUR rows would turn EUR into CNY: the singular
    test fails and names what was converted (DECISIONS D30).

    A copy of the demo build (the session's file stays as it is), with only
    the fx rates rebuilt: the amount tables keep their staged rows, whose
    CNY and EUR amounts were converted with the fx table.
    """
    duckdb_path = tmp_path / "kam.duckdb"
    shutil.copyfile(demo_build, duckdb_path)
    result = dbt_command(
        [
            "build",
            "--select",
            "base_crm__fx_rates_checked",
            "assert_fx_rates_are_quoted_in_the_reporting_currency",
            "--exclude",
            "resource_type:unit_test",
            "--store-failures",
        ],
        duckdb_path=duckdb_path,
        target_path=tmp_path / "target",
        dbt_vars={"kam_reporting_currency": currency},
    )
    assert "Traceback" not in result.stdout
    assert result.returncode == 1, result.stdout[-4000:]
    assert "FAIL" in result.stdout
    assert "assert_fx_rates_are_quoted_in_the_reporting_currency" in result.stdout
    rejected_reporting_rates = query(
        duckdb_path,
        "select count(*) from staging.base_crm__fx_rates_checked"
        f" where currency = '{currency}' and reason_codes = 'out_of_range'",
    )[0][0]
    failures = query_dicts(
        duckdb_path,
        "select * from"
        " dbt_test__audit.assert_fx_rates_are_quoted_in_the_reporting_currency",
    )
    assert rejected_reporting_rates == rejected_rates
    converted = {(row["table_name"], row["currency"]) for row in failures}
    assert ("revenue", "EUR") in converted
    assert ("revenue", "CNY") in converted
    assert {row["rejected_rates"] for row in failures} == {rejected_rates}
    assert {row["is_seed_in_another_currency"] for row in failures} == {True}


# -- integer division on PostgreSQL: a dbt unit test ------------------------

ONE_WON_OF_THREE = """
version: 2
unit_tests:
  - name: pytest_tas_2_1_one_won_of_three
    model: ind_tas_2_1_win_rate
    description: >
      One won (100) of three closed (100, 200, 300): 1 / 3 and 100 / 600 as
      doubles, never 0 from an integer division.
    given:
      - input: ref('int_periods')
        rows:
          - {period_start: '2024-01-01'}
      - input: ref('int_opportunities')
        rows:
          - {opportunity_id: o1, outcome: won, is_closed: true,
             closed_period_start: '2024-01-01', amount: 100}
          - {opportunity_id: o2, outcome: lost, is_closed: true,
             closed_period_start: '2024-01-01', amount: 200}
          - {opportunity_id: o3, outcome: lost, is_closed: true,
             closed_period_start: '2024-01-01', amount: 300}
    expect:
      rows:
        - {indicator_code: TAS.2.1, basis: amount,
           period_start: '2024-01-01', value: 0.16666666666666666,
           population: 3}
        - {indicator_code: TAS.2.1, basis: count,
           period_start: '2024-01-01', value: 0.3333333333333333,
           population: 3}
"""


@pytest.mark.postgres
@pytest.mark.skipif(
    not os.environ.get("KAM_PG_HOST"),
    reason="KAM_PG_HOST is not set (scripts/run_tests.sh sets it)",
)
def test_win_rate_is_not_integer_division_on_postgres(tmp_path):
    """Case 8 on PostgreSQL, where kam_raw_path cannot read files.

    A dbt unit test of ind_tas_2_1_win_rate, added to a copy of the project
    (so that nothing is written into the repository), run with
    --target postgres. Like every dbt unit test it needs the model's parents
    to exist: run it after `dbt build --target postgres` (run_tests.sh does).
    """
    project = tmp_path / "project"
    shutil.copytree(
        PROJECT_DIR,
        project,
        ignore=shutil.ignore_patterns(
            ".*", "target", "logs", "reports", "*.duckdb*", "python", "bench"
        ),
    )
    unit_test_file = project / "models" / "marts" / "indicators"
    (unit_test_file / "_pytest_one_won_of_three.yml").write_text(
        ONE_WON_OF_THREE, encoding="utf-8"
    )
    result = dbt_command(
        [
            "test",
            "--target",
            "postgres",
            "--project-dir",
            str(project),
            "--select",
            "pytest_tas_2_1_one_won_of_three",
            "--log-path",
            str(tmp_path / "logs"),
        ],
        duckdb_path=tmp_path / "unused.duckdb",
        target_path=tmp_path / "target",
        env={"KAM_TARGET": "postgres"},
    )
    assert "Traceback" not in result.stdout
    assert result.returncode == 0, result.stdout[-4000:]
    # A unit test is reported as <model>::<test>.
    assert re.search(r"PASS \S*::pytest_tas_2_1_one_won_of_three", result.stdout)
