"""Goal seek: what budget growth reaches a target, and what GDP growth a plan survives.

Forward question ("reach X% core, or total, by year T"): the constant annual
nominal budget growth ``r`` that puts the anchored share exactly on target in
T, from DESIGN §4's share rule::

    share[T] = share[b] · (1+r)^(T-b) / (GDP[T]/GDP[b]) = s*
    r = ((s*/share[b]) · (GDP[T]/GDP[b]))^(1/(T-b)) - 1

GDP does not depend on the budget, so this is exact. The change that
reproduces it through the core is the policy ``nominal_growth r`` (growing to
T, then holding the share reached: DESIGN §4, "a goal by year T holds the
share after T unless the user asks to keep growing") plus clearing the ally's
typed budget amounts in ``b+1 .. T`` (a typed amount wins over the policy and
would put the path off target). Amounts typed after T are kept. The other
answer, :attr:`GoalPath.LINEAR_RAMP`, is the share moving linearly to the
target in T (``ramp_to_target``), with its budgets year by year.

An ally already at or above the target in the base year is "met": the answer
is the growth that holds its share (the target is raised to its own share, so
a goal seek never cuts). For a total target the core must reach
``max(core target, total target − min(related in T, 1.5))`` (3.5 + 1.5: related
spending counts up to 1.5% of GDP, and 5% needs core at its target too).

Inverse question: the real GDP growth at which a budget plan still meets the
target in a year (the horizon by default). Growth is either the same constant
real growth in every projection year (:attr:`GrowthAssumption.CONSTANT`,
replacing the IMF path and any typed growth) or the scenario's growth path
moved by the same number of percentage points in every year
(:attr:`GrowthAssumption.SHIFT`). Typed nominal GDP amounts still win. The
core share at the target year never rises with growth (see
:mod:`natoplanner.core.batch`), so bisection finds the highest growth at which
the plan still meets the target.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import pandas as pd

from natoplanner.core.batch import batch_inputs, core_share_paths
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.indicators.path_facts import PathFacts, path_facts
from natoplanner.core.projection import TOLERANCE_PP, Projection
from natoplanner.core.scenario import (
    MAX_HORIZON,
    RELATED_CAP_PCT,
    REVIEW_YEAR,
    BudgetPolicy,
    CorePolicy,
    Measure,
    Scenario,
)


class TargetMeasure(StrEnum):
    """Which share a target applies to."""

    CORE = "core"
    TOTAL = "total"  # core + min(related, 1.5) (the related track as set)


class GoalPath(StrEnum):
    """The shape of the path a goal seek proposes."""

    CONSTANT_GROWTH = "constant_growth"  # the same nominal budget growth every year to T
    LINEAR_RAMP = "linear_ramp"  # the share moves linearly to the target in T


# -- the change a goal seek applies ------------------------------------------
@dataclass(frozen=True)
class GoalSeekChange:
    """A core policy and typed budget amounts to set for one ally.

    ``budget_overrides_mn`` maps a year to an amount (million national
    currency) or None (clear the typed amount). :meth:`apply` returns the
    change that undoes it.
    """

    iso3: str
    policy: CorePolicy
    budget_overrides_mn: dict[int, float | None] = field(default_factory=dict)

    def apply(self, scenario: Scenario) -> GoalSeekChange:
        """Set the policy and amounts in ``scenario``; returns the inverse change."""
        inverse = GoalSeekChange(
            self.iso3,
            scenario.core_policy(self.iso3),
            {
                year: scenario.year_input(Measure.CORE_BUDGET, self.iso3, year)
                for year in self.budget_overrides_mn
            },
        )
        scenario.set_core_policy(self.iso3, self.policy)
        for year, amount in self.budget_overrides_mn.items():
            scenario.set_year_input(Measure.CORE_BUDGET, self.iso3, year, amount)
        return inverse

    def describe(self) -> str:
        cleared = [y for y, v in self.budget_overrides_mn.items() if v is None]
        text = f"{self.iso3}: {self.policy.describe()}"
        if cleared:
            text += f"; clear typed core budget in {', '.join(map(str, cleared))}"
        return text


def apply_changes(scenario: Scenario, changes: Iterable[GoalSeekChange]) -> list[GoalSeekChange]:
    """Apply ``changes`` in order; returns the inverses in the order that undoes them."""
    inverses = [change.apply(scenario) for change in changes]
    return inverses[::-1]


# -- forward goal seek ---------------------------------------------------------
@dataclass(frozen=True)
class GoalSeekResult:
    """The constant-growth path that reaches a target for one ally.

    Units: growth in % a year; budgets in million national currency
    (``currency``); shares in % of GDP. ``years``/``core_budget_mn``/
    ``core_share_pct`` run from the base year to the later of the horizon and
    the target year, with the change applied.
    """

    iso3: str
    name: str
    currency: str
    measure: TargetMeasure
    target_pct: float
    target_year: int
    required_core_share_pct: float
    current_share_pct: float
    nominal_growth_pct: float
    real_growth_pct: float
    years: np.ndarray
    core_budget_mn: np.ndarray
    core_share_pct: np.ndarray
    total_share_pct: np.ndarray
    checkpoint_year: int | None
    checkpoint_share_pct: float | None
    checkpoint_budget_mn: float | None
    change: GoalSeekChange
    path: GoalPath = GoalPath.CONSTANT_GROWTH
    keep_growing: bool = False
    base_share_pct: float = float("nan")
    facts: PathFacts | None = None

    @property
    def already_met(self) -> bool:
        """True when the scenario as it stands already meets the target in the target year."""
        return self.current_share_pct >= self.target_pct - TOLERANCE_PP

    @property
    def met_in_base_year(self) -> bool:
        """True when the ally is at or above the needed core share in the base year:
        "met", and the growth shown is the growth that holds its share."""
        return self.base_share_pct >= self.required_core_share_pct - TOLERANCE_PP

    def budget_frame(self) -> pd.DataFrame:
        """One row per year: core budget (million national currency) and shares (% of GDP)."""
        return pd.DataFrame(
            {
                "year": self.years,
                "core_budget_mn": self.core_budget_mn,
                "core_share_pct": self.core_share_pct,
                "total_share_pct": self.total_share_pct,
            }
        )


def fresh_projection(scenario: Scenario) -> Projection:
    """A projection of a copy of ``scenario``.

    A :class:`Projection` consumes the scenario's changed-ally marks, so a
    second projection of the same scenario object would recompute nothing and
    would steal the marks from the owner's (the GUI's) projection.
    """
    return Projection(scenario.copy())


def _checked_year(scenario: Scenario, year: int | None, field_name: str) -> int:
    year = scenario.horizon if year is None else year
    if isinstance(year, bool) or not isinstance(year, (int, np.integer)):
        raise ScenarioInputError(field_name, f"expected a year, got {year!r}")
    if not scenario.base_year < year <= MAX_HORIZON:
        raise ScenarioInputError(
            field_name, f"must be between {scenario.base_year + 1} and {MAX_HORIZON}, got {year}"
        )
    return int(year)


def _rows_with_data(scenario: Scenario, iso3s: Sequence[str]) -> list[int]:
    rows = []
    for iso3 in iso3s:
        row = scenario.row(iso3)
        if np.isnan(scenario.base.core_share_pct[row]):
            name = scenario.allies[row].name_en
            raise ScenarioInputError(
                "ally", f"{name} has no armed forces and no NATO figures: no target path"
            )
        rows.append(row)
    return rows


def _targets_pct(
    scenario: Scenario, rows: Sequence[int], measure: TargetMeasure, target_pct: float | None
) -> np.ndarray:
    if target_pct is not None:
        if (
            isinstance(target_pct, bool)
            or not isinstance(target_pct, (int, float, np.number))
            or not 0 < target_pct <= 100
        ):
            raise ScenarioInputError(
                "target", f"must be > 0 and ≤ 100 % of GDP, got {target_pct!r}"
            )
        return np.full(len(rows), float(target_pct))
    targets = scenario.all_targets
    return np.array(
        [
            targets[r].core_pct if measure == TargetMeasure.CORE else targets[r].total_pct
            for r in rows
        ]
    )


def _share_paths(projection: Projection, measure: TargetMeasure) -> np.ndarray:
    paths = projection.paths
    return paths.core_share_pct if measure == TargetMeasure.CORE else paths.total_share_pct


def required_core_share_pct(
    scenario: Scenario,
    rows: Sequence[int],
    targets_pct: np.ndarray,
    measure: TargetMeasure,
    related_pct: np.ndarray,
) -> np.ndarray:
    """Core share (% of GDP) a target needs: the target itself for CORE; for TOTAL
    ``max(core target, total − min(related, 1.5))`` (related in the target year)."""
    if measure == TargetMeasure.CORE:
        return np.asarray(targets_pct, dtype=float)
    core_targets = np.array([scenario.all_targets[r].core_pct for r in rows])
    return np.maximum(core_targets, targets_pct - np.minimum(related_pct, RELATED_CAP_PCT))


def goal_seek(
    scenario: Scenario,
    iso3s: Sequence[str],
    target_pct: float | None = None,
    by_year: int | None = None,
    measure: TargetMeasure = TargetMeasure.CORE,
    *,
    path: GoalPath = GoalPath.CONSTANT_GROWTH,
    keep_growing: bool = False,
) -> list[GoalSeekResult]:
    """The path for each ally in ``iso3s`` that reaches the target by ``by_year``.

    Parameters
    ----------
    scenario : Scenario
        Left unchanged; apply ``result.change`` (or :func:`apply_changes`) to act.
    iso3s : sequence of str
        Allies (ISO3 codes); Iceland (no armed forces) raises.
    target_pct : float, optional
        Target share (% of GDP); each ally's own core or total target if None.
    by_year : int, optional
        Target year (default: the scenario's horizon).
    measure : TargetMeasure
        ``CORE`` or ``TOTAL`` (core + min(related, 1.5), related as set).
    path : GoalPath
        Constant nominal budget growth (default) or a linear share ramp.
    keep_growing : bool
        Constant growth only: keep growing after the target year instead of
        holding the share reached.

    Raises
    ------
    ScenarioInputError
        Unknown ally, ally without data, year or target out of range.
    """
    measure = TargetMeasure(measure)
    path = GoalPath(path)
    year = _checked_year(scenario, by_year, "target year")
    rows = _rows_with_data(scenario, [iso3s] if isinstance(iso3s, str) else iso3s)
    targets = _targets_pct(scenario, rows, measure, target_pct)
    projection = fresh_projection(scenario)
    paths = projection.paths
    col = year - scenario.base_year
    related = paths.related_share_pct[rows, col]
    required_core = required_core_share_pct(scenario, rows, targets, measure, related)
    share_b = paths.core_share_pct[rows, 0]
    # A goal seek never cuts: an ally above the target holds its own share.
    goal_share = np.maximum(required_core, share_b)
    gdp_ratio = paths.gdp_bn[rows, col] / paths.gdp_bn[rows, 0]
    nominal = ((goal_share / share_b) * gdp_ratio) ** (1.0 / col) - 1.0
    deflators = 1.0 + scenario.effective_deflator_pct()[rows, :col] / 100.0
    real = (1.0 + nominal) / np.exp(np.log(deflators).mean(axis=1)) - 1.0

    # "Met" allies hold their base-year share (the growth shown is what that takes).
    met = share_b >= required_core - TOLERANCE_PP
    changes = [
        _change_for(
            scenario,
            scenario.allies[row].iso3,
            CorePolicy(kind=BudgetPolicy.CONSTANT_SHARE)
            if is_met
            else _goal_policy(path, rate * 100.0, share, year, keep_growing),
            year,
        )
        for row, rate, share, is_met in zip(rows, nominal, goal_share, met, strict=True)
    ]
    applied = scenario.copy()
    apply_changes(applied, changes)
    after = Projection(applied).paths
    last_col = max(col, scenario.horizon - scenario.base_year)
    checkpoint_col = REVIEW_YEAR - scenario.base_year
    has_checkpoint = 0 < checkpoint_col <= MAX_HORIZON - scenario.base_year
    current = _share_paths(projection, measure)[rows, col]
    facts = path_facts(
        after.core_share_pct[rows],
        scenario.base_year,
        required_core,
        np.full(len(rows), year),
        REVIEW_YEAR,
        scenario.backload_fraction,
        np.ones(len(rows), dtype=bool),
    )

    results = []
    for i, row in enumerate(rows):
        ally = scenario.allies[row]
        results.append(
            GoalSeekResult(
                iso3=ally.iso3,
                name=ally.name_en,
                currency=ally.currency,
                measure=measure,
                target_pct=float(targets[i]),
                target_year=year,
                required_core_share_pct=float(required_core[i]),
                current_share_pct=float(current[i]),
                nominal_growth_pct=float(nominal[i] * 100.0),
                real_growth_pct=float(real[i] * 100.0),
                years=after.years[: last_col + 1].copy(),
                core_budget_mn=after.core_budget_mn[row, : last_col + 1].copy(),
                core_share_pct=after.core_share_pct[row, : last_col + 1].copy(),
                total_share_pct=after.total_share_pct[row, : last_col + 1].copy(),
                checkpoint_year=REVIEW_YEAR if has_checkpoint else None,
                checkpoint_share_pct=float(after.core_share_pct[row, checkpoint_col])
                if has_checkpoint
                else None,
                checkpoint_budget_mn=float(after.core_budget_mn[row, checkpoint_col])
                if has_checkpoint
                else None,
                change=changes[i],
                path=path,
                keep_growing=keep_growing,
                base_share_pct=float(share_b[i]),
                facts=facts[i],
            )
        )
    return results


def _goal_policy(
    path: GoalPath, rate_pct: float, share_pct: float, year: int, keep_growing: bool
) -> CorePolicy:
    if path == GoalPath.LINEAR_RAMP:
        return CorePolicy(
            kind=BudgetPolicy.RAMP_TO_TARGET, target_pct=float(share_pct), target_year=year
        )
    return CorePolicy(
        kind=BudgetPolicy.NOMINAL_GROWTH,
        rate_pct=rate_pct,
        growth_until=None if keep_growing else year,
    )


def _change_for(scenario: Scenario, iso3: str, policy: CorePolicy, year: int) -> GoalSeekChange:
    typed = scenario.year_inputs(Measure.CORE_BUDGET)[scenario.row(iso3)]
    cleared = {
        int(y): None
        for y, amount in zip(scenario.years, typed, strict=True)
        if y <= year and not np.isnan(amount)
    }
    return GoalSeekChange(iso3, policy, cleared)


def allies_below_target(
    scenario: Scenario,
    target_pct: float | None = None,
    by_year: int | None = None,
    measure: TargetMeasure = TargetMeasure.CORE,
) -> list[str]:
    """ISO3 codes of allies (with NATO data) whose share in ``by_year`` is below the target."""
    measure = TargetMeasure(measure)
    year = _checked_year(scenario, by_year, "target year")
    projection = fresh_projection(scenario)
    rows = np.flatnonzero(projection.has_target_path)
    targets = _targets_pct(scenario, rows, measure, target_pct)
    col = year - scenario.base_year
    shares = _share_paths(projection, measure)[rows, col]
    below = shares < targets - TOLERANCE_PP
    if measure == TargetMeasure.TOTAL:  # 5% is met only with core at its target too
        core_targets = projection.core_targets_pct()[rows]
        below |= projection.paths.core_share_pct[rows, col] < core_targets - TOLERANCE_PP
    return [scenario.allies[r].iso3 for r in rows[below]]


def goal_seek_below_target(
    scenario: Scenario,
    target_pct: float | None = None,
    by_year: int | None = None,
    measure: TargetMeasure = TargetMeasure.CORE,
    *,
    path: GoalPath = GoalPath.CONSTANT_GROWTH,
    keep_growing: bool = False,
) -> list[GoalSeekResult]:
    """:func:`goal_seek` for every ally below the target ("apply to all allies below target")."""
    below = allies_below_target(scenario, target_pct, by_year, measure)
    if not below:
        return []
    return goal_seek(
        scenario, below, target_pct, by_year, measure, path=path, keep_growing=keep_growing
    )


# -- inverse: the GDP growth a plan survives -----------------------------------
class GrowthAssumption(StrEnum):
    """How a trial real GDP growth replaces the scenario's growth path."""

    CONSTANT = "constant"  # the same real growth (% a year) in every projection year
    SHIFT = "shift"  # the scenario's path moved by the same pp in every year


class BreakevenOutcome(StrEnum):
    THRESHOLD = "threshold"  # the target is met for growth at or below growth_pct
    MET_AT_ANY_GROWTH = "met_at_any_growth"  # met at every growth in [low, high]
    NEVER_MET = "never_met"  # not met at any growth in [low, high]


@dataclass(frozen=True)
class BreakevenGrowth:
    """Highest real GDP growth at which an ally's plan still meets its target.

    ``growth_pct`` is % a year (CONSTANT) or a shift in percentage points
    (SHIFT); NaN unless ``outcome`` is THRESHOLD. ``reacts_to_growth`` is
    False for share-based plans, whose share does not depend on GDP.
    """

    iso3: str
    measure: TargetMeasure
    target_pct: float
    year: int
    assumption: GrowthAssumption
    outcome: BreakevenOutcome
    growth_pct: float
    reacts_to_growth: bool
    low_pct: float
    high_pct: float

    def describe(self) -> str:
        unit = (
            "% a year"
            if self.assumption == GrowthAssumption.CONSTANT
            else " pp vs the scenario path"
        )
        what = "real growth" if self.assumption == GrowthAssumption.CONSTANT else "growth shift"
        match self.outcome:
            case BreakevenOutcome.THRESHOLD:
                limit = f"{self.growth_pct:.2f}{unit}"
                return f"meets {self.target_pct:g}% in {self.year} while {what} ≤ {limit}"
            case BreakevenOutcome.MET_AT_ANY_GROWTH:
                return (
                    f"meets {self.target_pct:g}% in {self.year} at any {what} in "
                    f"[{self.low_pct:g}, {self.high_pct:g}]{unit}"
                )
            case BreakevenOutcome.NEVER_MET:
                return (
                    f"misses {self.target_pct:g}% in {self.year} at any {what} in "
                    f"[{self.low_pct:g}, {self.high_pct:g}]{unit}"
                )
        raise AssertionError(self.outcome)


def breakeven_growth(
    scenario: Scenario,
    iso3s: Sequence[str] | None = None,
    *,
    target_pct: float | None = None,
    year: int | None = None,
    measure: TargetMeasure = TargetMeasure.CORE,
    assumption: GrowthAssumption = GrowthAssumption.CONSTANT,
    low_pct: float = -20.0,
    high_pct: float = 30.0,
    tolerance_pct: float = 1e-9,
) -> list[BreakevenGrowth]:
    """Highest real GDP growth at which each ally's plan still meets the target in ``year``.

    Parameters
    ----------
    scenario : Scenario
        The budget plan (policies, typed amounts); left unchanged.
    iso3s : sequence of str, optional
        Allies (default: every ally with NATO data).
    target_pct : float, optional
        Target (% of GDP); each ally's own core or total target if None.
    year : int, optional
        Year the target must hold (default: the horizon).
    measure : TargetMeasure
        ``CORE`` or ``TOTAL`` (related track as set; it does not react to GDP).
    assumption : GrowthAssumption
        CONSTANT real growth in every year, or a SHIFT of the scenario's path.
    low_pct, high_pct : float
        Search range (% a year, or pp for SHIFT).
    tolerance_pct : float
        Bisection stops when the bracket is narrower than this.
    """
    measure = TargetMeasure(measure)
    assumption = GrowthAssumption(assumption)
    year = _checked_year(scenario, year, "year")
    if not -100 < low_pct < high_pct:
        raise ScenarioInputError(
            "growth range", f"needs -100 < low < high, got [{low_pct}, {high_pct}]"
        )
    if iso3s is None:
        iso3s = [
            a.iso3
            for a, has in zip(scenario.allies, ~np.isnan(scenario.base.core_share_pct), strict=True)
            if has
        ]
    rows = _rows_with_data(scenario, [iso3s] if isinstance(iso3s, str) else iso3s)
    targets = _targets_pct(scenario, rows, measure, target_pct)
    col = year - scenario.base_year
    inputs = batch_inputs(scenario, col, np.asarray(rows))
    needed = targets
    if measure == TargetMeasure.TOTAL:
        related = fresh_projection(scenario).paths.related_share_pct[rows, col]
        needed = required_core_share_pct(scenario, rows, targets, measure, related)

    def meets(trial_pct: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if assumption == GrowthAssumption.CONSTANT:
            growth = np.repeat(trial_pct[:, None], col, axis=1)
        else:
            growth = inputs.growth_pct + trial_pct[:, None]
        share = core_share_paths(inputs, growth.T[:, None, :])[col, 0]
        return share >= needed - TOLERANCE_PP, share

    low = np.full(len(rows), float(low_pct))
    high = np.full(len(rows), float(high_pct))
    met_low, share_low = meets(low)
    met_high, share_high = meets(high)
    bracketed = met_low & ~met_high
    while bracketed.any() and (high - low)[bracketed].max() > tolerance_pct:
        mid = (low + high) / 2.0
        met_mid, _ = meets(mid)
        low = np.where(bracketed & met_mid, mid, low)
        high = np.where(bracketed & ~met_mid, mid, high)

    results = []
    for i, row in enumerate(rows):
        if bracketed[i]:
            outcome, growth = BreakevenOutcome.THRESHOLD, float(low[i])
        elif met_high[i]:
            outcome, growth = BreakevenOutcome.MET_AT_ANY_GROWTH, float("nan")
        else:
            outcome, growth = BreakevenOutcome.NEVER_MET, float("nan")
        results.append(
            BreakevenGrowth(
                iso3=scenario.allies[row].iso3,
                measure=measure,
                target_pct=float(targets[i]),
                year=year,
                assumption=assumption,
                outcome=outcome,
                growth_pct=growth,
                reacts_to_growth=bool(abs(share_low[i] - share_high[i]) > 1e-9),
                low_pct=float(low_pct),
                high_pct=float(high_pct),
            )
        )
    return results
