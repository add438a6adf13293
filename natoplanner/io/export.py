"""Export a projection's results: one row per ally and year, units in the headers.

The xlsx has a "Results" sheet (frozen header, number formats) and an
"About" sheet (scenario, data edition, GDP vintage, units); the CSV is
UTF-8 with a byte-order mark (so Excel shows accented names), comma
separated, decimal point, the same columns. Files are written atomically.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from natoplanner.core.indicators.basis import deflator_label
from natoplanner.core.projection import Projection
from natoplanner.io.errors import FileProblemError

#: Columns of :meth:`Projection.ally_years` and their headers with units.
RESULT_HEADERS = {
    "gdp_bn": "GDP (billion national currency)",
    "core_budget_mn": "Core defence budget (million national currency)",
    "core_budget_usd_mn": "Core defence budget (million USD, base-year prices and exchange rates)",
    "core_share_pct": "Core defence (% of GDP)",
    "related_share_pct": "Defence- and security-related (% of GDP)",
    "total_share_pct": "Total (% of GDP)",
    "core_gap_pp": "Gap to core target (percentage points)",
    "core_gap_mn": "Gap to core target (million national currency)",
    "core_gap_usd_mn": "Gap to core target (million USD, base-year prices and exchange rates)",
    "total_gap_pp": "Gap to total target (percentage points)",
    "total_gap_mn": "Gap to total target (million national currency)",
    "total_gap_usd_mn": "Gap to total target (million USD, base-year prices and exchange rates)",
}
_FORMATS = {"_bn": "#,##0.0", "_mn": "#,##0", "_pct": "0.00", "_pp": "0.00"}


def results_frame(projection: Projection, language: str = "en") -> pd.DataFrame:
    """The results table as exported: ally, currency, year, kind of figure, then the measures."""
    projection.update()
    tidy = projection.ally_years()
    scenario = projection.scenario
    allies = {a.iso3: a for a in scenario.allies}
    frame = pd.DataFrame(
        {
            "ISO3": tidy["iso3"],
            "Ally": [allies[i].name(language) for i in tidy["iso3"]],
            "National currency": [allies[i].currency for i in tidy["iso3"]],
            "Year": tidy["year"],
            "Figure": np.where(
                tidy["year"] == scenario.base_year,
                f"NATO {'estimate' if scenario.base.is_estimate.any() else 'data'}",
                "projection",
            ),
        }
    )
    for column, header in RESULT_HEADERS.items():
        frame[header] = tidy[column]
    return frame


def export_results(projection: Projection, path: str | Path, language: str = "en") -> Path:
    """Write the results to ``path`` (.xlsx or .csv, by suffix); returns the path.

    Raises
    ------
    FileProblemError
        For another suffix. OSError when the folder cannot be written (the
        previous file, if any, is then untouched).
    """
    from natoplanner.io.atomic import atomic_write

    path = Path(path)
    frame = results_frame(projection, language)
    suffix = path.suffix.lower()
    writers: dict[str, Callable[[BinaryIO], None]] = {
        ".csv": lambda handle: handle.write(_csv_bytes(frame)),
        ".xlsx": lambda handle: _write_xlsx(handle, frame, projection),
    }
    if suffix not in writers:
        raise FileProblemError.at(
            path,
            "results can be exported as .xlsx or .csv",
            expected=".xlsx or .csv",
            found=path.suffix or "no suffix",
        )
    atomic_write(path, writers[suffix])
    return path


#: Decimals each kind of figure is shown with (the xlsx number formats above).
_DECIMALS = {"_bn": 1, "_mn": 0, "_pct": 2, "_pp": 2}


def rounded_as_shown(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with each measure rounded to the decimals it is shown with.

    No float noise reaches a CSV: a gap of 4.4e-16 pp is written 0, and -0.0
    is written 0. Amounts: 1 decimal (billion), whole millions; shares and
    gaps in points: 2 decimals.
    """
    rounded = frame.copy()
    for column, header in RESULT_HEADERS.items():
        decimals = next(d for ending, d in _DECIMALS.items() if column.endswith(ending))
        rounded[header] = rounded[header].round(decimals) + 0.0  # + 0.0 turns -0.0 into 0.0
    return rounded


def _csv_bytes(frame: pd.DataFrame) -> bytes:
    frame = rounded_as_shown(frame)
    buffer = io.StringIO()
    frame.to_csv(
        buffer, index=False, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL, float_format="%.10g"
    )
    return buffer.getvalue().encode("utf-8-sig")


def _write_xlsx(handle: BinaryIO, frame: pd.DataFrame, projection: Projection) -> None:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Results")
    sheet.freeze_panes = "E2"
    for index in range(len(frame.columns)):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(index + 1)].width = (
            14 if index > 4 else 12
        )
    bold = Font(bold=True)
    header_cells = []
    for header in frame.columns:
        cell = WriteOnlyCell(sheet, value=str(header))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    formats = [None] * (len(frame.columns) - len(RESULT_HEADERS)) + [
        _number_format(c) for c in RESULT_HEADERS
    ]
    for row in frame.itertuples(index=False):
        cells = []
        for value, number_format in zip(row, formats, strict=True):
            if isinstance(value, float) and np.isnan(value):
                value = None
            cell = WriteOnlyCell(
                sheet, value=value.item() if isinstance(value, np.generic) else value
            )
            if number_format:
                cell.number_format = number_format
            cells.append(cell)
        sheet.append(cells)
    about = workbook.create_sheet("About")
    scenario = projection.scenario
    for line in (
        ("Scenario", scenario.name),
        ("Defence data", scenario.dataset.edition),
        ("GDP forecast", scenario.gdp_vintage),
        ("Deflator", deflator_label(scenario)),
        ("Base year", scenario.base_year),
        ("Horizon", scenario.horizon),
        (
            "Units",
            "GDP in billion and budgets in million national currency (see 'National currency'); "
            "USD at base-year prices (the scenario's deflator) and NATO's base-year exchange "
            "rates; shares in % of GDP; gaps in percentage points "
            "or money (positive = short of the target)",
        ),
        ("Exported", datetime.now().isoformat(timespec="seconds")),
    ):
        about.append([_text_cell(about, value) for value in line])
    workbook.save(handle)


def _text_cell(sheet, value: object) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # a scenario name such as "=A1" stays text, never a formula
    return cell


def _number_format(column: str) -> str:
    return next(f for ending, f in _FORMATS.items() if column.endswith(ending))
