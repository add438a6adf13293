"""An import's result: what each cell becomes, the inputs that change, and applying them.

Every value cell of the table gets a :class:`CellReport` (ok, skipped with
the reason, invalid with the reason) with its address ("Sheet1!C7"); the
:class:`ImportPlan` lists the scenario inputs that will change, in scenario
units, and everything skipped or not matched. :func:`apply_plan` sets them
on a scenario, all or nothing.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from natoplanner.core.scenario import MEASURE_LABELS, Measure, Scenario
from natoplanner.io.errors import Problem
from natoplanner.io.sources.labels import LabelKind, shown
from natoplanner.io.sources.numbers import is_missing_marker
from natoplanner.io.sources.settings import ImportSettings, Layout, SourceMeasure, Unit
from natoplanner.io.sources.tabular import RawSheet, RawTable, cell_address

TARGET_MEASURE = {
    SourceMeasure.CORE_BUDGET: Measure.CORE_BUDGET,
    SourceMeasure.SHARE_OF_GDP: Measure.CORE_BUDGET,
    SourceMeasure.NOMINAL_GDP: Measure.NOMINAL_GDP,
    SourceMeasure.REAL_GROWTH: Measure.REAL_GROWTH,
    SourceMeasure.INFLATION: Measure.DEFLATOR,
}


class CellStatus(StrEnum):
    OK = "ok"
    SKIPPED = "skipped"
    INVALID = "invalid"


@dataclass(slots=True)
class CellReport:
    """What happens to one value cell. ``row``/``col`` are 0-based grid positions."""

    row: int
    col: int
    address: str
    status: CellStatus
    reason: str = ""
    iso3: str | None = None
    year: int | None = None
    source_value: float | None = None
    value: float | None = None  # in scenario units, when OK


@dataclass(slots=True)
class RowReport:
    """What the country cell of one row was matched to."""

    row: int
    address: str
    text: str
    kind: LabelKind
    iso3: str | None = None
    suggestion_iso3: str | None = None
    reason: str = ""


@dataclass(frozen=True)
class Change:
    """One scenario input to set: ``value`` in the unit of ``measure``."""

    measure: Measure
    iso3: str
    year: int
    value: float
    source: str  # cell address
    source_value: float
    #: The figure in its own measure's unit after conversion: a share in % of GDP, an
    #: amount in million (budget) or billion (GDP) national currency, a rate in %.
    in_measure_unit: float | None = None


@dataclass(slots=True)
class SkippedItem:
    """A cell or row not imported, with why (``category`` groups them in summaries)."""

    address: str
    category: str
    reason: str
    text: str = ""


@dataclass(frozen=True)
class UnmatchedName:
    """A row label that is no known country; ``suggestion_iso3`` is the closest ally."""

    address: str
    text: str
    suggestion_iso3: str | None
    suggestion_name: str | None
    #: True when the row holds figures: they would be lost, so it is an error.
    has_values: bool = False


@dataclass
class ImportPlan:
    """The inputs an import will set, and everything it leaves out and why."""

    source: str
    settings: ImportSettings
    changes: list[Change] = field(default_factory=list)
    skipped: list[SkippedItem] = field(default_factory=list)
    invalid: list[SkippedItem] = field(default_factory=list)
    unmatched: list[UnmatchedName] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Cells imported but worth a look (an odd figure, a row given twice alike).
    warnings: list[SkippedItem] = field(default_factory=list)
    #: Problems of the whole table (which column, which unit): nothing is imported until solved.
    blocking: list[SkippedItem] = field(default_factory=list)
    #: The unit under which most figures would be plausible, when the chosen one is not.
    likely_unit: Unit | None = None

    @property
    def importable(self) -> bool:
        """True when at least one input would change and nothing blocks the import."""
        return bool(self.changes) and not self.blocking

    @property
    def has_errors(self) -> bool:
        """True when a figure of the source would be lost or misread: the import must stop.

        Invalid cells, unknown names holding figures, and problems of the
        whole table. ``--partial`` (and the dialog's explicit choice) imports
        the valid cells anyway, except when the whole table is in doubt.
        """
        return bool(self.invalid or self.blocking or any(u.has_values for u in self.unmatched))

    def errors(self) -> list[Problem]:
        """The problems that stop an import (see :attr:`has_errors`)."""
        return [p for p in self.problems() if p.severity == "error"]

    @property
    def allies(self) -> list[str]:
        return sorted({c.iso3 for c in self.changes})

    @property
    def years(self) -> list[int]:
        return sorted({c.year for c in self.changes})

    def problems(self) -> list[Problem]:
        """Every problem with its place: errors first (blocking, invalid, unknown names
        holding figures), then warnings (odd figures, names without figures)."""
        sheet = self.settings.sheet
        found: list[Problem] = []
        for item in self.blocking:
            found.append(Problem(self.source, item.reason, sheet, local_address(item.address)))
        for item in self.invalid:
            found.append(
                Problem(
                    self.source,
                    item.reason,
                    sheet,
                    local_address(item.address),
                    expected=_expected(self.settings),
                    found=short_text(item.text),
                )
            )
        for name in self.unmatched:
            hint = (
                f"; did you mean {name.suggestion_name} ({name.suggestion_iso3})?"
                if name.suggestion_iso3
                else ""
            )
            holding = ": its figures are not imported" if name.has_values else ""
            found.append(
                Problem(
                    self.source,
                    f"'{short_text(name.text)}' is not a NATO ally{hint}{holding}",
                    sheet,
                    local_address(name.address),
                    severity="error" if name.has_values else "warning",
                )
            )
        for item in self.warnings:
            found.append(
                Problem(
                    self.source,
                    item.reason,
                    sheet,
                    local_address(item.address),
                    severity="warning",
                )
            )
        found.sort(key=lambda p: p.severity != "error")
        return found

    def summary(self) -> str:
        """What changes (allies, years, cells) and what is skipped and why, in plain words."""
        lines = []
        if self.changes:
            measures = ", ".join(sorted({MEASURE_LABELS[c.measure] for c in self.changes}))
            years = self.years
            lines.append(
                f"{len(self.changes)} cells for {len(self.allies)} allies "
                f"({', '.join(self.allies)}), years {_span(years)}: {measures}"
            )
        else:
            lines.append("nothing to import")
        if self.blocking:
            lines.insert(
                0, "nothing will be imported until this is settled: " + self.blocking[0].reason
            )
        lines += [f"note: {n}" for n in self.notes]
        by_category: dict[str, list[SkippedItem]] = defaultdict(list)
        for item in self.skipped:
            by_category[item.category].append(item)
        for category, items in by_category.items():
            names = sorted({i.text for i in items if i.text})
            listed = f": {', '.join(names[:12])}{' …' if len(names) > 12 else ''}" if names else ""
            lines.append(f"skipped {len(items)} × {category}{listed}")
        if self.unmatched:
            lines.append(
                f"not matched {len(self.unmatched)} names: "
                + "; ".join(
                    f"'{short_text(u.text)}'"
                    + (f" (closest ally: {u.suggestion_name})" if u.suggestion_name else "")
                    for u in self.unmatched[:12]
                )
            )
        if self.invalid:
            lines.append(
                f"invalid {len(self.invalid)} cells: "
                + "; ".join(f"{local_address(i.address)} {i.reason}" for i in self.invalid[:8])
                + (" …" if len(self.invalid) > 8 else "")
            )
        return "\n".join(lines)


@dataclass
class ImportPreview:
    """The table as read with a status for every value cell, and the resulting plan.

    ``cells`` maps (row, col) grid positions to reports; :meth:`report_at`
    returns None for cells that are not values (titles, header, labels).
    """

    table: RawTable
    sheet: RawSheet
    settings: ImportSettings
    cells: dict[tuple[int, int], CellReport]
    rows: list[RowReport]
    plan: ImportPlan

    def __post_init__(self) -> None:
        self._counts: Counter[CellStatus] | None = None
        self._extent: tuple[int, ...] | None = None
        self._details: str | None = None
        self._row_reports = {r.row: r for r in self.rows}
        s = self.settings
        self._value_columns = (
            {c for c, _ in s.year_columns} if s.layout is Layout.WIDE else {s.value_column}
        )

    def report_at(self, row: int, col: int) -> CellReport | None:
        """The report of a value cell, None for titles, headers, labels and empty cells.

        Cells in rows that are not allies (regions, other countries, unknown
        names) are reported as skipped with the row's reason.
        """
        report = self.cells.get((row, col))
        if report is not None:
            return report
        row_report = self._row_reports.get(row)
        if (
            row_report is None
            or row_report.kind is LabelKind.ALLY
            or col not in self._value_columns
        ):
            return None
        if blank_cell(self.sheet.cell(row, col)):
            return None
        year = dict(self.settings.year_columns).get(col)
        return CellReport(
            row,
            col,
            cell_address(row, col, self.sheet.name),
            CellStatus.SKIPPED,
            row_report.reason,
            year=year,
        )

    def row_report(self, row: int) -> RowReport | None:
        """What the country cell of grid row ``row`` was matched to (None: no report)."""
        return self._row_reports.get(row)

    def prepare(self) -> None:
        """Compute what a window shows of the whole preview (counts, width, report text).

        Called where the preview is built (a worker thread in the GUI), so showing
        a 200,000-row preview never walks the rows on the window's thread.
        """
        self.counts()
        _ = self.sheet.n_cols
        self.details()
        self.imported_extent()

    def imported_extent(self) -> tuple[int, int, int] | None:
        """(row, column) of the first imported cell and the last imported column, or None."""
        if self._extent is None:
            imported = [c for c in self.cells.values() if c.status is CellStatus.OK]
            if not imported:
                self._extent = ()
            else:
                first = min(imported, key=lambda c: (c.row, c.col))
                self._extent = (first.row, first.col, max(c.col for c in imported))
        return self._extent or None

    def details(self) -> str:
        """The plan's summary and every problem (at most 200), as the dialog shows them."""
        if self._details is None:
            problems = self.plan.problems()
            listed = "\n".join(f"{p.severity}: {p}" for p in problems[:200])
            more = f"\n… and {len(problems) - 200} more" if len(problems) > 200 else ""
            self._details = self.plan.summary() + ("\n\n" + listed + more if listed else "")
        return self._details

    def counts(self) -> Counter[CellStatus]:
        """How many value cells are ok, skipped and invalid."""
        if self._counts is not None:
            return self._counts
        counts = Counter(report.status for report in self.cells.values())
        for row_report in self.rows:
            if row_report.kind is not LabelKind.ALLY:
                counts[CellStatus.SKIPPED] += sum(
                    not blank_cell(self.sheet.cell(row_report.row, c)) for c in self._value_columns
                )
        self._counts = counts
        return counts


# -- applying -------------------------------------------------------------------
def apply_plan(scenario: Scenario, plan: ImportPlan) -> str:
    """Set every change of ``plan`` on ``scenario``; all or nothing. Returns the summary.

    Take ``scenario.state()`` before calling to undo the whole import as one
    step with ``scenario.restore(state)``.

    Raises
    ------
    ScenarioInputError
        When a value is refused by the scenario; no input is changed then.
    """
    before = scenario.state()
    try:
        for change in plan.changes:
            scenario.set_year_input(change.measure, change.iso3, change.year, change.value)
    except Exception:
        scenario.restore(before)
        raise
    return plan.summary()


# -- small helpers ---------------------------------------------------------------
def _at(row: list[object], col: int | None) -> object:
    return row[col] if col is not None and 0 <= col < len(row) else ""


def blank_cell(cell: object) -> bool:
    """True for an empty cell or a missing-figure marker ("...", "n/a")."""
    if cell == "":
        return True
    return type(cell) is str and len(cell) <= 8 and _marker(cell)


_marker = functools.lru_cache(maxsize=4096)(is_missing_marker)


def local_address(address: str) -> str:
    return address.rsplit("!", 1)[-1]


def short_text(text: str, limit: int = 60) -> str:
    """``text`` for a message: control characters escaped, never removed; cut at ``limit``."""
    return shown(text, limit)


def _span(years: list[int]) -> str:
    return f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])


def _expected(settings: ImportSettings) -> str:
    return f"a number: {settings.measure.label} in {settings.unit.label}"


#: The unit of each source measure's figures after conversion (``check --csv``).
MEASURE_UNITS = {
    SourceMeasure.CORE_BUDGET: "million national currency",
    SourceMeasure.SHARE_OF_GDP: "% of GDP",
    SourceMeasure.NOMINAL_GDP: "billion national currency",
    SourceMeasure.REAL_GROWTH: "%",
    SourceMeasure.INFLATION: "%",
}


def plan_from_scenario(source: Scenario, target: Scenario, source_name: str) -> list[Change]:
    """The typed year inputs of scenario ``source`` as changes to ``target`` ("import its inputs").

    Only the years both scenarios hold; policies, targets and the name are
    not inputs of a year and stay as ``target`` has them.
    """
    years = sorted(set(int(y) for y in source.years) & set(int(y) for y in target.years))
    changes = []
    for measure in Measure:
        for ally in source.allies:
            for year in years:
                value = source.year_input(measure, ally.iso3, year)
                if value is not None:
                    cell = f"{source_name}: {ally.iso3} {year} {measure.value}"
                    changes.append(Change(measure, ally.iso3, year, value, cell, value, value))
    return changes
