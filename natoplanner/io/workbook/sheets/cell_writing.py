"""Writing cells of the scenario workbook, for every sheet.

Text is never read as a formula, numbers read back bit for bit, styles are applied fast; the
fonts and fills every sheet shares, and the labels of an ally-by-year block.
"""

from __future__ import annotations

import math
from copy import copy

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from natoplanner.core.scenario import Scenario
from natoplanner.io.workbook.cell_text import escape_text, looks_like_formula
from natoplanner.io.workbook.layout import FIRST_YEAR_COLUMN

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
BLOCK_TITLE = Font(bold=True, size=11, color="1F3864")
NOTE = Font(italic=True, color="595959")
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
REFERENCE_FILL = PatternFill("solid", fgColor="EDEDED")
INPUT_FILL = PatternFill("solid", fgColor="FFF9E5")
MET_FILL = PatternFill("solid", fgColor="C6EFCE")
SHORT_FILL = PatternFill("solid", fgColor="FFC7CE")
SAVED_FILL = PatternFill("solid", fgColor="FCE4D6")  # columns that do not follow edits
SAVED_NOTE = Font(italic=True, bold=True, color="C65911")
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER_WRAP = Alignment(wrap_text=True, horizontal="center", vertical="center")


def put_text(ws: Worksheet, row: int, column: int, text: str):
    """Write user or data text as text, never as a formula (formula injection)."""
    cell = ws.cell(row=row, column=column)
    cell.value = escape_text(text)
    cell.data_type = "s"
    if looks_like_formula(text):
        cell.quotePrefix = True  # Excel's "typed with a leading apostrophe" marker
    return cell


class CellStyles:
    """Applies (number format, fill, font) combinations fast.

    openpyxl hashes every style object on assignment; a workbook of 20,000
    styled cells spends most of its build time there. The first cell of each
    combination is styled normally and later cells copy its style indices.
    """

    def __init__(self) -> None:
        self._cache: dict[tuple, object] = {}

    def apply(self, cell, number_format: str | None = None, fill=None, font=None, protection=None):
        key = (number_format, id(fill), id(font), id(protection))
        style = self._cache.get(key)
        if style is not None:
            cell._style = copy(style)
            return cell
        if number_format:
            cell.number_format = number_format
        if fill is not None:
            cell.fill = fill
        if font is not None:
            cell.font = font
        if protection is not None:
            cell.protection = protection
        self._cache[key] = copy(cell._style)
        return cell


def put_value(ws: Worksheet, row: int, column: int, value: object):
    """Write a number or None so that it reads back bit for bit.

    openpyxl serialises floats with ``%.16g``, which rounds doubles that need
    17 significant digits (0.1 + 0.2); Excel and LibreOffice write 17. The
    shortest exact form (``repr``) is stored instead, still as a number.
    """
    cell = ws.cell(row, column, value)
    if isinstance(value, float) and f"{value:.16g}" != repr(value):
        cell._value = repr(value)  # data_type stays "n": written as <v>repr</v>
    return cell


def text_height(text: str, characters_per_line: int) -> float:
    """Row height (points) that shows ``text`` wrapped in a cell that fits that many characters."""
    lines = sum(max(1, -(-len(part) // characters_per_line)) for part in text.split("\n"))
    return 15.0 * max(lines, 1)


def finite_or_none(value: float | None) -> float | None:
    """``value`` as a float, or None for a missing (None or NaN) figure: an empty cell."""
    return (
        None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)
    )


def block_labels(
    title_row: int, title: str, scenario: Scenario, years: list[int]
) -> dict[tuple[int, int], object]:
    """{(row, column): label} of an ally-by-year block: its title, year header, allies."""
    header = title_row + 1
    labels: dict[tuple[int, int], object] = {(title_row, 1): title, (header, 1): "ISO3"}
    labels[header, 2] = "Ally (currency)"
    for offset, year in enumerate(years):
        labels[header, FIRST_YEAR_COLUMN + offset] = year
    for i, ally in enumerate(scenario.allies):
        labels[header + 1 + i, 1] = ally.iso3
        labels[header + 1 + i, 2] = f"{ally.name_en} ({ally.currency})"
    return labels


def absolute_cell(cell: str) -> str:
    """ "O12" as "$O$12"."""
    letters = "".join(ch for ch in cell if ch.isalpha())
    return f"${letters}${cell[len(letters) :]}"
