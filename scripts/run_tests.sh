#!/usr/bin/env bash
# Every check of kam_scorecard, in order; stops at the first failure.
# Called by `make test` (after the virtual environment is installed).
#   KAM_SKIP_POSTGRES=1   skip the PostgreSQL build (no server binaries here)
#   KAM_PG_HOST=...       use that PostgreSQL server instead of a throwaway one
#   KAM_SKIP_SPARK=1      skip the Spark build (no Java here)
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="$PWD/.venv/bin:$PATH"
export DBT_PROFILES_DIR="$PWD"
# The tests build their own DuckDB file; the user's kam.duckdb is left alone.
export KAM_DUCKDB_PATH="$PWD/target/test/kam.duckdb"
export KAM_TARGET=duckdb
mkdir -p "$(dirname "$KAM_DUCKDB_PATH")"
rm -f "$KAM_DUCKDB_PATH" "$KAM_DUCKDB_PATH.wal"
# The engines the parity tests must compare (they fail rather than skip).
required_engines=()

step_started=0
step() {
    step_started=$(date +%s)
    printf '\n=== %s\n' "$1"
}
step_done() {
    printf '=== done in %ss\n' "$(( $(date +%s) - step_started ))"
}

step "Python style (ruff)"
ruff check .
ruff format --check .
step_done

step "dbt build on DuckDB: seeds, models, data tests, unit tests"
dbt build --target duckdb
step_done

step "Semantic layer (mf validate-configs, against the DuckDB build)"
mf validate-configs
step_done

step "Data quality (great-expectations suites on the DuckDB build)"
python scripts/validate_data.py --duckdb "$KAM_DUCKDB_PATH" \
    --report-dir target/test/data_docs
step_done

step "SQL style (sqlfluff, dbt templater)"
sqlfluff lint models macros tests analyses --processes 2
step_done

if [ "${KAM_SKIP_POSTGRES:-0}" = "1" ]; then
    printf '\n=== PostgreSQL: SKIPPED (KAM_SKIP_POSTGRES=1)\n'
else
    step "dbt build on PostgreSQL"
    if [ -z "${KAM_PG_HOST:-}" ]; then
        # shellcheck source=scripts/postgres_server.sh
        source scripts/postgres_server.sh start
        trap 'scripts/postgres_server.sh stop' EXIT
    fi
    KAM_TARGET=postgres dbt build --target postgres
    required_engines+=(postgres)
    step_done
fi

if [ "${KAM_SKIP_SPARK:-0}" = "1" ]; then
    printf '\n=== Spark: SKIPPED (KAM_SKIP_SPARK=1)\n'
else
    step "dbt build on Spark (session, local warehouse)"
    export SPARK_LOCAL_IP=127.0.0.1
    export KAM_SPARK_HOME="$PWD/target/test/spark"
    export KAM_SPARK_WAREHOUSE="$KAM_SPARK_HOME/warehouse"
    export KAM_SPARK_METASTORE="$KAM_SPARK_HOME/metastore_db"
    export KAM_SPARK_METASTORE_HOME="$KAM_SPARK_HOME"
    rm -rf "$KAM_SPARK_HOME"
    mkdir -p "$KAM_SPARK_HOME"
    KAM_TARGET=spark dbt build --target spark
    required_engines+=(spark)
    step_done
fi

export KAM_REQUIRE_ENGINES
KAM_REQUIRE_ENGINES=$(IFS=,; echo "${required_engines[*]:-}")

step "pytest"
pytest
step_done

printf '\nAll checks passed.\n'
