"""What each column of a table holds: the value column, its decimal separator, its words.

A long table's value column is the one headed "Value", the one the user
named, or the only column of figures; several candidates must be chosen.
The words that describe the values (title rows, the value column's own
header) give the measure and unit, and refuse a measure they contradict.
"""

from __future__ import annotations

import re

from natoplanner.core.allies import normalise_name
from natoplanner.io.errors import FileProblemError
from natoplanner.io.sources.labels import VALUE_HEADER_NAMES, shown, year_from_header
from natoplanner.io.sources.numbers import (
    NumberTextError,
    detect_decimal,
    is_missing_marker,
    parse_number,
)
from natoplanner.io.sources.settings import ImportSettings, Layout
from natoplanner.io.sources.tabular import RawSheet, RawTable, cell_address
from natoplanner.io.sources.units import guess_measure

SAMPLE_ROWS = 2000


def numeric_columns(sheet: RawSheet, header_row: int, exclude: set[int]) -> list[int]:
    """Columns (left to right) whose cells under the header are mostly numbers."""
    rows = sheet.rows[header_row + 1 : header_row + 1 + 200]
    width = max((len(r) for r in rows), default=0)
    found = []
    for c in range(width):
        if c in exclude:
            continue
        cells = [r[c] for r in rows if c < len(r) and r[c] != ""]
        if cells and sum(is_number(x) for x in cells) >= 0.6 * len(cells):
            if not all(isinstance(x, str) and is_missing_marker(x) for x in cells):
                found.append(c)
    return found


_CODE_HEADER = re.compile(r"\b(code|codes|id|iso|iso3|key|index|no|number|rank|footnote|flag)\b")


def value_column_of(
    table: RawTable,
    sheet: RawSheet,
    header_row: int,
    year_column: int,
    country_column: int,
    chosen: int | None,
) -> tuple[int, tuple[int, ...]]:
    """The value column of a long table and, when the file does not say which, the candidates.

    A column headed "Value" (or a user's choice) is the value column; else
    every mostly-numeric column that is not a code is a candidate, and one
    candidate is the value column. Several: the first is shown and the
    user must choose (the import refuses until then).
    """
    header = sheet.rows[header_row]
    width = max(sheet.n_cols, len(header))
    if chosen is not None:
        if not 0 <= chosen < width or chosen in (year_column, country_column):
            raise FileProblemError.at(
                table.path,
                "the chosen value column holds no figures",
                sheet=sheet.name,
                cell=cell_address(header_row, max(chosen, 0)),
                expected="a column of figures other than the country and year columns",
                found=describe_column(sheet, header_row, chosen) if 0 <= chosen < width else chosen,
            )
        return chosen, ()
    names = [normalise_name(c) if isinstance(c, str) else "" for c in header]
    named = [
        c
        for c, n in enumerate(names)
        if n in VALUE_HEADER_NAMES and c not in (year_column, country_column)
    ]
    if named:
        return named[0], ()
    candidates = [
        c
        for c in numeric_columns(sheet, header_row, exclude={year_column, country_column})
        if not (c < len(names) and _CODE_HEADER.search(names[c]))
    ]
    if not candidates:
        raise FileProblemError.at(
            table.path,
            "the table has a country and a year column but no column of figures",
            sheet=sheet.name,
            cell=cell_address(header_row, 0),
            expected="a column of numbers (the values)",
            found=", ".join(describe_column(sheet, header_row, c) for c in range(min(width, 8))),
        )
    return candidates[0], tuple(candidates)


def describe_column(sheet: RawSheet, header_row: int, col: int) -> str:
    """A column as a user finds it: letter and heading, "C 'Share of GDP (%)'"."""
    heading = str(sheet.cell(header_row, col)).strip()
    letters = cell_address(0, col)[:-1]
    return f"{letters} '{shown(heading, 40)}'" if heading else letters


def cells_say_percent(sheet: RawSheet, header_row: int, columns: list[int]) -> bool:
    """True when most value cells written as text end with "%" ("2.1%")."""
    texts = [
        cell
        for row in sheet.rows[header_row + 1 : header_row + 1 + SAMPLE_ROWS]
        for c in columns
        if c < len(row) and isinstance(cell := row[c], str) and any(ch.isdigit() for ch in cell)
    ]
    return bool(texts) and sum(t.strip().endswith("%") for t in texts) > len(texts) / 2


def value_columns_of(year_columns: list[tuple[int, int]], value_column: int | None) -> list[int]:
    return [c for c, _ in year_columns] if year_columns else [value_column]


def table_decimal(
    table: RawTable, sheet: RawSheet, header_row: int, columns: list[int]
) -> str | None:
    """The decimal separator of the value cells written as text, None when nothing shows it.

    The evidence is the cells of the value columns themselves ("4,5" or
    "95000,5" say comma; "4.5" says point); a CSV file's own evidence counts
    when the columns have none. Cells read as numbers by a workbook need none.
    """
    texts = (
        cell
        for row in sheet.rows[header_row + 1 : header_row + 1 + 20_000]
        for c in columns
        if c < len(row) and isinstance(cell := row[c], str) and cell
    )
    found = detect_decimal(texts)
    if found is None and table.csv_format is not None and table.csv_format.decimal_known:
        found = table.csv_format.decimal
    return found


def is_number(cell: object) -> bool:
    if isinstance(cell, float) and not isinstance(cell, bool):
        return True
    if isinstance(cell, str):
        if is_missing_marker(cell):
            return True
        for decimal in (".", ","):
            try:
                parse_number(cell, decimal)
            except NumberTextError:
                continue
            return True
    return False


def describing_texts(
    sheet: RawSheet,
    header_row: int,
    country_column: int,
    year_columns: list[tuple[int, int]],
    year_column: int | None,
    value_column: int | None = None,
    candidates: tuple[int, ...] = (),
) -> list[str]:
    """Sheet name, title rows, the headers that describe the values, descriptor cells.

    In a long table only the value column's own header describes the values:
    the headers of other figure columns ("Real GDP growth (%)" beside
    "Defence share of GDP (%)") say nothing about it.
    """
    texts = [sheet.name]
    for row in sheet.rows[:header_row]:
        texts += [
            c for c in row if isinstance(c, str) and c.strip() and year_from_header(c) is None
        ]
    header = sheet.rows[header_row] if header_row < sheet.n_rows else []
    if year_columns:
        texts += [
            c for c in header if isinstance(c, str) and c.strip() and year_from_header(c) is None
        ]
    elif value_column is not None and value_column < len(header):
        if isinstance(header[value_column], str):
            texts.append(header[value_column])
    skip = {c for c, _ in year_columns} | {year_column, value_column, country_column, *candidates}
    for row in sheet.rows[header_row + 1 : header_row + 4]:
        texts += [
            c
            for i, c in enumerate(row)
            if isinstance(c, str)
            and i not in skip
            and any(ch.isalpha() for ch in c)
            and len(c) < 300
        ]
    return [t[:300] for t in texts]


def column_index(table: RawTable, sheet: RawSheet, header_row: int, column: str) -> int:
    """The 0-based column a user named: its letters ("C") or its heading, case-insensitive.

    Raises FileProblemError listing the columns when none matches.
    """
    wanted = column.strip()
    header = sheet.rows[header_row] if header_row < sheet.n_rows else []
    for c, heading in enumerate(header):
        if isinstance(heading, str) and heading.strip().casefold() == wanted.casefold():
            return c
    if re.fullmatch(r"[A-Za-z]{1,3}", wanted):
        index = 0
        for ch in wanted.upper():
            index = index * 26 + ord(ch) - 64
        return index - 1
    width = max(len(header), 1)
    raise FileProblemError.at(
        table.path,
        f"no column '{shown(wanted)}' in the header row",
        sheet=sheet.name,
        cell=cell_address(header_row, 0),
        expected="a column letter or heading: "
        + ", ".join(describe_column(sheet, header_row, c) for c in range(min(width, 12))),
        found=wanted,
    )


def measure_contradiction(table: RawTable, settings: ImportSettings) -> str | None:
    """Why the table's own words contradict ``settings.measure``, or None.

    Amounts read from a column described in percent ("Share of GDP (%)"),
    or rates read from one described in money ("USD m"), are refused: the
    figures would enter the scenario as another quantity.
    """
    sheet = table.sheet(settings.sheet)
    texts = describing_texts(
        sheet,
        settings.header_row,
        settings.country_column,
        list(settings.year_columns),
        settings.year_column,
        settings.value_column,
        settings.value_candidates,
    )
    named, hint, why = guess_measure(texts)
    measure_named = not why.startswith("measure not named")
    says_percent = hint.percent or (measure_named and not named.is_money)
    says_money = (
        hint.usd is not None or hint.scale is not None or (measure_named and named.is_money)
    )
    measure = settings.measure
    if measure.is_money and says_percent and not says_money:
        said = "percent" if hint.percent else named.label
    elif not measure.is_money and says_money and not says_percent:
        said = "amounts of money" if (hint.usd is not None or hint.scale) else named.label
    else:
        return None
    col = settings.value_column if settings.layout is Layout.LONG else settings.country_column
    where = describe_column(sheet, settings.header_row, col)
    return (
        f"the figures are described as {said} (column {where} and the title rows), so they "
        f"cannot be read as {measure.label}; choose the column that holds {measure.label} "
        f"(--column) or the measure the file names"
    )


def refuse_contradicting_measure(table: RawTable, settings: ImportSettings) -> None:
    """Raise FileProblemError at the header cell when :func:`measure_contradiction` finds one."""
    reason = measure_contradiction(table, settings)
    if reason is None:
        return
    col = settings.value_column if settings.layout is Layout.LONG else settings.country_column
    raise FileProblemError.at(
        table.path,
        reason,
        sheet=settings.sheet,
        cell=cell_address(settings.header_row, col),
        expected=f"a column of {settings.measure.label}",
        found=describe_column(table.sheet(settings.sheet), settings.header_row, col),
    )
