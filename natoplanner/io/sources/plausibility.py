"""Is an imported figure plausible for that ally and year? Compared with the scenario's path.

The reference of every cell is what the scenario already holds for the same
ally and year: NATO's published base-year figures carried along the
scenario's path (the bundled 2026 edition and IMF WEO forecasts, then the
scenario's own policies). A unit mistake moves a figure by a factor of 100
(percent and fraction), 1,000 (thousands, millions, billions) or an exchange
rate; a real plan rarely moves a budget by more than a few times its path.
So an amount or a share is implausible when it is more than
:data:`RATIO_LIMIT` times larger or smaller than its reference (a ratio, not
a fixed bound: Luxembourg's 0.9% and Poland's 4.5% are both plausible for
their own ally). A growth or inflation rate is implausible when it is more
than :data:`RATE_GAP_PP` points away from its reference.

This is this tool's heuristic, not a NATO rule; the messages say so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Measure, Scenario

#: An amount or share more than 10× (or less than 1/10 of) the scenario's path is implausible.
RATIO_LIMIT = 10.0
#: A growth or inflation rate more than 15 points from the scenario's path is implausible.
RATE_GAP_PP = 15.0


@dataclass(frozen=True)
class Reference:
    """The figure a cell is compared with, in the unit of its scenario input."""

    value: float
    unit: str  # "million national currency", "billion national currency", "%"

    def describe(self) -> str:
        if self.unit == "%":
            return f"{self.value:.3g}%"
        return f"{self.value:,.0f} {self.unit}" if self.value >= 100 else f"{self.value:.4g}"


class References:
    """The scenario's path for every ally and year, computed once per preview."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        paths = Projection(scenario.copy()).paths
        self._budget = paths.core_budget_mn
        self._gdp = paths.gdp_bn
        self._share = paths.core_share_pct
        self._growth = scenario.effective_growth_pct()
        self._deflator = scenario.effective_deflator_pct()

    def reference(self, measure: Measure, iso3: str, year: int) -> Reference | None:
        """The scenario's value of ``measure`` for the ally and year, None when it has none."""
        row = self.scenario.row(iso3)
        column = year - self.scenario.base_year
        if measure is Measure.CORE_BUDGET:
            value, unit = _at(self._budget, row, column), "million national currency"
        elif measure is Measure.NOMINAL_GDP:
            value, unit = _at(self._gdp, row, column), "billion national currency"
        elif measure is Measure.REAL_GROWTH:
            value, unit = _at(self._growth, row, column - 1), "%"
        elif measure is Measure.DEFLATOR:
            value, unit = _at(self._deflator, row, column - 1), "%"
        else:
            return None
        if not math.isfinite(value) or (unit != "%" and value <= 0):
            return None
        return Reference(value, unit)

    def share_of(self, iso3: str, year: int) -> float | None:
        """The scenario's core share of GDP (%) for the ally and year."""
        value = _at(self._share, self.scenario.row(iso3), year - self.scenario.base_year)
        return value if math.isfinite(value) else None


def is_plausible(measure: Measure, value: float, reference: Reference) -> bool:
    """True when ``value`` (scenario units) is within the heuristic band around ``reference``."""
    if reference.unit == "%":
        return abs(value - reference.value) <= max(RATE_GAP_PP, 2 * abs(reference.value))
    if value <= 0:
        return False
    ratio = value / reference.value
    return 1 / RATIO_LIMIT <= ratio <= RATIO_LIMIT


def median_ratio(pairs: list[tuple[float, float]]) -> float | None:
    """The median of value / reference over positive pairs (the size of a unit mistake)."""
    ratios = [v / r for v, r in pairs if v > 0 and r > 0]
    return float(np.median(ratios)) if ratios else None


def _at(array: np.ndarray, row: int, column: int) -> float:
    if 0 <= column < array.shape[1]:
        return float(array[row, column])
    return float("nan")
