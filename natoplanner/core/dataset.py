"""The bundled data: NATO's 2026 edition, earlier editions, IMF WEO forecasts.

All figures come from ``data/`` (see ``data/SOURCES.md``); nothing here
invents or fills a number. Units follow NATO's tables: spending in million
national currency (``*_mn``), GDP in billion national currency (``*_bn``),
shares in percent (``*_pct``).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from natoplanner.core.allies import AllyRegistry
from natoplanner.core.resources import data_path

if TYPE_CHECKING:
    import pandas as pd

FIRST_HISTORY_YEAR = 2014
LAST_DATA_YEAR = 2026
NATO_EDITION = "NATO 2026 edition (2014-2026), cut-off 2026-07-03"
NATO_EDITION_SHORT = "NATO 2026 edition"
LATEST_VINTAGE = "IMF WEO April 2026"


class _CsvTable:
    """A bundled CSV as columns of strings, read with the standard library.

    The window's start-up needs only a few numeric matrices; reading with
    :mod:`csv` keeps pandas (about 0.3 s to import) off that path. The
    DataFrame views are built on first use.
    """

    def __init__(self, name: str) -> None:
        with data_path(name).open("r", encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            self.header = next(reader)
            rows = list(reader)
        self.columns = {column: [row[i] for row in rows] for i, column in enumerate(self.header)}
        self.name = name

    def numbers(self, column: str) -> np.ndarray:
        """A numeric column (empty cells as NaN)."""
        return np.array([float(v) if v else np.nan for v in self.columns[column]])

    def frame(self, text_columns: tuple[str, ...] = ()):
        """The table as a DataFrame (empty cells NaN; ``text_columns`` kept as text)."""
        import pandas as pd

        with data_path(self.name).open("rb") as handle:
            return pd.read_csv(
                handle,
                dtype={c: str for c in text_columns},
                keep_default_na=False,
                na_values=[""],
            )


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

    def __init__(self, registry: AllyRegistry) -> None:
        self.registry = registry
        self.edition = NATO_EDITION
        self._history = _CsvTable("nato_defence_expenditure.csv")
        self._forecasts = _CsvTable("gdp_forecast.csv")
        self._matrices: dict[str, np.ndarray] = {}
        codes = registry.iso3_codes
        self._history_index = _ally_year_index(self._history, codes, FIRST_HISTORY_YEAR)

    @functools.cached_property
    def history(self) -> pd.DataFrame:
        frame = self._history.frame(text_columns=("estimate_flag", "estimate_flag_ed2025", "notes"))
        frame["is_estimate"] = frame["estimate_flag"] == "e"
        return frame

    @functools.cached_property
    def forecasts(self) -> pd.DataFrame:
        return self._forecasts.frame()

    @functools.cached_property
    def vintages(self) -> pd.DataFrame:
        return _CsvTable("nato_share_gdp_vintages.csv").frame(text_columns=("estimate_flag",))

    @functools.cached_property
    def aggregates(self) -> pd.DataFrame:
        return _CsvTable("nato_aggregates.csv").frame(text_columns=("estimate_flag",))

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

        ``is_estimate`` gives 1.0 for NATO's estimates. Cached: the plot and
        the year editor read it on every edit.
        """
        cached = self._matrices.get(column)
        if cached is None:
            if column == "is_estimate":
                values = np.array(
                    [v == "e" for v in self._history.columns["estimate_flag"]], dtype=float
                )
            else:
                values = self._history.numbers(column)
            cached = np.full((len(self.registry), len(self.history_years)), np.nan)
            rows, cols = self._history_index
            cached[rows, cols] = values
            cached.flags.writeable = False
            self._matrices[column] = cached
        return cached

    def base_year_data(self, year: int) -> BaseYearData:
        """The figures projections start from in ``year`` (2014-2026)."""
        if not FIRST_HISTORY_YEAR <= year <= LAST_DATA_YEAR:
            raise ValueError(
                f"base year {year} is outside NATO's data ({FIRST_HISTORY_YEAR}-{LAST_DATA_YEAR})"
            )
        col = year - FIRST_HISTORY_YEAR
        budget = self.history_matrix("defence_exp_national_million")[:, col]
        usd = self.history_matrix("defence_exp_usd_million_current")[:, col]
        return BaseYearData(
            year=year,
            gdp_bn=self.history_matrix("gdp_national_billion_derived")[:, col].copy(),
            core_budget_mn=budget.copy(),
            core_share_pct=self.history_matrix("defence_share_gdp_pct")[:, col].copy(),
            fx_per_usd=budget / usd,
            is_estimate=self.history_matrix("is_estimate")[:, col] == 1.0,
        )

    # -- forecasts -------------------------------------------------------
    @property
    def forecast_vintages(self) -> list[str]:
        """IMF WEO vintages in the data, newest first."""
        dates = dict(
            zip(
                self._forecasts.columns["vintage"],
                self._forecasts.columns["publication_date"],
                strict=True,
            )
        )
        return sorted(dates, key=dates.__getitem__, reverse=True)

    def forecast_matrices(self, vintage: str, years: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Real GDP growth and CPI inflation (%) per ally for ``years``.

        Years after the vintage's last forecast year hold that year's value
        (DESIGN §4). Years the vintage does not forecast but NATO's table
        covers (a base year before 2026 with the April 2026 vintage, say)
        take NATO's own figures: real growth from its constant-price GDP and
        the GDP deflator implied by its current-price GDP, not an invented
        back-fill. Any gap left takes the nearest year's value.
        """
        table = self._forecasts
        chosen = [i for i, v in enumerate(table.columns["vintage"]) if v == vintage]
        if not chosen:
            raise ValueError(
                f"unknown GDP forecast vintage '{vintage}'; "
                f"available: {', '.join(self.forecast_vintages)}"
            )
        forecast_years = np.array([int(table.columns["year"][i]) for i in chosen])
        first, last = min(forecast_years.min(), years.min()), max(forecast_years.max(), years.max())
        rows = np.array([self.registry.index_of(table.columns["iso3"][i]) for i in chosen])
        result = []
        history = self._nato_growth_and_deflator_pct()
        for column, from_nato in zip(
            ("real_gdp_growth_pct", "cpi_inflation_pct"), history, strict=True
        ):
            values = table.numbers(column)[chosen]
            full = np.full((len(self.registry), last - first + 1), np.nan)
            full[rows, forecast_years - first] = values
            for year in range(max(first, FIRST_HISTORY_YEAR + 1), min(last, LAST_DATA_YEAR) + 1):
                gap = np.isnan(full[:, year - first])
                full[gap, year - first] = from_nato[gap, year - FIRST_HISTORY_YEAR]
            result.append(_fill_along_years(full)[:, np.asarray(years) - first])
        return result[0], result[1]

    def _nato_growth_and_deflator_pct(self) -> tuple[np.ndarray, np.ndarray]:
        """NATO's real GDP growth and implied GDP deflator (%), allies × 2014..2026.

        Growth is the table's own ``real_gdp_growth_pct_derived`` (constant
        2021 prices); the deflator is nominal GDP growth (national currency)
        over real growth. NaN where either is missing (2014, Luxembourg's
        2023 GNI break, Iceland).
        """
        growth = self.history_matrix("real_gdp_growth_pct_derived")
        nominal = self.history_matrix("gdp_national_billion_derived")
        nominal_growth = np.full_like(nominal, np.nan)
        nominal_growth[:, 1:] = nominal[:, 1:] / nominal[:, :-1]
        deflator = (nominal_growth / (1 + growth / 100) - 1) * 100
        return growth, deflator


def _ally_year_index(
    table: _CsvTable, codes: tuple[str, ...], first_year: int
) -> tuple[np.ndarray, np.ndarray]:
    position = {code: i for i, code in enumerate(codes)}
    rows = np.array([position[code] for code in table.columns["iso3"]])
    cols = np.array([int(year) - first_year for year in table.columns["year"]])
    return rows, cols


def _fill_along_years(matrix: np.ndarray) -> np.ndarray:
    """Forward-fill each row's gaps, then back-fill what precedes its first value."""
    filled = matrix.copy()
    for j in range(1, filled.shape[1]):
        gap = np.isnan(filled[:, j])
        filled[gap, j] = filled[gap, j - 1]
    for j in range(filled.shape[1] - 2, -1, -1):
        gap = np.isnan(filled[:, j])
        filled[gap, j] = filled[gap, j + 1]
    return filled


@functools.cache
def _bundled_dataset() -> Dataset:
    # Read-only after loading; cached so every scenario shares one copy.
    return Dataset(AllyRegistry.bundled())
