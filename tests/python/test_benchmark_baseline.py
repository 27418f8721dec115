"""The benchmark's baseline and the product agree on the demo as Parquet.

`bench/baseline.sql` is a hand-written DuckDB script that computes
kam_indicators from the raw Parquet files on its own; `bench/run_benchmark.py`
times it against the product and refuses to report when the two disagree.
This test runs that comparison on the demo: the product reads the demo as
generated (rejected rows included), the baseline, which assumes valid input,
a copy without the rows the demo's oracle lists as rejected.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT_DIR, dbt_command


def load_runner():
    """bench/run_benchmark.py as a module (bench/ is not a package)."""
    path = PROJECT_DIR / "bench" / "run_benchmark.py"
    spec = importlib.util.spec_from_file_location("run_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_baseline_and_product_agree_on_demo_parquet(tmp_path: Path) -> None:
    runner = load_runner()
    raw_path = tmp_path / "raw"
    subprocess.run(
        [
            sys.executable,
            str(PROJECT_DIR / "scripts" / "generate_demo_data.py"),
            "--scale",
            "demo",
            "--format",
            "parquet",
            "--out",
            str(raw_path),
        ],
        check=True,
        capture_output=True,
    )

    duckdb_path = tmp_path / "kam.duckdb"
    result = dbt_command(
        ["build", "--exclude", "resource_type:test", "resource_type:unit_test"],
        duckdb_path=duckdb_path,
        target_path=tmp_path / "target",
        dbt_vars={"kam_raw_path": str(raw_path)},
        env={"KAM_DUCKDB_TEMP_DIR": str(tmp_path / "spill")},
    )
    assert result.returncode == 0, result.stdout[-4000:]

    baseline_input = runner.clean_demo(raw_path, tmp_path / "baseline_input")
    baseline_path = tmp_path / "baseline" / "kam_indicators.parquet"
    runner.run_baseline(
        baseline_input,
        baseline_path,
        memory_limit="1GB",
        temp_dir=tmp_path / "baseline" / "spill",
        log_path=tmp_path / "baseline" / "baseline.log",
    )

    rows, differences = runner.compare(duckdb_path, baseline_path)
    # 2023 to 2026: four years of 40 rows each.
    assert rows == 160
    assert differences == [], "\n".join(differences)
