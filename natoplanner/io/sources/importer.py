"""Import figures from a spreadsheet into a scenario: preview, plan, apply.

The flow the GUI's import dialog and the command line share::

    table = read_table(path)                       # raw cells (tabular.py)
    detection = detect(table)                      # guessed ImportSettings + notes
    preview = preview_import(table, detection.settings, scenario)
    # the user corrects: settings = preview.settings.with_changes(unit=Unit.PERCENT)
    preview = preview_import(table, settings, scenario)
    summary = apply_plan(scenario, preview.plan)   # one step; state() before it undoes it

Every value cell of the table gets a :class:`CellReport` (ok, skipped with
the reason, invalid with the reason) with its address ("Sheet1!C7"); the
:class:`ImportPlan` lists the scenario inputs that will change, in scenario
units, and everything skipped or not matched.

Mapping to scenario inputs (units of :class:`~natoplanner.core.scenario.Measure`):

- core budget → ``CORE_BUDGET`` in million national currency; US dollars are
  converted at NATO's base-year exchange rate (``scenario.base.fx_per_usd``).
- share of GDP → ``CORE_BUDGET``: share × the cost of one point of GDP on
  NATO's basis in that year (``Projection.paths.pp_cost_mn``), so the
  projected share equals the imported one under the scenario's GDP path.
- nominal GDP → ``NOMINAL_GDP`` in billion national currency (USD converted).
- real growth → ``REAL_GROWTH`` (%); inflation → ``DEFLATOR`` (%).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from pathlib import Path

import numpy as np

from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Measure, Scenario
from natoplanner.io.errors import FileProblemError
from natoplanner.io.sources.detect import detect
from natoplanner.io.sources.labels import LabelKind, LabelMatch, classify_label, year_from_header
from natoplanner.io.sources.numbers import NumberTextError, parse_number
from natoplanner.io.sources.plan import (
    TARGET_MEASURE,
    CellReport,
    CellStatus,
    Change,
    ImportPlan,
    ImportPreview,
    RowReport,
    SkippedItem,
    UnmatchedName,
    apply_plan,
    blank_cell,
    local_address,
    short_text,
)
from natoplanner.io.sources.settings import (
    Detection,
    ImportSettings,
    Layout,
    SourceMeasure,
    Unit,
    UnitHint,
    units_for,
)
from natoplanner.io.sources.tabular import RawSheet, RawTable, cell_address, read_table
from natoplanner.io.sources.units import guess_unit

__all__ = [
    "CellReport",
    "CellStatus",
    "Change",
    "Detection",
    "ImportPlan",
    "ImportPreview",
    "ImportSettings",
    "Layout",
    "RowReport",
    "SkippedItem",
    "TARGET_MEASURE",
    "SourceMeasure",
    "Unit",
    "UnmatchedName",
    "apply_plan",
    "detect",
    "plan_file",
    "preview_import",
    "read_table",
    "units_for",
]

#: Rows between progress reports (and cancel checks) while building a preview.
PROGRESS_EVERY_ROWS = 5000


# -- building the preview --------------------------------------------------------
def plan_file(
    path: str | Path,
    scenario: Scenario,
    *,
    sheet: str | None = None,
    measure: SourceMeasure | str | None = None,
    unit: Unit | str | None = None,
) -> ImportPreview:
    """Read, detect and preview ``path`` in one call (the command line's path).

    ``measure`` and ``unit`` override the detected ones; when only the
    measure is given, the unit is guessed again for it.
    """
    table = read_table(path)
    detection = detect(table, sheet, dataset=scenario.dataset)
    settings = detection.settings
    if measure is not None and SourceMeasure(measure) != settings.measure:
        guessed, _ = guess_unit(
            SourceMeasure(measure), _hint_from(settings.unit), [], scenario.dataset
        )
        settings = settings.with_changes(
            measure=SourceMeasure(measure), unit=Unit(unit) if unit is not None else guessed
        )
    elif unit is not None:
        settings = settings.with_changes(unit=Unit(unit))
    preview = preview_import(table, settings, scenario)
    preview.plan.notes[:0] = list(detection.notes)
    return preview


def _hint_from(unit: Unit) -> UnitHint:
    """Keep the currency and scale the file stated when the user changes the measure."""
    return UnitHint(unit.is_usd, unit.scale) if unit.is_money else UnitHint()


def preview_import(
    table: RawTable,
    settings: ImportSettings,
    scenario: Scenario,
    progress: Callable[[int, int], None] | None = None,
) -> ImportPreview:
    """Classify every value cell under ``settings`` and build the plan for ``scenario``.

    ``progress(rows_done, rows_total)`` is called every few thousand rows; it
    may raise to stop the work (a GUI's cancel button), so a large file never
    runs to its end after the user gave up on it.

    Raises
    ------
    FileProblemError
        When the settings point outside the sheet.
    ValueError
        When the settings are inconsistent (see :meth:`ImportSettings.validate`).
    """
    settings.validate()
    sheet = table.sheet(settings.sheet)
    if settings.header_row >= sheet.n_rows:
        raise FileProblemError.at(
            table.path,
            "the header row is below the end of the sheet",
            sheet=sheet.name,
            expected=f"a row ≤ {sheet.n_rows}",
            found=settings.header_row + 1,
        )
    builder = _PlanBuilder(table, sheet, settings, scenario)
    builder.run(progress)
    return ImportPreview(table, sheet, settings, builder.cells, builder.rows, builder.plan)


class _PlanBuilder:
    def __init__(
        self, table: RawTable, sheet: RawSheet, settings: ImportSettings, scenario: Scenario
    ) -> None:
        self.table, self.sheet, self.settings, self.scenario = table, sheet, settings, scenario
        self.registry = scenario.dataset.registry
        self.decimal = table.csv_format.decimal if table.csv_format else None
        self.plan = ImportPlan(str(table.path), settings)
        self.cells: dict[tuple[int, int], CellReport] = {}
        self.rows: list[RowReport] = []
        self.years = set(int(y) for y in scenario.years)
        self.first_year, self.last_year = int(scenario.years[0]), int(scenario.years[-1])
        self.target = TARGET_MEASURE[settings.measure]
        self.pp_cost_mn = None
        if settings.measure is SourceMeasure.SHARE_OF_GDP:
            self.pp_cost_mn = Projection(scenario.copy()).paths.pp_cost_mn
        self.seen: dict[tuple[str, int], str] = {}
        self.ally_rows: dict[str, str] = {}
        self._labels: dict[str, LabelMatch] = {}
        self._reasons: dict[int, str] = {}
        self._years_read: dict[object, int | None] = {}
        self._no_forces = {a.iso3 for a in scenario.allies if a.no_armed_forces}

    # -- rows ---------------------------------------------------------------
    def run(self, progress: Callable[[int, int], None] | None = None) -> None:
        s = self.settings
        total = self.sheet.n_rows
        for r in range(s.header_row + 1, total):
            if progress is not None and r % PROGRESS_EVERY_ROWS == 0:
                progress(r, total)
            row = self.sheet.rows[r]
            if s.layout is Layout.WIDE:
                value_cells = [(c, y) for c, y in s.year_columns]
            else:
                value_cells = [(s.value_column, self._long_year(row, r))]
            if all(blank_cell(_at(row, c)) for c, _ in value_cells) and blank_cell(
                _at(row, s.country_column)
            ):
                continue
            label = self._label(_at(row, s.country_column))
            address = cell_address(r, s.country_column, self.sheet.name)
            self._report_row(r, address, label, row, value_cells)
        self._add_notes()

    def _long_year(self, row: list[object], r: int) -> int | None:
        cell = _at(row, self.settings.year_column)
        key = cell if isinstance(cell, (str, float)) else repr(cell)
        if key not in self._years_read:
            self._years_read[key] = year_from_header(cell)
        return self._years_read[key]

    def _label(self, cell: object) -> LabelMatch:
        key = cell if isinstance(cell, str) else repr(cell)
        if key not in self._labels:
            self._labels[key] = classify_label(cell, self.registry)
        return self._labels[key]

    def _report_row(
        self,
        r: int,
        address: str,
        label: LabelMatch,
        row: list[object],
        value_cells: list[tuple[int, int | None]],
    ) -> None:
        has_values = any(not blank_cell(_at(row, c)) for c, _ in value_cells)
        if label.kind is not LabelKind.ALLY:
            reason = self._reasons.get(id(label))
            if reason is None:
                reason = self._reasons[id(label)] = _label_reason(label)
            self.rows.append(
                RowReport(
                    r,
                    address,
                    label.text,
                    label.kind,
                    None,
                    label.suggestion.iso3 if label.suggestion else None,
                    reason,
                )
            )
            if has_values or label.kind in (LabelKind.REGION, LabelKind.OTHER_COUNTRY):
                self._record_unmatched_row(address, label, reason)
            return
        iso3 = label.ally.iso3
        self.rows.append(RowReport(r, address, label.text, label.kind, iso3))
        if self.settings.layout is Layout.WIDE:
            if iso3 in self.ally_rows:
                first = local_address(self.ally_rows[iso3])
                reason = f"{label.ally.name_en} is already given in {first}; this row is ignored"
                self.plan.invalid.append(SkippedItem(address, "duplicate ally", reason, label.text))
                for c, year in value_cells:
                    if not blank_cell(_at(row, c)):
                        self._cell(r, c, CellStatus.INVALID, reason, iso3, year)
                return
            self.ally_rows[iso3] = address
        for c, year in value_cells:
            self._value(r, c, iso3, year, _at(row, c))

    def _record_unmatched_row(self, address: str, label: LabelMatch, reason: str) -> None:
        if label.kind is LabelKind.UNKNOWN:
            s = label.suggestion
            self.plan.unmatched.append(
                UnmatchedName(address, label.text, s.iso3 if s else None, s.name_en if s else None)
            )
        elif label.kind is LabelKind.BLANK:
            self.plan.skipped.append(SkippedItem(address, "rows without a country name", reason))
        else:
            category = {
                LabelKind.REGION: "regions or totals",
                LabelKind.OTHER_COUNTRY: "countries not in NATO",
                LabelKind.NOT_A_NAME: "rows whose label is not a country name",
            }[label.kind]
            self.plan.skipped.append(
                SkippedItem(address, category, reason, short_text(label.text, 30))
            )

    # -- cells --------------------------------------------------------------
    def _value(self, r: int, c: int, iso3: str, year: int | None, cell: object) -> None:
        if (r, c) in self.sheet.uncached_formulas:
            self._skip(
                r,
                c,
                "formulas without a saved value",
                "formula without a saved value: open and save the file in Excel or LibreOffice",
                iso3,
                year,
            )
            return
        if blank_cell(cell):
            if not (isinstance(cell, str) and cell.strip() == ""):
                self._cell(r, c, CellStatus.SKIPPED, f"no figure ('{cell.strip()}')", iso3, year)
                self.plan.skipped.append(
                    SkippedItem(
                        cell_address(r, c, self.sheet.name),
                        "cells marked as missing ('...', 'xxx', 'n/a')",
                        f"no figure ('{cell.strip()}')",
                    )
                )
            return
        if year is None:
            self._invalid(r, c, "the year cell of this row is not a year", iso3, None, cell)
            return
        try:
            number = self._number(cell)
        except NumberTextError as error:
            self._invalid(r, c, error.reason, iso3, year, cell)
            return
        if year not in self.years:
            when = "history" if year < self.first_year else "after the last projection year"
            self._skip(
                r,
                c,
                f"cells for years outside {self.first_year}–{self.last_year} ({when})",
                f"{year} is {when}: scenarios take inputs for {self.first_year}–{self.last_year}",
                iso3,
                year,
                number,
            )
            return
        if iso3 in self._no_forces:
            self._skip(
                r,
                c,
                "Iceland (no armed forces, no path)",
                "Iceland has no armed forces: no projection to set",
                iso3,
                year,
                number,
            )
            return
        if (iso3, year) in self.seen:
            self._invalid(
                r,
                c,
                f"{iso3} {year} is already given in {local_address(self.seen[(iso3, year)])}",
                iso3,
                year,
                cell,
            )
            return
        try:
            value = self._convert(iso3, year, number)
        except ValueError as error:
            self._invalid(r, c, str(error), iso3, year, cell)
            return
        address = cell_address(r, c, self.sheet.name)
        self.seen[(iso3, year)] = address
        self.cells[(r, c)] = CellReport(r, c, address, CellStatus.OK, "", iso3, year, number, value)
        self.plan.changes.append(Change(self.target, iso3, year, value, address, number))

    def _number(self, cell: object) -> float:
        if isinstance(cell, bool):
            raise NumberTextError(str(cell), "TRUE/FALSE, expected a number")
        if isinstance(cell, (dt.date, dt.datetime, dt.time, dt.timedelta)):
            raise NumberTextError(
                str(cell), f"a date ({cell}), expected a number — check the cell format"
            )
        if isinstance(cell, (int, float)):
            if not math.isfinite(cell):
                raise NumberTextError(str(cell), "not a finite number")
            return float(cell)
        return parse_number(str(cell), self.decimal or ".")

    def _convert(self, iso3: str, year: int, number: float) -> float:
        """Source value → scenario units, with the scenario's limits (ValueError says why)."""
        s = self.settings
        unit = s.unit
        row = self.scenario.row(iso3)
        if s.measure.is_money:
            if number < 0:
                raise ValueError(f"negative amount {number:g}")
            amount = number * unit.scale
            if unit.is_usd:
                amount *= float(self.scenario.base.fx_per_usd[row])
            if s.measure is SourceMeasure.CORE_BUDGET:
                value = amount / 1e6
                if value > 1e12:
                    raise ValueError("implausibly large budget (over 10^18 national currency)")
                return value
            value = amount / 1e9
            if value <= 0:
                raise ValueError("GDP must be positive")
            return value
        pct = number * unit.scale
        if s.measure is SourceMeasure.SHARE_OF_GDP:
            if not 0 <= pct <= 100:
                raise ValueError(f"{pct:g}% of GDP is outside 0–100%")
            cost = self.pp_cost_mn[row, year - self.scenario.base_year]
            return float(pct * cost)
        if pct <= -100 or pct > 1000:
            raise ValueError(f"{pct:g}% a year is outside -100%..1000%")
        return pct

    def _cell(
        self,
        r: int,
        c: int,
        status: CellStatus,
        reason: str,
        iso3: str | None = None,
        year: int | None = None,
        number: float | None = None,
    ) -> None:
        self.cells[(r, c)] = CellReport(
            r, c, cell_address(r, c, self.sheet.name), status, reason, iso3, year, number
        )

    def _skip(
        self,
        r: int,
        c: int,
        category: str,
        reason: str,
        iso3: str,
        year: int | None,
        number: float | None = None,
    ) -> None:
        self._cell(r, c, CellStatus.SKIPPED, reason, iso3, year, number)
        self.plan.skipped.append(SkippedItem(cell_address(r, c, self.sheet.name), category, reason))

    def _invalid(
        self, r: int, c: int, reason: str, iso3: str, year: int | None, cell: object
    ) -> None:
        self._cell(r, c, CellStatus.INVALID, reason, iso3, year)
        self.plan.invalid.append(
            SkippedItem(
                cell_address(r, c, self.sheet.name), "invalid", reason, short_text(str(cell))
            )
        )

    # -- notes --------------------------------------------------------------
    def _add_notes(self) -> None:
        s, notes = self.settings, self.plan.notes
        notes.append(f"read as {s.measure.label} in {s.unit.label}")
        if s.measure.is_money and s.unit.is_usd:
            notes.append(
                f"US dollars converted to national currency at NATO's {self.scenario.base_year} "
                f"exchange rates (base year of the scenario)"
            )
        if s.measure is SourceMeasure.SHARE_OF_GDP:
            notes.append(
                "shares become core budget amounts: share × the cost of one point of GDP in that "
                "year under the scenario's GDP path (NATO's basis)"
            )
        if s.measure is SourceMeasure.INFLATION:
            notes.append("inflation is set as the GDP deflator input")
        if self.table.csv_format:
            notes.append(self.table.csv_format.describe())
        if (
            self.plan.changes
            and self.target is Measure.CORE_BUDGET
            and s.measure is SourceMeasure.CORE_BUDGET
        ):
            notes.extend(self._implausible_shares())

    def _implausible_shares(self) -> list[str]:
        """Warn when imported budgets imply a share of GDP that suggests a unit mistake."""
        paths = Projection(self.scenario.copy()).paths
        odd = []
        for change in self.plan.changes:
            row, col = self.scenario.row(change.iso3), change.year - self.scenario.base_year
            share = change.value / paths.pp_cost_mn[row, col]
            if np.isfinite(share) and not 0.2 <= share <= 25:
                odd.append((change, share))
        if not odd:
            return []
        change, share = odd[0]
        return [
            f"warning: {len(odd)} amounts imply an implausible share of GDP, "
            f"e.g. {change.iso3} {change.year} "
            f"({local_address(change.source)}) = {share:.3g}% of GDP — check the unit"
        ]


# -- small helpers ---------------------------------------------------------------
def _at(row: list[object], col: int | None) -> object:
    return row[col] if col is not None and 0 <= col < len(row) else ""


def _label_reason(label: LabelMatch) -> str:
    match label.kind:
        case LabelKind.REGION:
            return f"'{short_text(label.text)}' is a region or total, not a country"
        case LabelKind.OTHER_COUNTRY:
            return f"'{short_text(label.text)}' is not a NATO ally"
        case LabelKind.UNKNOWN:
            hint = f"; closest ally: {label.suggestion.name_en}" if label.suggestion else ""
            return f"'{short_text(label.text)}' is not a known country{hint}"
        case LabelKind.BLANK:
            return "no country name in this row"
        case _:
            return f"'{short_text(label.text)}' is not a country name"
