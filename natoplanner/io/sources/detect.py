"""Guess how a table is laid out, for the user to confirm.

Everything here is a guess with its reasons written down
(:attr:`Detection.notes`); the settings it returns
(:class:`~natoplanner.io.sources.settings.ImportSettings`) are what the user
sees and corrects in the import preview.

- Sheet: the visible sheet with the most allies (hidden sheets only if no
  visible one has a table).
- Header row: the row in the first 60 with the most year headers (wide
  layout: ``2025``, ``"2025"``, ``"2025e"``, ``"FY2025"``), or a row naming a
  year column and a country column (long layout).
- Country column: the column with the most allies below the header.
- Measure and unit: :mod:`natoplanner.io.sources.units` reads them from the
  words of the sheet and then from the values.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from natoplanner.core.allies import Ally, AllyRegistry, normalise_name
from natoplanner.core.dataset import Dataset
from natoplanner.io.errors import FileProblemError
from natoplanner.io.sources.columns import (
    SAMPLE_ROWS,
    cells_say_percent,
    column_index,
    describe_column,
    describing_texts,
    measure_contradiction,
    numeric_columns,
    refuse_contradicting_measure,
    table_decimal,
    value_column_of,
    value_columns_of,
)
from natoplanner.io.sources.labels import (
    COUNTRY_HEADER_NAMES,
    FIRST_YEAR,
    LAST_YEAR,
    MAX_LABEL_CHARS,
    YEAR_HEADER_NAMES,
    LabelKind,
    LabelMatch,
    classify_label,
    clean_label,
    year_from_header,
    year_headers,
)
from natoplanner.io.sources.numbers import (
    NumberTextError,
    is_missing_marker,
    parse_number,
)
from natoplanner.io.sources.settings import (
    Detection,
    ImportSettings,
    Layout,
    SourceMeasure,
    Unit,
    UnitHint,
    units_for,
)
from natoplanner.io.sources.tabular import RawSheet, RawTable, cell_address
from natoplanner.io.sources.units import guess_measure, guess_unit

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "Detection",
    "ImportSettings",
    "LabelKind",
    "LabelMatch",
    "Layout",
    "SourceMeasure",
    "Unit",
    "UnitHint",
    "classify_label",
    "column_index",
    "describe_column",
    "measure_contradiction",
    "refuse_contradicting_measure",
    "table_decimal",
    "clean_label",
    "detect",
    "guess_measure",
    "guess_unit",
    "units_for",
    "year_from_header",
]

HEADER_SEARCH_ROWS = 60


# -- detection ------------------------------------------------------------------
def detect(
    table: RawTable,
    sheet: str | None = None,
    registry: AllyRegistry | None = None,
    dataset: Dataset | None = None,
    column: int | None = None,
) -> Detection:
    """Guess the import settings for ``table`` (on ``sheet``, or the best sheet).

    ``column`` (0-based) is the value column of a long table the user chose;
    the measure and unit then come from that column's own header.

    Raises
    ------
    FileProblemError
        When no sheet holds a table of countries by year.
    """
    dataset = dataset or Dataset.bundled()
    registry = registry or dataset.registry
    if sheet is not None:
        return _detect_sheet(table, table.sheet(sheet), registry, dataset, column)
    failures: list[FileProblemError] = []
    best: tuple[int, Detection] | None = None
    for name in table.visible_sheet_names + sorted(table.hidden_sheets):
        if best is not None and name in table.hidden_sheets:
            break
        try:
            detection = _detect_sheet(table, table.sheet(name), registry, dataset, column)
        except FileProblemError as error:
            failures.append(error)
            continue
        score = _ally_count(table.sheet(name), detection.settings, registry)
        if best is None or score > best[0]:
            best = (score, detection)
    if best is None:
        raise FileProblemError([p for f in failures for p in f.problems][:10])
    detection = best[1]
    notes = list(detection.notes)
    if len(table.sheet_names) > 1:
        notes.insert(
            0,
            f"sheet '{detection.settings.sheet}' chosen of {len(table.sheet_names)} "
            f"(the one with the most allies)",
        )
    if detection.settings.sheet in table.hidden_sheets:
        notes.insert(0, f"sheet '{detection.settings.sheet}' is hidden in the workbook")
    elif table.hidden_sheets:
        notes.append("hidden sheets not used: " + ", ".join(sorted(table.hidden_sheets)))
    return Detection(detection.settings, tuple(notes))


def _ally_count(sheet: RawSheet, settings: ImportSettings, registry: AllyRegistry) -> int:
    rows = sheet.rows[settings.header_row + 1 : settings.header_row + 1 + SAMPLE_ROWS]
    return len(
        {a.iso3 for row in rows if (a := _match_ally(row, settings.country_column, registry))}
    )


def _match_ally(row: list[object], col: int, registry: AllyRegistry) -> Ally | None:
    if col >= len(row):
        return None
    cell = row[col]
    if not isinstance(cell, str) or not cell or len(cell) > MAX_LABEL_CHARS:
        return None
    return registry.match(clean_label(cell))


def _detect_sheet(
    table: RawTable,
    sheet: RawSheet,
    registry: AllyRegistry,
    dataset: Dataset,
    column: int | None = None,
) -> Detection:
    notes: list[str] = []
    filled = [
        r for r, row in enumerate(sheet.rows[: HEADER_SEARCH_ROWS + 1]) if any(c != "" for c in row)
    ]
    if len(filled) == 1:
        raise FileProblemError.at(
            table.path,
            "the file has a header row but no data rows",
            sheet=sheet.name,
            cell=cell_address(filled[0], 0),
            expected="one row per country (or per country and year) under the header",
            found=_first_text(sheet),
        )
    wide_layout, long_layout = _find_wide(sheet), _find_long(sheet)
    # A header naming a year column above a "row of years" means that row is
    # data (a long table's years and values), not a wide header.
    if long_layout is not None and (wide_layout is None or long_layout[0] <= wide_layout[0]):
        layout = long_layout
    else:
        layout = wide_layout
    if layout is None:
        raise FileProblemError.at(
            table.path,
            "no table of countries by year found",
            sheet=sheet.name,
            expected="a header row of years (2025, 2026, …) or columns named country, year, value",
            found=_first_text(sheet),
        )
    header_row, year_columns, year_column, value_column = layout
    if not any(any(c != "" for c in row) for row in sheet.rows[header_row + 1 :]):
        raise FileProblemError.at(
            table.path,
            "the table has a header row but no data rows under it",
            sheet=sheet.name,
            cell=cell_address(header_row, 0),
            expected="one row per country under the header",
        )
    country_column = _country_column(sheet, header_row, year_columns, year_column, None, registry)
    if country_column is None:
        raise FileProblemError.at(
            table.path,
            "no column of country names or codes found",
            sheet=sheet.name,
            cell=cell_address(header_row, 0),
            expected="a column of country names or ISO codes",
        )
    wide = bool(year_columns)
    candidates: tuple[int, ...] = ()
    if not wide:
        value_column, candidates = value_column_of(
            table, sheet, header_row, year_column, country_column, column
        )
        if len(candidates) > 1:
            notes.append(
                "several columns could hold the values: "
                + ", ".join(describe_column(sheet, header_row, c) for c in candidates)
                + "; choose one"
            )
    wide = bool(year_columns)
    if wide:
        first, last = year_columns[0][1], year_columns[-1][1]
        notes.append(
            f"wide table: header in row {header_row + 1}, {len(year_columns)} year columns "
            f"({min(first, last)}–{max(first, last)}), countries in column "
            f"{cell_address(0, country_column)[:-1]}"
        )
        estimates = [
            sheet.rows[header_row][c]
            for c, _ in year_columns
            if isinstance(sheet.rows[header_row][c], str)
            and re.search(r"[a-z*]$", sheet.rows[header_row][c].strip(), re.IGNORECASE)
        ]
        if estimates:
            notes.append(
                f"year headers with suffixes read as years: {', '.join(map(str, estimates[:5]))}"
            )
    else:
        notes.append(
            f"long table: header in row {header_row + 1}; country column "
            f"{cell_address(0, country_column)[:-1]}, "
            f"year column {cell_address(0, year_column)[:-1]}, "
            f"value column {cell_address(0, value_column)[:-1]}"
        )
    if header_row > 0:
        notes.append(f"{header_row} row(s) above the header read as titles")
    texts = describing_texts(
        sheet, header_row, country_column, year_columns, year_column, value_column, candidates
    )
    measure, unit_hint, why = guess_measure(texts)
    notes.append(why)
    if not unit_hint.percent and cells_say_percent(
        sheet, header_row, value_columns_of(year_columns, value_column)
    ):
        unit_hint = replace(unit_hint, percent=True)
        notes.append('the value cells are written with "%": read as percent')
    values = _sample_values(
        sheet,
        header_row,
        country_column,
        year_columns,
        year_column,
        value_column,
        registry,
        table_decimal(table, sheet, header_row, value_columns_of(year_columns, value_column)),
    )
    unit, unit_note = guess_unit(measure, unit_hint, values, dataset)
    notes.append(unit_note)
    settings = ImportSettings(
        sheet=sheet.name,
        header_row=header_row,
        layout=Layout.WIDE if wide else Layout.LONG,
        country_column=country_column,
        measure=measure,
        unit=unit,
        year_columns=tuple(year_columns),
        year_column=year_column,
        value_column=value_column,
        value_candidates=candidates if len(candidates) > 1 else (),
    )
    return Detection(
        settings, tuple(notes), unit_hint, measure_named=not why.startswith("measure not named")
    )


def _first_text(sheet: RawSheet) -> str:
    for row in sheet.rows[:20]:
        for cell in row:
            if isinstance(cell, str) and cell.strip():
                return cell.strip()[:60]
    return "no text in the first 20 rows" if sheet.rows else "an empty sheet"


def _find_wide(sheet: RawSheet) -> tuple[int, list[tuple[int, int]], None, None] | None:
    best_row, best_pairs = -1, []
    for r, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        pairs = year_headers(row)
        if len(pairs) > len(best_pairs):
            best_row, best_pairs = r, pairs
    if not best_pairs:
        return None
    return best_row, best_pairs, None, None


def _find_long(sheet: RawSheet) -> tuple[int, list[tuple[int, int]], int, int] | None:
    for r, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        names = [normalise_name(c) if isinstance(c, str) else "" for c in row]
        year_cols = [c for c, n in enumerate(names) if n in YEAR_HEADER_NAMES]
        if not year_cols:
            continue
        year_col = year_cols[0]
        below = [
            rw[year_col]
            for rw in sheet.rows[r + 1 : r + 1 + 200]
            if year_col < len(rw) and rw[year_col] != ""
        ]
        if not below or sum(year_from_header(c) is not None for c in below) < 0.8 * len(below):
            continue
        if not numeric_columns(sheet, r, exclude={year_col}):
            continue
        return r, [], year_col, None
    return None


def _country_column(
    sheet: RawSheet,
    header_row: int,
    year_columns: list[tuple[int, int]],
    year_column: int | None,
    value_column: int | None,
    registry: AllyRegistry,
) -> int | None:
    """The column with the most allies (then one named "country"), left of the years first."""
    rows = sheet.rows[header_row + 1 : header_row + 1 + SAMPLE_ROWS]
    width = max((len(r) for r in rows), default=0)
    used = {c for c, _ in year_columns} | {year_column, value_column}
    candidates = [c for c in range(width) if c not in used]
    if year_columns:
        candidates = [c for c in candidates if c < year_columns[0][0]] or candidates
    header = sheet.rows[header_row]
    scores = []
    for c in candidates:
        allies = {a.iso3 for row in rows if (a := _match_ally(row, c, registry))}
        named = (
            c < len(header)
            and isinstance(header[c], str)
            and normalise_name(header[c]) in COUNTRY_HEADER_NAMES
        )
        scores.append((len(allies), int(named), -c))
    best = max(scores, default=None)
    if best is not None and (best[0] or best[1]):
        return -best[2]
    text_columns = [c for c in candidates if _mostly_text(rows, c)]
    return text_columns[0] if text_columns else None


def _mostly_text(rows: list[list[object]], col: int) -> bool:
    cells = [r[col] for r in rows if col < len(r) and r[col] != ""]
    return bool(cells) and sum(isinstance(x, str) for x in cells) > 0.8 * len(cells)


def _sample_values(
    sheet: RawSheet,
    header_row: int,
    country_column: int,
    year_columns: list[tuple[int, int]],
    year_column: int | None,
    value_column: int | None,
    registry: AllyRegistry,
    decimal: str | None,
) -> list[tuple[str, int, float]]:
    """(iso3, year, value) for ally rows, a sample for unit guessing."""
    found: list[tuple[str, int, float]] = []
    for row in sheet.rows[header_row + 1 : header_row + 1 + SAMPLE_ROWS]:
        ally = _match_ally(row, country_column, registry)
        if ally is None:
            continue
        if year_columns:
            cells = [(y, row[c]) for c, y in year_columns if c < len(row)]
        else:
            year = year_from_header(row[year_column]) if year_column < len(row) else None
            cells = [(year, row[value_column])] if year and value_column < len(row) else []
        for year, cell in cells:
            value = _number_or_none(cell, decimal)
            if value is not None:
                found.append((ally.iso3, year, value))
    return found


def _number_or_none(cell: object, decimal: str | None) -> float | None:
    if isinstance(cell, bool):
        return None
    if isinstance(cell, float):
        return cell if math.isfinite(cell) else None
    if isinstance(cell, str) and not is_missing_marker(cell):
        try:
            return parse_number(cell, decimal or ".")
        except NumberTextError:
            return None
    return None
