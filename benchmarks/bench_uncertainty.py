"""Monte Carlo benchmark: 10,000 joint draws × 32 allies × the horizon years (goal ≤ 200 ms).

The default model: bootstrapped IMF revision vectors (correlated across
allies), persistent across years, with NATO's base-year revisions, and the
NATO-way alliance aggregates per draw. The scenario puts every ally on a
fixed-money policy (nominal budget growth), the worst case: every ally's core
share then reacts to each GDP draw. Timed end to end (draws, paths,
percentiles, probabilities), median of repeats after one warm-up run.
"""

from __future__ import annotations

import statistics
import time

from natoplanner.core.scenario import BudgetPolicy, CorePolicy, Scenario
from natoplanner.core.uncertainty import MonteCarloSettings, run_monte_carlo

N_DRAWS = 10_000
REPEATS = 7
GOAL_MS = 200.0


def _scenario() -> Scenario:
    scenario = Scenario()
    for ally in scenario.allies:
        if ally.iso3 != "ISL":
            scenario.set_core_policy(
                ally.iso3, CorePolicy(BudgetPolicy.NOMINAL_GROWTH, rate_pct=5.0)
            )
    return scenario


def _median_ms(scenario: Scenario, settings: MonteCarloSettings) -> float:
    run_monte_carlo(scenario, settings)
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        run_monte_carlo(scenario, settings)
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times)


def run() -> list[tuple[str, float, str]]:
    """Median run time of the Monte Carlo, growth only and growth + deflator."""
    scenario = _scenario()
    years = scenario.horizon - scenario.base_year
    label = f"{N_DRAWS} draws x {len(scenario.allies)} allies x {years} years"
    growth = _median_ms(scenario, MonteCarloSettings(n_draws=N_DRAWS))
    both = _median_ms(scenario, MonteCarloSettings(n_draws=N_DRAWS, draw_deflator=True))
    return [
        (f"monte carlo, joint growth ({label}; goal <= {GOAL_MS:g} ms)", growth, "ms"),
        (f"monte carlo, joint growth + deflator ({label})", both, "ms"),
    ]


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name}: {value:.1f} {unit}")
