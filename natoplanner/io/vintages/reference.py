"""History from other sources → reference series, drawn beside NATO's, never mixed in.

Three layouts:

- **SIPRI's Military Expenditure Database workbook**: a sheet "Share of GDP"
  with title rows, a header row "Country", "Notes", years; region and
  subregion rows (text only); "..." (not available) and "xxx" (country did
  not exist); shares written as fractions (0.0215 = 2.15%).
- **World Bank WDI download** of MS.MIL.XPND.GD.ZS (military expenditure,
  % of GDP): metadata lines, then "Country Name", "Country Code",
  "Indicator Name", "Indicator Code", years.
- **A national outturn sheet**: allies (names or codes) down the first
  column, years across, the unit said in a title or header ("% of GDP",
  "million").

Every figure keeps the source's definition; the series says how it differs
from NATO's.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np

from natoplanner.core.allies import AllyRegistry
from natoplanner.core.vintages import (
    SHARE_GDP_PCT,
    SPENDING_NATIONAL_MN,
    FigureTable,
    Provenance,
    ReferenceSeries,
)
from natoplanner.io.errors import FileProblemError
from natoplanner.io.sources.country_names import is_other_country, is_region_or_total
from natoplanner.io.sources.tabular import RawSheet, RawTable
from natoplanner.io.vintages.files import CellReader, open_source, text_of, year_label

SIPRI_SHEET = "Share of GDP"
WORLD_BANK_CODE = "MS.MIL.XPND.GD.ZS"
SIPRI_DEFINITION = (
    "SIPRI's definition is broader than NATO's (it includes paramilitary forces) and uses "
    "calendar years, where NATO uses fiscal years for Canada, the United Kingdom and the "
    "United States."
)
WORLD_BANK_DEFINITION = (
    "The World Bank republishes SIPRI's estimates (MS.MIL.XPND.GD.ZS): SIPRI's definition, "
    "broader than NATO's (paramilitary forces included), calendar years."
)
NATIONAL_DEFINITION = (
    "A national outturn follows the national budget's definition, which may differ "
    "considerably from NATO's (NATO counts military pensions and aid to Ukraine)."
)
# Shares above this are percents, below it fractions: no ally spends half its GDP.
_FRACTION_LIMIT = 0.5


def find_reference(table: RawTable) -> tuple[str, RawSheet] | None:
    """("sipri" | "world_bank" | "national", sheet) when ``table`` is such a file, else None."""
    names = {n.casefold(): n for n in table.sheet_names}
    if SIPRI_SHEET.casefold() in names and _header(table.sheet(names[SIPRI_SHEET.casefold()])):
        return "sipri", table.sheet(names[SIPRI_SHEET.casefold()])
    for name in table.visible_sheet_names:
        sheet = table.sheet(name)
        header = _header(sheet)
        if header is None:
            continue
        row, _ = header
        labels = {text_of(c).casefold() for c in sheet.rows[row]}
        if "indicator code" in labels and any(
            WORLD_BANK_CODE.casefold() == text_of(c).casefold()
            for r in sheet.rows[row + 1 : row + 400]
            for c in r[:4]
        ):
            return "world_bank", sheet
    return None


def history_sheet(
    table: RawTable, registry: AllyRegistry, last_history_year: int
) -> RawSheet | None:
    """The first sheet that is allies' history only: a header of years, none after
    ``last_history_year``, and an ally named in its first column (a national outturn)."""
    for name in table.visible_sheet_names:
        sheet = table.sheet(name)
        header = _header(sheet)
        if header is None:
            continue
        row, years = header
        if max(years) > last_history_year:
            continue
        if any(
            registry.match(text_of(sheet.cell(r, 0)).rstrip("*").strip()) is not None
            for r in range(row + 1, min(sheet.n_rows, row + 200))
            if text_of(sheet.cell(r, 0))
        ):
            return sheet
    return None


def last_header_year(sheet: RawSheet) -> int | None:
    """The last year of the sheet's header row of years (None without one)."""
    header = _header(sheet)
    return None if header is None else max(header[1])


def _header(sheet: RawSheet) -> tuple[int, dict[int, int]] | None:
    """(row, {year: column}) of the first row with at least two years, in 40 rows."""
    for row in range(min(sheet.n_rows, 40)):
        years = {}
        for col, cell in enumerate(sheet.rows[row]):
            label = year_label(cell)
            if label is not None and not label[1]:
                years[label[0]] = col
        if len(years) >= 2:
            return row, years
    return None


def read_reference(
    path: str | Path,
    registry: AllyRegistry,
    *,
    name: str | None = None,
    measure: str | None = None,
    imported_at: str | None = None,
) -> ReferenceSeries:
    """Read SIPRI's workbook, a World Bank download or a national sheet as a reference series.

    ``measure`` ("share_gdp_pct" or "spending_national_million") is needed
    only for a national sheet whose title does not say its unit.

    Raises
    ------
    FileProblemError
        No ally found; an ally twice; a figure that is not a number; the unit
        not said. Each problem names its cell.
    """
    table = open_source(path)
    found = find_reference(table)
    if found is not None:
        kind, sheet = found
    else:
        national = history_sheet(table, registry, 9999)
        kind = "national"
        sheet = national or table.sheet(table.visible_sheet_names[0])
    header = _header(sheet)
    if header is None:
        raise FileProblemError.at(
            table.path,
            "no header row of years",
            sheet=sheet.name if table.kind != "csv" else None,
            expected="a row with years (2014, 2015, …) in its cells",
        )
    header_row, years = header
    reader = CellReader(table, sheet)
    country_col = _country_column(sheet, header_row, kind)
    indicator_col = next(
        (
            c
            for c, cell in enumerate(sheet.rows[header_row])
            if text_of(cell).casefold() == "indicator code"
        ),
        None,
    )
    rows = _ally_rows(sheet, header_row, country_col, indicator_col, registry, reader, kind)
    reader.raise_if_any()
    if not rows:
        raise FileProblemError.at(
            table.path,
            "no ally found in the file",
            sheet=sheet.name if table.kind != "csv" else None,
            expected="allies' names or ISO3 codes in a column",
        )
    first, last = min(years), max(years)
    matrix = np.full((len(registry), last - first + 1), np.nan)
    for iso3, row in rows.items():
        for year, col in years.items():
            matrix[registry.index_of(iso3), year - first] = reader.number(
                row, col, f"{iso3} {year}"
            )
    reader.raise_if_any()
    measure, scale, definition, publisher, default_name = _meaning(
        kind, table, sheet, header_row, matrix, measure
    )
    matrix = matrix * scale
    return ReferenceSeries(
        name=name or default_name,
        publisher=publisher,
        measure=measure,
        definition=definition,
        provenance=Provenance(
            Path(table.path).name, sheet.name if table.kind != "csv" else "", imported_at or _now()
        ),
        figures=FigureTable(
            registry.iso3_codes,
            np.arange(first, last + 1),
            {measure: matrix},
            np.zeros(matrix.shape, dtype=bool),
        ),
    )


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _country_column(sheet: RawSheet, header_row: int, kind: str) -> int:
    if kind == "world_bank":
        for col, cell in enumerate(sheet.rows[header_row]):
            if text_of(cell).casefold() == "country code":
                return col
    return 0


def _ally_rows(
    sheet: RawSheet,
    header_row: int,
    col: int,
    indicator_col: int | None,
    registry: AllyRegistry,
    reader: CellReader,
    kind: str,
) -> dict[str, int]:
    rows: dict[str, int] = {}
    for row in range(header_row + 1, sheet.n_rows):
        label = text_of(sheet.cell(row, col))
        if not label:
            continue
        if (
            kind == "world_bank"
            and indicator_col is not None
            and (text_of(sheet.cell(row, indicator_col)).casefold() != WORLD_BANK_CODE.casefold())
        ):
            continue
        ally = registry.match(label.rstrip("*").strip())
        if ally is None:
            if kind == "national" and not (is_region_or_total(label) or is_other_country(label)):
                suggestion = registry.suggest(label)
                if suggestion is not None:
                    reader.problem(
                        row,
                        col,
                        f"'{label}' is not an ally (did you mean {suggestion.name_en}?)",
                        "an ally's name or code",
                        label,
                    )
            continue
        if ally.iso3 in rows:
            reader.problem(
                row,
                col,
                f"{ally.name_en} appears twice (first on row {rows[ally.iso3] + 1})",
                "one row per ally",
                label,
            )
            continue
        rows[ally.iso3] = row
    return rows


def _meaning(
    kind: str,
    table: RawTable,
    sheet: RawSheet,
    header_row: int,
    matrix: np.ndarray,
    measure: str | None,
) -> tuple[str, float, str, str, str]:
    """(measure, scale to the measure's unit, definition, publisher, default name)."""
    if kind == "sipri":
        scale = 100.0 if np.nanmax(np.abs(matrix), initial=0.0) <= _FRACTION_LIMIT else 1.0
        return (
            SHARE_GDP_PCT,
            scale,
            SIPRI_DEFINITION,
            "Stockholm International Peace Research Institute",
            "SIPRI military expenditure (share of GDP)",
        )
    if kind == "world_bank":
        return (
            SHARE_GDP_PCT,
            1.0,
            WORLD_BANK_DEFINITION,
            "World Bank (from SIPRI)",
            f"World Bank {WORLD_BANK_CODE} (% of GDP)",
        )
    words = " ".join(
        text_of(c) for r in sheet.rows[: header_row + 1] for c in r if isinstance(c, str)
    ).casefold()
    if measure is None:
        if re.search(r"% of gdp|percent of gdp|share of gdp|% du pib|part du pib", words):
            measure = SHARE_GDP_PCT
        elif re.search(r"\bmillion|\bmillions|\bmn\b|\bm€|\bmeur", words):
            measure = SPENDING_NATIONAL_MN
        else:
            raise FileProblemError.at(
                table.path,
                "the sheet does not say its unit",
                sheet=sheet.name if table.kind != "csv" else None,
                expected="a title or header with '% of GDP' or 'million', or a given measure",
                found=words[:60] or None,
            )
    scale = 1.0
    if measure == SHARE_GDP_PCT and np.nanmax(np.abs(matrix), initial=0.0) <= _FRACTION_LIMIT:
        scale = 100.0
    return (
        measure,
        scale,
        NATIONAL_DEFINITION,
        "national source",
        f"{Path(table.path).stem} (national outturn)",
    )
