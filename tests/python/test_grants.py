"""Only the marts are readable by the BI role (PostgreSQL).

Builds the marts with var kam_bi_roles on the server of the KAM_PG_* variables
(the one the test script builds on), then connects as a member of the BI role.
"""

from __future__ import annotations

import os

import pytest
from conftest import dbt_command

pytestmark = pytest.mark.postgres

BI_ROLE = "kam_bi"
BI_READER = "kam_bi_reader"


def connect(user: str):
    import psycopg2

    return psycopg2.connect(
        host=os.environ["KAM_PG_HOST"],
        port=int(os.environ.get("KAM_PG_PORT", "5432")),
        user=user,
        password=os.environ.get("KAM_PG_PASSWORD", "") if user != BI_READER else "",
        dbname=os.environ.get("KAM_PG_DATABASE", "kam"),
    )


def can_select(relation: str) -> bool:
    import psycopg2

    connection = connect(BI_READER)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"select count(*) from {relation}")
            cursor.fetchone()
        return True
    except psycopg2.errors.InsufficientPrivilege:
        return False
    finally:
        connection.close()


@pytest.fixture(scope="module")
def bi_roles():
    if not os.environ.get("KAM_PG_HOST"):
        if "postgres" in os.environ.get("KAM_REQUIRE_ENGINES", "").split(","):
            pytest.fail("postgres is required but KAM_PG_HOST is not set")
        pytest.skip("KAM_PG_HOST is not set")
    owner = connect(os.environ.get("KAM_PG_USER", "kam"))
    owner.autocommit = True
    with owner.cursor() as cursor:
        cursor.execute("select 1 from pg_roles where rolname = %s", (BI_ROLE,))
        if cursor.fetchone() is None:
            cursor.execute(f"create role {BI_ROLE} nologin")
            cursor.execute(f"create role {BI_READER} login in role {BI_ROLE}")
    owner.close()


def build_marts(tmp_path, grant_staff_names: bool):
    result = dbt_command(
        ["run", "--target", "postgres", "-s", "marts"],
        duckdb_path=tmp_path / "unused.duckdb",
        target_path=tmp_path / "target",
        dbt_vars={
            "kam_bi_roles": [BI_ROLE],
            "kam_grant_staff_names": grant_staff_names,
        },
        env={"KAM_TARGET": "postgres"},
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_the_bi_role_reads_the_marts_and_nothing_behind_them(bi_roles, tmp_path):
    build_marts(tmp_path, grant_staff_names=False)
    schema = os.environ.get("KAM_PG_SCHEMA", "public")
    for mart in [
        "kam_indicators",
        "fct_account_periods",
        "fct_rep_periods",
        "fct_opportunities",
        "fct_presales_user_periods",
        "dim_accounts",
        "dim_periods",
        "dim_indicators",
    ]:
        assert can_select(f"{schema}.{mart}"), mart
    for hidden in [
        "staging.stg_crm__opportunities",
        "staging.rejected_rows",
        "staging.base_crm__decision_chain_checked",
        "intermediate.int_account_periods",
        "raw.decision_chain",
        f"{schema}.dim_staff",
    ]:
        assert not can_select(hidden), hidden


def test_staff_names_are_granted_only_when_asked(bi_roles, tmp_path):
    build_marts(tmp_path, grant_staff_names=True)
    schema = os.environ.get("KAM_PG_SCHEMA", "public")
    assert can_select(f"{schema}.dim_staff")
    build_marts(tmp_path, grant_staff_names=False)
    assert not can_select(f"{schema}.dim_staff")
