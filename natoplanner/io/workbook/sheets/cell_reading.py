"""Reading cells of the scenario workbook, for every sheet read back.

Each value is parsed as the spreadsheet's formulas read it, and every problem is collected with
its sheet and cell; an ally row found out of place says how far rows moved.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.scenario import Scenario
from natoplanner.io.errors import Problem
from natoplanner.io.workbook.cell_text import AmbiguousNumberError, parse_number, parse_text
from natoplanner.io.workbook.layout import cell_name

MAX_LISTED_CELLS = 12


class SheetCells:
    """Cell values of one sheet (1-based), plus problem collection with addresses.

    ``percent_cells`` holds the (row, column) of numbers formatted as a
    percentage (a colleague typed "2.5%": the cell holds 0.025);
    ``warnings`` collects what was read but not as the spreadsheet reads it.
    """

    def __init__(
        self,
        file: Path,
        name: str,
        rows: list[tuple],
        problems: list[Problem],
        percent_cells: frozenset[tuple[int, int]] = frozenset(),
        warnings: list[Problem] | None = None,
    ) -> None:
        self.file, self.name, self.rows, self.problems = file, name, rows, problems
        self.percent_cells = percent_cells
        self.warnings = warnings if warnings is not None else []

    def value(self, row: int, column: int) -> object:
        if row - 1 < len(self.rows):
            cells = self.rows[row - 1]
            if column - 1 < len(cells):
                return cells[column - 1]
        return None

    def problem(
        self,
        row: int,
        column: int,
        message: str,
        expected: str,
        found: object,
        severity: str = "error",
    ) -> None:
        shown = None if found is None else str(found)[:60]
        problem = Problem(
            str(self.file), message, self.name, cell_name(column, row), expected, shown, severity
        )
        (self.problems if severity == "error" else self.warnings).append(problem)

    def number(self, row: int, column: int, what: str, in_percent: bool = False) -> float | None:
        """The number in a cell, read as the spreadsheet's formulas read it or with a warning.

        Text that means one number is read, with a warning (the formulas see
        text, and the next save writes a number); ambiguous text ("2,500") is
        an error. A percent-formatted number is read by its meaning in a
        cell in % (0.025 shown as 2.5% is 2.5), with a warning, and refused
        elsewhere.
        """
        raw = self.value(row, column)
        if isinstance(raw, str) and raw.startswith("="):
            self.problem(
                row,
                column,
                f"{what}: a formula cannot be read back",
                "a number typed in the cell",
                raw,
            )
            return None
        try:
            number = parse_number(raw, percent_sign=in_percent)
        except AmbiguousNumberError as error:
            self.problem(
                row,
                column,
                f"{what}: typed as text that can mean two numbers: {error}",
                "a number (type it without a thousands separator)",
                raw,
            )
            return None
        except ValueError as error:
            self.problem(row, column, f"{what}: {error}", "a number", raw)
            return None
        if isinstance(raw, str) and number is not None:
            self.problem(
                row,
                column,
                f"{what}: a number typed as text, read as {number:g}; Excel and LibreOffice do "
                "not compute with text (their Results show #N/A or ignore it) until natoplanner "
                "saves the file, which writes it as a number",
                "a number",
                raw,
                severity="warning",
            )
        elif isinstance(raw, str):
            self.problem(
                row,
                column,
                f"{what}: holds only spaces, read as empty; Excel and LibreOffice see text "
                "until natoplanner saves the file, which clears it",
                "a number or an empty cell",
                raw,
                severity="warning",
            )
        elif number is not None and (row, column) in self.percent_cells:
            return self._percent_formatted(row, column, what, number, in_percent)
        return number

    def _percent_formatted(
        self, row: int, column: int, what: str, number: float, in_percent: bool
    ) -> float | None:
        shown = f"{number * 100:g}%"
        if not in_percent:
            self.problem(
                row,
                column,
                f"{what}: formatted as a percentage ({shown}, stored as {number:g}) in a cell that "
                "is not in %",
                "a plain number in the cell's unit",
                number,
            )
            return None
        self.problem(
            row,
            column,
            f"{what}: typed as a percentage ({shown}, which the spreadsheet stores as "
            f"{number:g}); read as {number * 100:g} since the cell is already in %. Excel and "
            f"LibreOffice compute with {number:g} until natoplanner saves the file, which "
            f"writes {number * 100:g}",
            "a number without the % sign",
            shown,
            severity="warning",
        )
        return number * 100

    def year(self, row: int, column: int, what: str) -> int | None:
        number = self.number(row, column, what)
        if number is None:
            return None
        if not number.is_integer():
            self.problem(
                row,
                column,
                f"{what}: not a whole year",
                "a year such as 2035",
                self.value(row, column),
            )
            return None
        return int(number)

    def text(self, row: int, column: int) -> str:
        return parse_text(self.value(row, column))


def sheet_rows(workbook, name: str, max_row: int, max_col: int) -> list[tuple]:
    """Cell values of sheet ``name``, row by row, up to ``max_row`` x ``max_col``."""
    return list(
        workbook[name].iter_rows(min_row=1, max_row=max_row, max_col=max_col, values_only=True)
    )


def rows_and_percent_cells(
    workbook, name: str, max_row: int, max_col: int
) -> tuple[list[tuple], frozenset[tuple[int, int]]]:
    """Cell values row by row, and the (row, column) of numbers shown as percentages."""
    rows: list[tuple] = []
    percent: set[tuple[int, int]] = set()
    for row_number, cells in enumerate(
        workbook[name].iter_rows(min_row=1, max_row=max_row, max_col=max_col), start=1
    ):
        values = tuple(cell.value for cell in cells)
        rows.append(values)
        for column, cell in enumerate(cells, start=1):
            value = values[column - 1]
            if (
                isinstance(value, (int, float))
                and not isinstance(value, bool)
                and is_percent_format(getattr(cell, "number_format", None))
            ):
                percent.add((row_number, column))
    return rows, frozenset(percent)


_QUOTED_OR_ESCAPED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def is_percent_format(number_format: str | None) -> bool:
    """Whether a number format multiplies by 100 ("0.00%"), not a literal % ('0.00"%"')."""
    if not number_format or "%" not in number_format:
        return False
    return "%" in _QUOTED_OR_ESCAPED.sub("", number_format)


def cell_position(cell: str) -> tuple[int, int]:
    """(row, column) of "O12"."""
    letters, row = coordinate_from_string(cell)
    return row, column_index_from_string(letters)


_MOVED = (
    "allies are not in the order natoplanner wrote them (rows were sorted, inserted or deleted)"
)


def row_shift(scenario: Scenario, position: int, found_iso: str, below_iso: str) -> int:
    """How far rows moved at ``position``: +k when k rows were deleted, -k inserted, 0 neither.

    A shift is only read when the next row moved with it (a sorted or edited
    table moves single rows): ``below_iso`` must be the ally after ``found_iso``.
    """
    codes = [ally.iso3 for ally in scenario.allies]
    if found_iso not in codes:
        if found_iso == "" and below_iso == codes[position]:
            return -1  # an empty row inserted here
        return 0
    after = codes.index(found_iso) + 1
    if below_iso != (codes[after] if after < len(codes) else below_iso):
        return 0
    return codes.index(found_iso) - position


def moved_message(shift: int) -> str:
    """Why an ally is not where natoplanner wrote it, in the user's terms."""
    if shift > 0:
        return (
            f"{shift} row(s) were deleted here: the ally found belongs {shift} row(s) lower. "
            "natoplanner reads every figure by its position; undo the deletion (or clear the "
            "row's cells instead of deleting it)"
        )
    if shift < 0:
        return (
            f"{-shift} row(s) were inserted here: the allies below belong {-shift} row(s) "
            "higher. natoplanner reads every figure by its position; remove the inserted rows"
        )
    return _MOVED


def has_problem(sheet: SheetCells, row: int, column: int | None = None) -> bool:
    """Whether a problem was already noted at (row, column), or anywhere in ``row``."""
    pattern = re.compile(cell_name(column, row) if column else rf"[A-Z]+{row}")
    return any(p.cell is not None and pattern.fullmatch(p.cell) for p in sheet.problems)


def apply_at(sheet: SheetCells, row: int, column: int, action: Callable[..., None], *args) -> None:
    """Call ``action(*args)``; a value the scenario refuses becomes a problem at (row, column)."""
    try:
        action(*args)
    except ScenarioInputError as error:
        sheet.problem(row, column, str(error), "a value in range", sheet.value(row, column))


def list_cells(cells: list[str]) -> str:
    """Cell addresses for a message: the first dozen, then how many more."""
    shown = ", ".join(cells[:MAX_LISTED_CELLS])
    return shown + (
        f" and {len(cells) - MAX_LISTED_CELLS} more" if len(cells) > MAX_LISTED_CELLS else ""
    )
