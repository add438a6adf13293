"""Data vintages: one source's release of figures, as first-class objects.

A :class:`Vintage` is what a publisher released at one date: a NATO edition
of "Defence Expenditure of NATO Countries" (history 2014 to its last year,
estimates flagged), an IMF World Economic Outlook release (real growth,
deflator or CPI, nominal GDP where given, to its last forecast year), or a
user's own figures. Each carries its name, publisher, release date, cut-off
and provenance (file, sheet, import time), and its figures as one
(allies × years) matrix per measure (:class:`FigureTable`).

The bundled NATO 2026 edition and the three bundled IMF vintages are the
first vintages (:func:`natoplanner.core.dataset.Dataset.bundled_vintages`).
A *reference series* (SIPRI, World Bank, a ministry's outturn) is history
from another source with another definition; it is never mixed into a
vintage and has a class of its own (:class:`ReferenceSeries`).

No Qt, no pandas: figures are numpy arrays in registry order.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

import numpy as np


class VintageKind(StrEnum):
    """What a vintage supplies."""

    NATO_EDITION = "NATO edition"
    IMF_WEO = "IMF WEO"
    USER = "user figures"


# -- measures ----------------------------------------------------------------
#: NATO edition measures: the columns of ``nato_defence_expenditure.csv``
#: (see data/SOURCES.md), with the units in their names.
NATO_MEASURES = (
    "defence_exp_national_million",  # Table 1, current prices, million national currency
    "defence_exp_usd_million_current",  # Table 2, current prices, USD million
    "defence_share_gdp_pct",  # Table 3, share of real GDP (%)
    "defence_real_change_pct",  # Table 3, annual real change (%)
    "gdp_usd_billion_current",  # Table 5, current prices, USD billion
    "equipment_share_pct",  # Table 8a, equipment (% of defence expenditure)
    "defence_share_gdp_pct_nominal_derived",  # Table 2 / Table 5 × 100
    "gdp_national_billion_derived",  # Table 5 × Table 1 / Table 2, billion national currency
    "real_gdp_growth_pct_derived",  # change of Table 5 at constant prices (%)
)

#: Measures a NATO edition must carry for a projection to start from it.
NATO_REQUIRED = (
    "defence_exp_national_million",
    "defence_exp_usd_million_current",
    "defence_share_gdp_pct",
    "gdp_usd_billion_current",
)

REAL_GROWTH_PCT = "real_gdp_growth_pct"  # IMF NGDP_RPCH, % change
CPI_INFLATION_PCT = "cpi_inflation_pct"  # IMF PCPIPCH, % change, period average
DEFLATOR_PCT = "deflator_pct"  # change of IMF NGDP_D (%), or implied by NGDP and NGDP_RPCH
NOMINAL_GDP_BN = "nominal_gdp_bn"  # IMF NGDP, billion national currency
GDP_MEASURES = (REAL_GROWTH_PCT, CPI_INFLATION_PCT, DEFLATOR_PCT, NOMINAL_GDP_BN)

#: Measures whose plausibility is judged as a difference (pp), not a ratio.
RATE_MEASURES = frozenset(
    {
        REAL_GROWTH_PCT,
        CPI_INFLATION_PCT,
        DEFLATOR_PCT,
        "defence_real_change_pct",
        "real_gdp_growth_pct_derived",
    }
)

#: A level or share that moves by more than this factor between two vintages
#: of the same figure is a contradiction (a scale slip: thousands for
#: millions, a fraction for a percent), not a revision. NATO's largest
#: revision between the 2025 and 2026 editions is Albania 2023, 1.75 → 1.29
#: (factor 1.36). This is this tool's heuristic, not a source's rule.
PLAUSIBILITY_RATIO = 1.5
#: The same for rates (growth, inflation), as a difference in percentage
#: points: the April 2026 WEO revised Türkiye's 2026 CPI by 3.8 pp.
PLAUSIBILITY_RATE_PP = 10.0
#: A rate also contradicts when it is this many times the other and one of
#: them is at least 1%: a percent read as a fraction (2.65 → 0.0265) moves
#: by less than 10 pp but by a factor of 100.
PLAUSIBILITY_RATE_FACTOR = 50.0


@dataclass(frozen=True)
class Provenance:
    """Where a vintage's figures were read: file, sheet and when (UTC, ISO 8601).

    Bundled vintages name the data file shipped with natoplanner and have no
    import time.
    """

    file: str
    sheet: str = ""
    imported_at: str = ""

    def describe(self) -> str:
        """One line such as "WEOApr2026all.xls, sheet WEOApr2026all, imported 2026-12-01 09:00"."""
        text = self.file
        if self.sheet:
            text += f", sheet {self.sheet}"
        text += f", imported {self.imported_at}" if self.imported_at else " (bundled)"
        return text


@dataclass(frozen=True, eq=False)
class FigureTable:
    """Figures per ally (rows) and year (columns), one matrix per measure.

    Attributes
    ----------
    allies : tuple of str
        ISO3 codes, one per row (registry order).
    years : ndarray of int
        Consecutive years, one per column.
    values : mapping of str to ndarray
        (allies × years) floats per measure, NaN where the source gives no figure.
    estimate : ndarray of bool
        (allies × years): NATO's estimates ("2025e"), the IMF's projections.
    """

    allies: tuple[str, ...]
    years: np.ndarray
    values: Mapping[str, np.ndarray]
    estimate: np.ndarray

    def __post_init__(self) -> None:
        shape = (len(self.allies), len(self.years))
        for measure, matrix in self.values.items():
            if matrix.shape != shape:
                raise ValueError(f"{measure}: shape {matrix.shape}, expected {shape}")
            matrix.flags.writeable = False
        if self.estimate.shape != shape:
            raise ValueError(f"estimate flags: shape {self.estimate.shape}, expected {shape}")
        self.estimate.flags.writeable = False

    @property
    def measures(self) -> tuple[str, ...]:
        return tuple(self.values)

    @property
    def first_year(self) -> int:
        return int(self.years[0])

    @property
    def last_year(self) -> int:
        return int(self.years[-1])

    def matrix(self, measure: str) -> np.ndarray:
        """The (allies × years) matrix of ``measure`` (read-only); KeyError if absent."""
        return self.values[measure]

    def value(self, measure: str, iso3: str, year: int) -> float:
        """One figure (NaN when absent)."""
        if measure not in self.values or not self.first_year <= year <= self.last_year:
            return math.nan
        return float(self.values[measure][self.allies.index(iso3), year - self.first_year])

    def covered(self, measure: str) -> tuple[str, ...]:
        """Allies with at least one figure of ``measure``."""
        if measure not in self.values:
            return ()
        has = ~np.isnan(self.values[measure]).all(axis=1)
        return tuple(code for code, present in zip(self.allies, has, strict=True) if present)

    def same_figures(self, other: FigureTable) -> bool:
        """True when both tables hold the same figures and flags (NaN equals NaN)."""
        return (
            self.allies == other.allies
            and np.array_equal(self.years, other.years)
            and set(self.values) == set(other.values)
            and all(
                np.array_equal(self.values[m], other.values[m], equal_nan=True) for m in self.values
            )
            and np.array_equal(self.estimate, other.estimate)
        )

    def records(self) -> Iterator[tuple[str, int, str, float, bool]]:
        """Every figure as (iso3, year, measure, value, is_estimate), NaN skipped."""
        for measure, matrix in self.values.items():
            rows, cols = np.nonzero(~np.isnan(matrix))
            for r, c in zip(rows, cols, strict=True):
                yield (
                    self.allies[r],
                    int(self.years[c]),
                    measure,
                    float(matrix[r, c]),
                    bool(self.estimate[r, c]),
                )


def figure_table_from_records(
    allies: tuple[str, ...],
    records: Iterable[tuple[str, int, str, float, bool]],
    measures: Iterable[str] = (),
) -> FigureTable:
    """Build a :class:`FigureTable` from (iso3, year, measure, value, is_estimate) records.

    The years run from the first to the last year met; ``measures`` are
    created even when no record carries them. Raises ValueError for an ally
    not in ``allies`` or a figure given twice.
    """
    records = list(records)
    if not records:
        raise ValueError("no figures")
    years = [year for _, year, *_ in records]
    first, last = min(years), max(years)
    position = {code: i for i, code in enumerate(allies)}
    shape = (len(allies), last - first + 1)
    values = {m: np.full(shape, np.nan) for m in measures}
    estimate = np.zeros(shape, dtype=bool)
    for iso3, year, measure, value, is_estimate in records:
        if iso3 not in position:
            raise ValueError(f"unknown ally {iso3!r}")
        matrix = values.setdefault(measure, np.full(shape, np.nan))
        row, col = position[iso3], year - first
        if not math.isnan(matrix[row, col]):
            raise ValueError(f"{measure} for {iso3} {year} given twice")
        matrix[row, col] = value
        estimate[row, col] |= bool(is_estimate)
    return FigureTable(allies, np.arange(first, last + 1), values, estimate)


@dataclass(frozen=True, eq=False)
class Vintage:
    """One source's release of figures.

    Attributes
    ----------
    name : str
        Unique among vintages, e.g. "IMF WEO October 2026".
    kind : VintageKind
    publisher : str
    release_date : str
        ISO date ("2026-04-14"), or year-month ("2026-10") when the source
        gives only the month; "" when unknown.
    cutoff : str
        ISO date of the data cut-off, "" when the source does not say.
    provenance : Provenance
    figures : FigureTable
    bundled : bool
        Shipped with natoplanner (never removed, never stored in a workbook).
    missing : tuple of str
        Allies the source does not cover (ISO3), e.g. Iceland in NATO's tables.
    notes : tuple of str
        What a reader should know: series breaks, definitions, price basis.
    """

    name: str
    kind: VintageKind
    publisher: str
    release_date: str
    cutoff: str
    provenance: Provenance
    figures: FigureTable
    bundled: bool = False
    missing: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def first_year(self) -> int:
        return self.figures.first_year

    @property
    def last_year(self) -> int:
        return self.figures.last_year

    @property
    def price_basis(self) -> str:
        """For a GDP vintage, what stands for the GDP deflator in projections."""
        if self.kind == VintageKind.NATO_EDITION:
            return ""
        if DEFLATOR_PCT in self.figures.values:
            return "GDP deflator"
        return "CPI inflation (stands in for the GDP deflator)"

    def describe(self) -> str:
        """One line: name, kind, publisher, release, cut-off, years, provenance."""
        parts = [f"{self.name} [{self.kind.value}]", self.publisher]
        if self.release_date:
            parts.append(f"released {self.release_date}")
        if self.cutoff:
            parts.append(f"cut-off {self.cutoff}")
        parts.append(f"years {self.first_year}-{self.last_year}")
        if self.missing:
            parts.append("not covered: " + ", ".join(self.missing))
        parts.append(self.provenance.describe())
        return "; ".join(parts)

    def renamed(self, name: str) -> Vintage:
        """The same vintage under another name (to keep two releases apart)."""
        return replace(self, name=name)


def deflator_proxy_pct(vintage: Vintage) -> np.ndarray:
    """The price path (%) a GDP vintage gives projections, allies × vintage years.

    The GDP deflator where the vintage has one for an ally and year, CPI
    inflation elsewhere (DESIGN §4: CPI stands in for the deflator when the
    source gives no deflator).
    """
    values = vintage.figures.values
    cpi = values.get(CPI_INFLATION_PCT)
    deflator = values.get(DEFLATOR_PCT)
    if deflator is None:
        if cpi is None:
            raise ValueError(f"{vintage.name} has neither a GDP deflator nor CPI inflation")
        return cpi
    if cpi is None:
        return deflator
    return np.where(np.isnan(deflator), cpi, deflator)


# -- plausibility --------------------------------------------------------------
@dataclass(frozen=True)
class Contradiction:
    """A figure of a new vintage that differs implausibly from the current one."""

    measure: str
    iso3: str
    year: int
    new: float
    current: float

    def describe(self) -> str:
        return (
            f"{self.iso3} {self.year} {self.measure}: {self.new:g} in the new vintage, "
            f"{self.current:g} in the current one"
        )


def contradictions(
    new: FigureTable,
    current: FigureTable,
    *,
    measures: Mapping[str, str] | None = None,
    ratio: float = PLAUSIBILITY_RATIO,
    rate_pp: float = PLAUSIBILITY_RATE_PP,
) -> list[Contradiction]:
    """Figures of ``new`` that contradict ``current`` for the same ally, year and measure.

    Parameters
    ----------
    new, current : FigureTable
    measures : mapping, optional
        Measure of ``new`` → measure of ``current`` to compare (default: the
        measures both carry, each with itself).
    ratio : float
        Levels and shares contradict when one exceeds the other by more than
        this factor, or when they differ in sign.
    rate_pp : float
        Rates (growth, inflation; :data:`RATE_MEASURES`) contradict when they
        differ by more than this many percentage points, or by a factor of
        :data:`PLAUSIBILITY_RATE_FACTOR` when one is at least 1%.

    Returns
    -------
    list of Contradiction
        Ordered by measure, ally and year.
    """
    pairs = measures or {m: m for m in new.values if m in current.values}
    first = max(new.first_year, current.first_year)
    last = min(new.last_year, current.last_year)
    found: list[Contradiction] = []
    if first > last:
        return found
    rows_current = {code: i for i, code in enumerate(current.allies)}
    common = [(i, rows_current[c]) for i, c in enumerate(new.allies) if c in rows_current]
    if not common:
        return found
    new_rows, current_rows = (np.array(x) for x in zip(*common, strict=True))
    for new_measure, current_measure in pairs.items():
        a = new.values[new_measure][new_rows][:, first - new.first_year : last - new.first_year + 1]
        b = current.values[current_measure][current_rows][
            :, first - current.first_year : last - current.first_year + 1
        ]
        with np.errstate(divide="ignore", invalid="ignore"):
            if new_measure in RATE_MEASURES:
                bigger, smaller = np.maximum(np.abs(a), np.abs(b)), np.minimum(np.abs(a), np.abs(b))
                bad = (np.abs(a - b) > rate_pp) | (
                    (bigger >= 1.0) & (smaller * PLAUSIBILITY_RATE_FACTOR <= bigger)
                )
            else:
                bigger, smaller = np.maximum(np.abs(a), np.abs(b)), np.minimum(np.abs(a), np.abs(b))
                bad = (np.sign(a) * np.sign(b) < 0) | (
                    (bigger > 0) & ((smaller == 0) | (bigger / smaller > ratio))
                )
        bad &= ~np.isnan(a) & ~np.isnan(b)
        for r, c in zip(*np.nonzero(bad), strict=True):
            found.append(
                Contradiction(
                    new_measure,
                    new.allies[new_rows[r]],
                    first + int(c),
                    float(a[r, c]),
                    float(b[r, c]),
                )
            )
    return found


# -- reference series --------------------------------------------------------
@dataclass(frozen=True, eq=False)
class ReferenceSeries:
    """History from a source other than NATO, drawn beside NATO's, never mixed in.

    Attributes
    ----------
    name : str
        Unique, e.g. "SIPRI military expenditure (share of GDP)".
    publisher : str
    measure : str
        "share_gdp_pct" (% of GDP) or "spending_national_million" (million
        national currency).
    definition : str
        How the source's definition differs from NATO's (shown with the series).
    provenance : Provenance
    figures : FigureTable
        One matrix, ``measure``; ``estimate`` as the source flags it.
    release_date : str
    """

    name: str
    publisher: str
    measure: str
    definition: str
    provenance: Provenance
    figures: FigureTable
    release_date: str = ""

    def describe(self) -> str:
        years = f"years {self.figures.first_year}-{self.figures.last_year}"
        allies = len(self.figures.covered(self.measure))
        return (
            f"{self.name} [reference series, {REFERENCE_MEASURE_LABELS[self.measure]}]; "
            f"{self.publisher}; {years}; {allies} allies; {self.provenance.describe()}"
        )


SHARE_GDP_PCT = "share_gdp_pct"
SPENDING_NATIONAL_MN = "spending_national_million"
REFERENCE_MEASURE_LABELS = {
    SHARE_GDP_PCT: "military expenditure, % of GDP",
    SPENDING_NATIONAL_MN: "military expenditure, million national currency",
}


# -- a collection ------------------------------------------------------------
class VintageCatalog:
    """The vintages and reference series available: bundled first, then imported.

    Names are unique (case-insensitive) across vintages and across reference
    series. Bundled vintages cannot be removed.
    """

    def __init__(
        self, vintages: Iterable[Vintage] = (), references: Iterable[ReferenceSeries] = ()
    ) -> None:
        self._vintages: dict[str, Vintage] = {}
        self._references: dict[str, ReferenceSeries] = {}
        for vintage in vintages:
            self.add(vintage)
        for reference in references:
            self.add_reference(reference)

    @property
    def vintages(self) -> tuple[Vintage, ...]:
        return tuple(self._vintages.values())

    @property
    def references(self) -> tuple[ReferenceSeries, ...]:
        return tuple(self._references.values())

    def of_kind(self, kind: VintageKind) -> tuple[Vintage, ...]:
        """Vintages of ``kind``, newest release first (bundled before imported on a tie)."""
        chosen = [v for v in self._vintages.values() if v.kind == kind]
        return tuple(sorted(chosen, key=lambda v: v.release_date, reverse=True))

    def get(self, name: str) -> Vintage:
        """The vintage called ``name`` (any case); KeyError naming the choices."""
        found = self._vintages.get(name.casefold())
        if found is None:
            choices = ", ".join(v.name for v in self._vintages.values())
            raise KeyError(f"no vintage named '{name}'; available: {choices}")
        return found

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.casefold() in self._vintages

    def add(self, vintage: Vintage) -> None:
        """Add a vintage; ValueError when its name is taken by a different one."""
        key = vintage.name.casefold()
        existing = self._vintages.get(key)
        if existing is not None and existing is not vintage:
            if existing.figures.same_figures(vintage.figures):
                return  # the same release read twice: keep the first (bundled) copy
            raise ValueError(
                f"a vintage named '{existing.name}' exists with other figures; "
                "import the new one under another name"
            )
        self._vintages[key] = vintage

    def remove(self, name: str) -> Vintage:
        """Remove an imported vintage; ValueError for a bundled one."""
        vintage = self.get(name)
        if vintage.bundled:
            raise ValueError(f"'{vintage.name}' ships with natoplanner and cannot be removed")
        del self._vintages[vintage.name.casefold()]
        return vintage

    def add_reference(self, reference: ReferenceSeries) -> None:
        """Add (or replace, by name) a reference series."""
        self._references[reference.name.casefold()] = reference

    def remove_reference(self, name: str) -> ReferenceSeries:
        """Remove a reference series; KeyError if unknown."""
        return self._references.pop(name.casefold())

    def reference(self, name: str) -> ReferenceSeries:
        return self._references[name.casefold()]
