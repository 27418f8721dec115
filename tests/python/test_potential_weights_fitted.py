"""The weights model recovers known weights from a hand-made history."""

from __future__ import annotations

import importlib.util

import numpy as np
import pandas as pd
import pytest
from conftest import PROJECT_DIR, dbt_command, query_dicts

MODEL_FILE = PROJECT_DIR / "models" / "intermediate" / "int_potential_weights_fitted.py"


def load_model_module():
    spec = importlib.util.spec_from_file_location("weights_model", MODEL_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def hand_made_history(weights, scale, noise, seed=7):
    """Three yearly periods, 40 key accounts; output of 2025 and 2026 made from
    the scores of the year before with the given weights and scale."""
    generator = np.random.default_rng(seed)
    periods = pd.DataFrame(
        {
            "period_start": pd.to_datetime(["2024-01-01", "2025-01-01", "2026-01-01"]),
            "period_index": [0, 1, 2],
            "is_complete_period": [True, True, False],
        }
    )
    rows = []
    for account in range(40):
        for index, start in enumerate(periods["period_start"]):
            spend = float(generator.uniform(1e6, 5e6))
            scores = generator.uniform(20, 95, size=3)
            rows.append(
                {
                    "account_id": f"a{account:02d}",
                    "period_start": start,
                    "period_index": index,
                    "is_key_account": True,
                    "expected_annual_spend": spend,
                    "relationship_score": scores[0],
                    "solution_score": scores[1],
                    "price_score": scores[2],
                }
            )
    frame = pd.DataFrame(rows).sort_values(["account_id", "period_index"])
    potential = (
        frame["expected_annual_spend"]
        * (
            weights[0] * frame["relationship_score"]
            + weights[1] * frame["solution_score"]
            + weights[2] * frame["price_score"]
        )
        / 100
    )
    # Output of a period comes from the potential at the end of the one before.
    frame["output"] = (
        potential.groupby(frame["account_id"]).shift(1)
        * scale
        * (1 + generator.normal(0, noise, size=len(frame)))
    ).fillna(0.0)
    return frame.drop(columns="period_index"), periods


@pytest.mark.parametrize(
    ("weights", "scale", "noise"),
    [
        ((0.5, 0.3, 0.2), 1.0, 0.0),
        ((0.6, 0.0, 0.4), 0.25, 0.02),
        ((1 / 3, 1 / 3, 1 / 3), 0.9, 0.02),
    ],
)
def test_known_weights_are_recovered_within_0_02(weights, scale, noise):
    module = load_model_module()
    account_periods, periods = hand_made_history(weights, scale, noise)
    rows = module.training_rows(account_periods, periods)
    # 2024 -> 2025 only: 2026 is not complete, so 2025 -> 2026 is left out.
    assert len(rows) == 40
    fitted = module.fit_potential_weights(rows)
    recovered = (
        fitted["weight_relationship"],
        fitted["weight_solution"],
        fitted["weight_price"],
    )
    assert sum(recovered) == pytest.approx(1.0)
    for expected, actual in zip(weights, recovered, strict=True):
        assert actual == pytest.approx(expected, abs=0.02)
    assert fitted["scale_to_next_period_output"] == pytest.approx(scale, rel=0.05)
    assert fitted["accounts_used"] == 40
    if noise == 0:
        assert fitted["r_squared"] == pytest.approx(1.0)


def test_nothing_to_fit_gives_empty_weights():
    module = load_model_module()
    account_periods, periods = hand_made_history((0.5, 0.3, 0.2), 1.0, 0.0)
    account_periods["is_key_account"] = False
    fitted = module.fit_potential_weights(
        module.training_rows(account_periods, periods)
    )
    assert fitted["account_periods_used"] == 0
    assert fitted["weight_relationship"] is None


def test_the_demo_build_uses_fitted_weights_when_asked(demo_build, tmp_path):
    fitted = query_dicts(
        demo_build, "select * from intermediate.int_potential_weights_fitted"
    )[0]
    weights = [
        fitted["weight_relationship"],
        fitted["weight_solution"],
        fitted["weight_price"],
    ]
    assert sum(weights) == pytest.approx(1.0)
    assert min(weights) >= 0
    copy = tmp_path / "kam.duckdb"
    copy.write_bytes(demo_build.read_bytes())
    result = dbt_command(
        [
            "build",
            "-s",
            "ind_esp_4_1_total_potential_output",
            "--exclude",
            "resource_type:unit_test",
        ],
        duckdb_path=copy,
        target_path=tmp_path / "target",
        dbt_vars={"kam_potential_weights_source": "fitted"},
    )
    assert result.returncode == 0, result.stdout[-3000:]
    by_hand = query_dicts(
        copy,
        f"""
        select
            period_start,
            sum(cast(expected_annual_spend as double) * (
                relationship_score * {weights[0]!r}
                + solution_score * {weights[1]!r}
                + price_score * {weights[2]!r}) / 100) as potential
        from intermediate.int_account_periods
        where is_key_account
        group by period_start
        """,
    )
    model = {
        row["period_start"]: row["value"]
        for row in query_dicts(
            copy,
            "select period_start, value "
            "from indicators.ind_esp_4_1_total_potential_output",
        )
    }
    for row in by_hand:
        assert model[row["period_start"]] == pytest.approx(row["potential"], rel=1e-9)
