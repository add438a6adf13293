"""Blocks of cells copied to and from Excel or LibreOffice as tab-separated text.

Excel puts a copied range on the clipboard as rows separated by CRLF and
cells by tabs, quoting a cell that holds a tab, a newline or a quote. Numbers
arrive as the user sees them, so in the user's locale: ``4,25`` in Paris,
``4.25`` in London, ``1 234,5`` or ``1,234.5`` with thousands separators.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence

from natoplanner.io.errors import FileProblemError, Problem
from natoplanner.io.sources.numbers import (
    NumberTextError,
    detect_decimal,
    is_missing_marker,
    parse_number,
)
from natoplanner.io.sources.tabular import cell_address

CLIPBOARD = "clipboard"
FORMULA_TRIGGERS = ("=", "+", "-", "@")


class PasteError(FileProblemError):
    """Cells of a pasted block that are not numbers; one :class:`Problem` per cell.

    Each problem's ``cell`` is the address inside the pasted block ("B2" =
    second row, second column of what was copied).
    """


def split_block(text: str) -> list[list[str]]:
    """The cells of a tab-separated block, rows padded to the same width."""
    if text.endswith("\r\n"):
        text = text[:-2]
    elif text.endswith(("\n", "\r")):
        text = text[:-1]
    if not text:
        return []
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t"))
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def parse_pasted_block(text: str, decimal: str | None = None) -> list[list[float | None]]:
    """Numbers of a block copied from a spreadsheet; None for empty or "..."/"n/a" cells.

    Parameters
    ----------
    text : str
        Clipboard text: rows separated by newlines, cells by tabs.
    decimal : str, optional
        "." or "," (the user's locale). When None it is detected from the
        block; a cell like "1,234" that could be either is then an error.

    Raises
    ------
    PasteError
        Listing every cell that is not a number, with its address in the
        block, what was expected and what was found.
    """
    cells = split_block(text)
    if decimal is None:
        decimal = detect_decimal(c for row in cells for c in row if c.strip())
    values: list[list[float | None]] = []
    problems: list[Problem] = []
    for r, row in enumerate(cells):
        parsed: list[float | None] = []
        for c, cell in enumerate(row):
            if is_missing_marker(cell):
                parsed.append(None)
                continue
            try:
                parsed.append(parse_number(cell, decimal))
            except NumberTextError as error:
                problems.append(
                    Problem(
                        CLIPBOARD,
                        error.reason,
                        cell=cell_address(r, c),
                        expected="a number",
                        found=_printable(cell),
                    )
                )
                parsed.append(None)
        values.append(parsed)
    if problems:
        raise PasteError(problems)
    return values


def format_tsv(header: Sequence[str], rows: Iterable[Sequence[object]], decimal: str = ".") -> str:
    """Tab-separated text with a header row that pastes cleanly into Excel or LibreOffice.

    Numbers are written in full precision with ``decimal`` as separator and
    no thousands separators; None and NaN become empty cells; text that a
    spreadsheet would read as a formula gets a leading apostrophe.
    """
    lines = ["\t".join(_text_cell(h) for h in header)]
    for row in rows:
        lines.append("\t".join(_cell(value, decimal) for value in row))
    return "\r\n".join(lines) + "\r\n"


def _cell(value: object, decimal: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if (
        isinstance(value, (int, float))
        or hasattr(value, "__float__")
        and not isinstance(value, str)
    ):
        number = float(value)
        if math.isnan(number):
            return ""
        text = repr(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)
        return text.replace(".", decimal) if decimal != "." else text
    return _text_cell(str(value))


def _text_cell(text: str) -> str:
    if text.startswith(FORMULA_TRIGGERS):
        text = "'" + text
    if any(ch in text for ch in '\t\n\r"'):
        text = '"' + text.replace('"', '""') + '"'
    return text


def _printable(text: str, limit: int = 60) -> str:
    shown = "".join(ch if ch.isprintable() else "�" for ch in text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
