"""Projection speed: all 32 allies to 2035 from scratch, and one ally after an edit.

Goals: a from-scratch projection ≤ 1 ms (median), so the window can
recompute everything on any edit; the incremental recompute of one ally well
below that. Scenario construction (reading the bundled data) is excluded.
"""

from __future__ import annotations

import statistics
import time

from natoplanner.core.projection import Projection
from natoplanner.core.scenario import BudgetPolicy, CorePolicy, Measure, Scenario

RUNS = 200
GOAL_FROM_SCRATCH_MS = 1.0


def _median_ms(samples_ns: list[int]) -> float:
    return statistics.median(samples_ns) / 1e6


def _scenario() -> Scenario:
    """The default scenario plus a mix of policies, so every code path is timed."""
    scenario = Scenario()
    scenario.set_core_policy(
        "DEU", CorePolicy(kind=BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2035)
    )
    scenario.set_core_policy("FRA", CorePolicy(kind=BudgetPolicy.NOMINAL_GROWTH, rate_pct=5.0))
    scenario.set_core_policy("ITA", CorePolicy(kind=BudgetPolicy.REAL_GROWTH, rate_pct=3.0))
    scenario.set_core_policy("NOR", CorePolicy(kind=BudgetPolicy.EXPLICIT))
    scenario.set_year_input(Measure.CORE_BUDGET, "DEU", 2030, 160_000.0)
    return scenario


def from_scratch_ms(scenario: Scenario, runs: int = RUNS) -> float:
    """Median time (ms) to build a Projection: every ally's paths computed anew."""
    Projection(scenario)  # warm-up (imports, caches)
    samples = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        projection = Projection(scenario)
        samples.append(time.perf_counter_ns() - start)
    assert projection.paths.core_share_pct.shape[0] == 32
    return _median_ms(samples)


def incremental_ms(scenario: Scenario, runs: int = RUNS) -> tuple[float, float]:
    """Median time (ms) of ``update()`` after a one-ally edit, and of edit + update + tables."""
    projection = Projection(scenario)
    update_samples, tables_samples = [], []
    for i in range(runs):
        value = 150_000.0 + i  # a new value each time, so the edit is real
        scenario.set_year_input(Measure.CORE_BUDGET, "DEU", 2031, value)
        start = time.perf_counter_ns()
        rows = projection.update()
        update_samples.append(time.perf_counter_ns() - start)
        assert len(rows) == 1

        start = time.perf_counter_ns()
        scenario.set_year_input(Measure.CORE_BUDGET, "DEU", 2031, value + 0.5)
        projection.update()
        projection.summary()
        projection.alliance()
        tables_samples.append(time.perf_counter_ns() - start)
    return _median_ms(update_samples), _median_ms(tables_samples)


def run() -> list[tuple[str, float, str]]:
    scenario = _scenario()
    scratch = from_scratch_ms(scenario)
    one_ally, edit_to_tables = incremental_ms(scenario)
    return [
        ("projection.from_scratch_32_allies_2035.median", scratch, "ms"),
        ("projection.incremental_one_ally.median", one_ally, "ms"),
        ("projection.edit_update_summary_alliance.median", edit_to_tables, "ms"),
    ]


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name}: {value:.6g} {unit}")
