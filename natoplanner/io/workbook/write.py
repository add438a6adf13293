"""Build the scenario workbook (openpyxl) from its sheets, and the names its formulas use.

Each sheet is written by its module in ``sheets/``: About, Assumptions,
Results, Summary, Alliance, History, Fiscal room and Vintages.

Only ``Assumptions`` is read back. ``Results`` and the live columns of
``Summary`` are formulas over it, so a colleague's edit in Excel or
LibreOffice recomputes the paths; ``Alliance`` and the marked ``Summary``
columns are values computed by natoplanner at save time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.workbook.defined_name import DefinedName

from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Scenario
from natoplanner.io.workbook.cached import result_values
from natoplanner.io.workbook.fastsheet import FastCells, save_workbook
from natoplanner.io.workbook.layout import (
    ASSUMPTION_BLOCKS,
    RESULT_BLOCKS,
    SETTING_ROW,
    SETTING_VALUE_COLUMN,
    SHEET_ABOUT,
    SHEET_ALLIANCE,
    SHEET_ASSUMPTIONS,
    SHEET_HISTORY,
    SHEET_RESULTS,
    SHEET_SUMMARY,
    Layout,
    cell_name,
)
from natoplanner.io.workbook.sheets.about import saved_stamp, write_about
from natoplanner.io.workbook.sheets.alliance import write_alliance
from natoplanner.io.workbook.sheets.assumptions_write import write_assumptions
from natoplanner.io.workbook.sheets.cell_writing import absolute_cell
from natoplanner.io.workbook.sheets.fiscal_room import write_fiscal_room
from natoplanner.io.workbook.sheets.history import write_history
from natoplanner.io.workbook.sheets.results import write_results
from natoplanner.io.workbook.sheets.summary import write_summary
from natoplanner.io.workbook.sheets.vintages import write_vintage_sheet


@dataclass
class ScenarioWorkbook:
    """A built workbook: openpyxl's part plus the large sheets rendered directly."""

    workbook: Workbook
    fast_sheets: list[FastCells]

    def save(self, handle: BinaryIO) -> None:
        """Write the .xlsx content to an open binary file."""
        save_workbook(self.workbook, handle, self.fast_sheets)


def build_workbook(scenario: Scenario, projection: Projection | None = None) -> ScenarioWorkbook:
    """The whole scenario workbook, ready to save."""
    projection = projection if projection is not None else Projection(scenario)
    projection.update()
    layout = Layout(len(scenario.allies), scenario.base_year)
    workbook = Workbook()
    about = workbook.active
    about.title = SHEET_ABOUT
    write_about(about, scenario)
    write_assumptions(workbook.create_sheet(SHEET_ASSUMPTIONS), scenario, layout)
    values = result_values(scenario, projection)
    saved_on = saved_stamp()
    results = FastCells(workbook, workbook.create_sheet(SHEET_RESULTS))
    write_results(results, scenario, layout, values)
    summary = FastCells(workbook, workbook.create_sheet(SHEET_SUMMARY))
    write_summary(summary, scenario, projection, layout, values, saved_on)
    write_alliance(workbook.create_sheet(SHEET_ALLIANCE), projection, saved_on)
    history = FastCells(workbook, workbook.create_sheet(SHEET_HISTORY))
    write_history(history, scenario)
    fiscal = write_fiscal_room(workbook, scenario, projection, layout)  # rules + its own sheet
    vintages = write_vintage_sheet(workbook, scenario)  # imported vintages travel with the file
    _define_names(workbook, layout)
    workbook.active = 1
    return ScenarioWorkbook(workbook, [results, summary, history, fiscal, *vintages])


def _define_names(workbook: Workbook, layout: Layout) -> None:
    def setting(key: str) -> str:
        cell = cell_name(SETTING_VALUE_COLUMN, SETTING_ROW[key])
        return f"{SHEET_ASSUMPTIONS}!{absolute_cell(cell)}"

    names = {"Horizon": setting("horizon"), "BaseYear": setting("base_year")}
    first_year, last_year = layout.projection_years[0], layout.projection_years[-1]
    for index, block in enumerate(ASSUMPTION_BLOCKS):
        top = layout.assumption_block_title_row(index) + 2
        start = cell_name(layout.assumption_column(first_year), top)
        end = cell_name(layout.assumption_column(last_year), top + layout.n_allies - 1)
        names[block.defined_name] = (
            f"{SHEET_ASSUMPTIONS}!{absolute_cell(start)}:{absolute_cell(end)}"
        )
    for index, block in enumerate(RESULT_BLOCKS):
        if not block.defined_name:
            continue
        top = layout.result_block_title_row(index) + 2
        start = cell_name(layout.result_column(layout.base_year), top)
        end = cell_name(layout.result_column(last_year), top + layout.n_allies - 1)
        names[block.defined_name] = f"{SHEET_RESULTS}!{absolute_cell(start)}:{absolute_cell(end)}"
    for name, reference in names.items():
        workbook.defined_names[name] = DefinedName(name, attr_text=reference)
