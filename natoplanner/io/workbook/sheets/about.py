"""The ``About`` sheet: what the file is, how to edit it, its vintages, its schema version."""

from __future__ import annotations

import datetime
from importlib import metadata
from pathlib import Path

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from natoplanner.core.scenario import Scenario
from natoplanner.io.errors import FileProblemError
from natoplanner.io.workbook.cell_text import parse_number, parse_text
from natoplanner.io.workbook.layout import ABOUT_SCHEMA_LABEL, SCHEMA_VERSION, SHEET_ABOUT
from natoplanner.io.workbook.sheets.cell_reading import SheetCells
from natoplanner.io.workbook.sheets.cell_writing import BOLD, TITLE, WRAP, put_text, text_height


def app_version() -> str:
    """The installed natoplanner version ("unknown" when run from a bare checkout)."""
    try:
        return metadata.version("natoplanner")
    except metadata.PackageNotFoundError:
        return "unknown"


def saved_stamp(now: datetime.datetime | None = None) -> str:
    """When the file is saved, as the 'as saved on' labels show it: "2026-12-01 08:40 UTC"."""
    now = now or datetime.datetime.now(tz=datetime.UTC)
    return now.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")


def vintage_about_rows(scenario: Scenario) -> list[tuple[str, str]]:
    """The About sheet's rows naming the NATO edition and the GDP vintage, with provenance."""
    edition, gdp = scenario.vintages_used()
    estimates = ", ".join(
        str(y) for y in edition.figures.years[edition.figures.estimate.any(axis=0)]
    )
    rows = [
        (
            "Defence data",
            f"{edition.name} (NATO Public Diplomacy Division, 'Defence Expenditure of NATO "
            f"Countries'); base year {scenario.base_year}. "
            + (f"{estimates.replace(', ', ' and ')} are NATO estimates." if estimates else ""),
        ),
        (
            "GDP forecast",
            f"{gdp.name}: real GDP growth and {gdp.price_basis}; years after the last forecast "
            "year hold that year's value.",
        ),
    ]
    imported = [v for v in (edition, gdp) if not v.bundled]
    if imported:
        rows.append(
            (
                "Imported vintages",
                "; ".join(f"{v.name}: {v.provenance.describe()}" for v in imported)
                + ". Their figures are on the 'Vintages' sheet.",
            )
        )
    return rows


def write_about(ws: Worksheet, scenario: Scenario) -> None:
    """Fill the ``About`` sheet: what the file is, how to edit it, units, vintages, schema."""
    ws["A1"] = "natoplanner scenario workbook"
    ws["A1"].font = TITLE
    rows = [
        (f"Scenario (as saved on {saved_stamp()})", scenario.name),
        (
            "What this file is",
            "One defence-spending scenario: every input on the 'Assumptions' sheet, "
            "live projections on 'Results' (formulas), a per-ally summary at the horizon, alliance "
            "totals and the NATO history the projection starts from.",
        ),
        (
            "How to edit it",
            "Change only the white (input) cells of 'Assumptions': policies, targets and the "
            "override blocks (an empty override cell means 'use the default or the policy'). "
            "Excel and "
            "LibreOffice recompute 'Results' and the live 'Summary' columns at once; natoplanner "
            "reads "
            "'Assumptions' back as the truth and recomputes everything else. Hand edits on "
            "'Results' are "
            "ignored (natoplanner warns which cells). 'Assumptions' is protected without a "
            "password so that only its input cells (and the columns right of the tables, for "
            "notes) can be typed in; do not insert or move rows or columns. A number typed as "
            "text or with a % sign is read by natoplanner with a warning naming the cell. A "
            "natoplanner Save writes the workbook anew: it says on opening what of your own "
            "(sheets, notes, comments) it would not keep, and offers Save As.",
        ),
        (
            "Units",
            "GDP in billion national currency; budgets and gaps in million national currency "
            "(see the Currency column); shares, targets and gaps in % of GDP or percentage "
            "points; growth, "
            "deflator and rates in % a year. Shares are anchored on NATO's published base-year "
            "share: "
            "share[t] = share[b] × (B[t]/B[b]) / (GDP[t]/GDP[b]).",
        ),
        *vintage_about_rows(scenario),
        (
            "Related spending",
            "NATO publishes no national figure for the 1.5% defence- and security-related "
            "track: it is always a user assumption ('not set' = 0%).",
        ),
        ("App version", f"natoplanner {app_version()}"),
        (ABOUT_SCHEMA_LABEL, SCHEMA_VERSION),
    ]
    for offset, (label, value) in enumerate(rows):
        row = 3 + offset
        ws.cell(row=row, column=1, value=label).font = BOLD
        cell = (
            put_text(ws, row, 2, value)
            if isinstance(value, str)
            else ws.cell(row=row, column=2, value=value)
        )
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
        ws.cell(row=row, column=1).alignment = WRAP
        ws.row_dimensions[row].height = text_height(str(value), 120)
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 110


OLDEST_SCHEMA = 1


def read_schema_version(path: Path, about: SheetCells) -> int:
    """The workbook schema version on ``About``; refuses an unknown or newer one."""
    for row in range(1, len(about.rows) + 1):
        if parse_text(about.value(row, 1)).strip().casefold() == ABOUT_SCHEMA_LABEL.casefold():
            raw = about.value(row, 2)
            try:
                version = parse_number(raw)
            except ValueError:
                version = None
            if version is None or not float(version).is_integer() or version < OLDEST_SCHEMA:
                raise FileProblemError.at(
                    path,
                    "unknown workbook schema version; the file was not read",
                    sheet=SHEET_ABOUT,
                    cell=f"B{row}",
                    expected=f"a version from {OLDEST_SCHEMA} to {SCHEMA_VERSION}",
                    found=raw,
                )
            if version > SCHEMA_VERSION:
                raise FileProblemError.at(
                    path,
                    f"written by a newer natoplanner (workbook schema {int(version)}); this "
                    "version reads "
                    f"schemas {OLDEST_SCHEMA}-{SCHEMA_VERSION}. Update natoplanner to open it; "
                    "the file was not "
                    "changed",
                    sheet=SHEET_ABOUT,
                    cell=f"B{row}",
                    expected=f"≤ {SCHEMA_VERSION}",
                    found=raw,
                )
            return int(version)
    raise FileProblemError.at(
        path,
        "this is not a natoplanner scenario workbook (no schema version)",
        sheet=SHEET_ABOUT,
        expected=f"a row labelled '{ABOUT_SCHEMA_LABEL}'",
        found=None,
    )
