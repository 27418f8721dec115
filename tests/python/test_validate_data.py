"""scripts/validate_data.py: Great Expectations suites on a built DuckDB file."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys

import duckdb
import pandas as pd
import pytest
from conftest import PROJECT_DIR, query

SCRIPT = PROJECT_DIR / "scripts" / "validate_data.py"
# Great Expectations imports pyspark when present, which warns about distutils.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:pyspark")
SUITE_LINE = re.compile(r"^(\w+): (\d+) expectations, (\d+) failed(?:: (.*))?$")


def load_script():
    spec = importlib.util.spec_from_file_location("validate_data", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


validate_data = load_script()


def run_script(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def suite_lines(stdout: str) -> dict[str, tuple[int, int, str | None]]:
    """suite → (expectations, failed, failed names) from the script's output."""
    lines = {}
    for line in stdout.splitlines():
        match = SUITE_LINE.match(line)
        if match:
            name, total, failed, names = match.groups()
            lines[name] = (int(total), int(failed), names)
    return lines


@pytest.fixture(scope="module")
def demo_validation(demo_build, tmp_path_factory):
    report_dir = tmp_path_factory.mktemp("data_docs")
    result = run_script("--duckdb", str(demo_build), "--report-dir", str(report_dir))
    return result, report_dir


def test_demo_build_passes_every_suite(demo_validation):
    result, _ = demo_validation
    assert result.returncode == 0, result.stdout + result.stderr
    lines = suite_lines(result.stdout)
    expected = {suite.name for suite in validate_data.all_suites()}
    assert set(lines) == expected
    assert len(lines) == 15 + 9  # a raw suite per table, 9 after the build
    assert all(failed == 0 for _, failed, _ in lines.values()), lines
    assert lines["kam_indicators"][0] >= 15
    assert lines["raw_accounts"][0] == 4  # columns, row numbers twice, key
    # No progress bars and no tool noise: one line per suite and the docs.
    assert len(result.stdout.splitlines()) == len(lines) + 1
    assert "%|" not in result.stdout + result.stderr
    assert "tool error" not in result.stderr


def test_data_docs_are_written_to_the_report_dir(demo_validation):
    result, report_dir = demo_validation
    index = report_dir / "index.html"
    assert index.is_file()
    assert f"Data Docs: {index}" in result.stdout
    html = index.read_text(encoding="utf-8")
    for suite_name in ["kam_indicators", "fct_opportunities", "raw_accounts"]:
        assert suite_name in html
    validations = list((report_dir / "validations").rglob("*.html"))
    assert len(validations) == 24


def test_raw_contract_matches_the_base_models(demo_build):
    """The script's copy of the contract is the base models' column list."""
    for table_name, (columns, _) in validate_data.RAW_CONTRACT.items():
        built = query(
            demo_build,
            "select column_name from information_schema.columns"
            f" where table_name = 'base_crm__{table_name}'"
            " order by ordinal_position",
        )
        expected = [*columns, *validate_data.BASE_COLUMNS]
        assert [row[0] for row in built] == expected, table_name


def test_broken_copy_fails_naming_the_expectations(demo_build, tmp_path):
    """A share above 1 and an unknown status in a copy of the demo build."""
    broken = tmp_path / "broken.duckdb"
    shutil.copyfile(demo_build, broken)
    with duckdb.connect(str(broken)) as connection:
        changed = connection.execute(
            "update main.kam_indicators set value = 1.7"
            " where indicator_code = 'ESP.1.1' and basis = 'share'"
            " and period_label = (select max(period_label) from main.kam_indicators)"
        ).fetchall()
        assert changed == [(1,)]
        connection.execute(
            "update main.kam_indicators set status = 'great'"
            " where indicator_code = 'TAS.2.4' and basis = 'amount'"
        )
    result = run_script(
        "--duckdb", str(broken), "--report-dir", str(tmp_path / "data_docs")
    )
    assert result.returncode == 1, result.stdout + result.stderr
    lines = suite_lines(result.stdout)
    total, failed, names = lines.pop("kam_indicators")
    assert total == len(validate_data.kam_indicators_expectations())
    assert failed == 2
    assert names == (
        "expect_column_values_to_be_in_set(status), "
        'expect_column_values_to_be_between(value) where basis == "share"'
    )
    assert all(failed == 0 for _, failed, _ in lines.values()), lines
    assert "tool error" not in result.stderr
    assert (tmp_path / "data_docs" / "index.html").is_file()


def test_negative_close_cycle_fails(demo_build, tmp_path):
    """fct_opportunities is a view: the value is broken in its parent table."""
    broken = tmp_path / "broken.duckdb"
    shutil.copyfile(demo_build, broken)
    with duckdb.connect(str(broken)) as connection:
        connection.execute(
            "update intermediate.int_opportunities set close_cycle_days = -3"
            " where opportunity_id = (select min(opportunity_id)"
            " from intermediate.int_opportunities where close_cycle_days > 0)"
        )
    frames = validate_data.read_tables(broken, ["fct_opportunities"])
    suite = next(
        suite
        for suite in validate_data.all_suites()
        if suite.name == "fct_opportunities"
    )
    outcomes = validate_data.run_suites([suite], frames, tmp_path / "data_docs")
    assert [(outcome.name, outcome.failed, outcome.errors) for outcome in outcomes] == [
        (
            "fct_opportunities",
            ["expect_column_values_to_be_between(close_cycle_days)"],
            [],
        )
    ]


def test_missing_file_is_a_tool_error(tmp_path):
    result = run_script("--duckdb", str(tmp_path / "none.duckdb"))
    assert result.returncode == 2
    assert result.stderr.startswith("tool error: ")
    assert "no such DuckDB file" in result.stderr
    assert "Traceback" not in result.stderr


def test_exception_inside_great_expectations_is_a_tool_error(
    monkeypatch, tmp_path, capsys
):
    """An expectation that raises (here: on a column that is not there) is
    reported as a tool error with exit 2, not as a failed expectation."""
    suite = validate_data.Suite(
        "fct_opportunities",
        "fct_opportunities",
        validate_data.fct_opportunities_expectations,
    )
    frame = pd.DataFrame({"opportunity_id": ["o1"], "amount": [1.0]})
    monkeypatch.setattr(validate_data, "all_suites", lambda: [suite])
    monkeypatch.setattr(
        validate_data, "read_tables", lambda path, tables: {"fct_opportunities": frame}
    )
    code = validate_data.main(
        ["--duckdb", "unused.duckdb", "--report-dir", str(tmp_path / "docs")]
    )
    captured = capsys.readouterr()
    assert code == 2
    assert "tool error: fct_opportunities: " in captured.err
    assert "expect_column_values_to_be_between(close_cycle_days)" in captured.err
    assert "fct_opportunities: 6 expectations, 0 failed" in captured.out
