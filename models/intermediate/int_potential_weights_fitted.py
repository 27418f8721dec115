"""Potential-output weights fitted from history (DuckDB only; see DECISIONS).

Potential output is expected annual spend x (w_r x relationship/100 + w_s x
solution/100 + w_p x price/100). This model finds the non-negative weights,
summing to 1, under which the potential of each key account at the end of a
period best explains the account's output in the next complete period.

Method: non-negative least squares (scipy.optimize.nnls) of the next-period
output on the three spend-weighted scores, y ~ X v with v >= 0; the weights
are v / sum(v) and sum(v) is the scale from potential to next-period output
(about 1 at year grain if spend is forecast well, about 1/4 at quarter grain).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.optimize import nnls

SCORES = ["relationship_score", "solution_score", "price_score"]
WEIGHTS = ["weight_relationship", "weight_solution", "weight_price"]


def training_rows(account_periods: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """Key account-periods with an assessment, and the next complete period's output.

    account_periods: account_id, period_start, is_key_account, output and the
    assessment in force (expected_annual_spend and the three scores).
    periods: period_start, period_index, is_complete_period.
    """
    ordered = periods.sort_values("period_index")[
        ["period_start", "period_index", "is_complete_period"]
    ]
    next_periods = ordered.assign(period_index=ordered["period_index"] - 1).rename(
        columns={
            "period_start": "next_period_start",
            "is_complete_period": "next_is_complete",
        }
    )
    with_next = ordered[["period_start", "period_index"]].merge(
        next_periods, on="period_index"
    )
    features = account_periods[
        account_periods["is_key_account"].astype(bool)
        & account_periods["expected_annual_spend"].notna()
    ].merge(with_next, on="period_start")
    outputs = account_periods[["account_id", "period_start", "output"]].rename(
        columns={"period_start": "next_period_start", "output": "next_output"}
    )
    rows = features[features["next_is_complete"].astype(bool)].merge(
        outputs, on=["account_id", "next_period_start"]
    )
    return rows


def fit_potential_weights(rows: pd.DataFrame) -> dict:
    """Fitted weights, scale, fit quality and counts from training rows.

    rows: expected_annual_spend, the three scores (0-100) and next_output.
    Returns the weights as None when there is nothing to fit (no row, or no
    positive solution).
    """
    result = {
        "method": "nnls",
        "account_periods_used": len(rows),
        "accounts_used": int(rows["account_id"].nunique()) if len(rows) else 0,
        "weight_relationship": None,
        "weight_solution": None,
        "weight_price": None,
        "scale_to_next_period_output": None,
        "r_squared": None,
    }
    if len(rows) == 0:
        return result
    spend = rows["expected_annual_spend"].astype(float).to_numpy()
    features = np.column_stack(
        [spend * rows[score].astype(float).to_numpy() / 100 for score in SCORES]
    )
    target = rows["next_output"].astype(float).to_numpy()
    coefficients, _ = nnls(features, target)
    total = float(coefficients.sum())
    if total <= 0:
        return result
    fitted = features @ coefficients
    residual = float(((target - fitted) ** 2).sum())
    spread = float(((target - target.mean()) ** 2).sum())
    result.update(
        {
            name: float(value / total)
            for name, value in zip(WEIGHTS, coefficients, strict=True)
        }
    )
    result["scale_to_next_period_output"] = total
    result["r_squared"] = 1 - residual / spread if spread > 0 else None
    return result


def model(dbt, session):
    dbt.config(materialized="table")
    account_periods = dbt.ref("int_account_periods").df()
    periods = dbt.ref("int_periods").df()
    fitted = fit_potential_weights(training_rows(account_periods, periods))
    return pd.DataFrame([fitted])
