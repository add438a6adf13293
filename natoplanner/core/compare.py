"""Compare scenarios: values at a year and differences against a reference scenario.

Every scenario is projected on a copy (the caller's scenarios and their
projections are left alone) and read at one comparison year, the reference
scenario's horizon by default. Per ally: core and total share (% of GDP),
core budget (million national currency and million USD at base-year prices and
exchange rates), first year at the ally's own core and total targets. For
the alliance (NATO; Europe and Canada): GDP-weighted shares on NATO's basis,
spending in million USD at base-year prices and exchange rates, first year at the Hague
thresholds (3.5% core, 5% total).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.indicators.aggregates import core_usd_bn_at_base_prices
from natoplanner.core.projection import TOLERANCE_PP, Projection
from natoplanner.core.scenario import CORE_TARGET_PCT, MAX_HORIZON, TOTAL_TARGET_PCT, Scenario

#: Compared measures and their units.
METRICS = {
    "core_share_pct": "% of GDP",
    "total_share_pct": "% of GDP",
    "core_budget_mn": "million national currency",
    "core_budget_usd_mn": "million USD at base-year prices and exchange rates",
    "first_year_core": "year (difference in years)",
    "first_year_total": "year (difference in years)",
}
#: Index labels of the alliance rows, after the 32 allies.
ALLIANCE_ROWS = {"NATO": "NATO total", "EUROPE_CANADA": "Europe and Canada"}


@dataclass(frozen=True)
class ScenarioComparison:
    """Values and differences of several scenarios at ``year``.

    ``values`` and ``differences`` have one row per ally (ISO3, registry
    order) then the alliance rows (:data:`ALLIANCE_ROWS`), and columns
    ``(metric, scenario name)``; ``differences`` holds value minus the
    reference's value for every other scenario. A first year that is never
    reached within the comparison period is NaN.
    """

    names: tuple[str, ...]
    reference: str
    year: int
    row_names: pd.Series
    values: pd.DataFrame
    differences: pd.DataFrame

    def table(self, metrics: Sequence[str] | None = None) -> pd.DataFrame:
        """Flat table: ``iso3``, ``name``, then per metric each value and each difference.

        Columns are named ``"{metric} [{scenario}]"`` and
        ``"{metric} [{scenario} − {reference}]"``.
        """
        metrics = list(METRICS) if metrics is None else list(metrics)
        columns: dict[str, pd.Series] = {
            "iso3": self.values.index.to_series(),
            "name": self.row_names,
        }
        for metric in metrics:
            for name in self.names:
                columns[f"{metric} [{name}]"] = self.values[(metric, name)]
            for name in self.names:
                if name != self.reference:
                    columns[f"{metric} [{name} − {self.reference}]"] = self.differences[
                        (metric, name)
                    ]
        frame = pd.DataFrame(columns).reset_index(drop=True)
        years = [c for c in frame.columns if c.startswith("first_year")]
        frame[years] = frame[years].round().astype("Int64")
        return frame

    def changed_cells(self, tolerance: float = 1e-9) -> list[tuple[str, str, str]]:
        """``(row, metric, scenario)`` of every difference larger than ``tolerance``
        (a first year reached in one scenario and not in the other counts)."""
        diffs = self.differences
        ref_values = self.values.xs(self.reference, axis=1, level=1)
        changed = []
        for metric, name in diffs.columns:
            column = diffs[(metric, name)]
            one_missing = self.values[(metric, name)].isna() != ref_values[metric].isna()
            mask = (column.abs() > tolerance) | one_missing
            changed += [(row, metric, name) for row in column.index[mask.to_numpy()]]
        return changed


def _unique_names(scenarios: Sequence[Scenario], names: Sequence[str] | None) -> tuple[str, ...]:
    raw = [s.name for s in scenarios] if names is None else list(names)
    if len(raw) != len(scenarios):
        raise ScenarioInputError(
            "scenario names", f"expected {len(scenarios)} names, got {len(raw)}"
        )
    unique: list[str] = []
    for name in raw:
        candidate, n = name, 2
        while candidate in unique:
            candidate, n = f"{name} ({n})", n + 1
        unique.append(candidate)
    return tuple(unique)


def _first_year(shares: np.ndarray, targets: np.ndarray, years: np.ndarray) -> np.ndarray:
    met = shares >= targets[..., None] - TOLERANCE_PP
    return np.where(met.any(axis=-1), years[met.argmax(axis=-1)], np.nan)


def _scenario_values(scenario: Scenario, year: int) -> dict[str, np.ndarray]:
    copy = scenario.copy()
    copy.set_horizon(year)
    projection = Projection(copy)
    paths, col = projection.paths, year - copy.base_year
    has = projection.has_target_path
    years = projection.years
    alliance = projection.alliance()
    at_year = alliance.iloc[col]
    first_core = np.where(
        has,
        _first_year(paths.core_share_pct[:, : col + 1], projection.core_targets_pct(), years),
        np.nan,
    )
    # 5% counts only with core at its own target too (DESIGN §4: 3.5 + 1.5).
    total_met = projection.total_met()
    first_total = np.where(has & total_met.any(axis=1), years[total_met.argmax(axis=1)], np.nan)
    values = {
        "core_share_pct": paths.core_share_pct[:, col],
        "total_share_pct": paths.total_share_pct[:, col],
        "core_budget_mn": paths.core_budget_mn[:, col],
        # At base-year prices and exchange rates, so allies and the alliance add up.
        "core_budget_usd_mn": core_usd_bn_at_base_prices(projection)[:, col] * 1000,
        "first_year_core": first_core,
        "first_year_total": first_total,
    }
    alliance_values = {}
    for group in ("nato", "europe_canada"):
        core = alliance[f"{group}_core_share_pct"].to_numpy()
        total = alliance[f"{group}_total_share_pct"].to_numpy()
        alliance_values[group] = [
            at_year[f"{group}_core_share_pct"],
            at_year[f"{group}_total_share_pct"],
            np.nan,  # national currencies do not add up
            at_year[f"{group}_core_usd_mn"],
            _first_year(core, np.array(CORE_TARGET_PCT), years),
            _first_year(total, np.array(TOTAL_TARGET_PCT), years),
        ]
    for i, metric in enumerate(values):
        values[metric] = np.append(values[metric], [alliance_values[g][i] for g in alliance_values])
    return values


def compare_scenarios(
    scenarios: Sequence[Scenario],
    *,
    reference: int = 0,
    year: int | None = None,
    names: Sequence[str] | None = None,
    language: str = "en",
) -> ScenarioComparison:
    """Difference table of two or more scenarios at ``year``.

    Parameters
    ----------
    scenarios : sequence of Scenario
        At least two, with the same base year; left unchanged.
    reference : int
        Position of the reference scenario in ``scenarios``.
    year : int, optional
        Comparison year (default: the reference scenario's horizon).
    names : sequence of str, optional
        Column labels (default: scenario names, made unique with " (2)"...).
    language : str
        Language of ally names ("en" or "fr").
    """
    if len(scenarios) < 2:
        raise ScenarioInputError(
            "scenarios", f"need at least two scenarios to compare, got {len(scenarios)}"
        )
    if not 0 <= reference < len(scenarios):
        raise ScenarioInputError("reference", f"must be 0..{len(scenarios) - 1}, got {reference}")
    base_years = {s.base_year for s in scenarios}
    if len(base_years) > 1:
        raise ScenarioInputError(
            "scenarios", f"base years differ ({sorted(base_years)}); cannot compare"
        )
    ref = scenarios[reference]
    year = ref.horizon if year is None else year
    if not isinstance(year, (int, np.integer)) or not ref.base_year < year <= MAX_HORIZON:
        raise ScenarioInputError(
            "year", f"must be between {ref.base_year + 1} and {MAX_HORIZON}, got {year!r}"
        )
    labels = _unique_names(scenarios, names)
    index = pd.Index([*ref.dataset.registry.iso3_codes, *ALLIANCE_ROWS], name="iso3")
    row_names = pd.Series(
        [*(a.name(language) for a in ref.allies), *ALLIANCE_ROWS.values()], index=index
    )

    per_scenario = [_scenario_values(s, int(year)) for s in scenarios]
    columns = pd.MultiIndex.from_product([list(METRICS), labels], names=["metric", "scenario"])
    values = pd.DataFrame(
        np.column_stack([per_scenario[j][m] for m in METRICS for j in range(len(labels))]),
        index=index,
        columns=columns,
    )
    others = [name for name in labels if name != labels[reference]]
    diff_columns = pd.MultiIndex.from_product([list(METRICS), others], names=["metric", "scenario"])
    differences = pd.DataFrame(
        np.column_stack(
            [values[(m, n)] - values[(m, labels[reference])] for m in METRICS for n in others]
        ),
        index=index,
        columns=diff_columns,
    )
    return ScenarioComparison(labels, labels[reference], int(year), row_names, values, differences)
