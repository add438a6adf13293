"""What the Monte Carlo draws from: revisions measured in the bundled data.

- the IMF's own forecast revisions: for every pair of consecutive WEO vintages
  in ``gdp_forecast.csv`` and every year both forecast, one vector of the 32
  allies' revisions of real growth and CPI (:func:`shock_library`);
- their persistence from one year to the next (:func:`revision_persistence`);
- NATO's revisions of its base-year estimate between editions
  (``nato_share_gdp_vintages.csv``);
- the spread per ally they give, with a fallback where an ally has too few
  (:func:`revision_spread_table`, :func:`default_spread_pp`).

The draws themselves and their summary are in :mod:`natoplanner.core.uncertainty`.
Figures and their sources: ``data/SOURCES.md`` §8.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from natoplanner.core.dataset import Dataset
from natoplanner.core.scenario import Scenario

#: IMF WEO vintages whose consecutive pairs give the revision vectors, oldest first.
FORECAST_VINTAGES = ("IMF WEO April 2025", "IMF WEO October 2025", "IMF WEO April 2026")
#: The latest pair (shown in the dialog); every consecutive pair is used.
REVISION_VINTAGES = FORECAST_VINTAGES[-2:]
LATEST_NATO_EDITION = "ed2026"
FALLBACK_GROWTH_SPREAD_PP = 0.3
FALLBACK_DEFLATOR_SPREAD_PP = 0.5

_FORECAST_COLUMNS = {"growth": "real_gdp_growth_pct", "deflator": "cpi_inflation_pct"}
_FALLBACKS = {"growth": FALLBACK_GROWTH_SPREAD_PP, "deflator": FALLBACK_DEFLATOR_SPREAD_PP}


@dataclass(frozen=True)
class ShockLibrary:
    """Bootstrapped vectors (rows) over the registry's allies (columns).

    ``growth_pp`` and ``deflator_pp``: IMF revisions of real growth and CPI (pp),
    one row per (vintage pair, year); ``persistence``: ρ of consecutive years;
    ``base_share_pp``: revisions of NATO's estimate of a year's share (pp), one
    row per (edition, estimated year).
    """

    growth_pp: np.ndarray
    deflator_pp: np.ndarray
    persistence: float
    base_share_pp: np.ndarray
    labels: tuple[str, ...] = field(default=())


def _revision_frames(dataset: Dataset) -> list[pd.DataFrame]:
    """Per consecutive vintage pair, revisions (newer − older) indexed by (iso3, year)."""
    forecasts = dataset.forecasts
    columns = list(_FORECAST_COLUMNS.values())
    frames = []
    for older, newer in zip(FORECAST_VINTAGES, FORECAST_VINTAGES[1:], strict=False):
        old = forecasts[forecasts["vintage"] == older].set_index(["iso3", "year"])[columns]
        new = forecasts[forecasts["vintage"] == newer].set_index(["iso3", "year"])[columns]
        frames.append((new - old.reindex(new.index)).dropna())
    return frames


def _fill_never_revised(vectors: np.ndarray) -> np.ndarray:
    """Allies with no revision at all take each vector's cross-ally mean."""
    silent = ~(np.abs(vectors) > 0).any(axis=0)
    filled = vectors.copy()
    filled[:, silent] = vectors[:, ~silent].mean(axis=1, keepdims=True)
    return filled


@functools.lru_cache(maxsize=4)
def shock_library(dataset: Dataset) -> ShockLibrary:
    """The revision vectors of the bundled data (cached per dataset)."""
    codes = list(dataset.registry.iso3_codes)
    growth, deflator, labels = [], [], []
    pairs = zip(FORECAST_VINTAGES, FORECAST_VINTAGES[1:], strict=False)
    for (older, newer), frame in zip(pairs, _revision_frames(dataset), strict=True):
        for year in sorted(frame.index.get_level_values("year").unique()):
            at_year = frame.xs(year, level="year").reindex(codes).fillna(0.0)
            growth.append(at_year[_FORECAST_COLUMNS["growth"]].to_numpy())
            deflator.append(at_year[_FORECAST_COLUMNS["deflator"]].to_numpy())
            labels.append(f"{older} → {newer}, {year}")
    return ShockLibrary(
        growth_pp=_fill_never_revised(np.array(growth)),
        deflator_pp=_fill_never_revised(np.array(deflator)),
        persistence=revision_persistence(dataset),
        base_share_pp=_base_share_revisions(dataset),
        labels=tuple(labels),
    )


def revision_persistence(dataset: Dataset) -> float:
    """ρ: correlation of the revisions of consecutive years' growth (same ally, same
    vintage pair), pooled over allies and pairs."""
    first, second = [], []
    for frame in _revision_frames(dataset):
        table = frame[_FORECAST_COLUMNS["growth"]].unstack("year")
        years = sorted(table.columns)
        for a, b in zip(years, years[1:], strict=False):
            both = table[[a, b]].dropna()
            first.extend(both[a])
            second.extend(both[b])
    return float(np.corrcoef(first, second)[0, 1])


def _base_share_revisions(dataset: Dataset) -> np.ndarray:
    """Rows: NATO's estimate of a year's share in an edition minus its latest figure,
    reversed (latest − estimate), pp; one row per (edition, year); 0 where missing."""
    vintages = dataset.vintages
    editions = vintages[vintages["vintage"].str.startswith("ed")]
    latest = editions[editions["vintage"] == LATEST_NATO_EDITION].set_index(["iso3", "year"])[
        "defence_share_gdp_pct"
    ]
    estimates = editions[
        (editions["vintage"] != LATEST_NATO_EDITION) & (editions["estimate_flag"] == "e")
    ]
    codes = list(dataset.registry.iso3_codes)
    rows = []
    for (_vintage, _year), group in estimates.groupby(["vintage", "year"]):
        old = group.set_index(["iso3", "year"])["defence_share_gdp_pct"]
        revision = (latest.reindex(old.index) - old).dropna().droplevel("year")
        vector = revision.reindex(codes)
        rows.append(vector.fillna(vector.mean()).to_numpy())
    return np.array(rows)


def revision_spread_table(dataset: Dataset) -> pd.DataFrame:
    """Spreads per ally from IMF forecast revisions, every vintage pair pooled
    (index iso3, registry order).

    Columns: ``growth_spread_pp`` and ``deflator_spread_pp`` (root mean square
    of the revisions, percentage points of % a year), ``growth_source`` and
    ``deflator_source`` ("revisions" or "fallback" where the IMF never revised
    the ally), ``n_revisions`` (forecast years revised, all pairs).
    """
    return _revision_spreads(dataset).copy()


@functools.lru_cache(maxsize=4)
def _revision_spreads(dataset: Dataset) -> pd.DataFrame:
    revision = pd.concat(_revision_frames(dataset))
    frame = pd.DataFrame(index=pd.Index(dataset.registry.iso3_codes, name="iso3"))
    for measure, column in _FORECAST_COLUMNS.items():
        by_ally = revision[column].groupby(level="iso3")
        rms = np.sqrt((revision[column] ** 2).groupby(level="iso3").mean()).reindex(frame.index)
        usable = rms.notna() & (rms > 0)
        frame[f"{measure}_spread_pp"] = rms.where(usable, _FALLBACKS[measure])
        frame[f"{measure}_source"] = np.where(usable, "revisions", "fallback")
        frame["n_revisions"] = by_ally.size().reindex(frame.index).fillna(0).astype(int)
    return frame


def default_spread_pp(scenario: Scenario, measure: str = "growth") -> np.ndarray:
    """Default σ (pp) per ally × projection year (``scenario.years``) for "growth" or "deflator"."""
    per_ally = _revision_spreads(scenario.dataset)[f"{measure}_spread_pp"].to_numpy()
    return np.repeat(per_ally[:, None], len(scenario.years), axis=1)
