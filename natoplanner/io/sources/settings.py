"""What an import reads and how: the vocabulary the detector, the preview and the user share.

:class:`ImportSettings` is what the user sees and corrects in the import
preview; the importer follows it exactly. :class:`SourceMeasure` says what
the figures are, :class:`Unit` how they are written (currency and scale, or
percent and fraction).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum


class Layout(StrEnum):
    """WIDE: one row per country, one column per year. LONG: country, year, value columns."""

    WIDE = "wide"
    LONG = "long"


class SourceMeasure(StrEnum):
    """What the imported figures are (before conversion to scenario inputs)."""

    CORE_BUDGET = "core_budget"
    SHARE_OF_GDP = "share_of_gdp"
    NOMINAL_GDP = "nominal_gdp"
    REAL_GROWTH = "real_growth"
    INFLATION = "inflation"

    @property
    def label(self) -> str:
        return {
            "core_budget": "core defence budget",
            "share_of_gdp": "core defence as a share of GDP",
            "nominal_gdp": "nominal GDP",
            "real_growth": "real GDP growth",
            "inflation": "inflation (used as the GDP deflator)",
        }[self.value]

    @property
    def is_money(self) -> bool:
        return self in (SourceMeasure.CORE_BUDGET, SourceMeasure.NOMINAL_GDP)


class Unit(StrEnum):
    """The unit of the imported figures.

    Money: national currency or US dollars, in units, thousands, millions or
    billions. Rates and shares: percent (4.25 = 4.25%) or fraction (0.0425).
    """

    NATIONAL = "national"
    NATIONAL_THOUSANDS = "national_thousands"
    NATIONAL_MILLIONS = "national_millions"
    NATIONAL_BILLIONS = "national_billions"
    USD = "usd"
    USD_THOUSANDS = "usd_thousands"
    USD_MILLIONS = "usd_millions"
    USD_BILLIONS = "usd_billions"
    PERCENT = "percent"
    FRACTION = "fraction"

    @property
    def is_money(self) -> bool:
        return self not in (Unit.PERCENT, Unit.FRACTION)

    @property
    def is_usd(self) -> bool:
        return self.value.startswith("usd")

    @property
    def scale(self) -> float:
        """Multiplier to whole currency units (money) or to percent (rates)."""
        if self is Unit.FRACTION:
            return 100.0
        for suffix, factor in (("_thousands", 1e3), ("_millions", 1e6), ("_billions", 1e9)):
            if self.value.endswith(suffix):
                return factor
        return 1.0

    @property
    def label(self) -> str:
        if not self.is_money:
            return "percent (4.25 = 4.25%)" if self is Unit.PERCENT else "fraction (0.0425 = 4.25%)"
        size = {1.0: "", 1e3: "thousand ", 1e6: "million ", 1e9: "billion "}[self.scale]
        return f"{size}{'US dollars' if self.is_usd else 'national currency'}".strip()

    @classmethod
    def money(cls, usd: bool, scale: float) -> Unit:
        size = {1.0: "", 1e3: "_thousands", 1e6: "_millions", 1e9: "_billions"}[scale]
        return cls(("usd" if usd else "national") + size)


def units_for(measure: SourceMeasure) -> tuple[Unit, ...]:
    """The units that make sense for ``measure`` (for a unit drop-down)."""
    if SourceMeasure(measure).is_money:
        return tuple(u for u in Unit if u.is_money)
    return (Unit.PERCENT, Unit.FRACTION)


@dataclass(frozen=True)
class ImportSettings:
    """How to read a table; detected, shown in the preview, corrected by the user.

    Rows and columns are 0-based indexes into the sheet's grid (row 0 is
    Excel's row 1). ``year_columns`` pairs each value column with its year
    (wide layout); ``year_column`` and ``value_column`` are for the long layout.
    """

    sheet: str
    header_row: int
    layout: Layout
    country_column: int
    measure: SourceMeasure
    unit: Unit
    year_columns: tuple[tuple[int, int], ...] = ()
    year_column: int | None = None
    value_column: int | None = None
    #: Columns that could each hold the values of a long table, while nobody chose one.
    value_candidates: tuple[int, ...] = ()

    def with_changes(self, **changes: object) -> ImportSettings:
        """A corrected copy, e.g. ``settings.with_changes(unit=Unit.PERCENT)``; validated."""
        updated = replace(self, **changes)
        updated.validate()
        return updated

    def with_measure(self, measure: SourceMeasure, unit: Unit | None = None) -> ImportSettings:
        """A copy for another measure; keeps the unit if it fits, else the measure's usual unit."""
        measure = SourceMeasure(measure)
        fitting = units_for(measure)
        if unit is None:
            if self.unit in fitting:
                unit = self.unit
            else:
                unit = (
                    Unit.NATIONAL_MILLIONS if measure is SourceMeasure.CORE_BUDGET else fitting[0]
                )
                if measure is SourceMeasure.NOMINAL_GDP:
                    unit = Unit.NATIONAL_BILLIONS
        return self.with_changes(measure=measure, unit=Unit(unit))

    def validate(self) -> None:
        """Raise ValueError when the settings cannot describe a table."""
        if Unit(self.unit) not in units_for(self.measure):
            raise ValueError(
                f"unit '{self.unit.label}' does not fit {self.measure.label}; "
                f"choose one of: {', '.join(u.value for u in units_for(self.measure))}"
            )
        if self.header_row < 0 or self.country_column < 0:
            raise ValueError("header row and country column must be ≥ 0")
        if self.layout is Layout.WIDE and not self.year_columns:
            raise ValueError("a wide table needs at least one year column")
        if self.layout is Layout.LONG and (self.year_column is None or self.value_column is None):
            raise ValueError("a long table needs a year column and a value column")


@dataclass(frozen=True)
class UnitHint:
    """What the texts say about the unit: currency (None = silent), scale, a "%" sign."""

    usd: bool | None = None
    scale: float | None = None
    percent: bool = False


@dataclass(frozen=True)
class Detection:
    """The guessed settings and, in plain words, why.

    ``hint`` is what the file's words say about the unit; ``measure_named``
    is False when no word named the measure (core budget was assumed).
    """

    settings: ImportSettings
    notes: tuple[str, ...] = field(default=())
    hint: UnitHint = field(default_factory=UnitHint)
    measure_named: bool = True
