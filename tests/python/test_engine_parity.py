"""kam_indicators is the same on every engine the project runs on.

The DuckDB side is the build of `scripts/run_tests.sh` (KAM_DUCKDB_PATH) when it
exists, else this session's demo build. PostgreSQL is read with psycopg2 from the
server of the KAM_PG_* variables; Spark from the Parquet files of its warehouse
(KAM_SPARK_WAREHOUSE). An engine that is not there is skipped, unless
KAM_REQUIRE_ENGINES names it (as the test script does), so that CI cannot pass
without comparing.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import duckdb
import pytest
from conftest import query

COLUMNS = [
    "indicator_code",
    "basis",
    "period_label",
    "line",
    "stage",
    "unit",
    "desired_direction",
    "is_complete_period",
    "value",
    "prior_value",
    "delta",
    "growth_rate",
    "population",
    "status",
]
FLOATS = {"value", "prior_value", "delta", "growth_rate"}
KEY = 3


def required(engine: str) -> bool:
    return engine in os.environ.get("KAM_REQUIRE_ENGINES", "").split(",")


def skip_or_fail(engine: str, reason: str):
    if required(engine):
        pytest.fail(f"{engine} is required (KAM_REQUIRE_ENGINES) but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def duckdb_rows(request) -> dict[tuple, tuple]:
    path = os.environ.get("KAM_DUCKDB_PATH")
    if not path or not Path(path).exists():
        path = request.getfixturevalue("demo_build")
    rows = query(Path(path), f"select {', '.join(COLUMNS)} from main.kam_indicators")
    return {row[:KEY]: row[KEY:] for row in rows}


def assert_same(reference: dict, other: dict, engine: str, tolerance: float):
    assert set(other) == set(reference), (
        f"{engine} has other rows: {sorted(set(other) ^ set(reference))[:10]}"
    )
    differences = []
    worst = 0.0
    for key, expected in reference.items():
        actual = other[key]
        for name, left, right in zip(COLUMNS[KEY:], expected, actual, strict=True):
            if name in FLOATS and left is not None and right is not None:
                scale = max(abs(left), abs(right))
                error = abs(left - right) / scale if scale else 0.0
                worst = max(worst, error)
                if error > tolerance or math.isnan(left) or math.isnan(right):
                    differences.append((key, name, left, right))
            elif left != right:
                differences.append((key, name, left, right))
    assert not differences, f"{engine} differs: {differences[:10]}"
    print(f"{engine}: {len(reference)} rows equal, worst relative error {worst}")


def test_postgres_gives_the_same_kam_indicators(duckdb_rows):
    if not os.environ.get("KAM_PG_HOST"):
        skip_or_fail("postgres", "KAM_PG_HOST is not set")
    import psycopg2

    connection = psycopg2.connect(
        host=os.environ["KAM_PG_HOST"],
        port=int(os.environ.get("KAM_PG_PORT", "5432")),
        user=os.environ.get("KAM_PG_USER", "kam"),
        password=os.environ.get("KAM_PG_PASSWORD", ""),
        dbname=os.environ.get("KAM_PG_DATABASE", "kam"),
    )
    schema = os.environ.get("KAM_PG_SCHEMA", "public")
    with connection, connection.cursor() as cursor:
        cursor.execute(f"select {', '.join(COLUMNS)} from {schema}.kam_indicators")
        rows = cursor.fetchall()
    postgres_rows = {
        row[:KEY]: tuple(
            float(value) if name in FLOATS and value is not None else value
            for name, value in zip(COLUMNS[KEY:], row[KEY:], strict=True)
        )
        for row in rows
    }
    assert_same(duckdb_rows, postgres_rows, "PostgreSQL", tolerance=1e-12)


def test_spark_gives_the_same_kam_indicators(duckdb_rows):
    warehouse = os.environ.get("KAM_SPARK_WAREHOUSE")
    schema = os.environ.get("KAM_SPARK_SCHEMA", "kam")
    table_dir = Path(warehouse or "") / f"{schema}.db" / "kam_indicators"
    if not warehouse or not table_dir.exists():
        skip_or_fail("spark", f"no Spark build at {table_dir}")
    with duckdb.connect() as connection:
        rows = connection.sql(
            f"select {', '.join(COLUMNS)} from read_parquet('{table_dir}/*.parquet')"
        ).fetchall()
    spark_rows = {row[:KEY]: row[KEY:] for row in rows}
    assert_same(duckdb_rows, spark_rows, "Spark", tolerance=1e-9)
