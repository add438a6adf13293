"""The ``History`` sheet: the NATO figures the scenario rests on."""

from __future__ import annotations

import math

from openpyxl.utils import get_column_letter

from natoplanner.core.scenario import Scenario
from natoplanner.io.workbook.cell_text import escape_text
from natoplanner.io.workbook.fastsheet import FastCells
from natoplanner.io.workbook.sheets.cell_writing import (
    BLOCK_TITLE,
    BOLD,
    CENTER_WRAP,
    HEADER_FILL,
    NOTE,
)

HISTORY_COLUMNS = (
    ("iso3", "ISO3", None, 7),
    ("name", "Ally", None, 18),
    ("year", "Year", "0", 7),
    ("estimate_flag", "Estimate (e)", None, 9),
    ("defence_share_gdp_pct", "Core share (% of GDP, NATO Table 3)", "0.00", 12),
    ("defence_exp_national_million", "Core spending (million national currency)", "#,##0", 14),
    ("national_currency_in_nato_table", "Currency", None, 9),
    ("defence_exp_usd_million_current", "Core spending (million USD, current)", "#,##0", 14),
    ("gdp_national_billion_derived", "GDP (billion national currency, derived)", "#,##0.0", 14),
    ("equipment_share_pct", "Equipment (% of core spending)", "0.00", 12),
    ("defence_real_change_pct", "Real change (% a year)", "0.00", 10),
    ("notes", "Notes", None, 40),
)


def write_history(fast: FastCells, scenario: Scenario) -> None:
    """Fill the ``History`` sheet with the NATO rows the scenario starts from (values)."""
    title = f"NATO data the scenario rests on — {scenario.dataset.edition}"
    fast.text(1, 1, escape_text(title), fast.style(font=BLOCK_TITLE))
    fast.text(
        2,
        1,
        "Source: NATO Public Diplomacy Division, 'Defence Expenditure of NATO Countries'; "
        "'e' = NATO estimate. Iceland has no armed forces.",
        fast.style(font=NOTE),
    )
    history = scenario.dataset.history
    header_row = 4
    header_style = fast.style(font=BOLD, fill=HEADER_FILL, alignment=CENTER_WRAP)
    ws = fast.worksheet
    for index, (_, text, _, width) in enumerate(HISTORY_COLUMNS, start=1):
        fast.text(header_row, index, text, header_style)
        ws.column_dimensions[get_column_letter(index)].width = width
    fast.row_height(header_row, 60)
    styles = [fast.style(number_format) for _, _, number_format, _ in HISTORY_COLUMNS]
    columns = [history[key].to_numpy(dtype=object) for key, *_ in HISTORY_COLUMNS]
    for offset, values in enumerate(zip(*columns, strict=True), start=1):
        row = header_row + offset
        for index, value in enumerate(values, start=1):
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            if isinstance(value, str):
                fast.text(row, index, escape_text(value))
            else:
                fast.number(row, index, value, styles[index - 1])
    ws.freeze_panes = "C5"
    ws.auto_filter.ref = (
        f"A{header_row}:{get_column_letter(len(HISTORY_COLUMNS))}{header_row + len(history)}"
    )
