"""Writing the ``Assumptions`` sheet, the only sheet read back: settings, the policy table, the
ally-by-year override and reference blocks, their styles and the sheet's protection.
"""

from __future__ import annotations

import numpy as np
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from natoplanner.core.scenario import Measure, Scenario
from natoplanner.io.workbook.cell_text import escape_text
from natoplanner.io.workbook.fiscal_rules import rule_cells
from natoplanner.io.workbook.layout import (
    ASSUMPTION_BLOCKS,
    CORE_POLICY_LABELS,
    DEFLATOR_SOURCE_WORDS,
    FIRST_YEAR_COLUMN,
    POLICY_COLUMN_INDEX,
    POLICY_COLUMNS,
    POLICY_HEADER_ROW,
    RELATED_POLICY_LABELS,
    SETTING_ROW,
    SETTING_VALUE_COLUMN,
    SETTING_VALUE_LAST_COLUMN,
    SETTINGS,
    Layout,
    cell_name,
    policy_label,
)
from natoplanner.io.workbook.sheets.cell_writing import (
    BLOCK_TITLE,
    BOLD,
    CENTER_WRAP,
    HEADER_FILL,
    INPUT_FILL,
    REFERENCE_FILL,
    CellStyles,
    block_labels,
    finite_or_none,
    put_text,
    put_value,
    text_height,
)

ASSUMPTIONS_TITLE = (
    "Assumptions — the only sheet natoplanner reads back. Edit the pale-yellow cells; grey "
    "cells are reference data (protected, no password). The GDP forecast vintage is chosen in "
    "natoplanner, which refills the grey IMF blocks below."
)


def assumption_cells(scenario: Scenario, layout: Layout) -> dict[tuple[int, int], object]:
    """Every value of the ``Assumptions`` sheet by (row, column), before text escaping."""
    cells: dict[tuple[int, int], object] = {(1, 1): ASSUMPTIONS_TITLE}
    settings = {
        "name": scenario.name,
        "notes": scenario.notes,
        "horizon": scenario.horizon,
        "gdp_vintage": scenario.gdp_vintage,
        "base_year": scenario.base_year,
        "backload_fraction": scenario.backload_fraction,
        "deflator_source": DEFLATOR_SOURCE_WORDS[scenario.deflator_source],
    }
    for key, label in SETTINGS:
        cells[SETTING_ROW[key], 1] = label
        cells[SETTING_ROW[key], SETTING_VALUE_COLUMN] = settings[key]
    for index, column in enumerate(POLICY_COLUMNS, start=1):
        cells[POLICY_HEADER_ROW, index] = column.header
    for i, values in enumerate(_policy_values(scenario)):
        for index, column in enumerate(POLICY_COLUMNS, start=1):
            if values[column.key] is not None:
                cells[layout.policy_row(i), index] = values[column.key]
    years = list(layout.projection_years)
    for index, block in enumerate(ASSUMPTION_BLOCKS):
        title_row = layout.assumption_block_title_row(index)
        cells.update(block_labels(title_row, block.title, scenario, years))
        values = _block_values(scenario, block.key, block.measure)
        rows, columns = np.nonzero(~np.isnan(values))
        for i, j in zip(rows.tolist(), columns.tolist(), strict=True):
            cells[title_row + 2 + i, layout.assumption_column(years[j])] = float(values[i, j])
    cells.update(rule_cells(scenario, layout))  # the escape-clause rules at the foot
    return cells


def assumption_rows(scenario: Scenario, layout: Layout) -> list[tuple]:
    """The ``Assumptions`` sheet as stored (text escaped), row 1 first: an in-memory copy."""
    cells = assumption_cells(scenario, layout)
    n_rows = max(r for r, _ in cells)
    n_columns = max(c for _, c in cells)
    grid = [[None] * n_columns for _ in range(n_rows)]
    for (row, column), value in cells.items():
        grid[row - 1][column - 1] = escape_text(value) if isinstance(value, str) else value
    return [tuple(row) for row in grid]


def _policy_values(scenario: Scenario) -> list[dict[str, object]]:
    base = scenario.base
    rows = []
    for i, ally in enumerate(scenario.allies):
        policy, track = scenario.core_policies[i], scenario.related_tracks[i]
        targets = scenario.all_targets[i]
        rows.append(
            {
                "iso3": ally.iso3,
                "ally": ally.name_en,
                "currency": ally.currency,
                "core_policy": policy_label(policy.kind),
                "rate_pct": policy.rate_pct,
                "share_pct": policy.share_pct,
                "target_pct": policy.target_pct,
                "target_year": policy.target_year,
                "core_target_pct": targets.core_pct,
                "total_target_pct": targets.total_pct,
                "related_policy": policy_label(track.kind),
                "related_share_pct": track.share_pct,
                "related_target_pct": track.target_pct,
                "related_target_year": track.target_year,
                "base_gdp_bn": finite_or_none(base.gdp_bn[i]),
                "base_budget_mn": finite_or_none(base.core_budget_mn[i]),
                "base_share_pct": finite_or_none(base.core_share_pct[i]),
                "fx_per_usd": finite_or_none(base.fx_per_usd[i]),
                "growth_until": policy.growth_until,
            }
        )
    return rows


def _block_values(scenario: Scenario, key: str, measure) -> np.ndarray:
    if measure is not None:
        return scenario.year_inputs(measure)
    return (
        scenario.default_growth_pct()
        if key == "growth_default"
        else scenario.default_deflator_pct()
    )


def write_assumptions(ws: Worksheet, scenario: Scenario, layout: Layout) -> None:
    """Fill ``ws`` with every input of ``scenario`` (the sheet read back on load)."""
    for (row, column), value in assumption_cells(scenario, layout).items():
        if isinstance(value, str):
            put_text(ws, row, column, value)
        else:
            put_value(ws, row, column, value)
    styles = CellStyles()
    ws["A1"].font = BLOCK_TITLE
    for key, _ in SETTINGS:
        row = SETTING_ROW[key]
        ws.cell(row, 1).font = BOLD
        ws.merge_cells(
            start_row=row, start_column=1, end_row=row, end_column=SETTING_VALUE_COLUMN - 1
        )
        ws.merge_cells(
            start_row=row,
            start_column=SETTING_VALUE_COLUMN,
            end_row=row,
            end_column=SETTING_VALUE_LAST_COLUMN,
        )
        cell = ws.cell(row, SETTING_VALUE_COLUMN)
        editable = key not in REFERENCE_SETTINGS
        cell.fill = INPUT_FILL if editable else REFERENCE_FILL
        cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=key == "notes")
        if editable:
            cell.protection = UNLOCKED
    ws.row_dimensions[SETTING_ROW["notes"]].height = text_height(scenario.notes, 95)
    _style_policy_table(ws, scenario, layout, styles)
    _style_input_blocks(ws, scenario, layout, styles)
    protect_reference_cells(ws, layout)
    ws.freeze_panes = ws.cell(row=POLICY_HEADER_ROW + 1, column=3)
    for index, column in enumerate(POLICY_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.column_dimensions["B"].width = 30


#: Settings that are reference data in the workbook: the base year is NATO's, and the GDP
#: vintage and the deflator source choose the grey blocks, which only natoplanner refills.
REFERENCE_SETTINGS = frozenset({"base_year", "gdp_vintage", "deflator_source"})
UNLOCKED = Protection(locked=False)


def first_free_column(layout: Layout) -> int:
    """The first column right of every Assumptions table (one blank column between)."""
    return max(len(POLICY_COLUMNS), layout.assumption_column(layout.projection_years[-1])) + 2


def protect_reference_cells(ws: Worksheet, layout: Layout) -> None:
    """Protect the sheet without a password: input cells (unlocked) stay editable, grey ones not.

    A colleague can still format cells, rows and columns and write notes in
    the columns right of the tables; inserting or deleting rows and columns
    (which would move every block) is what the protection stops. Tools >
    Protect Sheet (LibreOffice) or Review > Unprotect Sheet (Excel) lifts it
    without a password; the reader then warns about any edited grey cell.
    """
    first = first_free_column(layout)
    free = ws.column_dimensions[get_column_letter(first)]
    free.min, free.max = first, 16384
    free.protection = UNLOCKED
    protection = ws.protection
    protection.sheet = True
    protection.formatCells = protection.formatColumns = protection.formatRows = False
    protection.selectLockedCells = protection.selectUnlockedCells = False


def _style_policy_table(
    ws: Worksheet, scenario: Scenario, layout: Layout, styles: CellStyles
) -> None:
    for index in range(1, len(POLICY_COLUMNS) + 1):
        styles.apply(ws.cell(POLICY_HEADER_ROW, index), fill=HEADER_FILL, font=BOLD)
        ws.cell(POLICY_HEADER_ROW, index).alignment = CENTER_WRAP
    ws.row_dimensions[POLICY_HEADER_ROW].height = 60
    for i in range(len(scenario.allies)):
        for index, column in enumerate(POLICY_COLUMNS, start=1):
            fill = INPUT_FILL if column.editable else REFERENCE_FILL
            protection = UNLOCKED if column.editable else None
            cell = ws.cell(layout.policy_row(i), index)
            styles.apply(cell, column.number_format, fill, protection=protection)
    first, last = layout.policy_row(0), layout.policy_row(len(scenario.allies) - 1)
    for key, labels in (
        ("core_policy", CORE_POLICY_LABELS),
        ("related_policy", RELATED_POLICY_LABELS),
    ):
        validation = DataValidation(
            type="list", formula1='"' + ",".join(labels) + '"', allow_blank=False
        )
        validation.error = "Choose one of: " + ", ".join(labels)
        ws.add_data_validation(validation)
        letter = get_column_letter(POLICY_COLUMN_INDEX[key])
        validation.add(f"{letter}{first}:{letter}{last}")


def _style_input_blocks(
    ws: Worksheet, scenario: Scenario, layout: Layout, styles: CellStyles
) -> None:
    years = list(layout.projection_years)
    n_allies = len(scenario.allies)
    for index, block in enumerate(ASSUMPTION_BLOCKS):
        title_row = layout.assumption_block_title_row(index)
        _style_block_frame(ws, title_row, len(years), styles)
        # The input/reference colour comes from one always-true rule per block,
        # not from styling every (mostly empty) cell: a third of the save time.
        top = title_row + 2
        # The US dollar is the unit of exchange rates: the US row is grey and locked.
        fixed = {scenario.row("USA")} if block.measure is Measure.EXCHANGE_RATE else set()
        editable = [i for i in range(n_allies) if i not in fixed]
        if block.measure is None:
            areas = {REFERENCE_FILL: [_rows_area(layout, top, 0, n_allies - 1)]}
        else:
            areas = {
                INPUT_FILL: [_rows_area(layout, top, a, b) for a, b in _runs(editable)],
                REFERENCE_FILL: [_rows_area(layout, top, i, i) for i in sorted(fixed)],
            }
        for fill, ranges in areas.items():
            if ranges:
                ws.conditional_formatting.add(
                    " ".join(ranges), FormulaRule(formula=["TRUE"], fill=fill)
                )
        if block.measure is not None:  # every input cell, empty or not, stays editable
            for i in editable:
                for year in years:
                    cell = ws.cell(top + i, layout.assumption_column(year))
                    styles.apply(cell, block.number_format, protection=UNLOCKED)
            continue
        rows, columns = np.nonzero(~np.isnan(_block_values(scenario, block.key, block.measure)))
        for i, j in zip(rows.tolist(), columns.tolist(), strict=True):
            styles.apply(ws.cell(top + i, layout.assumption_column(years[j])), block.number_format)


def _rows_area(layout: Layout, top: int, first: int, last: int) -> str:
    """The year cells of a block's ally rows ``first..last`` (positions below ``top``)."""
    years = layout.projection_years
    return (
        f"{cell_name(layout.assumption_column(years[0]), top + first)}:"
        f"{cell_name(layout.assumption_column(years[-1]), top + last)}"
    )


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs of sorted row positions as (first, last) pairs."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def _style_block_frame(ws: Worksheet, title_row: int, n_years: int, styles: CellStyles) -> None:
    styles.apply(ws.cell(title_row, 1), font=BLOCK_TITLE)
    for column in range(1, FIRST_YEAR_COLUMN + n_years):
        styles.apply(ws.cell(title_row + 1, column), fill=HEADER_FILL, font=BOLD)
