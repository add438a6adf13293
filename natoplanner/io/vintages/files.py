"""Opening a source file and reading its cells, for the vintage readers.

Cells are read with :mod:`natoplanner.io.sources.tabular` (``read_table``,
``RawTable``). One addition: the IMF's "WEO database" download is a
tab-separated text file (often UTF-16) named ``….xls``, which ``read_table``
rightly refuses as a spreadsheet; here it is read as the text it is, with
tabular's own decoding and delimiter detection.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from natoplanner.io.errors import FileProblemError, Problem
from natoplanner.io.sources.numbers import NumberTextError, is_missing_marker, parse_number
from natoplanner.io.sources.tabular import (
    RawSheet,
    RawTable,
    cell_address,
    read_table,
    read_text_table,
)

# Zip (xlsx, ods) and OLE2 (real xls) signatures: anything else is text.
_SPREADSHEET_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
#: Markers the IMF writes for "no figure", beyond tabular's list.
_EXTRA_MISSING = frozenset({"--", "n.a", "none"})
_YEAR_LABEL = re.compile(r"^\s*((?:19|20)\d{2})\s*(e?)\s*$", re.IGNORECASE)


def open_source(path: str | Path) -> RawTable:
    """The file's sheets as a :class:`RawTable`; a WEO text download named .xls included.

    Raises
    ------
    FileProblemError
        As :func:`natoplanner.io.sources.tabular.read_table`.
    """
    path = Path(path)
    if path.suffix.lower() == ".xls" and path.is_file():
        with path.open("rb") as handle:
            head = handle.read(8)
        if head and not head.startswith(_SPREADSHEET_MAGIC):
            return read_text_table(path)
    return read_table(path)


def year_label(cell: object) -> tuple[int, bool] | None:
    """A header cell as (year, is_estimate): 2024, 2024.0, "2024", "2025e"; else None."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, (int, float)):
        if math.isfinite(cell) and float(cell).is_integer() and 1900 <= cell <= 2100:
            return int(cell), False
        return None
    match = _YEAR_LABEL.match(str(cell))
    if match is None:
        return None
    return int(match.group(1)), bool(match.group(2))


def text_of(cell: object) -> str:
    """A cell as stripped text ("" for empty)."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


class CellReader:
    """Reads numbers from one sheet and collects the problems met, each with its cell."""

    def __init__(self, table: RawTable, sheet: RawSheet) -> None:
        self.table = table
        self.sheet = sheet
        self.problems: list[Problem] = []

    def problem(
        self, row: int, col: int | None, message: str, expected: str | None, found: object
    ) -> None:
        cell = None if col is None else cell_address(row, col)
        self.problems.append(
            Problem(
                str(self.table.path),
                message,
                self.sheet.name if self.table.kind != "csv" else None,
                cell if col is not None else f"row {row + 1}",
                expected,
                None if found is None else str(found)[:60],
            )
        )

    def number(self, row: int, col: int, what: str) -> float:
        """The number in (row, col); NaN for an empty cell or a "no figure" marker."""
        cell = self.sheet.cell(row, col)
        if isinstance(cell, bool):
            self.problem(row, col, f"{what}: not a number", "a number", cell)
            return math.nan
        if isinstance(cell, (int, float)):
            if not math.isfinite(cell):
                self.problem(row, col, f"{what}: not a finite number", "a number", cell)
                return math.nan
            return float(cell)
        text = text_of(cell)
        if is_missing_marker(text) or text.casefold() in _EXTRA_MISSING:
            return math.nan
        try:
            return parse_number(text, ".")
        except NumberTextError as error:
            self.problem(row, col, f"{what}: {error.reason}", "a number", text)
            return math.nan

    def raise_if_any(self, limit: int = 50) -> None:
        if self.problems:
            raise FileProblemError(self.problems[:limit])
