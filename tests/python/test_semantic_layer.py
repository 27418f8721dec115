"""The semantic layer (models/marts/semantic): MetricFlow answers as the indicators do.

A quarter-grain demo build goes into its own DuckDB file and target folder. `mf`
reads the semantic manifest from `<project>/target/semantic_manifest.json` only, so
the test gives it a project folder of its own (the project's dbt_project.yml and
that build's manifest) through DBT_PROJECT_DIR, and leaves the shared target/ alone.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import PROJECT_DIR, VENV_BIN, dbt_command, query


@pytest.fixture(scope="module")
def quarter_build(tmp_path_factory) -> Path:
    """The demo data built at quarter grain (models and seeds, no tests)."""
    work_dir = tmp_path_factory.mktemp("quarter_build")
    duckdb_path = work_dir / "kam.duckdb"
    result = dbt_command(
        ["build", "--exclude", "resource_type:test", "resource_type:unit_test"],
        duckdb_path=duckdb_path,
        target_path=work_dir / "target",
        dbt_vars={"kam_period_grain": "quarter"},
    )
    assert result.returncode == 0, result.stdout[-4000:]
    return duckdb_path


def mf_query(duckdb_path: Path, metrics: list[str], group_by: list[str]) -> list[dict]:
    """Rows of `mf query` on a build, read from the CSV file mf writes."""
    work_dir = duckdb_path.parent
    project_dir = work_dir / "mf_project"
    (project_dir / "target").mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT_DIR / "dbt_project.yml", project_dir / "dbt_project.yml")
    shutil.copy(
        work_dir / "target" / "semantic_manifest.json",
        project_dir / "target" / "semantic_manifest.json",
    )
    out = work_dir / "mf_query.csv"
    result = subprocess.run(
        [
            str(VENV_BIN / "mf"),
            "query",
            "--metrics",
            ",".join(metrics),
            "--group-by",
            ",".join(group_by),
            "--csv",
            str(out),
            "--quiet",
        ],
        cwd=project_dir,
        env={
            **os.environ,
            "DBT_PROFILES_DIR": str(PROJECT_DIR),
            "DBT_PROJECT_DIR": str(project_dir),
            "KAM_DUCKDB_PATH": str(duckdb_path),
            "KAM_TARGET": "duckdb",
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0 and out.is_file(), result.stdout[-4000:]
    with out.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def close(actual: float, expected: float) -> bool:
    return abs(actual - expected) <= 1e-6 * max(abs(expected), 1e-9)


def test_won_amount_by_quarter_equals_tas_2_4(quarter_build):
    rows = mf_query(quarter_build, ["won_amount"], ["metric_time__quarter"])
    by_quarter: dict[str, float] = {}
    for row in rows:
        day = row["metric_time__quarter"][:10]
        amount = float(row["won_amount"] or 0)
        if not day:
            # Opportunities never closed have no closed_on; they count nothing.
            assert amount == 0, row
            continue
        by_quarter[day] = amount
    indicators = {
        period_start.isoformat(): value
        for period_start, value in query(
            quarter_build,
            "select period_start, value from main.kam_indicators "
            "where indicator_code = 'TAS.2.4' and basis = 'amount' "
            "and period_grain = 'quarter'",
        )
    }
    assert len(indicators) >= 8, "the demo spans several quarters"
    assert set(by_quarter) <= set(indicators), "no quarter outside the periods"
    mismatches = {
        quarter: (by_quarter.get(quarter, 0.0), value)
        for quarter, value in indicators.items()
        if not close(by_quarter.get(quarter, 0.0), value)
    }
    assert not mismatches, mismatches


def test_period_metrics_answer_at_the_build_grain(quarter_build):
    rows = mf_query(
        quarter_build,
        ["key_account_output", "presales_utilisation"],
        ["metric_time__quarter"],
    )
    indicators = {
        (period_start.isoformat(), code): value
        for period_start, code, value in query(
            quarter_build,
            "select period_start, indicator_code, value from main.kam_indicators "
            "where indicator_code in ('ESP.1.3', 'MCI.2')",
        )
    }
    compared = 0
    for row in rows:
        day = row["metric_time__quarter"][:10]
        for metric, code in [
            ("key_account_output", "ESP.1.3"),
            ("presales_utilisation", "MCI.2"),
        ]:
            expected = indicators.get((day, code))
            if expected is None or not row[metric]:
                continue
            assert close(float(row[metric]), expected), (day, metric, row[metric])
            compared += 1
    assert compared >= 8
