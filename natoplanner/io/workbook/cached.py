"""The values of the workbook's formulas, as written next to them (cached values).

Readers that do not calculate (pandas, ``openpyxl(data_only=True)``, Excel's
Protected View, mail and file previews) show a formula cell's cached value.
Writing none leaves them empty sheets; writing the app's projection gives
them exactly what Excel and LibreOffice compute from the same file, since
the formulas mirror core/projection.py (tests/io/workbook checks both
against LibreOffice's own recalculation).
"""

from __future__ import annotations

import numpy as np

from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Measure, Scenario


def _last_override_column(overrides: np.ndarray) -> np.ndarray:
    """Per ally, column base..2040: the latest column ≤ t with an override (0: none)."""
    n_allies, n_years = overrides.shape
    columns = np.zeros((n_allies, n_years + 1), dtype=int)
    for j in range(n_years):
        columns[:, j + 1] = np.where(np.isnan(overrides[:, j]), columns[:, j], j + 1)
    return columns


def result_values(scenario: Scenario, projection: Projection) -> dict[str, np.ndarray]:
    """Every ``Results`` block (layout.RESULT_BLOCKS keys) as allies × years base..2040.

    Units are the blocks' own (% a year, billion or million national
    currency, % of GDP, percentage points, million USD, years). NaN where
    the sheet holds no formula (base-year growth and deflator) or the ally
    has no NATO figures.
    """
    paths = projection.paths
    base = scenario.base_year
    n_allies = len(scenario.allies)
    empty = np.full((n_allies, 1), np.nan)
    core_targets = projection.core_targets_pct()[:, None]
    total_targets = projection.total_targets_pct()[:, None]
    core_gap = core_targets - paths.core_share_pct
    ramp_column = _last_override_column(scenario.year_inputs(Measure.CORE_BUDGET))
    related_overrides = scenario.year_inputs(Measure.RELATED_SHARE)
    related_column = _last_override_column(related_overrides)
    related_start = np.array([track.share_pct for track in scenario.related_tracks])[:, None]
    related_values = np.hstack([related_start, related_overrides])
    rates = projection.exchange_rates_per_usd()
    values = {
        "growth": np.hstack([empty, scenario.effective_growth_pct()]),
        "deflator": np.hstack([empty, scenario.effective_deflator_pct()]),
        "gdp": paths.gdp_bn,
        "pp_cost": paths.pp_cost_mn,
        "ramp_year": (base + ramp_column).astype(float),
        "ramp_share": np.take_along_axis(paths.core_share_pct, ramp_column, axis=1),
        "budget": paths.core_budget_mn,
        "core_share": paths.core_share_pct,
        "related_ramp_year": (base + related_column).astype(float),
        "related_ramp_share": np.take_along_axis(related_values, related_column, axis=1),
        "related_share": paths.related_share_pct,
        "total_share": paths.total_share_pct,
        "core_gap_pp": core_gap,
        "total_gap_pp": total_targets - paths.total_share_pct,
        "core_gap_mn": core_gap * paths.pp_cost_mn,
        "core_gap_usd_mn": projection.usd_mn_at_base_prices(core_gap * paths.pp_cost_mn),
        "price_index": projection.price_index(),
        "fx": rates,
        "core_usd_mn": paths.core_budget_mn / rates,
    }
    has_data = projection.has_target_path[:, None]
    return {key: np.where(has_data, value, np.nan) for key, value in values.items()}
