"""The source adapters, end to end on the real public exports they were built for.

Each adapter is built once (`dbt build` with `kam_adapter` and
`kam_adapter_path`, unit tests excluded) on the export's files as published,
then checked: the rows read, staged and rejected per contract table, the
rejection reasons of the export's known quirks, and indicator values against a
short pandas computation made from the raw files with the mapping of
DECISIONS.md (section Adapters, D22-D25).

The exports are committed under tests/fixtures/exports/ (their sources and
licences in SOURCES.md there); set KAM_ADAPTER_DATA_DIR to read them elsewhere.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import PROJECT_DIR, dbt_command, query, query_dicts

DATA_DIR = Path(
    os.environ.get(
        "KAM_ADAPTER_DATA_DIR", PROJECT_DIR / "tests" / "fixtures" / "exports"
    )
)
MAVEN_DIR = DATA_DIR / "maven_crm"
SALESFORCE_DIR = DATA_DIR / "salesforce_workshop"

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
# Amounts of both exports are US dollars; the fx seed starts in 2020.
COMMON_VARS = {"kam_reporting_currency": "USD"}
RELATIVE = 1e-9


def build_adapter(tmp_path_factory, adapter: str, export_dir: Path, **dbt_vars):
    assert export_dir.is_dir(), f"{export_dir} not found (KAM_ADAPTER_DATA_DIR)"
    work_dir = tmp_path_factory.mktemp(f"adapter_{adapter}")
    duckdb_path = work_dir / "kam.duckdb"
    result = dbt_command(
        ["build", "--exclude", "resource_type:unit_test"],
        duckdb_path=duckdb_path,
        target_path=work_dir / "target",
        dbt_vars={
            "kam_adapter": adapter,
            "kam_adapter_path": str(export_dir),
            **COMMON_VARS,
            **dbt_vars,
        },
    )
    assert result.returncode == 0, result.stdout[-6000:]
    return duckdb_path


@pytest.fixture(scope="module")
def maven_build(tmp_path_factory) -> Path:
    return build_adapter(
        tmp_path_factory, "maven_crm", MAVEN_DIR, kam_period_grain="quarter"
    )


@pytest.fixture(scope="module")
def salesforce_build(tmp_path_factory) -> Path:
    return build_adapter(
        tmp_path_factory, "salesforce", SALESFORCE_DIR, kam_period_grain="year"
    )


def row_counts(duckdb_path: Path) -> dict[str, tuple[int, int, int]]:
    rows = query(
        duckdb_path,
        "select table_name, rows_read, rows_staged, rows_rejected "
        "from staging.stg_crm__row_counts",
    )
    return {table: (read, staged, rejected) for table, read, staged, rejected in rows}


def rejected(duckdb_path: Path, table: str) -> dict[str, str]:
    """record_key -> reason_details of the rejected rows of one table."""
    rows = query(
        duckdb_path,
        "select record_key, reason_details from staging.rejected_rows "
        f"where table_name = '{table}'",
    )
    return dict(rows)


def indicators(duckdb_path: Path, code_prefix: str) -> dict[tuple, dict]:
    rows = query_dicts(
        duckdb_path,
        "select indicator_code, basis, period_label, value, population, unit "
        f"from main.kam_indicators where indicator_code like '{code_prefix}%'",
    )
    return {(r["indicator_code"], r["basis"], r["period_label"]): r for r in rows}


def read_export(path: Path) -> pd.DataFrame:
    """An export file as text, empty cells as '' (a BOM is dropped)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def assert_close(actual, expected, label):
    assert actual == pytest.approx(expected, rel=RELATIVE, abs=0), label


# -- Maven CRM ----------------------------------------------------------------


def maven_closed_deals() -> pd.DataFrame:
    """The won and lost deals as the adapter maps them (DECISIONS.md, D24)."""
    pipeline = read_export(MAVEN_DIR / "sales_pipeline.csv")
    products = read_export(MAVEN_DIR / "products.csv")

    def product_key(names):
        return names.str.replace(" ", "").str.lower()

    list_price = dict(
        zip(product_key(products["product"]), products["sales_price"], strict=True)
    )
    deals = pipeline[
        pipeline["deal_stage"].isin(["Won", "Lost"]) & (pipeline["account"] != "")
    ].copy()
    deals["is_won"] = deals["deal_stage"] == "Won"
    deals["amount"] = deals["close_value"].where(
        deals["is_won"], product_key(deals["product"]).map(list_price)
    )
    deals["amount"] = deals["amount"].astype(float)
    engaged = pd.to_datetime(deals["engage_date"], format="%m/%d/%Y")
    closed = pd.to_datetime(deals["close_date"], format="%m/%d/%Y")
    deals["cycle_days"] = (closed - engaged).dt.days
    deals["period_label"] = (
        closed.dt.year.astype(str) + "-Q" + closed.dt.quarter.astype(str)
    )
    return deals


def test_maven_rows_read_staged_and_rejected(maven_build):
    counts = row_counts(maven_build)
    expected = {table: (0, 0, 0) for table in CONTRACT_TABLES}
    expected.update(
        {
            "accounts": (85, 85, 0),
            # 35 agents; 5 have no opportunity, so no derived hiring day.
            "users": (35, 30, 5),
            # 1,425 deals without an account and the 500 Prospecting deals
            # without any date (337 of them in both groups).
            "opportunities": (8800, 7212, 1588),
        }
    )
    assert {table: counts[table] for table in CONTRACT_TABLES} == expected
    for table, (read, staged, rejected_count) in counts.items():
        assert read == staged + rejected_count, table


def test_maven_known_quirks_are_rejected_with_their_reason(maven_build):
    pipeline = read_export(MAVEN_DIR / "sales_pipeline.csv")
    reasons = rejected(maven_build, "opportunities")

    no_account = set(pipeline.loc[pipeline["account"] == "", "opportunity_id"])
    prospecting = set(
        pipeline.loc[pipeline["deal_stage"] == "Prospecting", "opportunity_id"]
    )
    assert set(reasons) == no_account | prospecting
    for opportunity_id in no_account:
        assert "missing_required(account_id)" in reasons[opportunity_id]
    for opportunity_id in prospecting:
        assert "missing_required(created_on)" in reasons[opportunity_id]
    assert {reasons[opportunity_id] for opportunity_id in no_account - prospecting} == {
        "missing_required(account_id)"
    }

    agents = read_export(MAVEN_DIR / "sales_teams.csv")["sales_agent"]
    idle = set(agents) - set(pipeline["sales_agent"])
    assert len(idle) == 5
    assert rejected(maven_build, "users") == dict.fromkeys(
        idle, "missing_required(hired_on)"
    )


def test_maven_open_deals_without_close_date_are_staged(maven_build):
    pipeline = read_export(MAVEN_DIR / "sales_pipeline.csv")
    engaging = pipeline[
        (pipeline["deal_stage"] == "Engaging") & (pipeline["account"] != "")
    ]
    assert (engaging["close_date"] == "").all()
    staged = query(
        maven_build,
        "select count(*), count(closed_on), count(approved_on) "
        "from staging.stg_crm__opportunities where outcome = 'open'",
    )
    assert staged == [(len(engaging), 0, len(engaging))]


def test_maven_spelling_quirks_are_mapped(maven_build):
    # Deals not won are priced at their product's list price; GTXPro is the
    # pipeline's spelling of GTX Pro.
    pipeline = read_export(MAVEN_DIR / "sales_pipeline.csv")
    gtx_pro = set(pipeline.loc[pipeline["product"] == "GTXPro", "opportunity_id"])
    amounts = dict(
        query(
            maven_build,
            "select opportunity_id, cast(amount as double) "
            "from staging.stg_crm__opportunities where outcome <> 'won'",
        )
    )
    priced = {amounts[key] for key in gtx_pro if key in amounts}
    assert priced == {4821.0}
    industries = dict(
        query(
            maven_build,
            "select industry, count(*) from staging.stg_crm__accounts "
            "where industry like 'techn%' group by industry",
        )
    )
    assert industries == {"technology": 12}


def test_maven_deal_line_matches_the_raw_files(maven_build):
    deals = maven_closed_deals()
    actual = indicators(maven_build, "TAS.2.")
    quarters = [f"2017-Q{quarter}" for quarter in range(1, 5)]
    assert sorted(deals["period_label"].unique()) == quarters
    for quarter in quarters:
        closed = deals[deals["period_label"] == quarter]
        won = closed[closed["is_won"]]
        lost = closed[~closed["is_won"]]
        expected = {
            ("TAS.2.1", "amount"): (
                won["amount"].sum() / closed["amount"].sum(),
                len(closed),
            ),
            ("TAS.2.1", "count"): (len(won) / len(closed), len(closed)),
            ("TAS.2.2", "won"): (won["cycle_days"].mean(), len(won)),
            ("TAS.2.2", "lost"): (lost["cycle_days"].mean(), len(lost)),
            ("TAS.2.3", "amount"): (won["amount"].mean(), len(won)),
            ("TAS.2.4", "amount"): (won["amount"].sum(), len(won)),
        }
        for (code, basis), (value, population) in expected.items():
            row = actual[(code, basis, quarter)]
            label = f"{code} {basis} {quarter}"
            assert_close(row["value"], value, label)
            assert row["population"] == population, label
        assert actual[("TAS.2.4", "amount", quarter)]["unit"] == "USD"


def test_maven_indicators_without_source_data_are_empty(maven_build):
    # Only the deal line has data; the sums over no row are 0 (INDICATORS.md).
    rows = query(
        maven_build,
        "select distinct indicator_code || ' ' || basis from main.kam_indicators "
        "where value is not null and value <> 0",
    )
    assert sorted(row[0] for row in rows) == [
        "TAS.2.1 amount",
        "TAS.2.1 count",
        "TAS.2.2 lost",
        "TAS.2.2 won",
        "TAS.2.3 amount",
        "TAS.2.4 amount",
    ]


# -- Salesforce ---------------------------------------------------------------


def salesforce_opportunities() -> pd.DataFrame:
    """The opportunities as the adapter maps them (DECISIONS.md, D25)."""
    opportunities = read_export(SALESFORCE_DIR / "Opportunity.csv")
    opportunities["is_closed"] = opportunities["IsClosed"].isin(["1", "true"])
    opportunities["is_won"] = opportunities["IsWon"].isin(["1", "true"])
    created = pd.to_datetime(opportunities["CreatedDate"].str[:10])
    closed = pd.to_datetime(opportunities["CloseDate"])
    # A closed opportunity must close on or after it was created (approved).
    opportunities["is_consistent"] = ~opportunities["is_closed"] | (closed >= created)
    opportunities["close_year"] = closed.dt.year.astype(str)
    opportunities["amount"] = opportunities["Amount"].astype(float)
    return opportunities


def test_salesforce_rows_read_staged_and_rejected(salesforce_build):
    counts = row_counts(salesforce_build)
    expected = {table: (0, 0, 0) for table in CONTRACT_TABLES}
    expected.update(
        {
            "accounts": (22, 22, 0),
            "users": (1, 1, 0),
            "leads": (60, 60, 0),
            # The 15 closed opportunities close in 2023, before the day the
            # export's records were created (2024-01-22).
            "opportunities": (50, 35, 15),
        }
    )
    assert {table: counts[table] for table in CONTRACT_TABLES} == expected
    for table, (read, staged, rejected_count) in counts.items():
        assert read == staged + rejected_count, table


def test_salesforce_rejections_match_the_raw_files(salesforce_build):
    opportunities = salesforce_opportunities()
    inconsistent = set(opportunities.loc[~opportunities["is_consistent"], "Id"])
    assert len(inconsistent) == 15
    assert rejected(salesforce_build, "opportunities") == dict.fromkeys(
        inconsistent, "inconsistent_dates(closed_on)"
    )


def test_salesforce_staged_counts_match_the_raw_files(salesforce_build):
    opportunities = salesforce_opportunities()
    staged = opportunities[opportunities["is_consistent"]]
    outcome = (
        staged["is_won"]
        .map({True: "won", False: "lost"})
        .where(staged["is_closed"], "open")
    )
    assert (
        dict(
            query(
                salesforce_build,
                "select outcome, count(*) from staging.stg_crm__opportunities "
                "group by outcome",
            )
        )
        == outcome.value_counts().to_dict()
    )

    leads = read_export(SALESFORCE_DIR / "Lead.csv")
    assert set(leads["Status"]) == {"New", "Working", "Qualified"}
    assert (leads["IsConverted"] == "").all()
    assert query(
        salesforce_build,
        "select status, count(*) from staging.stg_crm__leads group by status",
    ) == [("open", len(leads))]

    owners = opportunities.groupby("OwnerId")["CreatedDate"].min().str[:10]
    users = query(
        salesforce_build,
        "select user_id, cast(hired_on as varchar), role "
        "from staging.stg_crm__users order by user_id",
    )
    assert users == [(owner, day, "sales") for owner, day in owners.items()]


def test_salesforce_total_won_amount_matches_the_raw_files(salesforce_build):
    opportunities = salesforce_opportunities()
    won = opportunities[
        opportunities["is_won"]
        & opportunities["is_closed"]
        & opportunities["is_consistent"]
    ]
    actual = indicators(salesforce_build, "TAS.2.4")
    assert actual, "no TAS.2.4 row"
    for (_, _, period), row in actual.items():
        in_period = won[won["close_year"] == period]
        assert_close(row["value"], in_period["amount"].sum(), f"TAS.2.4 {period}")
        assert row["population"] == len(in_period), period


# -- input checks --------------------------------------------------------------


def test_adapter_input_problems_stop_the_build_naming_each_file(tmp_path):
    assert SALESFORCE_DIR.is_dir(), f"{SALESFORCE_DIR} not found"
    export_dir = tmp_path / "export"
    export_dir.mkdir()
    # Lead.csv missing; one opportunity deleted; Account.csv without Industry.
    opportunities = read_export(SALESFORCE_DIR / "Opportunity.csv")
    opportunities.loc[0, "IsDeleted"] = "1"
    opportunities.to_csv(export_dir / "Opportunity.csv", index=False)
    accounts = read_export(SALESFORCE_DIR / "Account.csv")
    accounts.drop(columns=["Industry"]).to_csv(export_dir / "Account.csv", index=False)
    shutil.copy(SALESFORCE_DIR / "Contact.csv", export_dir / "Contact.csv")

    result = dbt_command(
        ["build", "--exclude", "resource_type:unit_test"],
        duckdb_path=tmp_path / "kam.duckdb",
        target_path=tmp_path / "target",
        dbt_vars={
            "kam_adapter": "salesforce",
            "kam_adapter_path": str(export_dir),
            **COMMON_VARS,
        },
    )
    assert result.returncode != 0
    output = " ".join(result.stdout.split())
    assert "read by the salesforce adapter" in output
    assert f"{export_dir}/Lead.csv: file not found" in output
    assert f'{export_dir}/Account.csv: column "Industry" is missing' in output
    assert f"{export_dir}/Opportunity.csv: 1 record(s) have IsDeleted true" in output


def test_adapter_models_are_read_and_return_the_documented_contract_columns(
    maven_build, salesforce_build
):
    for build, adapter in [
        (maven_build, "maven_crm"),
        (salesforce_build, "salesforce"),
    ]:
        manifest = json.loads(
            (build.parent / "target" / "manifest.json").read_text("utf-8")
        )
        read = {
            parent.removeprefix("model.kam_scorecard.")
            for node in manifest["nodes"].values()
            if node["name"].startswith("base_crm__")
            for parent in node["depends_on"]["nodes"]
            if parent.startswith(f"model.kam_scorecard.adp_{adapter}__")
        }
        files = {
            path.stem
            for path in (PROJECT_DIR / "models" / "adapters" / adapter).glob("*.sql")
        }
        assert read == files, adapter
        # Each adapter model returns exactly its table's contract columns.
        for model in files:
            table = model.split("__", 1)[1]
            adapted = query(
                build,
                "select column_name, data_type from information_schema.columns "
                f"where table_schema = 'raw' and table_name = '{model}' "
                "order by ordinal_position",
            )
            contract = query(
                build,
                "select column_name from information_schema.columns "
                f"where table_name = 'base_crm__{table}' and column_name not in "
                "('updated_at', 'source_row_number') order by ordinal_position",
            )
            assert adapted == [(column, "VARCHAR") for (column,) in contract], model
            # ... and documents each of them, and no other.
            node = manifest["nodes"][f"model.kam_scorecard.{model}"]
            assert node["description"].strip(), model
            documented = {
                name: column["description"].strip()
                for name, column in node["columns"].items()
            }
            assert sorted(documented) == sorted(column for (column,) in contract)
            assert all(documented.values()), model
