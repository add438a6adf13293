"""Goal seek and the breakeven-growth solver, checked by hand on NATO/IMF data.

Required growth by hand: r = ((s*/share[2026]) · GDP[T]/GDP[2026])^(1/(T-2026)) - 1,
with GDP grown from the IMF WEO April 2026 CSV rows (tests/core/hand_calc.py).
Every goal-seek result is then applied to a scenario and projected by the
core, which must land on the target within 0.005 pp.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.goalseek import (
    BreakevenOutcome,
    GoalPath,
    GrowthAssumption,
    TargetMeasure,
    allies_below_target,
    apply_changes,
    breakeven_growth,
    goal_seek,
    goal_seek_below_target,
)
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import (
    BudgetPolicy,
    CorePolicy,
    Measure,
    RelatedPolicy,
    RelatedTrack,
    Scenario,
)
from tests.core import hand_calc as hand

WITHIN_PP = 0.005


def projected_share(scenario: Scenario, iso3: str, year: int, total: bool = False) -> float:
    paths = Projection(scenario.copy()).paths
    shares = paths.total_share_pct if total else paths.core_share_pct
    return float(shares[scenario.row(iso3), year - scenario.base_year])


def hand_nominal_growth_pct(iso3: str, target_pct: float, year: int) -> float:
    ratio = target_pct / hand.base_share_pct(iso3) * hand.gdp_ratio(iso3, year)
    return (ratio ** (1 / (year - hand.BASE)) - 1) * 100


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return Scenario()


def test_germany_required_growth_matches_hand_calculation(scenario: Scenario) -> None:
    (result,) = goal_seek(scenario, ["DEU"], 3.5, 2035)
    # Germany 2026e: 2.69% of GDP, EUR 124,660 million (NATO 2026 edition).
    assert hand.base_share_pct("DEU") == 2.69
    expected = hand_nominal_growth_pct("DEU", 3.5, 2035)
    assert result.nominal_growth_pct == pytest.approx(expected, abs=1e-9)
    mean_cpi = hand.price_ratio("DEU", 2035) ** (1 / 9)
    assert result.real_growth_pct == pytest.approx(
        ((1 + expected / 100) / mean_cpi - 1) * 100, abs=1e-9
    )
    # The budget path is B[2026]·(1+r)^k, in million euros.
    k = np.arange(10)
    assert result.currency == "EUR"
    np.testing.assert_allclose(
        result.core_budget_mn, 124_660 * (1 + expected / 100) ** k, rtol=1e-12
    )
    # 2029 review checkpoint: share[2026]·(1+r)^3 / (GDP[2029]/GDP[2026]).
    assert result.checkpoint_year == 2029
    assert result.checkpoint_budget_mn == pytest.approx(
        124_660 * (1 + expected / 100) ** 3, rel=1e-12
    )
    assert result.checkpoint_share_pct == pytest.approx(
        2.69 * (1 + expected / 100) ** 3 / hand.gdp_ratio("DEU", 2029), abs=1e-9
    )
    assert not result.already_met


@pytest.mark.parametrize(
    ("iso3", "target_pct", "year"),
    [
        ("DEU", 3.5, 2035),
        ("ESP", 2.1, 2035),
        ("ITA", 3.5, 2030),
        ("POL", 3.5, 2035),
        ("USA", 5.0, 2040),
    ],
)
def test_goal_seek_growth_applied_through_the_core_reaches_the_target(
    scenario: Scenario, iso3: str, target_pct: float, year: int
) -> None:
    (result,) = goal_seek(scenario, [iso3], target_pct, year)
    # An ally above the target (Poland, 4.68%) is "met": the growth that holds its share.
    goal_pct = max(target_pct, hand.base_share_pct(iso3))
    assert result.nominal_growth_pct == pytest.approx(
        hand_nominal_growth_pct(iso3, goal_pct, year), abs=1e-9
    )
    applied = scenario.copy()
    result.change.apply(applied)
    if result.met_in_base_year:
        assert applied.core_policy(iso3) == CorePolicy(BudgetPolicy.CONSTANT_SHARE)
    else:
        assert applied.core_policy(iso3) == CorePolicy(
            BudgetPolicy.NOMINAL_GROWTH, rate_pct=result.nominal_growth_pct, growth_until=year
        )
    assert abs(projected_share(applied, iso3, year) - goal_pct) < WITHIN_PP
    # What the result shows is what the core projects.
    assert result.core_share_pct[year - 2026] == pytest.approx(goal_pct, abs=1e-9)


def test_poland_above_target_is_met_and_never_cut(scenario: Scenario) -> None:
    (result,) = goal_seek(scenario, "POL", 3.5, 2035)
    assert result.already_met and result.met_in_base_year  # 4.68% in 2026
    np.testing.assert_allclose(result.core_share_pct, 4.68, atol=1e-12)
    # Holding 4.68% grows the budget with nominal GDP, never below it.
    hold_pct = (hand.gdp_ratio("POL", 2035) ** (1 / 9) - 1) * 100
    assert result.nominal_growth_pct == pytest.approx(hold_pct, abs=1e-9) and hold_pct > 0
    assert result.facts.reaches_target and result.facts.already_met


def test_germany_by_2029_holds_3_5_to_2035(scenario: Scenario) -> None:
    """Goal "3.5% by 2029": growth to 2029, then the share is held (not 6.11% in 2035)."""
    (result,) = goal_seek(scenario, ["DEU"], 3.5, 2029)
    assert result.nominal_growth_pct == pytest.approx(
        hand_nominal_growth_pct("DEU", 3.5, 2029), abs=1e-9
    )
    applied = scenario.copy()
    result.change.apply(applied)
    for year in range(2029, 2041):
        assert projected_share(applied, "DEU", year) == pytest.approx(3.5, abs=1e-9), year
    # 2035 budget: 3.5% of GDP on NATO's basis = B[2026]·(3.5/2.69)·GDP[2035]/GDP[2026].
    budget_2035 = 124_660 * 3.5 / 2.69 * hand.gdp_ratio("DEU", 2035)
    assert result.core_budget_mn[2035 - 2026] == pytest.approx(budget_2035, rel=1e-12)
    # Keep growing only when asked: then the share compounds past 6% by 2035.
    (growing,) = goal_seek(scenario, ["DEU"], 3.5, 2029, keep_growing=True)
    r = hand_nominal_growth_pct("DEU", 3.5, 2029) / 100
    share_2035 = 2.69 * (1 + r) ** 9 / hand.gdp_ratio("DEU", 2035)
    assert growing.core_share_pct[2035 - 2026] == pytest.approx(share_2035, rel=1e-12)
    assert share_2035 > 6.0


def test_linear_ramp_answer_and_its_facts(scenario: Scenario) -> None:
    (result,) = goal_seek(scenario, ["DEU"], 3.5, 2035, path=GoalPath.LINEAR_RAMP)
    expected = 2.69 + (3.5 - 2.69) * np.arange(10) / 9
    np.testing.assert_allclose(result.core_share_pct, expected, atol=1e-12)
    assert result.facts.share_of_increase_by_review == pytest.approx(3 / 9, abs=1e-12)
    assert not result.facts.back_loaded and result.facts.incremental
    # The constant-growth answer does 24-29% by 2029: below linear, not back-loaded.
    (constant,) = goal_seek(scenario, ["DEU"], 3.5, 2035)
    assert 0.5 * 3 / 9 < constant.facts.share_of_increase_by_review < 3 / 9
    assert not constant.facts.back_loaded


def test_total_target_caps_related_at_1_5_and_needs_core_target() -> None:
    """Spain at 2.0% core + 3.0% related: a 5% total needs core ≥ 3.5% (its core
    target) and counts 1.5% related: max(3.5, 5 − min(3.0, 1.5)) = 3.5."""
    scenario = Scenario()
    scenario.set_related_track("ESP", RelatedTrack(RelatedPolicy.CONSTANT_SHARE, share_pct=3.0))
    (result,) = goal_seek(scenario, ["ESP"], 5.0, 2035, TargetMeasure.TOTAL)
    assert result.required_core_share_pct == pytest.approx(3.5, abs=1e-12)
    assert "ESP" in allies_below_target(scenario, 5.0, 2035, TargetMeasure.TOTAL)
    # Core 4.0 + related 0.5: core covers its target, related must make up 1.0 → 4.5 core.
    scenario.set_related_track("ESP", RelatedTrack(RelatedPolicy.CONSTANT_SHARE, share_pct=0.5))
    (result,) = goal_seek(scenario, ["ESP"], 5.0, 2035, TargetMeasure.TOTAL)
    assert result.required_core_share_pct == pytest.approx(4.5, abs=1e-12)


def test_typed_budgets_before_the_target_year_are_cleared_later_ones_kept() -> None:
    scenario = Scenario()
    scenario.set_year_input(Measure.CORE_BUDGET, "FRA", 2028, 70_000.0)
    scenario.set_year_input(Measure.CORE_BUDGET, "FRA", 2033, 90_000.0)
    (result,) = goal_seek(scenario, ["FRA"], 3.0, 2031)
    assert result.change.budget_overrides_mn == {2028: None}
    applied = scenario.copy()
    inverse = result.change.apply(applied)
    assert applied.year_input(Measure.CORE_BUDGET, "FRA", 2028) is None
    assert applied.year_input(Measure.CORE_BUDGET, "FRA", 2033) == 90_000.0
    assert abs(projected_share(applied, "FRA", 2031) - 3.0) < WITHIN_PP
    inverse.apply(applied)
    assert applied.inputs_equal(scenario)


def test_total_target_counts_the_related_track_as_set() -> None:
    scenario = Scenario()
    scenario.set_related_track("ESP", RelatedTrack(RelatedPolicy.CONSTANT_SHARE, share_pct=1.2))
    (result,) = goal_seek(scenario, ["ESP"], 5.0, 2035, TargetMeasure.TOTAL)
    assert result.required_core_share_pct == pytest.approx(3.8)
    assert result.nominal_growth_pct == pytest.approx(
        hand_nominal_growth_pct("ESP", 3.8, 2035), abs=1e-9
    )
    applied = scenario.copy()
    result.change.apply(applied)
    assert abs(projected_share(applied, "ESP", 2035, total=True) - 5.0) < WITHIN_PP


def test_apply_to_all_allies_below_target(scenario: Scenario) -> None:
    # The default scenario holds each ally's 2026 share: the allies below 3.5%
    # in 2035 are those below 3.5% in NATO's 2026 table (Iceland has none).
    table = hand.nato_2026()
    expected = sorted(table.index[table["defence_share_gdp_pct"] < 3.5])
    assert sorted(allies_below_target(scenario)) == expected
    results = goal_seek_below_target(scenario)
    assert sorted(r.iso3 for r in results) == expected
    applied = scenario.copy()
    inverses = apply_changes(applied, [r.change for r in results])
    shares = Projection(applied).paths.core_share_pct[:, 9]
    for iso3 in expected:
        assert abs(shares[applied.row(iso3)] - 3.5) < WITHIN_PP
    apply_changes(applied, inverses)
    assert applied.inputs_equal(scenario)


def test_iceland_and_bad_inputs_are_refused(scenario: Scenario) -> None:
    with pytest.raises(ScenarioInputError, match="no armed forces"):
        goal_seek(scenario, ["ISL"], 3.5, 2035)
    with pytest.raises(ScenarioInputError, match="target year"):
        goal_seek(scenario, ["DEU"], 3.5, 2026)
    with pytest.raises(ScenarioInputError, match="target"):
        goal_seek(scenario, ["DEU"], -1.0, 2035)
    with pytest.raises(ScenarioInputError, match="ally"):
        goal_seek(scenario, ["XYZ"], 3.5, 2035)


# -- inverse: breakeven growth -------------------------------------------------
def plan_with_nominal_growth(iso3: str, rate_pct: float) -> Scenario:
    scenario = Scenario()
    scenario.set_core_policy(iso3, CorePolicy(BudgetPolicy.NOMINAL_GROWTH, rate_pct=rate_pct))
    return scenario


def test_breakeven_constant_growth_matches_hand_calculation_and_round_trips() -> None:
    scenario = plan_with_nominal_growth("POL", 6.0)
    (found,) = breakeven_growth(scenario, ["POL"], target_pct=3.5)
    assert found.outcome == BreakevenOutcome.THRESHOLD and found.reacts_to_growth
    # share[2035] = 4.68·1.06^9 / Π(1+g)(1+p) = 3.5 with constant g:
    # (1+g)^9 = 4.68·1.06^9 / (3.5·Π(1+p)).
    hand_g = ((4.68 * 1.06**9 / (3.5 * hand.price_ratio("POL", 2035))) ** (1 / 9) - 1) * 100
    assert found.growth_pct == pytest.approx(hand_g, abs=1e-6)
    # Round trip: type that growth into every year; the core lands on 3.5%.
    for year in scenario.years:
        scenario.set_year_input(Measure.REAL_GROWTH, "POL", int(year), found.growth_pct)
    assert projected_share(scenario, "POL", 2035) == pytest.approx(3.5, abs=1e-6)
    for year in scenario.years:
        scenario.set_year_input(Measure.REAL_GROWTH, "POL", int(year), found.growth_pct + 0.05)
    assert projected_share(scenario, "POL", 2035) < 3.5


def test_goal_seek_then_breakeven_shift_is_zero() -> None:
    scenario = Scenario()
    (result,) = goal_seek(scenario, ["DEU"], 3.5, 2035)
    result.change.apply(scenario)
    (found,) = breakeven_growth(
        scenario, ["DEU"], target_pct=3.5, assumption=GrowthAssumption.SHIFT
    )
    assert found.outcome == BreakevenOutcome.THRESHOLD
    assert found.growth_pct == pytest.approx(0.0, abs=1e-6)


def test_share_based_plans_do_not_depend_on_growth() -> None:
    scenario = Scenario()  # every ally holds its 2026 share
    by_ally = {b.iso3: b for b in breakeven_growth(scenario, ["EST", "ESP"], target_pct=3.5)}
    assert not by_ally["EST"].reacts_to_growth and not by_ally["ESP"].reacts_to_growth
    assert by_ally["EST"].outcome == BreakevenOutcome.MET_AT_ANY_GROWTH  # 5.10%
    assert by_ally["ESP"].outcome == BreakevenOutcome.NEVER_MET  # 2.00%
    assert math.isnan(by_ally["ESP"].growth_pct)
    assert "misses 3.5%" in by_ally["ESP"].describe()
