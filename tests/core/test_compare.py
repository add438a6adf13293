"""Scenario comparison: self-comparison is all zeros; a known change shows only where expected.

Expected values are computed by hand from NATO's 2026 table and the IMF WEO
April 2026 rows (tests/core/hand_calc.py).
"""

from __future__ import annotations

import numpy as np
import pytest

from natoplanner.core.compare import ALLIANCE_ROWS, METRICS, compare_scenarios
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.scenario import BudgetPolicy, CorePolicy, Measure, Scenario
from tests.core import hand_calc as hand


@pytest.fixture(scope="module")
def baseline() -> Scenario:
    return Scenario(name="Baseline")


def test_scenario_against_itself_is_all_zeros(baseline: Scenario) -> None:
    comparison = compare_scenarios([baseline, baseline.copy()])
    assert comparison.names == ("Baseline", "Baseline (2)")
    diffs = comparison.differences.to_numpy()
    assert np.all((diffs == 0) | np.isnan(diffs))
    # NaN only where the value itself is missing in both (Iceland, never met, alliance budget).
    values = comparison.values.xs("Baseline", axis=1, level=1)
    assert np.array_equal(np.isnan(diffs), np.isnan(values.to_numpy()))
    assert comparison.changed_cells() == []
    assert list(comparison.values.index[-2:]) == list(ALLIANCE_ROWS)


def test_known_change_shows_where_expected_and_nowhere_else(baseline: Scenario) -> None:
    changed = baseline.copy()
    changed.name = "Poland 6%"
    changed.set_core_policy("POL", CorePolicy(BudgetPolicy.NOMINAL_GROWTH, rate_pct=6.0))
    comparison = compare_scenarios([baseline, changed])
    cells = set(comparison.changed_cells())
    expected = {
        ("POL", m, "Poland 6%")
        for m in ("core_share_pct", "total_share_pct", "core_budget_mn", "core_budget_usd_mn")
    }
    expected |= {
        (row, m, "Poland 6%")
        for row in ALLIANCE_ROWS
        for m in ("core_share_pct", "total_share_pct", "core_budget_usd_mn")
    }
    assert cells == expected  # Poland met 3.5% in 2026 in both: first years unchanged

    # Hand: Poland holds 4.68% in the baseline; with 6% a year its 2035 share
    # is 4.68·1.06^9 / (GDP[2035]/GDP[2026]) and its budget 193,789·1.06^9 million PLN.
    values, diffs = comparison.values, comparison.differences
    share_2035 = 4.68 * 1.06**9 / hand.gdp_ratio("POL", 2035)
    assert values.at["POL", ("core_share_pct", "Poland 6%")] == pytest.approx(share_2035, abs=1e-9)
    assert diffs.at["POL", ("core_share_pct", "Poland 6%")] == pytest.approx(
        share_2035 - 4.68, abs=1e-9
    )
    budget_held = 4.68 * (193_789 / 4.68) * hand.gdp_ratio("POL", 2035)
    budget_grown = 193_789 * 1.06**9
    assert diffs.at["POL", ("core_budget_mn", "Poland 6%")] == pytest.approx(
        budget_grown - budget_held, rel=1e-9
    )
    # At 2026 prices and exchange rates: deflated by Poland's CPI path.
    usd = (budget_grown - budget_held) / hand.fx_per_usd("POL") / hand.price_ratio("POL", 2035)
    for row in ("POL", *ALLIANCE_ROWS):
        assert diffs.at[row, ("core_budget_usd_mn", "Poland 6%")] == pytest.approx(usd, rel=1e-9)


def test_first_year_difference_and_three_scenarios(baseline: Scenario) -> None:
    ramp = baseline.copy()
    ramp.name = "Germany ramp"
    ramp.set_core_policy(
        "DEU", CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2030)
    )
    later = baseline.copy()
    later.name = "Germany ramp 2033"
    later.set_core_policy(
        "DEU", CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2033)
    )
    comparison = compare_scenarios([baseline, ramp, later], reference=1)
    assert comparison.reference == "Germany ramp"
    values, diffs = comparison.values, comparison.differences
    assert np.isnan(values.at["DEU", ("first_year_core", "Baseline")])  # holds 2.69%
    assert values.at["DEU", ("first_year_core", "Germany ramp")] == 2030
    assert diffs.at["DEU", ("first_year_core", "Germany ramp 2033")] == 3
    assert set(diffs.columns.get_level_values("scenario")) == {"Baseline", "Germany ramp 2033"}
    assert {(row, metric) for row, metric, _ in comparison.changed_cells()} <= {
        (row, metric) for row in ("DEU", *ALLIANCE_ROWS) for metric in METRICS
    }
    table = comparison.table(["first_year_core"])
    assert (
        table.loc[
            table["iso3"] == "DEU", "first_year_core [Germany ramp 2033 − Germany ramp]"
        ].item()
        == 3
    )


def test_comparison_year_and_typed_budget(baseline: Scenario) -> None:
    typed = baseline.copy()
    typed.set_year_input(Measure.CORE_BUDGET, "ITA", 2028, 60_000.0)
    comparison = compare_scenarios([baseline, typed], year=2028, names=["A", "B"])
    assert comparison.year == 2028
    assert comparison.values.at["ITA", ("core_budget_mn", "B")] == 60_000.0
    # The next year returns to the held share: nothing differs in 2029.
    assert compare_scenarios([baseline, typed], year=2029).changed_cells() == []


def test_refuses_what_cannot_be_compared(baseline: Scenario) -> None:
    with pytest.raises(ScenarioInputError):
        compare_scenarios([baseline])
    with pytest.raises(ScenarioInputError, match="base years"):
        compare_scenarios([baseline, Scenario(base_year=2025)])
    with pytest.raises(ScenarioInputError):
        compare_scenarios([baseline, baseline], reference=2)
