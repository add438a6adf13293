"""The ``Results`` sheet: live formulas over ``Assumptions``, each with natoplanner's value."""

from __future__ import annotations

import numpy as np
from openpyxl.formatting.rule import FormulaRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from natoplanner.core.scenario import Scenario
from natoplanner.io.workbook.cell_text import escape_text
from natoplanner.io.workbook.fastsheet import FastCells
from natoplanner.io.workbook.formulas import formula_grid
from natoplanner.io.workbook.layout import (
    FIRST_YEAR_COLUMN,
    RESULT_BLOCKS,
    Layout,
)
from natoplanner.io.workbook.sheets.cell_writing import (
    BLOCK_TITLE,
    BOLD,
    HEADER_FILL,
    MET_FILL,
    NOTE,
    SHORT_FILL,
    block_labels,
)


def write_results(
    fast: FastCells, scenario: Scenario, layout: Layout, values: dict[str, np.ndarray]
) -> None:
    """Fill the ``Results`` sheet: one block of formulas per result, coloured against targets."""
    fast.text(
        1,
        1,
        "Results — live formulas over 'Assumptions' (recomputed by Excel and LibreOffice). "
        "Do not edit: natoplanner ignores this sheet when it reads the file.",
        fast.style(font=BLOCK_TITLE),
    )
    grid = formula_grid(layout)
    years = list(layout.result_years)
    has_data = ~np.isnan(scenario.base.core_share_pct)
    title_style, header_style = (
        fast.style(font=BLOCK_TITLE),
        fast.style(font=BOLD, fill=HEADER_FILL),
    )
    note_style = fast.style(font=NOTE)
    for index, block in enumerate(RESULT_BLOCKS):
        title_row = layout.result_block_title_row(index)
        for (row, column), value in block_labels(title_row, block.title, scenario, years).items():
            style = title_style if row == title_row else header_style if row == title_row + 1 else 0
            if isinstance(value, str):
                fast.text(row, column, escape_text(value), style)
            else:
                fast.number(row, column, value, style)
        style = fast.style(block.number_format)
        block_values = values[block.key].tolist()
        block_formulas = grid[block.key]
        for i in range(len(scenario.allies)):
            row = title_row + 2 + i
            if not has_data[i]:
                fast.text(row, FIRST_YEAR_COLUMN, "no armed forces: no NATO figures", note_style)
                continue
            for j, year in enumerate(years):
                formula = block_formulas[i][j]
                if formula is not None:
                    column = layout.result_column(year)
                    fast.formula(row, column, formula, style, block_values[i][j])
    ws = fast.worksheet
    _colour_against_targets(ws, layout, len(scenario.allies))
    ws.freeze_panes = "C3"
    ws.column_dimensions["A"].width = 7
    ws.column_dimensions["B"].width = 26
    for year in years:
        ws.column_dimensions[get_column_letter(layout.result_column(year))].width = 11


def _colour_against_targets(ws: Worksheet, layout: Layout, n_allies: int) -> None:
    last_column = get_column_letter(layout.result_column(layout.result_years[-1]))
    for share, gap in (("core_share", "core_gap_pp"), ("total_share", "total_gap_pp")):
        first, last = layout.result_row(share, 0), layout.result_row(share, n_allies - 1)
        gap_cell = f"C{layout.result_row(gap, 0)}"
        area = f"C{first}:{last_column}{last}"
        ws.conditional_formatting.add(
            area,
            FormulaRule(formula=[f"AND(ISNUMBER({gap_cell}),{gap_cell}<=1E-9)"], fill=MET_FILL),
        )
        ws.conditional_formatting.add(
            area,
            FormulaRule(formula=[f"AND(ISNUMBER({gap_cell}),{gap_cell}>1E-9)"], fill=SHORT_FILL),
        )
