"""Build the source files the import tests read: real layouts, real published numbers.

Every ally figure comes from the bundled data (NATO 2026 edition,
``data/nato_defence_expenditure.csv``; IMF WEO April 2026,
``data/gdp_forecast.csv``), so tests compare imported values with the
published ones. Layouts imitate the real files: SIPRI's Military
Expenditure Database workbook, NATO's annual tables, a World Bank WDI CSV,
a French ministry's CSV and an IMF WEO long extract.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from natoplanner.core.dataset import Dataset

YEARS = list(range(2014, 2027))
SIPRI_ALLIES = (
    "Poland",
    "Germany",
    "France",
    "United Kingdom",
    "Türkiye",
    "Czechia",
    "North Macedonia",
)


def nato(iso3: str, year: int, column: str) -> float:
    """A published NATO 2026-edition figure."""
    history = Dataset.bundled().history
    row = history[(history["iso3"] == iso3) & (history["year"] == year)]
    return float(row[column].iloc[0])


def imf(
    iso3: str, year: int, column: str = "real_gdp_growth_pct", vintage: str = "IMF WEO April 2026"
) -> float:
    forecasts = Dataset.bundled().forecasts
    row = forecasts[
        (forecasts["iso3"] == iso3)
        & (forecasts["year"] == year)
        & (forecasts["vintage"] == vintage)
    ]
    return float(row[column].iloc[0])


def iso3_of(name: str) -> str:
    return Dataset.bundled().registry.resolve(name).iso3


def sipri_workbook(path: Path) -> Path:
    """SIPRI-style workbook: title rows, region rows, '...'/'xxx', shares as fractions.

    Sheets "Front page" (text only), "Current US$" and "Share of GDP" (the
    one with fractions), in SIPRI's order. Turkey is written "Türkiye".
    """
    wb = openpyxl.Workbook()
    front = wb.active
    front.title = "Front page"
    front["A1"] = "SIPRI Military Expenditure Database (test copy built from NATO figures)"
    usd = wb.create_sheet("Current US$")
    share = wb.create_sheet("Share of GDP")
    _sipri_sheet(
        usd,
        "Military expenditure by country, in millions of US$ at current prices and exchange "
        "rates, 2014-2026",
        "defence_exp_usd_million_current",
        scale=1.0,
    )
    _sipri_sheet(
        share,
        "Military expenditure by country as percentage of gross domestic product, 2014-2026",
        "defence_share_gdp_pct",
        scale=0.01,
    )
    wb.save(path)
    return path


def _sipri_sheet(ws, title: str, column: str, scale: float) -> None:
    ws.append([title])
    ws.append(["Countries are grouped by region and subregion."])
    ws.append(['"..." = data unavailable. "xxx" = country did not exist or was not independent.'])
    ws.append([])
    ws.append(["Country", "Notes", *YEARS])
    ws.append(["Africa"])
    ws.append(["North Africa"])
    ws.append(["Algeria", "", *(["..."] * len(YEARS))])
    ws.append(["Europe"])
    ws.append(["Central Europe"])
    for name in SIPRI_ALLIES:
        iso3 = iso3_of(name)
        values = [round(nato(iso3, y, column) * scale, 6) for y in YEARS]
        if name == "Germany":
            values[0] = "..."  # a gap SIPRI marks as unavailable
        ws.append([name, "", *values])
    ws.append(["Czechoslovakia", "", *(["xxx"] * len(YEARS))])
    ws.append(["Austria", "", *(["..."] * len(YEARS))])
    ws.append(["Western Europe"])
    ws.append([])
    ws.append(["Source: test copy; layout of the SIPRI Military Expenditure Database"])


def nato_table(
    path: Path,
    column: str = "defence_exp_usd_million_current",
    title: str = "Table 2: Defence expenditure (US$ million, current prices and exchange rates)",
    isos: tuple[str, ...] | None = None,
) -> Path:
    """NATO annual-table layout: title, header "Country" 2014..2024, "2025e", "2026e", totals."""
    dataset = Dataset.bundled()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Table 2" if "US$" in title else "Table 1"
    ws["A1"] = "Defence Expenditure of NATO Countries (2014-2026)"
    ws["A2"] = title
    ws.append([])
    ws.append(["Country", *[str(y) if y < 2025 else f"{y}e" for y in YEARS]])
    for ally in dataset.registry:
        if isos is not None and ally.iso3 not in isos:
            continue
        if ally.no_armed_forces:
            continue
        ws.append([ally.name_en, *[nato(ally.iso3, y, column) for y in YEARS]])
    ws.append(["NATO Europe and Canada", *([None] * len(YEARS))])
    ws.append(["NATO Total", *([None] * len(YEARS))])
    wb.save(path)
    return path


WORLD_BANK_ALLIES = ("POL", "DEU", "FRA", "ITA", "USA")


def world_bank_csv(path: Path) -> Path:
    """World Bank WDI download: four metadata lines, then a wide table with trailing comma."""
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
                *map(str, YEARS),
            ]
        )
        + ",",
        ",".join(
            [
                '"Euro area"',
                '"EMU"',
                '"GDP growth (annual %)"',
                '"NY.GDP.MKTP.KD.ZG"',
                *([""] * len(YEARS)),
            ]
        )
        + ",",
    ]
    registry = Dataset.bundled().registry
    for iso3 in WORLD_BANK_ALLIES:
        values = [nato(iso3, y, "real_gdp_growth_pct_derived") for y in YEARS]
        cells = ["" if v != v else repr(v) for v in values]  # NaN (2014) → empty, as WDI does
        lines.append(
            ",".join(
                [
                    f'"{registry.get(iso3).name_en}"',
                    f'"{iso3}"',
                    '"GDP growth (annual %)"',
                    '"NY.GDP.MKTP.KD.ZG"',
                    *[f'"{c}"' for c in cells],
                ]
            )
            + ","
        )
    lines.append(
        ",".join(
            [
                '"Austria"',
                '"AUT"',
                '"GDP growth (annual %)"',
                '"NY.GDP.MKTP.KD.ZG"',
                *([""] * len(YEARS)),
            ]
        )
        + ","
    )
    lines.append(
        ",".join(
            [
                '"World"',
                '"WLD"',
                '"GDP growth (annual %)"',
                '"NY.GDP.MKTP.KD.ZG"',
                *([""] * len(YEARS)),
            ]
        )
        + ","
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


FRENCH_ALLIES = ("DEU", "FRA", "BEL", "TUR", "CZE")


def french_budget_csv(path: Path) -> Path:
    """A ministry CSV: ';' separated, decimal commas, space thousands, French names, cp1252."""
    registry = Dataset.bundled().registry
    lines = ["Dépenses de défense (millions de monnaie nationale);;", "", "Pays;2025;2026"]
    for iso3 in FRENCH_ALLIES:
        cells = [
            _french_number(nato(iso3, y, "defence_exp_national_million")) for y in (2025, 2026)
        ]
        lines.append(";".join([registry.get(iso3).name_fr, *cells]))
    lines.append("Total;;")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def _french_number(value: float) -> str:
    text = f"{value:,.1f}"  # 124,660.0
    return text.replace(",", " ").replace(".", ",")


IMF_ALLIES = ("POL", "DEU", "USA", "GBR", "NOR")


def imf_long_csv(path: Path) -> Path:
    """IMF WEO-style long extract: one row per country and year (2026-2031 forecasts)."""
    registry = Dataset.bundled().registry
    lines = ["WEO Country Code,ISO,Country,Subject Descriptor,Units,Scale,Year,Value"]
    for code, iso3 in enumerate(IMF_ALLIES, start=900):
        for year in range(2026, 2032):
            value = imf(iso3, year)
            lines.append(
                f'{code},{iso3},"{registry.get(iso3).name_en}",'
                '"Gross domestic product, constant prices",'
                f'"Percent change",,{year},{value}'
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sipri_sized_workbook(path: Path, n_years: int = 75) -> Path:
    """32 allies × ``n_years`` (1952..) in SIPRI's share-of-GDP layout, for the benchmark."""
    dataset = Dataset.bundled()
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Share of GDP")
    first = 2040 - n_years + 1
    years = list(range(first, 2041))
    ws.append(["Military expenditure by country as percentage of gross domestic product"])
    ws.append([])
    ws.append(["Country", "Notes", *years])
    ws.append(["Europe"])
    shares = dataset.history.pivot(index="iso3", columns="year", values="defence_share_gdp_pct")
    for ally in dataset.registry:
        # Published shares where NATO has them; the 2026 share repeated for the other years.
        row = [shares.loc[ally.iso3].get(y, shares.loc[ally.iso3][2026]) for y in years]
        ws.append([ally.name_en, "", *["..." if v != v else round(v / 100, 6) for v in row]])
    wb.save(path)
    return path


def long_growth_csv(path: Path, n_rows: int = 200_000) -> Path:
    """A long CSV of ``n_rows``: mostly history and non-allies, then every ally's IMF WEO
    April 2026 growth for 2027-2031 (the benchmark's and the corpus's big file)."""
    dataset = Dataset.bundled()
    april = dataset.forecasts[dataset.forecasts.vintage == "IMF WEO April 2026"]
    future = april[april.year >= 2027]
    lines = ["Country,Year,Real GDP growth (%)"]
    names = ["Austria", "World", "Poland"]
    lines += [f"{names[i % 3]},{1900 + i % 120},{i % 7}.5" for i in range(n_rows - len(future))]
    lines += [f"{r.iso3},{r.year},{r.real_gdp_growth_pct}" for r in future.itertuples()]
    path.write_text("\n".join(lines) + "\n")
    return path
