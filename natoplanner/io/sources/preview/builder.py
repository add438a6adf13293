"""The preview's builder: walks the rows of the value table and classifies each row's label.

An ally's row hands its value cells to :class:`~natoplanner.io.sources.preview.cells.CellReader`;
other rows (regions, other countries, unknown names, blank labels) are reported with the reason,
and short or wide CSV rows are refused. The unit check runs over the finished plan.
"""

from __future__ import annotations

from collections.abc import Callable

from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Scenario
from natoplanner.io.reasons import Reason
from natoplanner.io.sources.detect import describe_column, measure_contradiction, table_decimal
from natoplanner.io.sources.labels import LabelKind, LabelMatch, classify_label, year_from_header
from natoplanner.io.sources.plan import (
    TARGET_MEASURE,
    CellReport,
    CellStatus,
    ImportPlan,
    RowReport,
    SkippedItem,
    UnmatchedName,
    blank_cell,
    local_address,
    short_text,
)
from natoplanner.io.sources.plausibility import References
from natoplanner.io.sources.preview.cells import CellReader
from natoplanner.io.sources.preview.unit_check import UnitCheck
from natoplanner.io.sources.settings import ImportSettings, Layout, SourceMeasure
from natoplanner.io.sources.tabular import RawSheet, RawTable, cell_address

#: Rows between progress reports (and cancel checks) while building a preview.
PROGRESS_EVERY_ROWS = 5000


class PlanBuilder(CellReader, UnitCheck):
    """Builds the :class:`ImportPlan` of one sheet under one set of settings: call :meth:`run`."""

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
        """Classify every row below the header, then check units and add the notes.

        ``progress(rows_done, rows_total)`` is called every few thousand rows.
        """
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
            reason = Reason(
                "row {row} has {cells} cells where the header has {width}: no cell for {span} — "
                "a separator is missing, so the figures of this row may be shifted",
                row=r + 1,
                cells=len(row),
                width=width,
                span=span,
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
        reason = Reason(
            "row {row} has {cells} cells but the header only {width}: {cell} '{text}' has no "
            "heading — a cell holds an unquoted separator, so the figures of this row may be "
            "shifted",
            row=r + 1,
            cells=len(row),
            width=width,
            cell=cell_address(r, c),
            text=short_text(str(row[c]), 20),
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
            reason = Reason(
                "{ally} is given again with the same figures as in {first}",
                ally=label.ally,
                first=first,
            )
            self.plan.warnings.append(SkippedItem(address, "duplicate ally", reason, label.text))
            status = CellStatus.SKIPPED
        else:
            reason = Reason(
                "{ally} is already given in {first} with other figures; which row is right?",
                ally=label.ally,
                first=first,
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


def _at(row: list[object], col: int | None) -> object:
    return row[col] if col is not None and 0 <= col < len(row) else ""


def _label_reason(label: LabelMatch) -> Reason:
    text = short_text(label.text)
    match label.kind:
        case LabelKind.REGION:
            return Reason("'{text}' is a region or total, not a country", text=text)
        case LabelKind.OTHER_COUNTRY:
            return Reason("'{text}' is not a NATO ally", text=text)
        case LabelKind.UNKNOWN if label.suggestion:
            return Reason(
                "'{text}' is not a known country; closest ally: {ally}",
                text=text,
                ally=label.suggestion,
            )
        case LabelKind.UNKNOWN:
            return Reason("'{text}' is not a known country", text=text)
        case LabelKind.BLANK:
            return Reason("no country name in this row")
        case _:
            return Reason("'{text}' is not a country name", text=text)
