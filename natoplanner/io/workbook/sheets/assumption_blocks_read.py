"""Reading the ally-by-year blocks of ``Assumptions``: the overrides, and the grey IMF blocks
checked against the GDP forecast vintage they hold.
"""

from __future__ import annotations

import itertools
import math

import numpy as np

from natoplanner.core.dataset import Dataset
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.scenario import DeflatorSource, Scenario
from natoplanner.io.errors import Problem
from natoplanner.io.workbook.cell_text import parse_number, parse_text
from natoplanner.io.workbook.layout import (
    ASSUMPTION_BLOCKS,
    DEFLATOR_SOURCE_WORDS,
    SETTING_ROW,
    SETTING_VALUE_COLUMN,
    Layout,
    cell_name,
)
from natoplanner.io.workbook.sheets.cell_reading import (
    SheetCells,
    apply_at,
    list_cells,
    moved_message,
    row_shift,
)


def read_year_blocks(
    sheet: SheetCells, scenario: Scenario, layout: Layout, warnings: list[Problem]
) -> None:
    """Apply every override cell of the year blocks; note edited grey cells and moved rows."""
    years = list(layout.projection_years)
    for index, block in enumerate(layout.assumption_blocks):
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
                shift = row_shift(scenario, i, found_iso, below)
                sheet.problem(row, 1, moved_message(shift), ally.iso3, found_iso)
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
                    apply_at(
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
                    f"{len(edited)} grey reference cell(s) of '{name}' differ from the figures "
                    f"natoplanner wrote there ({list_cells(edited)}): natoplanner ignores them, "
                    "but the spreadsheet's formulas use them, so its Results differ until "
                    "natoplanner saves the file (which restores them); type changes into the "
                    "override block instead",
                    sheet.name,
                    edited[0],
                    severity="warning",
                )
            )


def _reference_block(sheet: SheetCells, key: str, layout: Layout) -> np.ndarray:
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


def follow_reference_vintage(
    sheet: SheetCells, scenario: Scenario, layout: Layout, dataset: Dataset
) -> None:
    """Use the vintage and deflator source whose figures the grey blocks hold, as the
    formulas do.

    The formulas compute with the grey blocks, not with the settings' words.
    If a colleague retyped the vintage or the deflator setting (the cells are
    protected, but protection can be lifted), the blocks still hold what
    natoplanner wrote, and reading that keeps the app and the spreadsheet on
    the same figures. A grey cell edited as well (warned by
    :func:`read_year_blocks`) does not hide which settings the others hold: the
    settings whose figures most grey cells agree with are read.
    """
    grey = np.hstack(
        [
            _reference_block(sheet, "growth_default", layout),
            _reference_block(sheet, "deflator_default", layout),
        ]
    )
    named = (scenario.gdp_vintage, scenario.deflator_source)
    best, best_agreeing = named, _agreeing_cells(grey, scenario.default_paths(*named))
    if best_agreeing == grey.size:
        return
    for vintage, source in itertools.product(dataset.forecast_vintages, DeflatorSource):
        if (vintage, source) == named:
            continue  # counted above
        try:
            paths = scenario.default_paths(vintage, source)
        except ScenarioInputError:
            continue
        agreeing = _agreeing_cells(grey, paths)
        if agreeing > best_agreeing:
            best, best_agreeing = (vintage, source), agreeing
    if best == named:
        return
    vintage, source = best
    scenario.set_deflator_source(source)
    scenario.set_gdp_vintage(vintage)
    _warn_setting_not_held(sheet, "gdp_vintage", named[0], vintage)
    words = DEFLATOR_SOURCE_WORDS
    _warn_setting_not_held(sheet, "deflator_source", words[named[1]], words[source])


def _agreeing_cells(grey: np.ndarray, paths: tuple[np.ndarray, np.ndarray]) -> int:
    """How many grey cells (growth block, then deflator block) hold these default paths."""
    expected = np.hstack(paths)
    if expected.shape != grey.shape:
        return 0
    return int(np.isclose(grey, expected, rtol=1e-9, atol=1e-12, equal_nan=True).sum())


def _warn_setting_not_held(sheet: SheetCells, key: str, named: str, held: str) -> None:
    """A warning on a setting whose words differ from what the grey blocks hold."""
    if named == held:
        return
    what = "GDP forecast vintage" if key == "gdp_vintage" else "default deflator"
    typed = sheet.text(SETTING_ROW[key], SETTING_VALUE_COLUMN).strip()
    says = f"reads '{typed}'" if typed else f"is empty (read as '{named}')"
    sheet.problem(
        SETTING_ROW[key],
        SETTING_VALUE_COLUMN,
        f"the {what} {says}, but the grey blocks (which the spreadsheet's "
        f"formulas use) hold '{held}': read as '{held}'. To change it, choose it in "
        "natoplanner, which refills the blocks",
        f"'{held}', as the blocks hold",
        typed or None,
        severity="warning",
    )


def _block_in_place(
    sheet: SheetCells, header: int, years: list[int], layout: Layout, name: str
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


def _find_header(sheet: SheetCells, header: int, years: list[int], layout: Layout) -> int | None:
    """The row near ``header`` that holds the block's year header, if rows moved it."""
    first = layout.assumption_column(years[0])
    for offset in range(1, 20):  # less than a block apart: never the next block's header
        for row in (header - offset, header + offset):
            if row > 0 and parse_text(sheet.value(row, first)).strip() == str(years[0]):
                return row
    return None


def _edited_reference_cells(
    sheet: SheetCells, row: int, ally: int, key: str, scenario: Scenario, layout: Layout
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
