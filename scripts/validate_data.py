"""Validate a built kam_scorecard DuckDB file with Great Expectations suites.

    python scripts/validate_data.py --duckdb PATH [--report-dir DIR]

Two groups of suites:
  raw_<table>   the raw inputs as the build read them (staging.base_crm__<table>,
                text as read from the seeds or the files of kam_raw_path): the
                contract's column set, a number for every row, keys present;
  <model>       the marts and the staged tables after the build: kam_indicators
                (columns, accepted values, 40 rows per period, shares and win
                rates within 0-1, one row per indicator, basis and period),
                fct_opportunities, fct_presales_user_periods and the staged
                enumerations and scores.

Tables are read with duckdb into pandas and validated through Great
Expectations' pandas route (its SQL datasource fails on DuckDB). The context is
ephemeral: nothing is written but the Data Docs, into the report folder
(default reports/data_docs/). Prints one line per suite; exits 0 when every
expectation passes, 1 when one fails, 2 on a tool error (a table that cannot
be read, or an exception inside Great Expectations).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

PROJECT_DIR = Path(__file__).resolve().parents[1]
DEFAULT_REPORT_DIR = PROJECT_DIR / "reports" / "data_docs"

# The raw contract (RAW_CONTRACT.md; macros/contract/kam_raw_contract.sql):
# columns in contract order and the key of each table. The base models add
# updated_at and source_row_number to every table.
RAW_CONTRACT: dict[str, tuple[list[str], list[str]]] = {
    "accounts": (
        ["account_id", "account_name", "industry", "region", "created_on"],
        ["account_id"],
    ),
    "account_assessments": (
        [
            "account_id",
            "assessed_on",
            "account_class",
            "expected_annual_spend",
            "currency",
            "relationship_score",
            "solution_score",
            "price_score",
        ],
        ["account_id", "assessed_on"],
    ),
    "users": (
        ["user_id", "user_name", "role", "hired_on", "left_on"],
        ["user_id"],
    ),
    "account_owners": (
        ["account_id", "user_id", "valid_from", "valid_to"],
        ["account_id", "valid_from"],
    ),
    "revenue": (
        ["revenue_id", "account_id", "booked_on", "amount", "currency"],
        ["revenue_id"],
    ),
    "account_costs": (
        ["cost_id", "account_id", "incurred_on", "cost_type", "amount", "currency"],
        ["cost_id"],
    ),
    "leads": (
        [
            "lead_id",
            "account_id",
            "created_on",
            "status",
            "closed_on",
            "opportunity_id",
            "estimated_presales_cost",
            "currency",
        ],
        ["lead_id"],
    ),
    "opportunities": (
        [
            "opportunity_id",
            "account_id",
            "owner_id",
            "origin",
            "created_on",
            "approved_on",
            "closed_on",
            "outcome",
            "amount",
            "currency",
            "estimated_presales_cost",
        ],
        ["opportunity_id"],
    ),
    "presales_costs": (
        ["cost_id", "opportunity_id", "incurred_on", "amount", "currency"],
        ["cost_id"],
    ),
    "timesheets": (
        ["entry_id", "user_id", "opportunity_id", "work_date", "hours", "is_confirmed"],
        ["entry_id"],
    ),
    "decision_chain": (
        [
            "opportunity_id",
            "contact_id",
            "contact_name",
            "role",
            "influence_weight",
            "assessed_on",
            "relationship_score",
            "solution_score",
            "price_score",
        ],
        ["opportunity_id", "contact_id", "assessed_on"],
    ),
    "team_ratings": (
        ["rating_id", "opportunity_id", "rater_id", "ratee_id", "rated_on", "score"],
        ["rating_id"],
    ),
    "deliveries": (
        [
            "delivery_id",
            "opportunity_id",
            "contract_amount",
            "currency",
            "status",
            "completed_on",
        ],
        ["delivery_id"],
    ),
    "fx_rates": (
        ["currency", "valid_from", "rate_to_reporting"],
        ["currency", "valid_from"],
    ),
    "working_calendar": (
        ["calendar_date", "is_workday", "statutory_hours"],
        ["calendar_date"],
    ),
}
BASE_COLUMNS = ["updated_at", "source_row_number"]

KAM_INDICATOR_COLUMNS = [
    "indicator_code",
    "line",
    "stage",
    "indicator_name",
    "indicator_name_zh",
    "basis",
    "unit",
    "desired_direction",
    "period_grain",
    "period_label",
    "period_start",
    "period_end",
    "is_complete_period",
    "value",
    "prior_value",
    "delta",
    "growth_rate",
    "population",
    "status",
]
# INDICATORS.md: 26 indicators in 40 rows (indicator and basis) per period.
INDICATOR_COUNT = 26
ROWS_PER_PERIOD = 40
# Indicators whose amount and count bases are win or success rates (0-1).
WIN_RATE_INDICATORS = ["TAS.2.1", "ESP.4.4", "MCI.5", "MCI.6"]
# A presales user's confirmed hours above 150 % of their statutory hours in a
# period (MCI.2 utilisation) are taken as implausible data, not overtime.
MAX_UTILISATION = 1.5


@dataclass
class Suite:
    """One expectation suite: the table it reads and its expectations."""

    name: str
    table: str
    expectations: Callable[[], list]
    prepare: Callable[[pd.DataFrame], pd.DataFrame] = field(default=lambda df: df)


@dataclass
class SuiteOutcome:
    name: str
    expectations: int
    failed: list[str]
    errors: list[str]

    def line(self) -> str:
        text = f"{self.name}: {self.expectations} expectations, "
        text += f"{len(self.failed)} failed"
        if self.failed:
            text += ": " + ", ".join(self.failed)
        return text


class ToolError(Exception):
    """Validation could not run: not a finding about the data."""


def gx_expectations():
    """The expectations module, imported only when suites are built."""
    import great_expectations.expectations as gxe

    return gxe


def raw_suite(table_name: str) -> Suite:
    columns, key = RAW_CONTRACT[table_name]

    def expectations() -> list:
        gxe = gx_expectations()
        return [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[*columns, *BASE_COLUMNS], exact_match=True
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="source_row_number"),
            gxe.ExpectColumnValuesToBeUnique(column="source_row_number"),
            *[gxe.ExpectColumnValuesToNotBeNull(column=column) for column in key],
        ]

    return Suite(f"raw_{table_name}", f"base_crm__{table_name}", expectations)


def with_rows_in_period(frame: pd.DataFrame) -> pd.DataFrame:
    """kam_indicators with the number of rows of each row's period."""
    rows_in_period = frame.groupby("period_label")["indicator_code"].transform("size")
    return frame.assign(rows_in_period=rows_in_period)


def kam_indicators_expectations() -> list:
    gxe = gx_expectations()
    win_rates = (
        f"indicator_code in {WIN_RATE_INDICATORS!r} and basis in ['amount', 'count']"
    )
    return [
        gxe.ExpectTableColumnsToMatchSet(
            column_set=[*KAM_INDICATOR_COLUMNS, "rows_in_period"], exact_match=True
        ),
        gxe.ExpectCompoundColumnsToBeUnique(
            column_list=["indicator_code", "basis", "period_label"]
        ),
        *[
            gxe.ExpectColumnValuesToNotBeNull(column=column)
            for column in ["indicator_code", "basis", "period_label", "status"]
        ],
        gxe.ExpectColumnValuesToBeInSet(
            column="status", value_set=["healthy", "watch", "alert", "no_data"]
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="line", value_set=["ESP+", "TAS+", "MCI"]
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="basis",
            value_set=[
                "amount",
                "share",
                "count",
                "won",
                "lost",
                "ratio",
                "score",
                "acceptance_correlation",
            ],
        ),
        gxe.ExpectColumnValuesToMatchRegex(
            column="unit", regex=r"^(ratio|share|days|score|coefficient|[A-Z]{3})$"
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="desired_direction", value_set=["up", "down", "stable"]
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="period_grain", value_set=["year", "quarter", "month"]
        ),
        gxe.ExpectColumnUniqueValueCountToBeBetween(
            column="indicator_code",
            min_value=INDICATOR_COUNT,
            max_value=INDICATOR_COUNT,
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="rows_in_period",
            min_value=ROWS_PER_PERIOD,
            max_value=ROWS_PER_PERIOD,
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="value",
            min_value=0,
            max_value=1,
            row_condition='basis == "share"',
            condition_parser="pandas",
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="value",
            min_value=0,
            max_value=1,
            row_condition=win_rates,
            condition_parser="pandas",
        ),
        gxe.ExpectColumnValuesToBeBetween(column="population", min_value=0),
    ]


def fct_opportunities_expectations() -> list:
    gxe = gx_expectations()
    return [
        gxe.ExpectColumnValuesToNotBeNull(column="opportunity_id"),
        gxe.ExpectColumnValuesToBeUnique(column="opportunity_id"),
        gxe.ExpectColumnValuesToBeBetween(column="close_cycle_days", min_value=0),
        gxe.ExpectColumnValuesToBeBetween(column="amount", min_value=0),
        gxe.ExpectColumnValuesToBeInSet(
            column="outcome", value_set=["won", "lost", "open", "dropped"]
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="origin", value_set=["captured", "incubated", "other"]
        ),
    ]


def fct_presales_user_periods_expectations() -> list:
    gxe = gx_expectations()
    return [
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["user_id", "period_label"]),
        gxe.ExpectColumnValuesToBeBetween(
            column="utilisation", min_value=0, max_value=MAX_UTILISATION
        ),
        gxe.ExpectColumnValuesToBeBetween(column="statutory_hours", min_value=0),
        gxe.ExpectColumnValuesToBeBetween(column="confirmed_hours", min_value=0),
    ]


def account_assessments_expectations() -> list:
    gxe = gx_expectations()
    scores = ["relationship_score", "solution_score", "price_score"]
    return [
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["account_id", "assessed_on"]),
        gxe.ExpectColumnValuesToBeInSet(
            column="account_class", value_set=["A", "B", "C", "N"]
        ),
        gxe.ExpectColumnValuesToBeBetween(column="expected_annual_spend", min_value=0),
        *[
            gxe.ExpectColumnValuesToBeBetween(column=score, min_value=0, max_value=100)
            for score in scores
        ],
    ]


def enumeration_expectations(value_sets: dict[str, list[str]]):
    """Accepted values of a staged table's enumeration columns."""

    def expectations() -> list:
        gxe = gx_expectations()
        return [
            expectation
            for column, values in value_sets.items()
            for expectation in [
                gxe.ExpectColumnValuesToNotBeNull(column=column),
                gxe.ExpectColumnValuesToBeInSet(column=column, value_set=values),
            ]
        ]

    return expectations


def all_suites() -> list[Suite]:
    return [
        *[raw_suite(table_name) for table_name in RAW_CONTRACT],
        Suite(
            "kam_indicators",
            "kam_indicators",
            kam_indicators_expectations,
            with_rows_in_period,
        ),
        Suite("fct_opportunities", "fct_opportunities", fct_opportunities_expectations),
        Suite(
            "fct_presales_user_periods",
            "fct_presales_user_periods",
            fct_presales_user_periods_expectations,
        ),
        Suite(
            "stg_crm__account_assessments",
            "stg_crm__account_assessments",
            account_assessments_expectations,
        ),
        Suite(
            "stg_crm__users",
            "stg_crm__users",
            enumeration_expectations({"role": ["sales", "presales", "manager"]}),
        ),
        Suite(
            "stg_crm__account_costs",
            "stg_crm__account_costs",
            enumeration_expectations(
                {"cost_type": ["sales", "presales", "marketing", "service", "other"]}
            ),
        ),
        Suite(
            "stg_crm__leads",
            "stg_crm__leads",
            enumeration_expectations({"status": ["open", "converted", "disqualified"]}),
        ),
        Suite(
            "stg_crm__opportunities",
            "stg_crm__opportunities",
            enumeration_expectations(
                {
                    "origin": ["captured", "incubated", "other"],
                    "outcome": ["won", "lost", "open", "dropped"],
                }
            ),
        ),
        Suite(
            "stg_crm__deliveries",
            "stg_crm__deliveries",
            enumeration_expectations(
                {"status": ["succeeded", "failed", "in_progress", "cancelled"]}
            ),
        ),
    ]


def read_tables(duckdb_path: Path, tables: list[str]) -> dict[str, pd.DataFrame]:
    """Each table (or view) by name, from whichever schema holds it."""
    if not duckdb_path.is_file():
        raise ToolError(f"{duckdb_path}: no such DuckDB file (build the project first)")
    frames = {}
    try:
        with duckdb.connect(str(duckdb_path), read_only=True) as connection:
            for table in tables:
                schemas = connection.execute(
                    "select table_schema from information_schema.tables"
                    " where table_name = ? and table_catalog = current_database()"
                    " order by table_schema",
                    [table],
                ).fetchall()
                if len(schemas) != 1:
                    where = ", ".join(row[0] for row in schemas) or "no schema"
                    raise ToolError(
                        f"{duckdb_path}: expected one table {table}, found it in"
                        f" {where} (build the project first)"
                    )
                frames[table] = connection.sql(
                    f'select * from "{schemas[0][0]}"."{table}"'
                ).df()
    except duckdb.Error as error:
        raise ToolError(f"{duckdb_path}: {error}") from error
    return frames


def make_context(report_dir: Path):
    """An ephemeral context: in-memory stores, Data Docs into report_dir."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
        data_docs_sites={
            "kam_data_docs": {
                "class_name": "SiteBuilder",
                "show_how_to_buttons": False,
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(report_dir),
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            }
        },
    )
    return gx.get_context(project_config=config, mode="ephemeral")


def expectation_label(configuration) -> str:
    """The expectation's name, its column(s) and its row condition."""
    kwargs = configuration.kwargs
    target = kwargs.get("column") or ",".join(kwargs.get("column_list") or [])
    label = f"{configuration.type}({target})"
    condition = kwargs.get("row_condition")
    if isinstance(condition, dict):  # how 1.x serialises a pandas condition
        condition = condition.get("pass_through_filter") or condition
    if condition:
        label += f" where {condition}"
    return label


def raised_exceptions(exception_info) -> list[str]:
    """The messages of the exceptions an expectation raised, if any.

    exception_info is either one record ({"raised_exception": …,
    "exception_message": …}) or, when a metric failed, one record per metric.
    """
    if not exception_info:
        return []
    records = (
        [exception_info]
        if "raised_exception" in exception_info
        else list(exception_info.values())
    )
    return sorted(
        {
            record.get("exception_message") or "unknown exception"
            for record in records
            if isinstance(record, dict) and record.get("raised_exception")
        }
    )


def run_suites(suites: list[Suite], frames: dict, report_dir: Path) -> list:
    """Validate each suite's frame; build the Data Docs; the outcomes."""
    import great_expectations as gx

    context = make_context(report_dir)
    source = context.data_sources.add_pandas(name="kam_duckdb")
    outcomes = []
    for suite in suites:
        asset = source.add_dataframe_asset(name=suite.name)
        batch = asset.add_batch_definition_whole_dataframe(name=suite.name)
        expectation_suite = context.suites.add(
            gx.ExpectationSuite(name=suite.name, expectations=suite.expectations())
        )
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(
                name=suite.name, data=batch, suite=expectation_suite
            )
        )
        frame = suite.prepare(frames[suite.table])
        result = definition.run(batch_parameters={"dataframe": frame})
        failed, errors = [], []
        for expectation_result in result.results:
            label = expectation_label(expectation_result.expectation_config)
            messages = raised_exceptions(expectation_result.exception_info)
            if messages:
                errors.append(f"{label}: {'; '.join(messages)}")
            elif not expectation_result.success:
                failed.append(label)
        outcomes.append(SuiteOutcome(suite.name, len(result.results), failed, errors))
    context.build_data_docs()
    return outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Validate a built kam_scorecard DuckDB file "
        "(Great Expectations suites for the raw inputs and the marts)."
    )
    parser.add_argument("--duckdb", required=True, type=Path, help="the DuckDB file")
    parser.add_argument(
        "--report-dir",
        type=Path,
        default=DEFAULT_REPORT_DIR,
        help=f"where the Data Docs go (default {DEFAULT_REPORT_DIR})",
    )
    args = parser.parse_args(argv)

    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", module="great_expectations")
    suites = all_suites()
    try:
        frames = read_tables(args.duckdb, sorted({suite.table for suite in suites}))
        args.report_dir.mkdir(parents=True, exist_ok=True)
        outcomes = run_suites(suites, frames, args.report_dir.resolve())
    except ToolError as error:
        print(f"tool error: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # anything raised inside Great Expectations
        print(f"tool error: {type(error).__name__}: {error}", file=sys.stderr)
        return 2

    for outcome in outcomes:
        print(outcome.line())
    tool_errors = [
        f"{outcome.name}: {error}" for outcome in outcomes for error in outcome.errors
    ]
    for error in tool_errors:
        print(f"tool error: {error}", file=sys.stderr)
    print(f"Data Docs: {args.report_dir.resolve() / 'index.html'}")
    if tool_errors:
        return 2
    return 1 if any(outcome.failed for outcome in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
