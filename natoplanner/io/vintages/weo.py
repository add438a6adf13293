"""IMF World Economic Outlook files → a GDP forecast vintage.

Two layouts, both one row per country × indicator with one column per year:

- the **WEO database download** ("WEOApr2026all.xls": tab-separated text,
  columns "WEO Country Code", "ISO", "WEO Subject Code", "Country", "Subject
  Descriptor", "Units", "Scale", years, "Estimates Start After"; a footer
  line "International Monetary Fund, World Economic Outlook Database, April
  2026"; numbers with thousands commas, "n/a" and "--" for no figure);
- the **IMF data portal** CSV and the "Entire Dataset" workbook (columns
  "SERIES_CODE" = "DEU.NGDP_RPCH.A" or "COUNTRY.ID" and "INDICATOR.ID";
  "UNIT", "SCALE", "PUBLICATION_DATE", "LATEST_ACTUAL_ANNUAL_DATA" = "2025"
  or "FY2024/25", years).

Subjects read: NGDP_RPCH (real GDP growth, % change), PCPIPCH (CPI
inflation, period average, % change), NGDP_D (GDP deflator, index) and NGDP
(GDP, national currency, scaled as the "Scale" column says). The vintage
keeps the years from the release year to the last year, after each series'
last actual year (as the bundled vintages do, data/SOURCES.md §3). The GDP
deflator, where NGDP_D or NGDP is given, replaces CPI as the price path.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from natoplanner.core.allies import AllyRegistry
from natoplanner.core.vintages import (
    CPI_INFLATION_PCT,
    DEFLATOR_PCT,
    NOMINAL_GDP_BN,
    REAL_GROWTH_PCT,
    FigureTable,
    Provenance,
    Vintage,
    VintageKind,
)
from natoplanner.io.errors import FileProblemError, Problem
from natoplanner.io.sources.tabular import RawSheet, RawTable
from natoplanner.io.vintages.files import CellReader, open_source, text_of, year_label

IMF_PUBLISHER = "International Monetary Fund"
GROWTH, CPI, DEFLATOR_INDEX, NOMINAL = "NGDP_RPCH", "PCPIPCH", "NGDP_D", "NGDP"
SUBJECTS = (GROWTH, CPI, DEFLATOR_INDEX, NOMINAL)
# Billions of national currency per unit of the "Scale" column.
_SCALE_TO_BILLIONS = {
    "units": 1e-9,
    "thousands": 1e-6,
    "millions": 1e-3,
    "billions": 1.0,
    "trillions": 1e3,
}
_MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "january february march april may june july august september october november december"
        ).split(),
        1,
    )
}
_FOOTER = re.compile(r"world economic outlook(?: database)?,?\s+(\w+)\s+((?:19|20)\d{2})", re.I)
_FILE_NAME = re.compile(r"weo\s*_?(jan|apr|jul|oct)\w*?((?:19|20)\d{2})", re.I)
_DATASET_VINTAGE = re.compile(r"weo_((?:19|20)\d{2})_(apr|oct)", re.I)
_SHORT_MONTHS = {"jan": "January", "apr": "April", "jul": "July", "oct": "October"}


@dataclass(frozen=True)
class WeoLayout:
    """Where a WEO sheet keeps things (0-based columns)."""

    portal: bool
    header_row: int
    country: int
    subject: int  # the subject code, or SERIES_CODE in a portal file
    units: int | None
    scale: int | None
    last_actual: int | None
    publication: int | None
    dataset: int | None
    years: dict[int, int]  # year → column


@dataclass
class _Series:
    iso3: str
    subject: str
    row: int
    last_actual: int | None
    values: dict[int, float] = field(default_factory=dict)


def find_layout(sheet: RawSheet) -> WeoLayout | None:
    """The WEO layout of ``sheet``, or None when it is not a WEO file."""
    for row in range(min(sheet.n_rows, 30)):
        header = {text_of(c).casefold(): i for i, c in enumerate(sheet.rows[row]) if text_of(c)}
        years = {
            label[0]: i
            for i, c in enumerate(sheet.rows[row])
            if (label := year_label(c)) is not None and not label[1]
        }
        if len(years) < 3:
            continue
        if "weo subject code" in header and ("iso" in header or "weo country code" in header):
            return WeoLayout(
                portal=False,
                header_row=row,
                country=header.get("iso", header.get("weo country code")),
                subject=header["weo subject code"],
                units=header.get("units"),
                scale=header.get("scale"),
                last_actual=header.get("estimates start after"),
                publication=None,
                dataset=None,
                years=years,
            )
        subject = header.get("indicator.id", header.get("series_code"))
        country = header.get("country.id", header.get("series_code"))
        if subject is not None and country is not None:
            return WeoLayout(
                portal=True,
                header_row=row,
                country=country,
                subject=subject,
                units=header.get("unit", header.get("units")),
                scale=header.get("scale"),
                last_actual=header.get("latest_actual_annual_data"),
                publication=header.get("publication_date"),
                dataset=header.get("dataset"),
                years=years,
            )
    return None


def find_weo_sheet(table: RawTable) -> tuple[RawSheet, WeoLayout] | None:
    """The first sheet of ``table`` in a WEO layout ("Countries" in the portal workbook)."""
    names = sorted(table.visible_sheet_names, key=lambda n: n.casefold() != "countries")
    for name in names:
        sheet = table.sheet(name)
        layout = find_layout(sheet)
        if layout is not None:
            return sheet, layout
    return None


def read_weo(
    path: str | Path,
    registry: AllyRegistry,
    *,
    name: str | None = None,
    imported_at: str | None = None,
) -> Vintage:
    """Read an IMF WEO file as a GDP forecast vintage for every ally.

    Parameters
    ----------
    path : path
        A WEO database download, an IMF data-portal CSV or the portal's workbook.
    registry : AllyRegistry
    name : str, optional
        The vintage's name (default: "IMF WEO <Month> <year>" from the file).
    imported_at : str, optional
        ISO 8601 time of the import (default: now, UTC).

    Returns
    -------
    Vintage
        Real growth and CPI (% a year), the deflator (%) and nominal GDP
        (billion national currency) where the file gives them.

    Raises
    ------
    FileProblemError
        Not a WEO file; an ally missing (all listed); units or scale other
        than the subject's; a figure that is not a number; the release not
        named in the file and no ``name`` given. Every problem names its cell.
    """
    table = open_source(path)
    found = find_weo_sheet(table)
    if found is None:
        raise FileProblemError.at(
            table.path,
            "this is not an IMF World Economic Outlook file",
            expected="a header with 'WEO Subject Code' and 'ISO', or 'SERIES_CODE' / "
            "'COUNTRY.ID' and 'INDICATOR.ID', and year columns",
            found="sheets " + ", ".join(table.sheet_names[:6]),
        )
    sheet, layout = found
    reader = CellReader(table, sheet)
    release_name, release_date = _release(table, sheet, layout, reader)
    if name:
        release_name = name
    if not release_name:
        raise FileProblemError.at(
            table.path,
            "the file does not say which WEO release it is; give the vintage a name",
            sheet=sheet.name if table.kind != "csv" else None,
            expected="a footer 'World Economic Outlook Database, <Month> <year>', a file named "
            "like WEOApr2026all, or a PUBLICATION_DATE column",
            found=None,
        )
    release_year = _release_year(release_date, release_name)
    series = _series(sheet, layout, registry, reader)
    reader.raise_if_any()
    figures, missing = _figures(series, registry, release_year, layout, reader)
    reader.raise_if_any()
    if missing:
        raise FileProblemError(
            Problem(
                str(table.path),
                f"{len(missing)} of {len(registry)} allies have no {GROWTH} series with a "
                "price series (PCPIPCH, NGDP_D or NGDP) for the forecast years: "
                + ", ".join(missing),
                sheet.name if table.kind != "csv" else None,
                expected="every ally",
                found=f"{len(registry) - len(missing)} allies",
            )
        )
    assert figures is not None  # every ally has its series
    notes = [f"real GDP growth ({GROWTH}) and CPI inflation ({CPI}), % a year"]
    if DEFLATOR_PCT in figures.values:
        notes.append("GDP deflator from NGDP_D (or NGDP ÷ real growth) replaces CPI")
    return Vintage(
        name=release_name,
        kind=VintageKind.IMF_WEO,
        publisher=IMF_PUBLISHER,
        release_date=release_date,
        cutoff="",
        provenance=Provenance(
            Path(table.path).name,
            sheet.name if table.kind != "csv" else "",
            imported_at or _now(),
        ),
        figures=figures,
        notes=tuple(notes),
    )


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _release(
    table: RawTable, sheet: RawSheet, layout: WeoLayout, reader: CellReader
) -> tuple[str, str]:
    """(vintage name, release date) as the file says them; ("", "") when it does not."""
    if layout.publication is not None:
        for row in range(layout.header_row + 1, sheet.n_rows):
            text = text_of(sheet.cell(row, layout.publication))
            if text:
                try:
                    date = dt.date.fromisoformat(text[:10])
                except ValueError:
                    reader.problem(
                        row, layout.publication, "not a date", "an ISO date (2026-04-14)", text
                    )
                    return "", ""
                month = "April" if date.month <= 6 else "October"
                return f"IMF WEO {month} {date.year}", date.isoformat()
    if layout.dataset is not None:
        for row in range(layout.header_row + 1, min(sheet.n_rows, layout.header_row + 5)):
            match = _DATASET_VINTAGE.search(text_of(sheet.cell(row, layout.dataset)))
            if match:
                month = _SHORT_MONTHS[match.group(2).lower()]
                return f"IMF WEO {month} {match.group(1)}", ""
    for row in range(sheet.n_rows - 1, max(layout.header_row, sheet.n_rows - 6), -1):
        match = _FOOTER.search(" ".join(text_of(c) for c in sheet.rows[row]))
        if match and match.group(1).casefold() in _MONTHS:
            month = match.group(1).capitalize()
            year = match.group(2)
            return f"IMF WEO {month} {year}", f"{year}-{_MONTHS[month.casefold()]:02d}"
    match = _FILE_NAME.search(Path(table.path).stem)
    if match:
        month = _SHORT_MONTHS[match.group(1).lower()]
        year = match.group(2)
        return f"IMF WEO {month} {year}", f"{year}-{_MONTHS[month.casefold()]:02d}"
    return "", ""


def _release_year(release_date: str, release_name: str) -> int | None:
    if release_date:
        return int(release_date[:4])
    match = re.search(r"(?:19|20)\d{2}", release_name)
    return int(match.group(0)) if match else None


def _series(
    sheet: RawSheet, layout: WeoLayout, registry: AllyRegistry, reader: CellReader
) -> dict[tuple[str, str], _Series]:
    """The allies' rows of the four subjects, units and scales checked, numbers read."""
    allies = set(registry.iso3_codes)
    found: dict[tuple[str, str], _Series] = {}
    for row in range(layout.header_row + 1, sheet.n_rows):
        cells = sheet.rows[row]
        if not cells:
            continue
        country = text_of(sheet.cell(row, layout.country)).upper()
        subject = text_of(sheet.cell(row, layout.subject)).upper()
        if layout.portal and layout.country == layout.subject:
            parts = subject.split(".")
            if len(parts) < 2:
                continue
            country, subject = parts[0], parts[1]
        if country not in allies or subject not in SUBJECTS:
            continue
        key = (country, subject)
        if key in found:
            reader.problem(
                row,
                layout.subject,
                f"{country} {subject} appears twice (first on row {found[key].row + 1})",
                "one row per country and subject",
                subject,
            )
            continue
        scale = _check_units(sheet, layout, row, subject, reader)
        series = _Series(country, subject, row, _last_actual(sheet, layout, row, reader))
        for year, col in layout.years.items():
            value = reader.number(row, col, f"{country} {subject} {year}")
            if not math.isnan(value):
                series.values[year] = value * scale
        found[key] = series
    return found


def _check_units(
    sheet: RawSheet, layout: WeoLayout, row: int, subject: str, reader: CellReader
) -> float:
    """The factor to the vintage's unit; a problem when the file's units are not the subject's."""
    units = text_of(sheet.cell(row, layout.units)).casefold() if layout.units is not None else ""
    scale = text_of(sheet.cell(row, layout.scale)).casefold() if layout.scale is not None else ""
    if layout.units is None:
        reader.problem(
            layout.header_row, None, "no units column", "a 'Units' or 'UNIT' column", None
        )
        return math.nan
    if subject == NOMINAL:
        if "national currency" not in units and "domestic currency" not in units:
            reader.problem(
                row,
                layout.units,
                f"{subject} is not in national currency",
                "National currency",
                units,
            )
        factor = _SCALE_TO_BILLIONS.get(scale)
        if factor is None:
            reader.problem(
                row,
                layout.scale,
                f"{subject}: unknown scale",
                "Billions, Millions, Thousands or Units",
                scale,
            )
            return math.nan
        return factor
    # The download says "Percent change"; the portal's wording varies, so any
    # percent unit passes for a rate and an index, a currency or a count fails.
    expected = "index" if subject == DEFLATOR_INDEX else "percent change"
    if expected == "percent change":
        fits = ("percent" in units or "%" in units) and "index" not in units
    else:
        fits = "index" in units
    if not fits:
        reader.problem(
            row, layout.units, f"{subject}: units are not the subject's", expected, units
        )
    if scale not in ("", "units", "n/a"):
        reader.problem(row, layout.scale, f"{subject}: a scale is given", "no scale", scale)
    return 1.0


def _last_actual(sheet: RawSheet, layout: WeoLayout, row: int, reader: CellReader) -> int | None:
    """The last year of actual data ("Estimates Start After"); FY2024/25 → 2025."""
    if layout.last_actual is None:
        return None
    text = text_of(sheet.cell(row, layout.last_actual))
    if not text or text.casefold() in ("n/a", "--", "0"):
        return None
    fiscal = re.fullmatch(r"FY\s*((?:19|20)\d{2})\s*/\s*(\d{2,4})", text, re.I)
    if fiscal:
        start, end = int(fiscal.group(1)), fiscal.group(2)
        return (
            int(end)
            if len(end) == 4
            else start // 100 * 100 + int(end) + (100 if int(end) < start % 100 else 0)
        )
    label = year_label(text)
    if label is None:
        reader.problem(
            row, layout.last_actual, "not a year", "a year such as 2025 or FY2024/25", text
        )
        return None
    return label[0]


def _figures(
    series: dict[tuple[str, str], _Series],
    registry: AllyRegistry,
    release_year: int | None,
    layout: WeoLayout,
    reader: CellReader,
) -> tuple[FigureTable | None, list[str]]:
    """The allies' forecast years as a FigureTable, or None and the allies that lack a series."""
    codes = registry.iso3_codes
    kept: dict[str, list[int]] = {}
    missing = []
    for iso3 in codes:
        growth = series.get((iso3, GROWTH))
        price = [series.get((iso3, s)) for s in (CPI, DEFLATOR_INDEX, NOMINAL)]
        if growth is None or not any(price):
            missing.append(iso3)
            continue
        first = max(
            release_year or min(layout.years),
            (growth.last_actual or min(layout.years) - 1) + 1,
        )
        years = [y for y in sorted(growth.values) if y >= first]
        if not years:
            missing.append(iso3)
            continue
        kept[iso3] = list(range(years[0], years[-1] + 1))
    if missing:  # refused by the caller, listing them all
        return None, missing
    first_year = min(y[0] for y in kept.values())
    last_year = max(y[-1] for y in kept.values())
    shape = (len(codes), last_year - first_year + 1)
    matrices = {m: np.full(shape, np.nan) for m in (REAL_GROWTH_PCT, CPI_INFLATION_PCT)}
    deflator = np.full(shape, np.nan)
    nominal = np.full(shape, np.nan)
    estimate = np.zeros(shape, dtype=bool)
    for iso3, years in kept.items():
        r = registry.index_of(iso3)
        growth = series[(iso3, GROWTH)]
        cpi = series.get((iso3, CPI))
        index = series.get((iso3, DEFLATOR_INDEX))
        level = series.get((iso3, NOMINAL))
        for year in years:
            c = year - first_year
            estimate[r, c] = True
            g = growth.values.get(year, math.nan)
            if math.isnan(g):
                reader.problem(
                    growth.row,
                    layout.years.get(year),
                    f"{iso3} {GROWTH} {year}: no figure",
                    "a forecast",
                    None,
                )
            matrices[REAL_GROWTH_PCT][r, c] = g
            if cpi is not None:
                matrices[CPI_INFLATION_PCT][r, c] = cpi.values.get(year, math.nan)
            if index is not None:
                deflator[r, c] = _change_pct(index.values, year)
            elif level is not None:
                deflator[r, c] = (
                    (1 + _change_pct(level.values, year) / 100) / (1 + g / 100) - 1
                ) * 100
            if level is not None:
                nominal[r, c] = level.values.get(year, math.nan)
        price = deflator[r] if (index or level) else matrices[CPI_INFLATION_PCT][r]
        gaps = [y for y in years if math.isnan(price[y - first_year])]
        if gaps:
            source = index or level or cpi
            reader.problem(
                source.row,
                layout.years.get(gaps[0]),
                f"{iso3} {source.subject}: no figure for {', '.join(map(str, gaps))}",
                "a forecast for every year the growth series has",
                None,
            )
    values = dict(matrices)
    if not np.isnan(deflator).all():
        values[DEFLATOR_PCT] = deflator
    if not np.isnan(nominal).all():
        values[NOMINAL_GDP_BN] = nominal
    if np.isnan(values[CPI_INFLATION_PCT]).all():
        del values[CPI_INFLATION_PCT]
    return FigureTable(codes, np.arange(first_year, last_year + 1), values, estimate), missing


def _change_pct(values: dict[int, float], year: int) -> float:
    before, now = values.get(year - 1, math.nan), values.get(year, math.nan)
    return (now / before - 1) * 100 if before else math.nan
