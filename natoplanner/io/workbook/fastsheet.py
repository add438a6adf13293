"""Large worksheets written straight to XML, spliced into an openpyxl workbook.

openpyxl spends about 20 µs per cell (cell objects, style bookkeeping,
element-by-element serialisation); the ``Results`` and ``History`` sheets
hold 12,000 cells, most of the save time. Here their cells are rendered as
``<row>`` text in one pass, while openpyxl still writes everything around
them (sheet views, frozen panes, column widths, conditional formats, styles):
the saved sheet is openpyxl's own with its empty ``<sheetData/>`` replaced.
"""

from __future__ import annotations

import datetime
import math
import re
import zipfile
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

_EMPTY_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>")
_DIMENSION = re.compile(rb'<dimension ref="[^"]*"\s*/>')


class FastCells:
    """The cells of one worksheet, kept as XML fragments until the workbook is saved.

    The worksheet itself must hold no openpyxl cells. Styles are registered
    in the workbook once per combination (:meth:`style`) and referred to by id.
    """

    def __init__(self, workbook: Workbook, worksheet: Worksheet) -> None:
        self.workbook = workbook
        self.worksheet = worksheet
        self._rows: dict[int, list[tuple[int, str]]] = {}
        self._heights: dict[int, float] = {}
        self._styles: dict[tuple, int] = {}
        self._letters = [""] + [get_column_letter(c) for c in range(1, 200)]

    def style(
        self, number_format=None, font=None, fill=None, alignment=None, quote_prefix=False
    ) -> int:
        """The workbook's id for this style combination (0 is the default style)."""
        key = (number_format, id(font), id(fill), id(alignment), quote_prefix)
        if key not in self._styles:
            scratch = self.workbook.create_sheet("_style_scratch")
            cell = scratch.cell(1, 1)
            if number_format:
                cell.number_format = number_format
            for name, value in (("font", font), ("fill", fill), ("alignment", alignment)):
                if value is not None:
                    setattr(cell, name, value)
            if quote_prefix:
                cell.quotePrefix = True  # "typed with a leading apostrophe": text, not formula
            self._styles[key] = cell.style_id  # registers the style in the workbook
            self.workbook.remove(scratch)
        return self._styles[key]

    def _put(self, row: int, column: int, xml: str) -> None:
        self._rows.setdefault(row, []).append((column, xml))

    def _ref(self, row: int, column: int, style: int) -> str:
        styled = f' s="{style}"' if style else ""
        return f'<c r="{self._letters[column]}{row}"{styled}'

    def text(self, row: int, column: int, text: str, style: int = 0) -> None:
        """A string cell; ``text`` must already be escaped for OOXML (see cell_text.escape_text)."""
        self._put(
            row,
            column,
            f'{self._ref(row, column, style)} t="inlineStr"><is><t xml:space="preserve">'
            f"{escape(text)}</t></is></c>",
        )

    def number(self, row: int, column: int, value: float | int, style: int = 0) -> None:
        """A number, written in its shortest exact form."""
        value = value.item() if hasattr(value, "item") else value  # numpy scalars
        self._put(row, column, f"{self._ref(row, column, style)}><v>{value!r}</v></c>")

    def formula(
        self, row: int, column: int, formula: str, style: int = 0, value: object = None
    ) -> None:
        """A formula (with or without its leading '=') and its cached value.

        ``value`` is what the formula computes (a number, or text already
        escaped for OOXML), shown by readers that do not calculate; None or
        NaN writes no value.
        """
        text = formula[1:] if formula.startswith("=") else formula
        ref, body = self._ref(row, column, style), f"<f>{escape(text)}</f>"
        if isinstance(value, str):
            self._put(row, column, f'{ref} t="str">{body}<v>{escape(value)}</v></c>')
            return
        if hasattr(value, "item"):
            value = value.item()  # numpy scalars
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            self._put(row, column, f"{ref}>{body}<v>{value!r}</v></c>")
            return
        self._put(row, column, f"{ref}>{body}</c>")

    def row_height(self, row: int, height: float) -> None:
        self._heights[row] = height

    def sheet_data(self) -> bytes:
        """The ``<sheetData>`` element, rows and cells in order."""
        parts = ["<sheetData>"]
        for row in sorted(self._rows.keys() | self._heights.keys()):
            height = self._heights.get(row)
            extra = f' ht="{height}" customHeight="1"' if height else ""
            cells = sorted(self._rows.get(row, ()), key=lambda item: item[0])
            parts.append(f'<row r="{row}"{extra}>' + "".join(xml for _, xml in cells) + "</row>")
        parts.append("</sheetData>")
        return "".join(parts).encode("utf-8")

    def dimension(self) -> bytes:
        if not self._rows:
            return b"A1"
        last_row = max(self._rows)
        last_column = max(column for cells in self._rows.values() for column, _ in cells)
        return f"A1:{self._letters[last_column]}{last_row}".encode()


class _SplicingZip(zipfile.ZipFile):
    """A zip that swaps in the fast sheets' cells as openpyxl adds each worksheet part."""

    def __init__(self, file: BinaryIO, fast_sheets: list[FastCells]) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self._fast_sheets = fast_sheets

    def write(self, filename, arcname=None, *args, **kwargs):  # noqa: D102 - zipfile API
        for fast in self._fast_sheets:
            if arcname == fast.worksheet.path[1:]:
                xml = Path(filename).read_bytes()
                data = fast.sheet_data()
                # A function, not a template: typed text may hold backslashes ("\A").
                xml, replaced = _EMPTY_SHEET_DATA.subn(lambda _match, data=data: data, xml, count=1)
                if replaced != 1:
                    raise ValueError(f"{arcname}: openpyxl wrote cells into a fast sheet")
                xml = _DIMENSION.sub(b'<dimension ref="' + fast.dimension() + b'"/>', xml, count=1)
                return self.writestr(arcname, xml)
        return super().write(filename, arcname, *args, **kwargs)


def save_workbook(workbook: Workbook, handle: BinaryIO, fast_sheets: list[FastCells]) -> None:
    """Save ``workbook`` to ``handle`` with the cells of ``fast_sheets`` spliced in."""
    archive = _SplicingZip(handle, fast_sheets)
    workbook.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
    ExcelWriter(workbook, archive).save()
