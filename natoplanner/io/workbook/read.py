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
from pathlib import Path

import numpy as np
import openpyxl

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
from natoplanner.io.workbook.cell_text import parse_number, parse_text
from natoplanner.io.workbook.fiscal_rules import read_rules
from natoplanner.io.workbook.formulas import ResultFormulas
from natoplanner.io.workbook.layout import (
    ABOUT_SCHEMA_LABEL,
    ASSUMPTION_BLOCKS,
    OPTIONAL_POLICY_KEYS,
    POLICY_COLUMNS,
    POLICY_HEADER_ROW,
    RESULT_BLOCKS,
    SCHEMA_VERSION,
    SETTING_ROW,
    SETTING_VALUE_COLUMN,
    SHEET_ABOUT,
    SHEET_ASSUMPTIONS,
    SHEET_RESULTS,
    TARGET_KEYS,
    Layout,
    cell_name,
    policy_label,
)
from natoplanner.io.workbook.vintage_sheet import workbook_dataset
from natoplanner.io.xlsx_safety import XlsxLimits, check_xlsx_container

#: A scenario workbook is small; anything far larger is not one of ours.
SCENARIO_LIMITS = XlsxLimits(
    max_file_bytes=50_000_000,
    max_total_bytes=200_000_000,
    max_rows=100_000,
    max_columns=1_000,
    max_cells=5_000_000,
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


def _normalise_word(text: str) -> str:
    return " ".join(re.split(r"[\s_\-]+", text.strip().casefold()))


CORE_KINDS = {policy_label(k): k for k in BudgetPolicy}
RELATED_KINDS = {policy_label(k): k for k in RelatedPolicy}


class _Sheet:
    """Cell values of one sheet (1-based), plus problem collection with addresses."""

    def __init__(self, file: Path, name: str, rows: list[tuple], problems: list[Problem]) -> None:
        self.file, self.name, self.rows, self.problems = file, name, rows, problems

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
        self.problems.append(
            Problem(
                str(self.file),
                message,
                self.name,
                cell_name(column, row),
                expected,
                shown,
                severity,
            )
        )

    def number(self, row: int, column: int, what: str) -> float | None:
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
            return parse_number(raw)
        except ValueError as error:
            self.problem(row, column, f"{what}: {error}", "a number", raw)
            return None

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
        return _read(path, workbook, dataset or Dataset.bundled(), info.sheet_names)
    finally:
        workbook.close()


def _rows(workbook, name: str, max_row: int, max_col: int) -> list[tuple]:
    return list(
        workbook[name].iter_rows(min_row=1, max_row=max_row, max_col=max_col, values_only=True)
    )


def _read(path: Path, workbook, dataset: Dataset, sheet_names: list[str]) -> LoadedScenario:
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
    rows = _rows(workbook, SHEET_ASSUMPTIONS, last_row + 40, 40)
    scenario, assumption_warnings = scenario_from_assumptions(path, rows, dataset, version)
    warnings.extend(assumption_warnings)
    if SHEET_RESULTS in sheet_names:
        layout = Layout(n_allies, scenario.base_year)
        warnings.extend(_hand_edited_results(path, workbook, scenario, layout))
    return LoadedScenario(scenario, warnings, version)


def dataset_base_year(dataset: Dataset) -> int:
    """Any base year: block rows do not depend on it (only year columns do)."""
    return int(dataset.history_years[-1])


def scenario_from_assumptions(
    file: Path, rows: list[tuple], dataset: Dataset, version: int = SCHEMA_VERSION
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
    sheet = _Sheet(Path(file), SHEET_ASSUMPTIONS, rows, errors)
    scenario = _scenario_settings(Path(file), sheet, dataset)
    layout = Layout(len(dataset.registry), scenario.base_year)
    _policies(sheet, scenario, layout, version, warnings)
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
            sheet.problem(row, columns["iso3"], _MOVED, ally.iso3, found_iso)
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


_MOVED = (
    "allies are not in the order natoplanner wrote them (rows were sorted, inserted or deleted)"
)


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
        value = self.sheet.number(self.row, column, f"{self.ally}: {key.replace('_', ' ')}")
        return self._defaulted(column, value, default)

    def year(self, key: str, default: int) -> int:
        column = self.columns[key]
        value = self.sheet.year(self.row, column, f"{self.ally}: {key.replace('_', ' ')}")
        return self._defaulted(column, value, default)


def _has_problem(sheet: _Sheet, row: int, column: int | None = None) -> bool:
    """Whether a problem was already noted at (row, column), or anywhere in ``row``."""
    pattern = re.compile(cell_name(column, row) if column else rf"[A-Z]+{row}")
    return any(p.cell is not None and pattern.fullmatch(p.cell) for p in sheet.problems)


def _kind(sheet: _Sheet, row: int, column: int, kinds: dict, what: str):
    text = _normalise_word(sheet.text(row, column))
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
            if parse_text(sheet.value(row, 1)).strip().upper() != ally.iso3:
                sheet.problem(row, 1, _MOVED, ally.iso3, sheet.value(row, 1))
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
                number = sheet.number(row, column, f"{ally.name_en} {year}: {name.split(' (')[0]}")
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
                    f"{len(edited)} reference cell(s) of '{name}' differ from the IMF data and "
                    f"were ignored ({_list_cells(edited)}); type changes into the override "
                    "block instead",
                    sheet.name,
                    edited[0],
                    severity="warning",
                )
            )


def _block_in_place(
    sheet: _Sheet, header: int, years: list[int], layout: Layout, name: str
) -> bool:
    for year in years:
        column = layout.assumption_column(year)
        found = sheet.value(header, column)
        if found != year and parse_text(found).strip() != str(year):
            message = f"the '{name}' block has moved (rows or columns were inserted or deleted)"
            sheet.problem(header, column, message, str(year), found)
            return False
    return True


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


def _hand_edited_results(path: Path, workbook, scenario: Scenario, layout: Layout) -> list[Problem]:
    """Warnings for Results cells whose formula was replaced or removed by hand."""
    n = len(scenario.allies)
    last_row = layout.result_row(RESULT_BLOCKS[-1].key, n - 1)
    last_column = layout.result_column(layout.result_years[-1])
    rows = _rows(workbook, SHEET_RESULTS, last_row, last_column)
    formulas = ResultFormulas(layout)
    has_data = ~np.isnan(scenario.base.core_share_pct)
    edited: list[str] = []
    for block in RESULT_BLOCKS:
        for i in range(n):
            if not has_data[i]:
                continue
            row = layout.result_row(block.key, i)
            cells = rows[row - 1] if row - 1 < len(rows) else ()
            for year in layout.result_years:
                expected = formulas.formula(block.key, i, year)
                if expected is None:
                    continue
                column = layout.result_column(year)
                found = cells[column - 1] if column - 1 < len(cells) else None
                if not (
                    isinstance(found, str)
                    and _normalise_formula(found) == _normalise_formula(expected)
                ):
                    edited.append(cell_name(column, row))
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
