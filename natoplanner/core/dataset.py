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
from natoplanner.core.vintages import (
    CPI_INFLATION_PCT,
    NATO_MEASURES,
    REAL_GROWTH_PCT,
    FigureTable,
    Provenance,
    ReferenceSeries,
    Vintage,
    VintageCatalog,
    VintageKind,
    deflator_proxy_pct,
)

if TYPE_CHECKING:
    import pandas as pd

FIRST_HISTORY_YEAR = 2014
LAST_DATA_YEAR = 2026
NATO_EDITION = "NATO 2026 edition (2014-2026), cut-off 2026-07-03"
NATO_EDITION_SHORT = "NATO 2026 edition"
LATEST_VINTAGE = "IMF WEO April 2026"
#: Years of NATO's implied GDP deflator averaged for projection years after the
#: edition's last year (DeflatorSource.NATO_HISTORY): the ten to the last data year.
NATO_DEFLATOR_YEARS = 10
NATO_PUBLISHER = "NATO Public Diplomacy Division"
IMF_PUBLISHER = "International Monetary Fund"
# data/SOURCES.md §1: cut-off 3 July 2026; the Excel file was saved on 9 July
# and served from 10 July 2026, so only the month of release is certain.
_BUNDLED_EDITION_RELEASE = "2026-07"
_BUNDLED_EDITION_CUTOFF = "2026-07-03"


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

    def __init__(
        self,
        registry: AllyRegistry,
        *,
        edition: Vintage | None = None,
        gdp_vintages: tuple[Vintage, ...] = (),
        references: tuple[ReferenceSeries, ...] = (),
    ) -> None:
        self.registry = registry
        self._history = _CsvTable("nato_defence_expenditure.csv")
        self._forecasts = _CsvTable("gdp_forecast.csv")
        self._matrices: dict[str, np.ndarray] = {}
        codes = registry.iso3_codes
        self._history_index = _ally_year_index(self._history, codes, FIRST_HISTORY_YEAR)
        self._edition = edition
        self.edition = NATO_EDITION if edition is None else edition.name
        self._imported_gdp = {v.name: v for v in gdp_vintages}
        self.references = tuple(references)
        if edition is not None:
            _check_edition(edition, codes)

    @functools.cached_property
    def history(self) -> pd.DataFrame:
        if self._edition is not None:
            return _edition_frame(self._edition, self.registry)
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

    # -- vintages --------------------------------------------------------
    def with_vintages(
        self,
        *,
        edition: Vintage | None = None,
        gdp_vintages: tuple[Vintage, ...] | None = None,
        references: tuple[ReferenceSeries, ...] | None = None,
    ) -> Dataset:
        """A dataset on another NATO edition and/or with imported GDP vintages.

        ``edition`` None keeps this dataset's edition (a bundled edition
        vintage means the bundled data); ``gdp_vintages`` and ``references``
        None keep this dataset's imported ones. Raises ValueError for an
        edition a projection cannot start from.
        """
        if edition is None or edition.bundled:
            edition = self._edition if edition is None else None
        return Dataset(
            self.registry,
            edition=edition,
            gdp_vintages=tuple(self._imported_gdp.values())
            if gdp_vintages is None
            else tuple(v for v in gdp_vintages if not v.bundled),
            references=self.references if references is None else tuple(references),
        )

    @property
    def edition_vintage(self) -> Vintage:
        """The NATO edition this dataset's history comes from."""
        return self._edition if self._edition is not None else self.bundled_vintages()[0]

    @property
    def imported_vintages(self) -> tuple[Vintage, ...]:
        """The vintages that did not ship with natoplanner (edition first)."""
        edition = () if self._edition is None else (self._edition,)
        return edition + tuple(self._imported_gdp.values())

    def gdp_vintage(self, name: str) -> Vintage:
        """The GDP forecast vintage ``name``: bundled or imported; ValueError if unknown."""
        if name in self._imported_gdp:
            return self._imported_gdp[name]
        for vintage in self.bundled_vintages()[1:]:
            if vintage.name == name:
                return vintage
        raise ValueError(
            f"unknown GDP forecast vintage '{name}'; available: {', '.join(self.forecast_vintages)}"
        )

    def catalog(self) -> VintageCatalog:
        """Every vintage and reference series this dataset knows."""
        return VintageCatalog((*self.bundled_vintages(), *self.imported_vintages), self.references)

    def bundled_vintages(self) -> tuple[Vintage, ...]:
        """The NATO 2026 edition, then the IMF WEO vintages newest first, as shipped."""
        return _bundled_vintages(self.registry)

    # -- history ---------------------------------------------------------
    @property
    def last_data_year(self) -> int:
        """Last year of NATO's edition (an estimate): the default base year."""
        return LAST_DATA_YEAR if self._edition is None else self._edition.last_year

    @property
    def history_years(self) -> np.ndarray:
        return np.arange(FIRST_HISTORY_YEAR, self.last_data_year + 1)

    def history_matrix(self, column: str) -> np.ndarray:
        """``column`` of the NATO table as a read-only (allies × 2014..2026) array.

        ``is_estimate`` gives 1.0 for NATO's estimates. Cached: the plot and
        the year editor read it on every edit.
        """
        cached = self._matrices.get(column)
        if cached is None and self._edition is not None:
            cached = _edition_matrix(self._edition, column)
            self._matrices[column] = cached
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
        """The figures projections start from in ``year`` (2014 to the edition's last year)."""
        if not FIRST_HISTORY_YEAR <= year <= self.last_data_year:
            raise ValueError(
                f"base year {year} is outside NATO's data "
                f"({FIRST_HISTORY_YEAR}-{self.last_data_year})"
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
        """IMF WEO vintages in the data (bundled and imported), newest first."""
        dates = dict(
            zip(
                self._forecasts.columns["vintage"],
                self._forecasts.columns["publication_date"],
                strict=True,
            )
        )
        dates.update({name: v.release_date for name, v in self._imported_gdp.items()})
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
        figures = self.gdp_vintage(vintage).figures
        first = min(figures.first_year, int(np.min(years)))
        last = max(figures.last_year, int(np.max(years)))
        columns = slice(figures.first_year - first, figures.last_year - first + 1)
        result = []
        history = self._nato_growth_and_deflator_pct()
        last_history = self.last_data_year
        for values, from_nato in zip(
            (figures.matrix(REAL_GROWTH_PCT), deflator_proxy_pct(self.gdp_vintage(vintage))),
            history,
            strict=True,
        ):
            full = np.full((len(self.registry), last - first + 1), np.nan)
            full[:, columns] = values
            for year in range(max(first, FIRST_HISTORY_YEAR + 1), min(last, last_history) + 1):
                gap = np.isnan(full[:, year - first])
                full[gap, year - first] = from_nato[gap, year - FIRST_HISTORY_YEAR]
            result.append(_fill_along_years(full)[:, np.asarray(years) - first])
        return result[0], result[1]

    def nato_deflator_years(self) -> tuple[int, int]:
        """First and last year of the NATO implied-deflator average (2017, 2026)."""
        return self.last_data_year - NATO_DEFLATOR_YEARS + 1, self.last_data_year

    def nato_deflator_pct(self, years: np.ndarray) -> np.ndarray:
        """NATO's implied GDP deflator (% a year) per ally for ``years``.

        Years NATO's table covers take that year's implied deflator (nominal
        over real GDP growth); later years, and a covered year with no figure,
        the geometric mean of the :meth:`nato_deflator_years` (an ally's years
        without a figure, such as Luxembourg's 2023 GNI break, left out). NaN
        for an ally with no figure at all (Iceland: no national row).
        """
        first, last = self.nato_deflator_years()
        deflator = self._nato_growth_and_deflator_pct()[1]
        window = deflator[:, first - FIRST_HISTORY_YEAR : last - FIRST_HISTORY_YEAR + 1]
        counted = (~np.isnan(window)).sum(axis=1)
        log_growth = np.nansum(np.log1p(window / 100), axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            average = np.where(counted > 0, np.expm1(log_growth / counted) * 100, np.nan)
        result = np.repeat(average[:, None], len(years), axis=1)
        for j, year in enumerate(np.asarray(years)):
            if FIRST_HISTORY_YEAR < year <= last:
                known = deflator[:, int(year) - FIRST_HISTORY_YEAR]
                result[:, j] = np.where(np.isnan(known), average, known)
        return result

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


def _check_edition(edition: Vintage, codes: tuple[str, ...]) -> None:
    if edition.kind != VintageKind.NATO_EDITION:
        raise ValueError(f"'{edition.name}' is not a NATO edition")
    if edition.first_year != FIRST_HISTORY_YEAR:
        raise ValueError(
            f"'{edition.name}' starts in {edition.first_year}; NATO's editions since 2015 "
            f"start in {FIRST_HISTORY_YEAR}, and so must this one"
        )
    if edition.figures.allies != codes:
        raise ValueError(f"'{edition.name}' does not list the allies in registry order")


def _edition_matrix(edition: Vintage, column: str) -> np.ndarray:
    figures = edition.figures
    if column == "is_estimate":
        matrix = figures.estimate.astype(float)
    elif column in figures.values:
        matrix = figures.matrix(column).copy()
    else:  # a column of the bundled file the edition does not have (ed2025 comparisons)
        matrix = np.full((len(figures.allies), len(figures.years)), np.nan)
    matrix.flags.writeable = False
    return matrix


def _edition_frame(edition: Vintage, registry: AllyRegistry) -> pd.DataFrame:
    """An imported edition as the bundled history table (same column names)."""
    import pandas as pd

    figures = edition.figures
    n_allies, n_years = len(figures.allies), len(figures.years)
    frame = pd.DataFrame(
        {
            "iso3": np.repeat(figures.allies, n_years),
            "name": np.repeat([registry.get(c).name_en for c in figures.allies], n_years),
            "year": np.tile(figures.years, n_allies),
            "no_armed_forces": np.repeat(
                [int(registry.get(c).no_armed_forces) for c in figures.allies], n_years
            ),
            "estimate_flag": np.where(figures.estimate.ravel(), "e", None),
            "nato_edition": edition.name,
        }
    )
    for column in NATO_MEASURES:
        frame[column] = _edition_matrix(edition, column).ravel()
    frame["national_currency_in_nato_table"] = np.repeat(
        [registry.get(c).currency for c in figures.allies], n_years
    )
    frame["notes"] = None
    frame["is_estimate"] = figures.estimate.ravel()
    return frame


@functools.cache
def _bundled_vintages(registry: AllyRegistry) -> tuple[Vintage, ...]:
    dataset = _bundled_dataset() if registry is AllyRegistry.bundled() else Dataset(registry)
    codes = registry.iso3_codes
    edition = Vintage(
        name=NATO_EDITION,
        kind=VintageKind.NATO_EDITION,
        publisher=NATO_PUBLISHER,
        release_date=_BUNDLED_EDITION_RELEASE,
        cutoff=_BUNDLED_EDITION_CUTOFF,
        provenance=Provenance("data/nato_defence_expenditure.csv"),
        figures=FigureTable(
            codes,
            dataset.history_years,
            {m: dataset.history_matrix(m).copy() for m in NATO_MEASURES},
            dataset.history_matrix("is_estimate") == 1.0,
        ),
        bundled=True,
        missing=tuple(a.iso3 for a in registry if a.no_armed_forces),
        notes=("Iceland has no armed forces and is not in NATO's tables",),
    )
    table = dataset._forecasts
    gdp = []
    for name in dataset.forecast_vintages:
        chosen = [i for i, v in enumerate(table.columns["vintage"]) if v == name]
        years = np.array([int(table.columns["year"][i]) for i in chosen])
        first = int(years.min())
        shape = (len(codes), int(years.max()) - first + 1)
        rows = np.array([registry.index_of(table.columns["iso3"][i]) for i in chosen])
        values = {}
        for measure in (REAL_GROWTH_PCT, CPI_INFLATION_PCT):
            matrix = np.full(shape, np.nan)
            matrix[rows, years - first] = table.numbers(measure)[chosen]
            values[measure] = matrix
        estimate = np.zeros(shape, dtype=bool)
        estimate[rows, years - first] = [table.columns["projection"][i] == "1" for i in chosen]
        gdp.append(
            Vintage(
                name=name,
                kind=VintageKind.IMF_WEO,
                publisher=IMF_PUBLISHER,
                release_date=table.columns["publication_date"][chosen[0]],
                cutoff="",
                provenance=Provenance("data/gdp_forecast.csv"),
                figures=FigureTable(codes, np.arange(first, shape[1] + first), values, estimate),
                bundled=True,
                notes=("real GDP growth (NGDP_RPCH) and CPI inflation (PCPIPCH), % a year",),
            )
        )
    return (edition, *gdp)


@functools.cache
def _bundled_dataset() -> Dataset:
    # Read-only after loading; cached so every scenario shares one copy.
    return Dataset(AllyRegistry.bundled())
