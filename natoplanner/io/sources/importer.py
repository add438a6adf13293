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
import gc
import math
from collections.abc import Callable
from pathlib import Path

from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Measure, Scenario
from natoplanner.io.errors import FileProblemError
from natoplanner.io.sources.detect import (
    column_index,
    describe_column,
    detect,
    measure_contradiction,
    refuse_contradicting_measure,
    table_decimal,
)
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
from natoplanner.io.sources.plausibility import Reference, References, is_plausible
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
    column: str | None = None,
    measure: SourceMeasure | str | None = None,
    unit: Unit | str | None = None,
) -> ImportPreview:
    """Read, detect and preview ``path`` in one call (the command line's path).

    ``column`` names the value column of a long table (its letter, "C", or
    its heading); the measure and unit then come from that column's header.
    ``measure`` and ``unit`` override the detected ones; when only the
    measure is given, the unit is guessed again for it.

    Raises
    ------
    FileProblemError
        When the file cannot be read, holds no table, names no such column,
        or when ``measure`` contradicts the column's header (a share of GDP
        read as amounts).
    ValueError
        When ``unit`` does not fit ``measure``.
    """
    table = read_table(path)
    detection = detect(table, sheet, dataset=scenario.dataset)
    if column is not None:
        found = detection.settings
        index = column_index(table, table.sheet(found.sheet), found.header_row, column)
        detection = detect(table, found.sheet, dataset=scenario.dataset, column=index)
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
    if measure is not None:
        refuse_contradicting_measure(table, settings)
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
    # The preview allocates one small object per cell and row, none cyclic; the
    # collector's full passes over a 200,000-row sheet would double the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        builder.run(progress)
    finally:
        if collecting:
            gc.enable()
    preview = ImportPreview(table, sheet, settings, builder.cells, builder.rows, builder.plan)
    return preview


class _PlanBuilder:
    def __init__(
        self, table: RawTable, sheet: RawSheet, settings: ImportSettings, scenario: Scenario
    ) -> None:
        self.table, self.sheet, self.settings, self.scenario = table, sheet, settings, scenario
        self.registry = scenario.dataset.registry
        value_columns = (
            [c for c, _ in settings.year_columns]
            if settings.layout is Layout.WIDE
            else [settings.value_column]
        )
        self.decimal = table_decimal(table, sheet, settings.header_row, value_columns)
        self.value_columns = set(value_columns)
        self.header_width = len(sheet.rows[settings.header_row])
        self.plan = ImportPlan(str(table.path), settings)
        self.cells: dict[tuple[int, int], CellReport] = {}
        self.rows: list[RowReport] = []
        self.years = set(int(y) for y in scenario.years)
        self.first_year, self.last_year = int(scenario.years[0]), int(scenario.years[-1])
        self.target = TARGET_MEASURE[settings.measure]
        self.pp_cost_mn = None
        if settings.measure is SourceMeasure.SHARE_OF_GDP:
            self.pp_cost_mn = Projection(scenario.copy()).paths.pp_cost_mn
        self.seen: dict[tuple[str, int], tuple[str, float]] = {}
        self.ally_rows: dict[str, tuple[str, list[object]]] = {}
        self._labels: dict[str, LabelMatch] = {}
        self._reasons: dict[int, str] = {}
        self._years_read: dict[object, int | None] = {}
        self._no_forces = {a.iso3 for a in scenario.allies if a.no_armed_forces}
        self._shifted_rows: set[int] = set()
        self._grid: dict[str, tuple[int, int]] = {}
        self._short_labels: dict[int, str] = {}
        self.references = References(scenario)

    # -- rows ---------------------------------------------------------------
    def run(self, progress: Callable[[int, int], None] | None = None) -> None:
        s = self.settings
        rows = self.sheet.rows
        total = len(rows)
        wide = s.layout is Layout.WIDE
        wide_cells = list(s.year_columns)
        country, value = s.country_column, s.value_column
        check_width = self.sheet.fixed_width
        width = self.header_width
        letters = cell_address(0, country, self.sheet.name)[:-1]
        for r in range(s.header_row + 1, total):
            if progress is not None and r % PROGRESS_EVERY_ROWS == 0:
                progress(r, total)
            row = rows[r]
            value_cells = wide_cells if wide else [(value, self._long_year(row, r))]
            label_cell = row[country] if country < len(row) else ""
            if blank_cell(label_cell) and all(blank_cell(_at(row, c)) for c, _ in value_cells):
                continue
            label = self._label(label_cell)
            if check_width and len(row) != width and label.kind is LabelKind.ALLY:
                # Only an ally's row can lose figures; a section title ("Europe") is short.
                self._check_width(r, row)
            self._report_row(r, f"{letters}{r + 1}", label, row, value_cells)
        self._block_on_open_choices()
        self._check_plausibility()
        self._add_notes()

    def _check_width(self, r: int, row: list[object]) -> None:
        """A CSV row shorter or wider than its header has lost or shifted cells."""
        width = self.header_width
        if len(row) < width:
            missing = [c for c in sorted(self.value_columns) if c >= len(row)]
            present = any(not blank_cell(row[c]) for c in self.value_columns if c < len(row))
            if not missing or not present:
                return
            first, last = missing[0], missing[-1]
            span = cell_address(r, first) + (f":{cell_address(r, last)}" if last != first else "")
            reason = (
                f"row {r + 1} has {len(row)} cells where the header has {width}: no cell for "
                f"{span} — a separator is missing, so the figures of this row may be shifted"
            )
            self.plan.invalid.append(
                SkippedItem(cell_address(r, 0, self.sheet.name), "short row", reason)
            )
            for c in range(len(row)):
                if c in self.value_columns and not blank_cell(row[c]):
                    self._cell(r, c, CellStatus.INVALID, reason)
            self._shifted_rows.add(r)
            return
        extra = [c for c in range(width, len(row)) if not blank_cell(row[c])]
        if not extra:
            return
        c = extra[0]
        reason = (
            f"row {r + 1} has {len(row)} cells but the header only {width}: "
            f"{cell_address(r, c)} '{short_text(str(row[c]), 20)}' has no heading — a cell "
            f"holds an unquoted separator, so the figures of this row may be shifted"
        )
        self.plan.invalid.append(
            SkippedItem(cell_address(r, c, self.sheet.name), "wide row", reason, str(row[c]))
        )
        self._shifted_rows.add(r)

    def _block_on_open_choices(self) -> None:
        contradiction = measure_contradiction(self.table, self.settings)
        if contradiction is not None:
            s = self.settings
            col = s.value_column if s.layout is Layout.LONG else s.country_column
            self.plan.blocking.append(
                SkippedItem(
                    cell_address(s.header_row, col, self.sheet.name), "which measure", contradiction
                )
            )
        candidates = self.settings.value_candidates
        if len(candidates) > 1:
            header = self.settings.header_row
            listed = ", ".join(describe_column(self.sheet, header, c) for c in candidates)
            self.plan.blocking.append(
                SkippedItem(
                    cell_address(header, candidates[0], self.sheet.name),
                    "which value column",
                    f"several columns could hold the values ({listed}): choose one "
                    f"(--column on the command line); nothing is imported until then",
                )
            )

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
        has_values = False
        for c, _ in value_cells:
            if c < len(row) and not blank_cell(row[c]):
                has_values = True
                break
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
                self._record_unmatched_row(address, label, reason, has_values)
            return
        iso3 = label.ally.iso3
        self.rows.append(RowReport(r, address, label.text, label.kind, iso3))
        if r in self._shifted_rows:
            return
        if self.settings.layout is Layout.WIDE:
            if iso3 in self.ally_rows:
                self._duplicate_row(r, address, label, row, value_cells)
                return
            self.ally_rows[iso3] = (address, [_at(row, c) for c, _ in value_cells])
        for c, year in value_cells:
            self._value(r, c, iso3, year, _at(row, c))

    def _duplicate_row(
        self,
        r: int,
        address: str,
        label: LabelMatch,
        row: list[object],
        value_cells: list[tuple[int, int | None]],
    ) -> None:
        """An ally given twice: the same figures are a warning, other figures an error."""
        first_address, first_cells = self.ally_rows[label.ally.iso3]
        first = local_address(first_address)
        cells = [_at(row, c) for c, _ in value_cells]
        if cells == first_cells:
            reason = f"{label.ally.name_en} is given again with the same figures as in {first}"
            self.plan.warnings.append(SkippedItem(address, "duplicate ally", reason, label.text))
            status = CellStatus.SKIPPED
        else:
            reason = (
                f"{label.ally.name_en} is already given in {first} with other figures; "
                f"which row is right?"
            )
            self.plan.invalid.append(SkippedItem(address, "duplicate ally", reason, label.text))
            status = CellStatus.INVALID
        for c, year in value_cells:
            if not blank_cell(_at(row, c)):
                self._cell(r, c, status, reason, label.ally.iso3, year)

    def _record_unmatched_row(
        self, address: str, label: LabelMatch, reason: str, has_values: bool
    ) -> None:
        if label.kind is LabelKind.UNKNOWN:
            s = label.suggestion
            self.plan.unmatched.append(
                UnmatchedName(
                    address,
                    label.text,
                    s.iso3 if s else None,
                    s.name_en if s else None,
                    has_values,
                )
            )
        elif label.kind is LabelKind.BLANK:
            self.plan.invalid.append(
                SkippedItem(
                    address,
                    "rows without a country name",
                    "this row holds figures but no country name: whose are they?",
                )
            )
        else:
            category = {
                LabelKind.REGION: "regions or totals",
                LabelKind.OTHER_COUNTRY: "countries not in NATO",
                LabelKind.NOT_A_NAME: "rows whose label is not a country name",
            }[label.kind]
            text = self._short_labels.get(id(label))
            if text is None:
                text = self._short_labels[id(label)] = short_text(label.text, 30)
            self.plan.skipped.append(SkippedItem(address, category, reason, text))

    # -- cells --------------------------------------------------------------
    def _value(self, r: int, c: int, iso3: str, year: int | None, cell: object) -> None:
        sheet = self.sheet
        if (r, c) in sheet.error_cells:
            error = sheet.error_cells[(r, c)]
            self._invalid(
                r, c, f"the cell holds the error {error}, not a figure", iso3, year, error
            )
            return
        if (r, c) in sheet.circular_cells:
            self._invalid(
                r,
                c,
                "circular reference: the formula depends on itself, so its saved value is no "
                "figure",
                iso3,
                year,
                cell,
            )
            return
        if (r, c) in sheet.merged_copies:
            top = cell_address(*sheet.merged_copies[(r, c)])
            self._invalid(
                r, c, f"merged with {top}: one figure spans several years or rows", iso3, year, cell
            )
            return
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
        if year not in self.years:
            when = "history" if year < self.first_year else "after the last projection year"
            self._skip(
                r,
                c,
                f"cells for years outside {self.first_year}–{self.last_year} ({when})",
                f"{year} is {when}: scenarios take inputs for {self.first_year}–{self.last_year}",
                iso3,
                year,
            )
            return
        try:
            number = self._number(cell)
        except NumberTextError as error:
            self._invalid(r, c, error.reason, iso3, year, cell)
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
            first, first_number = self.seen[(iso3, year)]
            if first_number == number:
                reason = (
                    f"{iso3} {year} is given again, with the same figure, in {local_address(first)}"
                )
                self._cell(r, c, CellStatus.SKIPPED, reason, iso3, year, number)
                self.plan.warnings.append(
                    SkippedItem(cell_address(r, c, sheet.name), "duplicate", reason)
                )
            else:
                self._invalid(
                    r,
                    c,
                    f"{iso3} {year} is already given in {local_address(first)} with another "
                    f"figure ({first_number:g}); which is right?",
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
        self.seen[(iso3, year)] = (address, number)
        self._grid[address] = (r, c)
        self.cells[(r, c)] = CellReport(r, c, address, CellStatus.OK, "", iso3, year, number, value)
        in_measure_unit = (
            _percent(number, self.settings.unit)
            if self.settings.measure is SourceMeasure.SHARE_OF_GDP
            else value
        )
        self.plan.changes.append(
            Change(self.target, iso3, year, value, address, number, in_measure_unit)
        )

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
        return parse_number(str(cell), self.decimal)

    def _convert(self, iso3: str, year: int, number: float, unit: Unit | None = None) -> float:
        """Source value → scenario units, with the scenario's limits (ValueError says why)."""
        s = self.settings
        unit = s.unit if unit is None else unit
        row = self.scenario.row(iso3)
        if s.measure.is_money:
            if number < 0:
                raise ValueError(f"negative amount {number:g}")
            # One factor from the file's scale to the scenario's (million for budgets,
            # billion for GDP): a figure already in that scale is taken exactly as written.
            target = 1e6 if s.measure is SourceMeasure.CORE_BUDGET else 1e9
            factor = unit.scale / target
            value = number if factor == 1.0 else number * factor
            if unit.is_usd:
                value *= float(self.scenario.base.fx_per_usd[row])
            if s.measure is SourceMeasure.CORE_BUDGET:
                if value > 1e12:
                    raise ValueError("implausibly large budget (over 10^18 national currency)")
                return value
            if value <= 0:
                raise ValueError("GDP must be positive")
            return value
        pct = _percent(number, unit)
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

    def _check_plausibility(self) -> None:
        """Compare every change with the scenario's path for that ally and year.

        A figure far from its path that fits another unit (a fraction among
        percents, thousands among millions) is refused; one that fits no unit
        is a warning. When most figures are far off, the unit is wrong: the
        import is refused, with the unit that fits them.
        """
        checked: list[tuple[Change, float]] = []
        odd: list[tuple[Change, float, Unit | None]] = []
        for change in self.plan.changes:
            reference = self.references.reference(change.measure, change.iso3, change.year)
            if reference is None:
                continue
            checked.append((change, reference.value))
            if not is_plausible(change.measure, change.value, reference):
                odd.append((change, reference.value, self._fitting_unit(change, reference)))
        if not odd:
            return
        s = self.settings
        mostly = len(odd) > len(checked) / 2
        if mostly:
            likely = self._likely_unit(checked)
            change, ref, _ = odd[0]
            hint = f"; they look like {likely.label}" if likely else ""
            self.plan.blocking.append(
                SkippedItem(
                    change.source,
                    "implausible figures",
                    f"{len(odd)} of {len(checked)} figures read as {s.unit.label} are far from "
                    f"the scenario's path for their ally (e.g. {change.iso3} {change.year}: "
                    f"{change.value:.4g} against {ref:.4g}, this tool's 10× heuristic){hint}",
                )
            )
            self.plan.likely_unit = likely
        refused = set()
        for change, ref, fitting in odd:
            r, c = self._grid_of(change.source)
            why = (
                f"{change.source_value:g} read as {s.unit.label} is {change.value:.4g} against "
                f"{ref:.4g} on the scenario's path for {change.iso3} {change.year}"
            )
            if fitting is not None or mostly:
                also = f"; it fits {fitting.label}: the column mixes units" if fitting else ""
                self._invalid(
                    r, c, f"implausible: {why}{also}", change.iso3, change.year, change.source_value
                )
                refused.add(change.source)
            else:
                self.plan.warnings.append(
                    SkippedItem(
                        change.source,
                        "implausible figure",
                        f"check this figure: {why} (this tool's heuristic)",
                    )
                )
        if refused:
            self.plan.changes = [c for c in self.plan.changes if c.source not in refused]

    def _fitting_unit(self, change: Change, reference: Reference) -> Unit | None:
        """Another unit under which this figure would be plausible (the likely mistake)."""
        for unit in units_for(self.settings.measure):
            if unit is self.settings.unit:
                continue
            try:
                value = self._convert(change.iso3, change.year, change.source_value, unit)
            except ValueError:
                continue
            if is_plausible(change.measure, value, reference):
                return unit
        return None

    def _likely_unit(self, checked: list[tuple[Change, float]]) -> Unit | None:
        """The unit under which most figures are plausible, if one is."""
        best: tuple[int, Unit] | None = None
        for unit in units_for(self.settings.measure):
            fits = 0
            for change, ref in checked:
                try:
                    value = self._convert(change.iso3, change.year, change.source_value, unit)
                except ValueError:
                    continue
                fits += is_plausible(change.measure, value, Reference(ref, _unit_of(change)))
            if fits > len(checked) / 2 and (best is None or fits > best[0]):
                best = (fits, unit)
        return best[1] if best else None

    def _grid_of(self, address: str) -> tuple[int, int]:
        return self._grid[address]


# -- small helpers ---------------------------------------------------------------
def _at(row: list[object], col: int | None) -> object:
    return row[col] if col is not None and 0 <= col < len(row) else ""


def _percent(number: float, unit: Unit) -> float:
    """A rate in percent: a fraction × 100 without the binary noise (0.021 → 2.1, not 2.1000…04)."""
    if unit is Unit.FRACTION:
        return float(f"{number * 100:.12g}")
    return number


def _unit_of(change: Change) -> str:
    if change.measure in (Measure.REAL_GROWTH, Measure.DEFLATOR):
        return "%"
    if change.measure is Measure.NOMINAL_GDP:
        return "billion national currency"
    return "million national currency"


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
