"""How large growth forecast errors have been, from published evaluations: the Monte
Carlo's documented spread (``data/forecast_errors.csv``, sources in ``data/SOURCES.md`` §8).

Two published statistics are transcribed:

- the IMF's own evaluation (IMF Independent Evaluation Office 2014, Annex 2,
  Table A2.1): the *mean* error of Spring WEO real GDP growth forecasts,
  target years 1990-2011, from the current year to five years ahead, for the
  United States, the United Kingdom, France, Germany, Italy, Canada and the
  euro area;
- the European Commission's track record (Melander, Sismanidis and
  Grenouilleau 2007): the *mean absolute* error of its EU growth forecasts,
  1969-2005, 0.5 pp for the current year and 0.86 pp for the year ahead.

Neither is a root-mean-square error, which is what a spread is. Two facts
turn them into one without a number of this tool's own: a root-mean-square
error is at least the absolute mean error (RMS² = mean² + variance), and for
normal errors it is √(π/2) ≈ 1.2533 times the mean absolute error. So the
documented spread of an ally's growth error h years ahead is

    σ_h = max(√(π/2) · MAE_EC(year ahead), |mean error_IEO(ally, min(h, 5))|)

with the euro area's row for an ally the table has no row for, and never
below the ally's own IMF revision spread. It is a lower bound: an aggregate's
errors (the EU, the euro area) are smaller than a country's, and the mean
leaves out the errors' variance.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from natoplanner.core.resources import data_path
from natoplanner.core.scenario import Scenario

#: Root mean square over mean absolute error of a normal error: √(π/2).
RMS_PER_MAE_NORMAL = math.sqrt(math.pi / 2)
#: The IEO row standing for allies it has no row of.
FALLBACK_AREA = "Euro area"
#: Furthest horizon the IEO table gives (years ahead); later years hold its value.
LAST_HORIZON = 5


@dataclass(frozen=True)
class DocumentedErrors:
    """The published statistics: ``mean_error_pp`` (area × horizon 0..5, IEO),
    ``year_ahead_mae_pp`` (EC, EU), and which IEO row each ally uses."""

    mean_error_pp: pd.DataFrame
    year_ahead_mae_pp: float
    area_of: dict[str, str]

    @property
    def year_ahead_floor_pp(self) -> float:
        """√(π/2) × the EC's year-ahead mean absolute error (pp)."""
        return RMS_PER_MAE_NORMAL * self.year_ahead_mae_pp


@functools.cache
def documented_errors() -> DocumentedErrors:
    """``data/forecast_errors.csv`` as read (cached)."""
    with data_path("forecast_errors.csv").open("r", encoding="utf-8") as handle:
        table = pd.read_csv(handle, keep_default_na=False)
    ieo = table[table["statistic"] == "mean_error"]
    mean_error = ieo.pivot(index="area", columns="horizon_years", values="value_pp").astype(float)
    ec = table[(table["statistic"] == "mean_absolute_error") & (table["horizon_years"] == 1)]
    area_of = {row.iso3: row.area for row in ieo.itertuples() if row.iso3}
    return DocumentedErrors(mean_error, float(ec["value_pp"].iloc[0]), area_of)


def documented_spread_pp(scenario: Scenario, revision_spread_pp: np.ndarray) -> np.ndarray:
    """σ (pp of % a year) per ally × projection year (``scenario.years``): the documented
    lower bound for a growth error that many years ahead of the base year, never below
    ``revision_spread_pp`` (the ally's IMF revision spread, same shape)."""
    errors = documented_errors()
    horizons = np.minimum(np.asarray(scenario.years) - scenario.base_year, LAST_HORIZON)
    spread = np.empty((len(scenario.allies), len(scenario.years)))
    for i, ally in enumerate(scenario.allies):
        area = errors.area_of.get(ally.iso3, FALLBACK_AREA)
        bias = errors.mean_error_pp.loc[area].abs().to_numpy()[horizons]
        spread[i] = np.maximum(errors.year_ahead_floor_pp, bias)
    return np.maximum(spread, revision_spread_pp)
