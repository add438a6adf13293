"""Read a scenario back from its workbook: ``Assumptions`` is the truth.

Every cell is parsed leniently (numbers typed as text, "2,5", cleared cells)
and every problem is reported with its sheet and cell. ``Results`` is only
checked: formulas replaced by hand are ignored with a warning, since the
projection is recomputed from the assumptions.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import openpyxl
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from natoplanner.core.dataset import Dataset
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.scenario import (
    BudgetPolicy,
    CorePolicy,
    RelatedPolicy,
    RelatedTrack,
    Scenario,
    Targets,
)
from natoplanner.io.errors import FileProblemError, Problem
from natoplanner.io.workbook.cell_text import AmbiguousNumberError, parse_number, parse_text
from natoplanner.io.workbook.extras import not_kept
from natoplanner.io.workbook.fiscal_rules import ALLY_HEADERS, read_rules, rule_cells
from natoplanner.io.workbook.formulas import formula_grid
from natoplanner.io.workbook.layout import (
    ABOUT_SCHEMA_LABEL,
    ASSUMPTION_BLOCKS,
    OPTIONAL_POLICY_KEYS,
    PERCENT_POLICY_KEYS,
    POLICY_COLUMNS,
    POLICY_HEADER_ROW,
    RESULT_BLOCKS,
    SCHEMA_VERSION,
    SETTING_ROW,
    SETTING_VALUE_COLUMN,
    SETTING_VALUE_LAST_COLUMN,
    SHEET_ABOUT,
    SHEET_ASSUMPTIONS,
    SHEET_RESULTS,
    TARGET_KEYS,
    Layout,
    cell_name,
    policy_label,
)
from natoplanner.io.workbook.sheets.assumptions_write import assumption_cells
from natoplanner.io.workbook.sheets.vintages import SHEET_VINTAGES, workbook_dataset
from natoplanner.io.xlsx_formulas import cell_formulas
from natoplanner.io.xlsx_safety import XlsxLimits, check_xlsx_container

#: A scenario workbook is small; anything far larger is not one of ours.
#: A scenario workbook is small; anything far larger is not one of ours. Rows and
#: cells are counted on the sheets read (a colleague's own sheets, or LibreOffice
#: declaring row 1,048,576 after a deleted row, do not make the file absurd).
SCENARIO_LIMITS = XlsxLimits(
    max_file_bytes=50_000_000,
    max_total_bytes=200_000_000,
    max_rows=100_000,
    max_columns=16_384,
    max_cells=5_000_000,
    checked_sheets=frozenset({SHEET_ABOUT, SHEET_ASSUMPTIONS, SHEET_RESULTS, SHEET_VINTAGES}),
)
OLDEST_SCHEMA = 1
MAX_LISTED_CELLS = 12


@dataclass
class LoadedScenario:
    """A scenario read from a workbook, with what the reader noticed.

    ``warnings`` lists problems that did not stop the load (hand-edited
    ``Results`` cells ignored, an older schema migrated, edited reference
    cells ignored, empty parameters replaced by their default).
    """

    scenario: Scenario
    warnings: list[Problem] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION
    #: What a colleague added that a natoplanner Save would drop (own sheets, notes beside
    #: the tables, comments, pictures, filters), one warning per kind, each naming it.
    not_kept: list[Problem] = field(default_factory=list)


def _normalise_word(text: str) -> str:
    return " ".join(re.split(r"[\s_\-]+", text.strip().casefold()))


CORE_KINDS = {policy_label(k): k for k in BudgetPolicy}
RELATED_KINDS = {policy_label(k): k for k in RelatedPolicy}


class _Sheet:
    """Cell values of one sheet (1-based), plus problem collection with addresses.

    ``percent_cells`` holds the (row, column) of numbers formatted as a
    percentage (a colleague typed "2.5%": the cell holds 0.025);
    ``warnings`` collects what was read but not as the spreadsheet reads it.
    """

    def __init__(
        self,
        file: Path,
        name: str,
        rows: list[tuple],
        problems: list[Problem],
        percent_cells: frozenset[tuple[int, int]] = frozenset(),
        warnings: list[Problem] | None = None,
    ) -> None:
        self.file, self.name, self.rows, self.problems = file, name, rows, problems
        self.percent_cells = percent_cells
        self.warnings = warnings if warnings is not None else []

    def value(self, row: int, column: int) -> object:
        if row - 1 < len(self.rows):
            cells = self.rows[row - 1]
            if column - 1 < len(cells):
                return cells[column - 1]
        return None

    def problem(
        self,
        row: int,
        column: int,
        message: str,
        expected: str,
        found: object,
        severity: str = "error",
    ) -> None:
        shown = None if found is None else str(found)[:60]
        problem = Problem(
            str(self.file), message, self.name, cell_name(column, row), expected, shown, severity
        )
        (self.problems if severity == "error" else self.warnings).append(problem)

    def number(self, row: int, column: int, what: str, in_percent: bool = False) -> float | None:
        """The number in a cell, read as the spreadsheet's formulas read it or with a warning.

        Text that means one number is read, with a warning (the formulas see
        text, and the next save writes a number); ambiguous text ("2,500") is
        an error. A percent-formatted number is read by its meaning in a
        cell in % (0.025 shown as 2.5% is 2.5), with a warning, and refused
        elsewhere.
        """
        raw = self.value(row, column)
        if isinstance(raw, str) and raw.startswith("="):
            self.problem(
                row,
                column,
                f"{what}: a formula cannot be read back",
                "a number typed in the cell",
                raw,
            )
            return None
        try:
            number = parse_number(raw, percent_sign=in_percent)
        except AmbiguousNumberError as error:
            self.problem(
                row,
                column,
                f"{what}: typed as text that can mean two numbers: {error}",
                "a number (type it without a thousands separator)",
                raw,
            )
            return None
        except ValueError as error:
            self.problem(row, column, f"{what}: {error}", "a number", raw)
            return None
        if isinstance(raw, str) and number is not None:
            self.problem(
                row,
                column,
                f"{what}: a number typed as text, read as {number:g}; Excel and LibreOffice do "
                "not compute with text (their Results show #N/A or ignore it) until natoplanner "
                "saves the file, which writes it as a number",
                "a number",
                raw,
                severity="warning",
            )
        elif isinstance(raw, str):
            self.problem(
                row,
                column,
                f"{what}: holds only spaces, read as empty; Excel and LibreOffice see text "
                "until natoplanner saves the file, which clears it",
                "a number or an empty cell",
                raw,
                severity="warning",
            )
        elif number is not None and (row, column) in self.percent_cells:
            return self._percent_formatted(row, column, what, number, in_percent)
        return number

    def _percent_formatted(
        self, row: int, column: int, what: str, number: float, in_percent: bool
    ) -> float | None:
        shown = f"{number * 100:g}%"
        if not in_percent:
            self.problem(
                row,
                column,
                f"{what}: formatted as a percentage ({shown}, stored as {number:g}) in a cell that "
                "is not in %",
                "a plain number in the cell's unit",
                number,
            )
            return None
        self.problem(
            row,
            column,
            f"{what}: typed as a percentage ({shown}, which the spreadsheet stores as "
            f"{number:g}); read as {number * 100:g} since the cell is already in %. Excel and "
            f"LibreOffice compute with {number:g} until natoplanner saves the file, which "
            f"writes {number * 100:g}",
            "a number without the % sign",
            shown,
            severity="warning",
        )
        return number * 100

    def year(self, row: int, column: int, what: str) -> int | None:
        number = self.number(row, column, what)
        if number is None:
            return None
        if not number.is_integer():
            self.problem(
                row,
                column,
                f"{what}: not a whole year",
                "a year such as 2035",
                self.value(row, column),
            )
            return None
        return int(number)

    def text(self, row: int, column: int) -> str:
        return parse_text(self.value(row, column))


def read_workbook(path: Path, dataset: Dataset | None = None) -> LoadedScenario:
    """Read the scenario in ``path`` (see :func:`natoplanner.io.workbook.files.read_scenario`)."""
    path = Path(path)
    info = check_xlsx_container(path, SCENARIO_LIMITS)
    for sheet in (SHEET_ABOUT, SHEET_ASSUMPTIONS):
        if sheet not in info.sheet_names:
            raise FileProblemError.at(
                path,
                "this is not a natoplanner scenario workbook (to read data from another "
                "spreadsheet, "
                "use Import)",
                sheet=sheet,
                expected=f"a sheet named '{sheet}'",
                found="sheets " + ", ".join(repr(s) for s in info.sheet_names[:8]),
            )
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except FileProblemError:
        raise
    except Exception as error:  # openpyxl raises many kinds on malformed parts
        raise FileProblemError.at(
            path,
            "the workbook cannot be read",
            expected="a valid .xlsx workbook",
            found=f"{type(error).__name__}: {error}",
        ) from None
    try:
        return _read(
            path, workbook, dataset or Dataset.bundled(), info.sheet_names, info.sheet_parts
        )
    finally:
        workbook.close()


def _rows(workbook, name: str, max_row: int, max_col: int) -> list[tuple]:
    return list(
        workbook[name].iter_rows(min_row=1, max_row=max_row, max_col=max_col, values_only=True)
    )


def _rows_and_percent_cells(
    workbook, name: str, max_row: int, max_col: int
) -> tuple[list[tuple], frozenset[tuple[int, int]]]:
    """Cell values row by row, and the (row, column) of numbers shown as percentages."""
    rows: list[tuple] = []
    percent: set[tuple[int, int]] = set()
    for row_number, cells in enumerate(
        workbook[name].iter_rows(min_row=1, max_row=max_row, max_col=max_col), start=1
    ):
        values = tuple(cell.value for cell in cells)
        rows.append(values)
        for column, cell in enumerate(cells, start=1):
            value = values[column - 1]
            if (
                isinstance(value, (int, float))
                and not isinstance(value, bool)
                and is_percent_format(getattr(cell, "number_format", None))
            ):
                percent.add((row_number, column))
    return rows, frozenset(percent)


_QUOTED_OR_ESCAPED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def is_percent_format(number_format: str | None) -> bool:
    """Whether a number format multiplies by 100 ("0.00%"), not a literal % ('0.00"%"')."""
    if not number_format or "%" not in number_format:
        return False
    return "%" in _QUOTED_OR_ESCAPED.sub("", number_format)


def _read(
    path: Path,
    workbook,
    dataset: Dataset,
    sheet_names: list[str],
    sheet_parts: dict[str, str] | None = None,
) -> LoadedScenario:
    sheet_parts = sheet_parts or {}
    warnings: list[Problem] = []
    errors: list[Problem] = []
    version = _schema_version(
        path, _Sheet(path, SHEET_ABOUT, _rows(workbook, SHEET_ABOUT, 60, 2), errors)
    )
    if version < SCHEMA_VERSION:
        warnings.append(
            Problem(
                str(path),
                f"written with workbook schema {version}; read as schema "
                f"{SCHEMA_VERSION} (saving writes the new schema)",
                SHEET_ABOUT,
                severity="warning",
            )
        )
    dataset = workbook_dataset(path, workbook, sheet_names, dataset)  # its stored vintages
    n_allies = len(dataset.registry)
    last_row = Layout(n_allies, dataset_base_year(dataset)).assumption_block_title_row(
        len(ASSUMPTION_BLOCKS)
    )
    rows, percent_cells = _rows_and_percent_cells(workbook, SHEET_ASSUMPTIONS, last_row + 40, 40)
    scenario, assumption_warnings = scenario_from_assumptions(
        path, rows, dataset, version, percent_cells
    )
    warnings.extend(assumption_warnings)
    layout = Layout(n_allies, scenario.base_year)
    if SHEET_RESULTS in sheet_names:
        part = sheet_parts.get(SHEET_RESULTS)
        warnings.extend(_hand_edited_results(path, workbook, scenario, layout, part))
    extras = not_kept(path, sheet_parts, rows, assumption_area(scenario, layout))
    return LoadedScenario(scenario, warnings, version, extras)


def assumption_area(scenario: Scenario, layout: Layout) -> set[tuple[int, int]]:
    """Every 'Assumptions' cell natoplanner writes or reads, empty input cells included."""
    area = set(assumption_cells(scenario, layout))
    rules = set(rule_cells(scenario, layout))  # the escape-clause block (sheets/fiscal_room.py)
    area |= rules
    area.update(
        (row, column) for row in {r for r, _ in rules} for column in range(1, len(ALLY_HEADERS) + 1)
    )
    for key in SETTING_ROW.values():
        area.update((key, column) for column in range(1, SETTING_VALUE_LAST_COLUMN + 1))
    area.update(
        (layout.policy_row(i), column)
        for i in range(layout.n_allies)
        for column in range(1, len(POLICY_COLUMNS) + 1)
    )
    years = list(layout.projection_years)
    for index in range(len(ASSUMPTION_BLOCKS)):
        top = layout.assumption_block_title_row(index) + 2
        area.update(
            (top + i, layout.assumption_column(year))
            for i in range(layout.n_allies)
            for year in years
        )
    return area


def dataset_base_year(dataset: Dataset) -> int:
    """Any base year: block rows do not depend on it (only year columns do)."""
    return int(dataset.history_years[-1])


def scenario_from_assumptions(
    file: Path,
    rows: list[tuple],
    dataset: Dataset,
    version: int = SCHEMA_VERSION,
    percent_cells: frozenset[tuple[int, int]] = frozenset(),
) -> tuple[Scenario, list[Problem]]:
    """Build the scenario from the cell values of an ``Assumptions`` sheet.

    Parameters
    ----------
    file : Path
        Named in problems.
    rows : list of tuple
        Cell values, row 1 first (as ``iter_rows(values_only=True)`` gives them).
    dataset : Dataset
    version : int
        Workbook schema version the rows follow.
    percent_cells : frozenset of (row, column)
        Numbers formatted as percentages (read by their meaning in % cells).

    Returns
    -------
    (Scenario, list of Problem)
        The scenario and the warnings met.

    Raises
    ------
    FileProblemError
        Listing every bad cell (at most 50).
    """
    errors: list[Problem] = []
    warnings: list[Problem] = []
    sheet = _Sheet(Path(file), SHEET_ASSUMPTIONS, rows, errors, percent_cells, warnings)
    scenario = _scenario_settings(Path(file), sheet, dataset)
    layout = Layout(len(dataset.registry), scenario.base_year)
    _policies(sheet, scenario, layout, version, warnings)
    _follow_reference_vintage(sheet, scenario, layout, dataset)
    _year_blocks(sheet, scenario, layout, warnings)
    read_rules(Path(file), rows, scenario, layout, errors, warnings)  # escape clause
    if errors:
        raise FileProblemError(errors[:50])
    return scenario, warnings


def _schema_version(path: Path, about: _Sheet) -> int:
    for row in range(1, len(about.rows) + 1):
        if parse_text(about.value(row, 1)).strip().casefold() == ABOUT_SCHEMA_LABEL.casefold():
            raw = about.value(row, 2)
            try:
                version = parse_number(raw)
            except ValueError:
                version = None
            if version is None or not float(version).is_integer() or version < OLDEST_SCHEMA:
                raise FileProblemError.at(
                    path,
                    "unknown workbook schema version; the file was not read",
                    sheet=SHEET_ABOUT,
                    cell=f"B{row}",
                    expected=f"a version from {OLDEST_SCHEMA} to {SCHEMA_VERSION}",
                    found=raw,
                )
            if version > SCHEMA_VERSION:
                raise FileProblemError.at(
                    path,
                    f"written by a newer natoplanner (workbook schema {int(version)}); this "
                    "version reads "
                    f"schemas {OLDEST_SCHEMA}-{SCHEMA_VERSION}. Update natoplanner to open it; "
                    "the file was not "
                    "changed",
                    sheet=SHEET_ABOUT,
                    cell=f"B{row}",
                    expected=f"≤ {SCHEMA_VERSION}",
                    found=raw,
                )
            return int(version)
    raise FileProblemError.at(
        path,
        "this is not a natoplanner scenario workbook (no schema version)",
        sheet=SHEET_ABOUT,
        expected=f"a row labelled '{ABOUT_SCHEMA_LABEL}'",
        found=None,
    )


def _scenario_settings(path: Path, sheet: _Sheet, dataset: Dataset) -> Scenario:
    def setting(key: str) -> tuple[int, int]:
        return SETTING_ROW[key], SETTING_VALUE_COLUMN

    base_year = sheet.year(*setting("base_year"), "base year")
    horizon = sheet.year(*setting("horizon"), "horizon")
    vintage = sheet.text(*setting("gdp_vintage")).strip()
    if sheet.problems:
        raise FileProblemError(sheet.problems)
    if vintage.casefold() not in {v.casefold() for v in dataset.forecast_vintages}:
        sheet.problem(
            *setting("gdp_vintage"),
            "unknown GDP forecast vintage",
            "one of " + ", ".join(dataset.forecast_vintages),
            vintage,
        )
        raise FileProblemError(sheet.problems)
    vintage = next(v for v in dataset.forecast_vintages if v.casefold() == vintage.casefold())
    for key, value in (("base_year", base_year), ("horizon", horizon)):
        if value is None:
            sheet.problem(*setting(key), f"the {key.replace('_', ' ')} is empty", "a year", None)
    if sheet.problems:
        raise FileProblemError(sheet.problems)
    try:
        scenario = Scenario(
            dataset,
            base_year=base_year,
            horizon=horizon,
            gdp_vintage=vintage,
            name=sheet.text(*setting("name")),
        )
    except ScenarioInputError as error:
        key = "base_year" if error.field == "base year" else "horizon"
        sheet.problem(*setting(key), error.message, "a valid year", sheet.value(*setting(key)))
        raise FileProblemError(sheet.problems) from None
    scenario.notes = sheet.text(*setting("notes"))
    backload = sheet.value(*setting("backload_fraction"))
    if backload is not None and backload != "":  # empty in files written before the setting
        number = sheet.number(*setting("backload_fraction"), "back-loading threshold")
        if number is not None:
            try:
                scenario.set_backload_fraction(number)
            except ScenarioInputError as error:
                sheet.problem(*setting("backload_fraction"), str(error), "0 to 1", backload)
        if sheet.problems:
            raise FileProblemError(sheet.problems)
    return scenario


def _optional_year(sheet: _Sheet, row: int, column: int | None) -> int | None:
    """A year in an optional column; empty (or no column) is None."""
    if column is None or sheet.value(row, column) in (None, ""):
        return None
    return sheet.year(row, column, "year")


def _policy_columns(sheet: _Sheet, version: int) -> dict[str, int]:
    headers = {
        _normalise_word(sheet.text(POLICY_HEADER_ROW, c)): c
        for c in range(1, 41)
        if sheet.value(POLICY_HEADER_ROW, c)
    }
    columns: dict[str, int] = {}
    for column in POLICY_COLUMNS:
        found = headers.get(_normalise_word(column.header))
        optional = column.key in OPTIONAL_POLICY_KEYS or (version < 2 and column.key in TARGET_KEYS)
        if found is None and not optional:
            sheet.problem(
                POLICY_HEADER_ROW,
                POLICY_COLUMNS.index(column) + 1,
                "a column of the policy table is missing or renamed",
                repr(column.header),
                sheet.value(POLICY_HEADER_ROW, POLICY_COLUMNS.index(column) + 1),
            )
        elif found is not None:
            columns[column.key] = found
    return columns


def _policies(
    sheet: _Sheet, scenario: Scenario, layout: Layout, version: int, warnings: list[Problem]
) -> None:
    columns = _policy_columns(sheet, version)
    if sheet.problems:
        raise FileProblemError(sheet.problems)
    for i, ally in enumerate(scenario.allies):
        row = layout.policy_row(i)
        found_iso = sheet.text(row, columns["iso3"]).strip().upper()
        if found_iso != ally.iso3:
            below = sheet.text(row + 1, columns["iso3"]).strip().upper()
            shift = _shift(scenario, i, found_iso, below)
            message = _moved(shift)
            sheet.problem(row, columns["iso3"], message, ally.iso3, found_iso)
            if shift:
                break  # every row below moved with it: one message says it
            continue
        cells = _AllyCells(sheet, row, columns, ally.name_en, warnings)
        core_kind = _kind(sheet, row, columns["core_policy"], CORE_KINDS, "core budget policy")
        related_kind = _kind(sheet, row, columns["related_policy"], RELATED_KINDS, "related track")
        core, related, targets = CorePolicy(), RelatedTrack(), Targets()
        core = CorePolicy(
            kind=core_kind or core.kind,
            rate_pct=cells.number("rate_pct", core.rate_pct),
            share_pct=cells.number("share_pct", None),
            target_pct=cells.number("target_pct", core.target_pct),
            target_year=cells.year("target_year", core.target_year),
            growth_until=_optional_year(sheet, row, columns.get("growth_until")),
        )
        related = RelatedTrack(
            kind=related_kind or related.kind,
            share_pct=cells.number("related_share_pct", related.share_pct),
            target_pct=cells.number("related_target_pct", related.target_pct),
            target_year=cells.year("related_target_year", related.target_year),
        )
        if "core_target_pct" in columns:  # schema 1: every ally on the Hague targets
            targets = Targets(
                cells.number("core_target_pct", targets.core_pct),
                cells.number("total_target_pct", targets.total_pct),
            )
        if core_kind is None or related_kind is None or _has_problem(sheet, row):
            continue
        _apply(sheet, row, columns["core_policy"], scenario.set_core_policy, ally.iso3, core)
        _apply(
            sheet, row, columns["related_policy"], scenario.set_related_track, ally.iso3, related
        )
        column = columns.get("core_target_pct", columns["iso3"])
        _apply(sheet, row, column, scenario.set_targets, ally.iso3, targets)
    _warn_edited_base_figures(sheet, scenario, layout, columns)


#: Grey policy-table columns the formulas use, and the base-year figure each must hold.
BASE_FIGURE_COLUMNS = {
    "base_gdp_bn": "gdp_bn",
    "base_budget_mn": "core_budget_mn",
    "base_share_pct": "core_share_pct",
    "fx_per_usd": "fx_per_usd",
}


def _warn_edited_base_figures(
    sheet: _Sheet, scenario: Scenario, layout: Layout, columns: dict[str, int]
) -> None:
    """One warning naming the grey base-year cells that no longer hold NATO's figures."""
    edited: list[str] = []
    for key, attribute in BASE_FIGURE_COLUMNS.items():
        if key not in columns:
            continue
        figures = getattr(scenario.base, attribute)
        for i in range(len(scenario.allies)):
            row, column = layout.policy_row(i), columns[key]
            raw = sheet.value(row, column)
            expected = float(figures[i])
            if math.isnan(expected):
                same = raw is None
            else:
                same = (
                    isinstance(raw, (int, float))
                    and not isinstance(raw, bool)
                    and math.isclose(raw, expected, rel_tol=1e-9, abs_tol=1e-12)
                )
            if not same:
                edited.append(cell_name(column, row))
    if edited:
        sheet.problem(
            *_cell_position(edited[0]),
            f"{len(edited)} grey base-year cell(s) of the policy table differ from NATO's "
            f"figures ({_list_cells(edited)}): natoplanner ignores them, but the spreadsheet's "
            "formulas use them, so its Results differ until natoplanner saves the file (which "
            "restores NATO's figures)",
            "NATO's base-year figures",
            sheet.value(*_cell_position(edited[0])),
            severity="warning",
        )


def _cell_position(cell: str) -> tuple[int, int]:
    """(row, column) of "O12"."""
    letters, row = coordinate_from_string(cell)
    return row, column_index_from_string(letters)


_MOVED = (
    "allies are not in the order natoplanner wrote them (rows were sorted, inserted or deleted)"
)


def _shift(scenario: Scenario, position: int, found_iso: str, below_iso: str) -> int:
    """How far rows moved at ``position``: +k when k rows were deleted, -k inserted, 0 neither.

    A shift is only read when the next row moved with it (a sorted or edited
    table moves single rows): ``below_iso`` must be the ally after ``found_iso``.
    """
    codes = [ally.iso3 for ally in scenario.allies]
    if found_iso not in codes:
        if found_iso == "" and below_iso == codes[position]:
            return -1  # an empty row inserted here
        return 0
    after = codes.index(found_iso) + 1
    if below_iso != (codes[after] if after < len(codes) else below_iso):
        return 0
    return codes.index(found_iso) - position


def _moved(shift: int) -> str:
    """Why an ally is not where natoplanner wrote it, in the user's terms."""
    if shift > 0:
        return (
            f"{shift} row(s) were deleted here: the ally found belongs {shift} row(s) lower. "
            "natoplanner reads every figure by its position; undo the deletion (or clear the "
            "row's cells instead of deleting it)"
        )
    if shift < 0:
        return (
            f"{-shift} row(s) were inserted here: the allies below belong {-shift} row(s) "
            "higher. natoplanner reads every figure by its position; remove the inserted rows"
        )
    return _MOVED


class _AllyCells:
    """The policy-table cells of one ally; an empty cell takes the default, with a warning."""

    def __init__(
        self, sheet: _Sheet, row: int, columns: dict[str, int], ally: str, warnings: list[Problem]
    ) -> None:
        self.sheet, self.row, self.columns, self.ally, self.warnings = (
            sheet,
            row,
            columns,
            ally,
            warnings,
        )

    def _defaulted(self, column: int, value, default):
        if value is not None or default is None or _has_problem(self.sheet, self.row, column):
            return value
        self.warnings.append(
            Problem(
                str(self.sheet.file),
                f"{self.ally}: empty cell read as {default:g}",
                self.sheet.name,
                cell_name(column, self.row),
                severity="warning",
            )
        )
        return default

    def number(self, key: str, default: float | None) -> float | None:
        column = self.columns[key]
        value = self.sheet.number(
            self.row, column, f"{self.ally}: {key.replace('_', ' ')}", key in PERCENT_POLICY_KEYS
        )
        return self._defaulted(column, value, default)

    def year(self, key: str, default: int) -> int:
        column = self.columns[key]
        value = self.sheet.year(self.row, column, f"{self.ally}: {key.replace('_', ' ')}")
        return self._defaulted(column, value, default)


def _has_problem(sheet: _Sheet, row: int, column: int | None = None) -> bool:
    """Whether a problem was already noted at (row, column), or anywhere in ``row``."""
    pattern = re.compile(cell_name(column, row) if column else rf"[A-Z]+{row}")
    return any(p.cell is not None and pattern.fullmatch(p.cell) for p in sheet.problems)


def policy_word(text: str) -> str:
    """A drop-down word as the workbook's formulas compare it: TRIM (spaces only), any case."""
    return " ".join(part for part in text.split(" ") if part).lower()


def _kind(sheet: _Sheet, row: int, column: int, kinds: dict, what: str):
    text = policy_word(sheet.text(row, column))
    if text in kinds:
        return kinds[text]
    sheet.problem(
        row, column, f"unknown {what}", "one of " + ", ".join(kinds), sheet.value(row, column)
    )
    return None


def _apply(sheet: _Sheet, row: int, column: int, action: Callable[..., None], *args) -> None:
    try:
        action(*args)
    except ScenarioInputError as error:
        sheet.problem(row, column, str(error), "a value in range", sheet.value(row, column))


def _year_blocks(
    sheet: _Sheet, scenario: Scenario, layout: Layout, warnings: list[Problem]
) -> None:
    years = list(layout.projection_years)
    for index, block in enumerate(ASSUMPTION_BLOCKS):
        header = layout.assumption_block_title_row(index) + 1
        name = block.title.split(" —")[0]
        if not _block_in_place(sheet, header, years, layout, name):
            return
        edited: list[str] = []
        for i, ally in enumerate(scenario.allies):
            row = header + 1 + i
            found_iso = parse_text(sheet.value(row, 1)).strip().upper()
            if found_iso != ally.iso3:
                below = parse_text(sheet.value(row + 1, 1)).strip().upper()
                shift = _shift(scenario, i, found_iso, below)
                sheet.problem(row, 1, _moved(shift), ally.iso3, found_iso)
                if shift:
                    return  # the blocks below moved too
                continue
            if block.measure is None:
                edited += _edited_reference_cells(sheet, row, i, block.key, scenario, layout)
                continue
            first = layout.assumption_column(years[0])
            cells = sheet.rows[row - 1][first - 1 :] if row - 1 < len(sheet.rows) else ()
            for j, raw in enumerate(cells[: len(years)]):
                if raw is None:  # most cells: no override
                    continue
                column, year = first + j, years[j]
                what = f"{ally.name_en} {year}: {name.split(' (')[0]}"
                number = sheet.number(row, column, what, block.in_percent)
                if number is not None:
                    _apply(
                        sheet,
                        row,
                        column,
                        scenario.set_year_input,
                        block.measure,
                        ally.iso3,
                        year,
                        number,
                    )
        if edited:
            warnings.append(
                Problem(
                    str(sheet.file),
                    f"{len(edited)} grey reference cell(s) of '{name}' differ from the IMF data "
                    f"({_list_cells(edited)}): natoplanner ignores them, but the spreadsheet's "
                    "formulas use them, so its Results differ until natoplanner saves the file "
                    "(which restores the IMF figures); type changes into the override block "
                    "instead",
                    sheet.name,
                    edited[0],
                    severity="warning",
                )
            )


def _reference_block(sheet: _Sheet, key: str, layout: Layout) -> np.ndarray:
    """The grey IMF block ``key`` as numbers (NaN where a cell holds no number)."""
    index = next(i for i, b in enumerate(ASSUMPTION_BLOCKS) if b.key == key)
    top = layout.assumption_block_title_row(index) + 2
    years = list(layout.projection_years)
    grid = np.full((layout.n_allies, len(years)), np.nan)
    for i in range(layout.n_allies):
        for j, year in enumerate(years):
            value = sheet.value(top + i, layout.assumption_column(year))
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                grid[i, j] = value
    return grid


def _same_figures(found: np.ndarray, expected: np.ndarray) -> bool:
    return found.shape == expected.shape and bool(
        np.allclose(found, expected, rtol=1e-9, atol=1e-12, equal_nan=True)
    )


def _follow_reference_vintage(
    sheet: _Sheet, scenario: Scenario, layout: Layout, dataset: Dataset
) -> None:
    """Use the vintage whose figures the grey IMF blocks hold, as the formulas do.

    The formulas compute with the grey blocks, not with the vintage's name.
    If a colleague retyped the name (the cell is protected, but protection
    can be lifted), the blocks still hold the vintage natoplanner wrote, and
    reading that one keeps the app and the spreadsheet on the same figures.
    """
    growth = _reference_block(sheet, "growth_default", layout)
    deflator = _reference_block(sheet, "deflator_default", layout)
    named = scenario.gdp_vintage
    if _same_figures(growth, scenario.default_growth_pct()) and _same_figures(
        deflator, scenario.default_deflator_pct()
    ):
        return
    for vintage in dataset.forecast_vintages:
        if vintage == named:
            continue
        try:
            other_growth, other_cpi = dataset.forecast_matrices(vintage, scenario.years)
        except ValueError:
            continue
        if _same_figures(growth, other_growth) and _same_figures(deflator, other_cpi):
            scenario.set_gdp_vintage(vintage)
            row, column = SETTING_ROW["gdp_vintage"], SETTING_VALUE_COLUMN
            sheet.problem(
                row,
                column,
                f"the GDP forecast vintage reads '{named}', but the grey IMF blocks (which the "
                f"spreadsheet's formulas use) hold '{vintage}': read as '{vintage}'. To change "
                "the vintage, choose it in natoplanner, which refills the blocks",
                f"'{vintage}', as the blocks hold",
                named,
                severity="warning",
            )
            return


def _block_in_place(
    sheet: _Sheet, header: int, years: list[int], layout: Layout, name: str
) -> bool:
    for year in years:
        column = layout.assumption_column(year)
        found = sheet.value(header, column)
        if found != year and parse_text(found).strip() != str(year):
            moved_to = _find_header(sheet, header, years, layout)
            if moved_to is not None and moved_to < header:
                how = f"{header - moved_to} row(s) were deleted above it"
            elif moved_to is not None:
                how = f"{moved_to - header} row(s) were inserted above it"
            else:
                how = "rows or columns were inserted or deleted"
            message = f"the '{name}' block has moved ({how}); its header row should be row {header}"
            sheet.problem(header, column, message, str(year), found)
            return False
    return True


def _find_header(sheet: _Sheet, header: int, years: list[int], layout: Layout) -> int | None:
    """The row near ``header`` that holds the block's year header, if rows moved it."""
    first = layout.assumption_column(years[0])
    for offset in range(1, 20):  # less than a block apart: never the next block's header
        for row in (header - offset, header + offset):
            if row > 0 and parse_text(sheet.value(row, first)).strip() == str(years[0]):
                return row
    return None


def _edited_reference_cells(
    sheet: _Sheet, row: int, ally: int, key: str, scenario: Scenario, layout: Layout
) -> list[str]:
    """Addresses of IMF default cells in ``row`` that no longer hold the IMF figure."""
    defaults = (
        scenario.default_growth_pct()
        if key == "growth_default"
        else scenario.default_deflator_pct()
    )
    edited = []
    for j, year in enumerate(layout.projection_years):
        column = layout.assumption_column(year)
        try:
            number = parse_number(sheet.value(row, column))
        except ValueError:
            number = None
        expected = defaults[ally, j]
        if number is None or not math.isclose(number, expected, rel_tol=1e-9, abs_tol=1e-12):
            edited.append(cell_name(column, row))
    return edited


def _list_cells(cells: list[str]) -> str:
    shown = ", ".join(cells[:MAX_LISTED_CELLS])
    return shown + (
        f" and {len(cells) - MAX_LISTED_CELLS} more" if len(cells) > MAX_LISTED_CELLS else ""
    )


_FORMULA_NOISE = re.compile(r"[\s$']")


def _normalise_formula(text: str) -> str:
    return _FORMULA_NOISE.sub("", text).upper().replace("_XLFN.", "")


@lru_cache(maxsize=4)
def _expected_result_formulas(layout: Layout, has_data: tuple[bool, ...]) -> dict[str, str]:
    """{cell: normalised formula} of every Results formula natoplanner writes, in sheet order."""
    grid = formula_grid(layout)
    expected: dict[str, str] = {}
    for block in RESULT_BLOCKS:
        for i, has in enumerate(has_data):
            if not has:
                continue
            row = layout.result_row(block.key, i)
            for year, formula in zip(layout.result_years, grid[block.key][i], strict=True):
                if formula is not None:
                    expected[cell_name(layout.result_column(year), row)] = _normalise_formula(
                        formula
                    )
    return expected


def _result_cells_read_by_openpyxl(workbook, layout: Layout, n_allies: int) -> dict[str, object]:
    last_row = layout.result_row(RESULT_BLOCKS[-1].key, n_allies - 1)
    last_column = layout.result_column(layout.result_years[-1])
    found: dict[str, object] = {}
    for row_number, cells in enumerate(
        _rows(workbook, SHEET_RESULTS, last_row, last_column), start=1
    ):
        for column, value in enumerate(cells, start=1):
            if value is not None:
                found[cell_name(column, row_number)] = value
    return found


def _hand_edited_results(
    path: Path, workbook, scenario: Scenario, layout: Layout, part: str | None = None
) -> list[Problem]:
    """Warnings for Results cells whose formula was replaced or removed by hand."""
    has_data = tuple(bool(x) for x in ~np.isnan(scenario.base.core_share_pct))
    expected = _expected_result_formulas(layout, has_data)
    found = cell_formulas(path, part) if part else None
    if found is None:
        found = _result_cells_read_by_openpyxl(workbook, layout, len(scenario.allies))
    edited = [
        cell
        for cell, formula in expected.items()
        if not (
            isinstance(value := found.get(cell), str)
            and value.startswith("=")
            and _normalise_formula(value) == formula
        )
    ]
    if not edited:
        return []
    return [
        Problem(
            str(path),
            f"{len(edited)} cell(s) of 'Results' were edited by hand and are ignored "
            f"({_list_cells(edited)}); natoplanner recomputes results from 'Assumptions' — change "
            "the "
            "assumptions instead",
            SHEET_RESULTS,
            edited[0],
            severity="warning",
        )
    ]
