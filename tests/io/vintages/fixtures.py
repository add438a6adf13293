"""Source files in the publishers' own layouts, carrying the bundled numbers.

- :func:`nato_edition_workbook`: NATO's edition workbook, laid out as the
  parser of GitHub ``aiutononesistonousername/leave-the-gun-take-the-cannoli``
  (``cannoli/transform.py``, ``_nato_blocks``) reads it: sheets "Table 1" …
  "Table 8b"; in each, titled blocks whose header row has 2014 in column B,
  "2025e"-style estimate years, allies down column A (NATO's spellings,
  "(Euros)" suffixes), aggregates, then a "Notes" row. Figures are the
  bundled 2026 edition's; Table 5 at constant prices (not bundled) is rebuilt
  by chaining the bundled real growth from the 2014 current-price figure,
  and Luxembourg's 2023 GNI break uses SOURCES.md's 85.3 → 58.0.
- :func:`weo_download`: the WEO database download (tab-separated UTF-16
  text named .xls) with the April 2026 figures of ``gdp_forecast.csv``.
- :func:`imf_portal_csv`: the IMF data portal's CSV with the same figures.
- :func:`world_bank_milex_csv`: a World Bank MS.MIL.XPND.GD.ZS download.

Years and countries the bundled data do not cover are "n/a" or left out,
never invented; the only made-up figures are those of
:func:`synthetic_countries` (benchmark size) and explicit test edits.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import openpyxl

from natoplanner.core.dataset import Dataset

EDITION_YEARS = list(range(2014, 2027))
WEO_YEARS = list(range(1980, 2032))
# NATO's spellings where they differ from the registry's English names.
NATO_NAMES = {"SVK": "Slovak Republic", "BGR": "Bulgaria (Euros)", "HRV": "Croatia (Euros)"}
TABLE_TITLES = {
    "Table 1": "Core defence expenditure (million national currency)",
    "Table 2": "Core defence expenditure (US dollars, million)",
    "Table 3": "Core defence expenditure as a share of GDP and annual real change",
    "Table 4": "Core defence expenditure (US dollars, million, constant 2021 prices)",
    "Table 5": "Gross domestic product (US dollars, million)",
    "Table 6": "GDP and core defence expenditure per capita",
    "Table 7": "Military personnel",
    "Table 8a": "Distribution of core defence expenditure by main category",
    "Table 8b": "Distribution of core defence expenditure by main category (continued)",
}


def _matrix(column: str) -> np.ndarray:
    return Dataset.bundled().history_matrix(column)


def _constant_gdp_usd_million() -> np.ndarray:
    """Table 5 at constant prices, rebuilt from the bundled real growth (see module doc)."""
    current = _matrix("gdp_usd_billion_current") * 1000
    growth = _matrix("real_gdp_growth_pct_derived")
    registry = Dataset.bundled().registry
    constant = np.full_like(current, np.nan)
    constant[:, 0] = current[:, 0]
    for col in range(1, current.shape[1]):
        factor = 1 + growth[:, col] / 100
        constant[:, col] = constant[:, col - 1] * factor
    lux = registry.index_of("LUX")
    for col in range(2023 - 2014, current.shape[1]):
        if col == 2023 - 2014:
            constant[lux, col] = constant[lux, col - 1] * 58.0 / 85.3
        else:
            constant[lux, col] = constant[lux, col - 1] * (1 + growth[lux, col] / 100)
    return constant


def _aggregates(column: str) -> dict[str, list[float]]:
    frame = Dataset.bundled().aggregates
    out = {}
    for label, name in (
        ("NATO Europe and Canada", "NATO Europe and Canada"),
        ("NATO Total", "NATO total"),
    ):
        rows = frame[frame["aggregate"].str.casefold() == name.casefold()].sort_values("year")
        if len(rows) and column in rows:
            out[label] = [float(v) for v in rows[column]]
    return out


def nato_edition_workbook(
    path: Path,
    *,
    cutoff_note: bool = True,
    drop: Iterable[str] = (),
    edit: dict[tuple[str, str, int], object] | None = None,
    years: list[int] | None = None,
    later_years_factor: float = 1.05,
) -> Path:
    """NATO's 2026 edition workbook in its own layout (see the module docstring).

    ``drop`` leaves allies (ISO3) out of every table; ``edit`` replaces the
    cell of (measure, ISO3, year) with a value (a typo, a text, a number).
    ``years`` beyond 2026 make a test edition: each later year is the year
    before × ``later_years_factor`` (made-up figures, for edition switching).
    """
    dataset = Dataset.bundled()
    registry = dataset.registry
    years = years or EDITION_YEARS
    edit = edit or {}
    labels = [str(y) if y < years[-1] - 1 else f"{y}e" for y in years]
    header = [None, *(int(lab) if lab.isdigit() else lab for lab in labels)]
    blocks = {
        "Table 1": [
            (
                "Current prices",
                "defence_exp_national_million",
                _matrix("defence_exp_national_million"),
            )
        ],
        "Table 2": [
            (
                "Current prices and exchange rates",
                "defence_exp_usd_million_current",
                _matrix("defence_exp_usd_million_current"),
            )
        ],
        "Table 3": [
            ("Share of real GDP (%)", "defence_share_gdp_pct", _matrix("defence_share_gdp_pct")),
            (
                "Annual real change (%)",
                "defence_real_change_pct",
                _matrix("defence_real_change_pct"),
            ),
        ],
        "Table 5": [
            (
                "Current prices and exchange rates",
                "gdp_usd_billion_current",
                np.round(_matrix("gdp_usd_billion_current") * 1000),
            ),
            (
                "Constant 2021 prices and exchange rates",
                "gdp_constant",
                _constant_gdp_usd_million(),
            ),
        ],
        "Table 8a": [("Equipment (a)", "equipment_share_pct", _matrix("equipment_share_pct"))],
    }
    aggregates = {
        "defence_exp_usd_million_current": _aggregates("defence_exp_usd_million_current"),
        "defence_share_gdp_pct": _aggregates("defence_share_gdp_pct"),
        "defence_real_change_pct": _aggregates("defence_real_change_pct"),
    }
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for sheet_name, title in TABLE_TITLES.items():
        ws = workbook.create_sheet(sheet_name)
        ws.append([f"Defence Expenditure of NATO Countries ({years[0]}-{years[-1]})"])
        ws.append([f"{sheet_name}: {title}"])
        for block_title, measure, matrix in blocks.get(sheet_name, []):
            ws.append([])
            ws.append([block_title])
            ws.append(header)
            for ally in registry:
                if ally.no_armed_forces or ally.iso3 in drop:
                    continue
                row = registry.index_of(ally.iso3)
                name = NATO_NAMES.get(ally.iso3, ally.name_en)
                values: list[object] = []
                for col, year in enumerate(years):
                    last = matrix.shape[1] - 1
                    value = (
                        matrix[row, col]
                        if col <= last
                        else matrix[row, last] * later_years_factor ** (col - last)
                    )
                    cell = None if math.isnan(value) else float(value)
                    if measure in (
                        "defence_exp_national_million",
                        "defence_exp_usd_million_current",
                    ):
                        cell = None if cell is None else int(cell)
                    values.append(edit.get((measure, ally.iso3, year), cell))
                ws.append([name, *values])
            for label, series in aggregates.get(measure, {}).items():
                ws.append([label, *series[: len(years)]])
        ws.append([])
        notes = "Notes: Figures for 2025 and 2026 are estimates."
        if cutoff_note:
            notes += " The cut-off date for this report was 3 July 2026."
        ws.append([notes])
        ws.append(["Iceland has no armed forces."])
    workbook.save(path)
    return path


def _weo_cell(value: float, thousands: bool = False) -> str:
    if math.isnan(value):
        return "n/a"
    return f"{value:,.3f}" if thousands else f"{value:.3f}"


def weo_download(
    path: Path,
    *,
    vintage: str = "IMF WEO April 2026",
    footer: str | None = "International Monetary Fund, World Economic Outlook Database, April 2026",
    drop: Iterable[str] = (),
    extra_rows: Iterable[list[str]] = (),
    units: dict[str, str] | None = None,
    encoding: str = "utf-16",
) -> Path:
    """The WEO database download: one row per country × subject, the bundled figures.

    Years outside the vintage's forecast years are "n/a" (the bundled file
    keeps forecasts only). "Estimates Start After" is 2025, or 2024 for the
    allies whose 2025 growth is still an estimate (SOURCES.md §3).
    """
    dataset = Dataset.bundled()
    figures = dataset.gdp_vintage(vintage).figures
    estimated_2025 = {"ALB", "BEL", "FIN", "ISL", "LUX", "PRT", "SWE"}
    units = {"NGDP_RPCH": "Percent change", "PCPIPCH": "Percent change", **(units or {})}
    header = [
        "WEO Country Code",
        "ISO",
        "WEO Subject Code",
        "Country",
        "Subject Descriptor",
        "Subject Notes",
        "Units",
        "Scale",
        "Country/Series-specific Notes",
        *map(str, WEO_YEARS),
        "Estimates Start After",
    ]
    lines = ["\t".join(header)]
    subjects = (
        ("NGDP_RPCH", "Gross domestic product, constant prices", "real_gdp_growth_pct"),
        ("PCPIPCH", "Inflation, average consumer prices", "cpi_inflation_pct"),
    )
    for ally in dataset.registry:
        if ally.iso3 in drop:
            continue
        for code, descriptor, measure in subjects:
            values = [figures.value(measure, ally.iso3, y) for y in WEO_YEARS]
            last = "2024" if ally.iso3 in estimated_2025 else "2025"
            lines.append(
                "\t".join(
                    [
                        "000",
                        ally.iso3,
                        code,
                        ally.name_en,
                        descriptor,
                        "",
                        units[code],
                        "",
                        "",
                        *(_weo_cell(v) for v in values),
                        last,
                    ]
                )
            )
    lines.extend("\t".join(row) for row in extra_rows)
    lines.append("")
    if footer:
        lines.append(footer)
    path.write_text("\r\n".join(lines) + "\r\n", encoding=encoding)
    return path


def weo_row(
    iso3: str,
    code: str,
    values: dict[int, float],
    *,
    units: str,
    scale: str = "",
    last: str = "2025",
    name: str = "",
) -> list[str]:
    """One extra row of a WEO download (for non-allies and test series)."""
    cells = [_weo_cell(values.get(y, math.nan), thousands=code == "NGDP") for y in WEO_YEARS]
    return ["000", iso3, code, name or iso3, code, "", units, scale, "", *cells, last]


def synthetic_countries(n: int) -> list[list[str]]:
    """Rows for ``n`` made-up non-ally countries (codes Q00…), four subjects each.

    Benchmark filler only: the figures are arbitrary and never read as an ally's.
    """
    rows = []
    for i in range(n):
        code = f"Q{i:02d}"
        base = {y: 1.0 + (i + y) % 7 * 0.5 for y in WEO_YEARS}
        rows.append(weo_row(code, "NGDP_RPCH", base, units="Percent change"))
        rows.append(weo_row(code, "PCPIPCH", base, units="Percent change"))
        rows.append(weo_row(code, "NGDP_D", {y: 50 + y - 1980 for y in WEO_YEARS}, units="Index"))
        rows.append(
            weo_row(
                code,
                "NGDP",
                {y: 1000.0 + 10 * (y - 1980) for y in WEO_YEARS},
                units="National currency",
                scale="Billions",
            )
        )
    return rows


def imf_portal_csv(path: Path, vintage: str = "IMF WEO April 2026") -> Path:
    """The IMF data portal's CSV of the same figures (SERIES_CODE "DEU.NGDP_RPCH.A")."""
    import csv

    dataset = Dataset.bundled()
    figures = dataset.gdp_vintage(vintage).figures
    header = [
        "DATASET",
        "SERIES_CODE",
        "OBS_MEASURE",
        "COUNTRY",
        "INDICATOR",
        "FREQUENCY",
        "SCALE",
        "UNIT",
        "PUBLICATION_DATE",
        "UPDATE_DATE",
        "LATEST_ACTUAL_ANNUAL_DATA",
        *map(str, range(2020, 2032)),
    ]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for ally in dataset.registry:
            for code, measure, indicator in (
                (
                    "NGDP_RPCH",
                    "real_gdp_growth_pct",
                    "Gross domestic product (GDP), Constant prices, Percent change",
                ),
                (
                    "PCPIPCH",
                    "cpi_inflation_pct",
                    "All Items, Consumer price index (CPI), Period average, percent change",
                ),
            ):
                values = [figures.value(measure, ally.iso3, y) for y in range(2020, 2032)]
                writer.writerow(
                    [
                        "IMF.RES:WEO(9.0.0)",
                        f"{ally.iso3}.{code}.A",
                        "OBS_VALUE",
                        ally.name_en,
                        indicator,
                        "Annual",
                        "Units",
                        "Percent change",
                        "2026-04-14T00:00:00Z",
                        "2026-04-14T00:00:00Z",
                        "2025",
                        *("" if math.isnan(v) else f"{v:.3f}" for v in values),
                    ]
                )
    return path


def world_bank_milex_csv(path: Path, iso3s: Iterable[str] = ("POL", "DEU", "FRA", "USA")) -> Path:
    """A World Bank WDI download of MS.MIL.XPND.GD.ZS (military expenditure, % of GDP).

    The figures are NATO's bundled shares standing in for the World Bank's
    (which come from SIPRI): the test checks the reading, not the source.
    """
    dataset = Dataset.bundled()
    share = dataset.history_matrix("defence_share_gdp_pct")
    years = EDITION_YEARS[:-2]  # the World Bank publishes no estimates
    lines = [
        '"Data Source","World Development Indicators",',
        "",
        '"Last Updated Date","2026-07-01",',
        "",
        ",".join(
            f'"{h}"'
            for h in [
                "Country Name",
                "Country Code",
                "Indicator Name",
                "Indicator Code",
                *map(str, years),
            ]
        )
        + ",",
    ]
    indicator = '"Military expenditure (% of GDP)","MS.MIL.XPND.GD.ZS"'
    lines.append(f'"World","WLD",{indicator},' + ",".join('""' for _ in years) + ",")
    for iso3 in iso3s:
        row = dataset.registry.index_of(iso3)
        cells = [f'"{float(share[row, y - 2014])!r}"' for y in years]
        name = dataset.registry.get(iso3).name_en
        lines.append(f'"{name}","{iso3}",{indicator},' + ",".join(cells) + ",")
    lines.append(f'"Austria","AUT",{indicator},' + ",".join('"0.7"' for _ in years) + ",")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path
