"""The ``Alliance`` sheet: alliance aggregates the NATO way, as saved (values, not formulas)."""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from natoplanner.core.indicators.aggregates import money_label
from natoplanner.core.projection import Projection
from natoplanner.io.workbook.sheets.cell_writing import (
    BLOCK_TITLE,
    BOLD,
    CENTER_WRAP,
    HEADER_FILL,
    SAVED_NOTE,
    put_text,
)


def _alliance_headers(base_year: int) -> dict[str, tuple[str, str | None]]:
    return {
        "aggregate": ("Aggregate", None),
        "year": ("Year", "0"),
        "core_share_pct": (
            "Core share (% of GDP; GDP at constant prices as weights, Iceland's GDP included)",
            "0.00",
        ),
        "total_share_pct": ("Total: core + related up to 1.5% (% of GDP)", "0.00"),
        "core_usd_bn": (f"Core spending ({money_label(base_year)})", "#,##0.0"),
        "allies_at_2_pct": ("Allies at ≥ 2% core", "0"),
        "allies_at_3_5_pct": ("Allies at ≥ 3.5% core", "0"),
        "allies_at_5_pct": ("Allies at ≥ 5% total with core ≥ 3.5%", "0"),
    }


def write_alliance(ws: Worksheet, projection: Projection, saved_on: str) -> None:
    """Fill the ``Alliance`` sheet with the projection's aggregates (values as saved)."""
    base_year = projection.scenario.base_year
    ws["A1"] = (
        f"Alliance aggregates the NATO way, as saved by natoplanner on {saved_on}: members of "
        f"each year, shares weighted by GDP at constant prices, money in "
        f"{money_label(base_year)}; to {base_year} NATO's figures, then this scenario."
    )
    ws["A1"].font = BLOCK_TITLE
    ws["A2"] = (
        "Values, not formulas: they do not follow edits made in Excel or LibreOffice since that "
        "date. Open and save the file in natoplanner to bring them up to date."
    )
    ws["A2"].font = SAVED_NOTE
    frame = projection.alliance_aggregates().frame()
    headers = _alliance_headers(base_year)
    header_row = 3
    for index, column in enumerate(frame.columns, start=1):
        text, number_format = headers[column]
        cell = ws.cell(header_row, index, text)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, CENTER_WRAP
        ws.column_dimensions[get_column_letter(index)].width = 18 if index == 1 else 14
        for offset, value in enumerate(frame[column].to_numpy(), start=1):
            value = value.item() if hasattr(value, "item") else value
            written = (
                put_text(ws, header_row + offset, index, value)
                if isinstance(value, str)
                else ws.cell(header_row + offset, index, value)
            )
            if number_format:
                written.number_format = number_format
    ws.row_dimensions[header_row].height = 60
    ws.freeze_panes = "C4"
