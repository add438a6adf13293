"""The bundled data: NATO's 2026 edition, earlier editions, IMF WEO forecasts.

All figures come from ``data/`` (see ``data/SOURCES.md``); nothing here
invents or fills a number. Units follow NATO's tables: spending in million
national currency (``*_mn``), GDP in billion national currency (``*_bn``),
shares in percent (``*_pct``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from natoplanner.core.allies import AllyRegistry
from natoplanner.core.resources import data_path

FIRST_HISTORY_YEAR = 2014
LAST_DATA_YEAR = 2026
NATO_EDITION = "NATO 2026 edition (2014-2026), cut-off 2026-07-03"
NATO_EDITION_SHORT = "NATO 2026 edition"
LATEST_VINTAGE = "IMF WEO April 2026"


def _read_csv(name: str, **kwargs) -> pd.DataFrame:
    with data_path(name).open("rb") as handle:
        return pd.read_csv(handle, **kwargs)


@dataclass(frozen=True)
class BaseYearData:
    """Per-ally figures in the base year, in registry order (NaN for Iceland).

    ``fx_per_usd`` is national currency per US dollar implied by NATO's
    Table 1 ÷ Table 2 in the base year.
    """

    year: int
    gdp_bn: np.ndarray
    core_budget_mn: np.ndarray
    core_share_pct: np.ndarray
    fx_per_usd: np.ndarray
    is_estimate: np.ndarray


class Dataset:
    """Everything the planner knows before a user changes anything.

    Attributes
    ----------
    registry : AllyRegistry
    history : DataFrame
        NATO 2026 edition, one row per ally and year 2014-2026 (columns as in
        ``nato_defence_expenditure.csv``; ``is_estimate`` added).
    forecasts : DataFrame
        IMF WEO real GDP growth and CPI inflation (%), one row per ally,
        vintage and year.
    vintages : DataFrame
        NATO's share of GDP as published in successive editions.
    aggregates : DataFrame
        NATO total and NATO Europe and Canada as published.
    """

    def __init__(
        self,
        registry: AllyRegistry,
        history: pd.DataFrame,
        forecasts: pd.DataFrame,
        vintages: pd.DataFrame,
        aggregates: pd.DataFrame,
    ) -> None:
        self.registry = registry
        self.history = history
        self.forecasts = forecasts
        self.vintages = vintages
        self.aggregates = aggregates
        self.edition = NATO_EDITION
        self._matrices: dict[str, np.ndarray] = {}

    @classmethod
    def bundled(cls) -> Dataset:
        """The dataset shipped with the application (read once per process)."""
        return _bundled_dataset()

    # -- history ---------------------------------------------------------
    @property
    def history_years(self) -> np.ndarray:
        return np.arange(FIRST_HISTORY_YEAR, LAST_DATA_YEAR + 1)

    def history_matrix(self, column: str) -> np.ndarray:
        """``column`` of the NATO table as a read-only (allies × 2014..2026) array.

        Cached: the plot and the year editor read it on every edit.
        """
        cached = self._matrices.get(column)
        if cached is None:
            wide = self.history.pivot(index="iso3", columns="year", values=column)
            wide = wide.reindex(index=list(self.registry.iso3_codes), columns=self.history_years)
            cached = wide.to_numpy(dtype=float)
            cached.flags.writeable = False
            self._matrices[column] = cached
        return cached

    def base_year_data(self, year: int) -> BaseYearData:
        """The figures projections start from in ``year`` (2014-2026)."""
        if not FIRST_HISTORY_YEAR <= year <= LAST_DATA_YEAR:
            raise ValueError(
                f"base year {year} is outside NATO's data ({FIRST_HISTORY_YEAR}-{LAST_DATA_YEAR})"
            )
        rows = self.history[self.history["year"] == year].set_index("iso3")
        rows = rows.reindex(list(self.registry.iso3_codes))
        budget = rows["defence_exp_national_million"].to_numpy(dtype=float)
        usd = rows["defence_exp_usd_million_current"].to_numpy(dtype=float)
        return BaseYearData(
            year=year,
            gdp_bn=rows["gdp_national_billion_derived"].to_numpy(dtype=float),
            core_budget_mn=budget,
            core_share_pct=rows["defence_share_gdp_pct"].to_numpy(dtype=float),
            fx_per_usd=budget / usd,
            is_estimate=(rows["estimate_flag"] == "e").to_numpy(),
        )

    # -- forecasts -------------------------------------------------------
    @property
    def forecast_vintages(self) -> list[str]:
        """IMF WEO vintages in the data, newest first."""
        dated = self.forecasts.groupby("vintage")["publication_date"].first()
        return list(dated.sort_values(ascending=False).index)

    def forecast_matrices(self, vintage: str, years: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Real GDP growth and CPI inflation (%) per ally for ``years``.

        Years after the vintage's last forecast year hold that year's value
        (DESIGN §4); years before its first use its first value. Missing
        single years inside the range take the nearest earlier year.
        """
        if vintage not in set(self.forecasts["vintage"]):
            raise ValueError(
                f"unknown GDP forecast vintage '{vintage}'; "
                f"available: {', '.join(self.forecast_vintages)}"
            )
        rows = self.forecasts[self.forecasts["vintage"] == vintage]
        result = []
        for column in ("real_gdp_growth_pct", "cpi_inflation_pct"):
            wide = rows.pivot(index="iso3", columns="year", values=column)
            wide = wide.reindex(index=list(self.registry.iso3_codes))
            full = wide.reindex(
                columns=range(
                    min(wide.columns.min(), years.min()), max(wide.columns.max(), years.max()) + 1
                )
            )
            full = full.ffill(axis=1).bfill(axis=1)
            result.append(full.loc[:, list(years)].to_numpy(dtype=float))
        return result[0], result[1]


@functools.cache
def _bundled_dataset() -> Dataset:
    # Read-only after loading; cached so every scenario shares one copy.
    history = _read_csv(
        "nato_defence_expenditure.csv",
        dtype={"estimate_flag": str, "estimate_flag_ed2025": str, "notes": str},
        keep_default_na=False,
        na_values=[""],
    )
    history["is_estimate"] = history["estimate_flag"] == "e"
    forecasts = _read_csv("gdp_forecast.csv")
    vintages = _read_csv("nato_share_gdp_vintages.csv", dtype={"estimate_flag": str})
    aggregates = _read_csv("nato_aggregates.csv", dtype={"estimate_flag": str})
    return Dataset(AllyRegistry.bundled(), history, forecasts, vintages, aggregates)
