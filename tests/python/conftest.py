"""Shared helpers of the pytest suite: run dbt as a user would, read DuckDB."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def dbt_command(
    args: Iterable[str],
    *,
    duckdb_path: Path,
    target_path: Path,
    dbt_vars: dict | None = None,
    env: dict | None = None,
    timeout: int = 900,
) -> subprocess.CompletedProcess:
    """Run `dbt <args>` in the project on the given DuckDB file.

    Output (stdout and stderr together) is captured in the result's `stdout`;
    nothing is raised on failure, so tests can assert on the message.
    """
    command = [str(VENV_BIN / "dbt"), *args, "--target-path", str(target_path)]
    if dbt_vars:
        command += ["--vars", json.dumps(dbt_vars)]
    full_env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(PROJECT_DIR),
        "KAM_DUCKDB_PATH": str(duckdb_path),
        "KAM_TARGET": "duckdb",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        **(env or {}),
    }
    return subprocess.run(
        command,
        cwd=PROJECT_DIR,
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        check=False,
    )


def query(duckdb_path: Path, sql: str) -> list[tuple]:
    """Rows of a query on a built DuckDB file (opened read-only)."""
    with duckdb.connect(str(duckdb_path), read_only=True) as connection:
        return connection.sql(sql).fetchall()


def query_dicts(duckdb_path: Path, sql: str) -> list[dict]:
    """Rows of a query as dicts, keyed by column name."""
    with duckdb.connect(str(duckdb_path), read_only=True) as connection:
        relation = connection.sql(sql)
        columns = relation.columns
        return [dict(zip(columns, row, strict=True)) for row in relation.fetchall()]


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory) -> Path:
    """The demo data built once (models and seeds, no tests) for this session."""
    work_dir = tmp_path_factory.mktemp("demo_build")
    duckdb_path = work_dir / "kam.duckdb"
    result = dbt_command(
        ["build", "--exclude", "resource_type:test", "resource_type:unit_test"],
        duckdb_path=duckdb_path,
        target_path=work_dir / "target",
    )
    assert result.returncode == 0, result.stdout[-4000:]
    return duckdb_path


@pytest.fixture(scope="session")
def manifest(demo_build) -> dict:
    """The manifest of the demo build (nodes, their columns and docs)."""
    manifest_path = demo_build.parent / "target" / "manifest.json"
    return json.loads(manifest_path.read_text(encoding="utf-8"))
