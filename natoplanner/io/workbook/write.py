"""Build the scenario workbook (openpyxl): About, Assumptions, Results, Summary, Alliance, History.

Only ``Assumptions`` is read back. ``Results`` and the live columns of
``Summary`` are formulas over it, so a colleague's edit in Excel or
LibreOffice recomputes the paths; ``Alliance`` and the marked ``Summary``
columns are values computed by natoplanner at save time.
"""

from __future__ import annotations

import datetime
import math
from copy import copy
from dataclasses import dataclass
from importlib import metadata
from typing import BinaryIO

import numpy as np
from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from natoplanner.core.indicators.aggregates import money_label
from natoplanner.core.indicators.basis import ShareBasis, deflator_label, share_bases
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import RELATED_CAP_PCT, Scenario
from natoplanner.io.workbook.cached import result_values
from natoplanner.io.workbook.cell_text import escape_text, looks_like_formula
from natoplanner.io.workbook.fastsheet import FastCells, save_workbook
from natoplanner.io.workbook.fiscal_rules import rule_cells
from natoplanner.io.workbook.sheets.fiscal_room import write_fiscal_room
from natoplanner.io.workbook.formulas import POLICY_DEFAULTS, formula_grid, number_or
from natoplanner.io.workbook.layout import (
    ABOUT_SCHEMA_LABEL,
    ASSUMPTION_BLOCKS,
    CORE_POLICY_LABELS,
    FIRST_YEAR_COLUMN,
    POLICY_COLUMN_INDEX,
    POLICY_COLUMNS,
    POLICY_HEADER_ROW,
    RELATED_POLICY_LABELS,
    RESULT_BLOCKS,
    SCHEMA_VERSION,
    SETTING_ROW,
    SETTING_VALUE_COLUMN,
    SETTING_VALUE_LAST_COLUMN,
    SETTINGS,
    SHEET_ABOUT,
    SHEET_ALLIANCE,
    SHEET_ASSUMPTIONS,
    SHEET_HISTORY,
    SHEET_RESULTS,
    SHEET_SUMMARY,
    Layout,
    cell_name,
    policy_label,
)
from natoplanner.io.workbook.sheets.vintages import write_vintage_sheet

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
BLOCK_TITLE = Font(bold=True, size=11, color="1F3864")
NOTE = Font(italic=True, color="595959")
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
REFERENCE_FILL = PatternFill("solid", fgColor="EDEDED")
INPUT_FILL = PatternFill("solid", fgColor="FFF9E5")
MET_FILL = PatternFill("solid", fgColor="C6EFCE")
SHORT_FILL = PatternFill("solid", fgColor="FFC7CE")
SAVED_FILL = PatternFill("solid", fgColor="FCE4D6")  # columns that do not follow edits
SAVED_NOTE = Font(italic=True, bold=True, color="C65911")
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER_WRAP = Alignment(wrap_text=True, horizontal="center", vertical="center")


def app_version() -> str:
    """The installed natoplanner version ("unknown" when run from a bare checkout)."""
    try:
        return metadata.version("natoplanner")
    except metadata.PackageNotFoundError:
        return "unknown"


def put_text(ws: Worksheet, row: int, column: int, text: str):
    """Write user or data text as text, never as a formula (formula injection)."""
    cell = ws.cell(row=row, column=column)
    cell.value = escape_text(text)
    cell.data_type = "s"
    if looks_like_formula(text):
        cell.quotePrefix = True  # Excel's "typed with a leading apostrophe" marker
    return cell


class CellStyles:
    """Applies (number format, fill, font) combinations fast.

    openpyxl hashes every style object on assignment; a workbook of 20,000
    styled cells spends most of its build time there. The first cell of each
    combination is styled normally and later cells copy its style indices.
    """

    def __init__(self) -> None:
        self._cache: dict[tuple, object] = {}

    def apply(self, cell, number_format: str | None = None, fill=None, font=None, protection=None):
        key = (number_format, id(fill), id(font), id(protection))
        style = self._cache.get(key)
        if style is not None:
            cell._style = copy(style)
            return cell
        if number_format:
            cell.number_format = number_format
        if fill is not None:
            cell.fill = fill
        if font is not None:
            cell.font = font
        if protection is not None:
            cell.protection = protection
        self._cache[key] = copy(cell._style)
        return cell


def put_value(ws: Worksheet, row: int, column: int, value: object):
    """Write a number or None so that it reads back bit for bit.

    openpyxl serialises floats with ``%.16g``, which rounds doubles that need
    17 significant digits (0.1 + 0.2); Excel and LibreOffice write 17. The
    shortest exact form (``repr``) is stored instead, still as a number.
    """
    cell = ws.cell(row, column, value)
    if isinstance(value, float) and f"{value:.16g}" != repr(value):
        cell._value = repr(value)  # data_type stays "n": written as <v>repr</v>
    return cell


def _text_height(text: str, characters_per_line: int) -> float:
    """Row height (points) that shows ``text`` wrapped in a cell that fits that many characters."""
    lines = sum(max(1, -(-len(part) // characters_per_line)) for part in text.split("\n"))
    return 15.0 * max(lines, 1)


def _number(value: float | None) -> float | None:
    return (
        None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)
    )


@dataclass
class ScenarioWorkbook:
    """A built workbook: openpyxl's part plus the large sheets rendered directly."""

    workbook: Workbook
    fast_sheets: list[FastCells]

    def save(self, handle: BinaryIO) -> None:
        """Write the .xlsx content to an open binary file."""
        save_workbook(self.workbook, handle, self.fast_sheets)


def build_workbook(scenario: Scenario, projection: Projection | None = None) -> ScenarioWorkbook:
    """The whole scenario workbook, ready to save."""
    projection = projection if projection is not None else Projection(scenario)
    projection.update()
    layout = Layout(len(scenario.allies), scenario.base_year)
    workbook = Workbook()
    about = workbook.active
    about.title = SHEET_ABOUT
    _write_about(about, scenario)
    write_assumptions(workbook.create_sheet(SHEET_ASSUMPTIONS), scenario, layout)
    values = result_values(scenario, projection)
    saved_on = saved_stamp()
    results = FastCells(workbook, workbook.create_sheet(SHEET_RESULTS))
    _write_results(results, scenario, layout, values)
    summary = FastCells(workbook, workbook.create_sheet(SHEET_SUMMARY))
    _write_summary(summary, scenario, projection, layout, values, saved_on)
    _write_alliance(workbook.create_sheet(SHEET_ALLIANCE), projection, saved_on)
    history = FastCells(workbook, workbook.create_sheet(SHEET_HISTORY))
    _write_history(history, scenario)
    fiscal = write_fiscal_room(workbook, scenario, projection, layout)  # rules + its own sheet
    vintages = write_vintage_sheet(workbook, scenario)  # imported vintages travel with the file
    _define_names(workbook, layout)
    workbook.active = 1
    return ScenarioWorkbook(workbook, [results, summary, history, fiscal, *vintages])


def saved_stamp(now: datetime.datetime | None = None) -> str:
    """When the file is saved, as the 'as saved on' labels show it: "2026-12-01 08:40 UTC"."""
    now = now or datetime.datetime.now(tz=datetime.UTC)
    return now.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")


# -- About ---------------------------------------------------------------------
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


def _write_about(ws: Worksheet, scenario: Scenario) -> None:
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
        ws.row_dimensions[row].height = _text_height(str(value), 120)
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 110


# -- Assumptions -------------------------------------------------------------------
ASSUMPTIONS_TITLE = (
    "Assumptions — the only sheet natoplanner reads back. Edit the pale-yellow cells; grey "
    "cells are reference data (protected, no password). The GDP forecast vintage is chosen in "
    "natoplanner, which refills the grey IMF blocks below."
)


def assumption_cells(scenario: Scenario, layout: Layout) -> dict[tuple[int, int], object]:
    """Every value of the ``Assumptions`` sheet by (row, column), before text escaping."""
    cells: dict[tuple[int, int], object] = {(1, 1): ASSUMPTIONS_TITLE}
    settings = {
        "name": scenario.name,
        "notes": scenario.notes,
        "horizon": scenario.horizon,
        "gdp_vintage": scenario.gdp_vintage,
        "base_year": scenario.base_year,
        "backload_fraction": scenario.backload_fraction,
    }
    for key, label in SETTINGS:
        cells[SETTING_ROW[key], 1] = label
        cells[SETTING_ROW[key], SETTING_VALUE_COLUMN] = settings[key]
    for index, column in enumerate(POLICY_COLUMNS, start=1):
        cells[POLICY_HEADER_ROW, index] = column.header
    for i, values in enumerate(_policy_values(scenario)):
        for index, column in enumerate(POLICY_COLUMNS, start=1):
            if values[column.key] is not None:
                cells[layout.policy_row(i), index] = values[column.key]
    years = list(layout.projection_years)
    for index, block in enumerate(ASSUMPTION_BLOCKS):
        title_row = layout.assumption_block_title_row(index)
        cells.update(_block_labels(title_row, block.title, scenario, years))
        values = _block_values(scenario, block.key, block.measure)
        rows, columns = np.nonzero(~np.isnan(values))
        for i, j in zip(rows.tolist(), columns.tolist(), strict=True):
            cells[title_row + 2 + i, layout.assumption_column(years[j])] = float(values[i, j])
    cells.update(rule_cells(scenario, layout))  # the escape-clause rules at the foot
    return cells


def assumption_rows(scenario: Scenario, layout: Layout) -> list[tuple]:
    """The ``Assumptions`` sheet as stored (text escaped), row 1 first: an in-memory copy."""
    cells = assumption_cells(scenario, layout)
    n_rows = max(r for r, _ in cells)
    n_columns = max(c for _, c in cells)
    grid = [[None] * n_columns for _ in range(n_rows)]
    for (row, column), value in cells.items():
        grid[row - 1][column - 1] = escape_text(value) if isinstance(value, str) else value
    return [tuple(row) for row in grid]


def _policy_values(scenario: Scenario) -> list[dict[str, object]]:
    base = scenario.base
    rows = []
    for i, ally in enumerate(scenario.allies):
        policy, track = scenario.core_policies[i], scenario.related_tracks[i]
        targets = scenario.all_targets[i]
        rows.append(
            {
                "iso3": ally.iso3,
                "ally": ally.name_en,
                "currency": ally.currency,
                "core_policy": policy_label(policy.kind),
                "rate_pct": policy.rate_pct,
                "share_pct": policy.share_pct,
                "target_pct": policy.target_pct,
                "target_year": policy.target_year,
                "core_target_pct": targets.core_pct,
                "total_target_pct": targets.total_pct,
                "related_policy": policy_label(track.kind),
                "related_share_pct": track.share_pct,
                "related_target_pct": track.target_pct,
                "related_target_year": track.target_year,
                "base_gdp_bn": _number(base.gdp_bn[i]),
                "base_budget_mn": _number(base.core_budget_mn[i]),
                "base_share_pct": _number(base.core_share_pct[i]),
                "fx_per_usd": _number(base.fx_per_usd[i]),
                "growth_until": policy.growth_until,
            }
        )
    return rows


def _block_values(scenario: Scenario, key: str, measure) -> np.ndarray:
    if measure is not None:
        return scenario.year_inputs(measure)
    return (
        scenario.default_growth_pct()
        if key == "growth_default"
        else scenario.default_deflator_pct()
    )


def _block_labels(
    title_row: int, title: str, scenario: Scenario, years: list[int]
) -> dict[tuple[int, int], object]:
    header = title_row + 1
    labels: dict[tuple[int, int], object] = {(title_row, 1): title, (header, 1): "ISO3"}
    labels[header, 2] = "Ally (currency)"
    for offset, year in enumerate(years):
        labels[header, FIRST_YEAR_COLUMN + offset] = year
    for i, ally in enumerate(scenario.allies):
        labels[header + 1 + i, 1] = ally.iso3
        labels[header + 1 + i, 2] = f"{ally.name_en} ({ally.currency})"
    return labels


def write_assumptions(ws: Worksheet, scenario: Scenario, layout: Layout) -> None:
    """Fill ``ws`` with every input of ``scenario`` (the sheet read back on load)."""
    for (row, column), value in assumption_cells(scenario, layout).items():
        if isinstance(value, str):
            put_text(ws, row, column, value)
        else:
            put_value(ws, row, column, value)
    styles = CellStyles()
    ws["A1"].font = BLOCK_TITLE
    for key, _ in SETTINGS:
        row = SETTING_ROW[key]
        ws.cell(row, 1).font = BOLD
        ws.merge_cells(
            start_row=row, start_column=1, end_row=row, end_column=SETTING_VALUE_COLUMN - 1
        )
        ws.merge_cells(
            start_row=row,
            start_column=SETTING_VALUE_COLUMN,
            end_row=row,
            end_column=SETTING_VALUE_LAST_COLUMN,
        )
        cell = ws.cell(row, SETTING_VALUE_COLUMN)
        editable = key not in REFERENCE_SETTINGS
        cell.fill = INPUT_FILL if editable else REFERENCE_FILL
        cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=key == "notes")
        if editable:
            cell.protection = UNLOCKED
    ws.row_dimensions[SETTING_ROW["notes"]].height = _text_height(scenario.notes, 95)
    _style_policy_table(ws, scenario, layout, styles)
    _style_input_blocks(ws, scenario, layout, styles)
    protect_reference_cells(ws, layout)
    ws.freeze_panes = ws.cell(row=POLICY_HEADER_ROW + 1, column=3)
    for index, column in enumerate(POLICY_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.column_dimensions["B"].width = 30


#: Settings that are reference data in the workbook: the base year is NATO's, and the GDP
#: vintage chooses the grey IMF blocks, which only natoplanner can refill.
REFERENCE_SETTINGS = frozenset({"base_year", "gdp_vintage"})
UNLOCKED = Protection(locked=False)


def first_free_column(layout: Layout) -> int:
    """The first column right of every Assumptions table (one blank column between)."""
    return max(len(POLICY_COLUMNS), layout.assumption_column(layout.projection_years[-1])) + 2


def protect_reference_cells(ws: Worksheet, layout: Layout) -> None:
    """Protect the sheet without a password: input cells (unlocked) stay editable, grey ones not.

    A colleague can still format cells, rows and columns and write notes in
    the columns right of the tables; inserting or deleting rows and columns
    (which would move every block) is what the protection stops. Tools >
    Protect Sheet (LibreOffice) or Review > Unprotect Sheet (Excel) lifts it
    without a password; the reader then warns about any edited grey cell.
    """
    first = first_free_column(layout)
    free = ws.column_dimensions[get_column_letter(first)]
    free.min, free.max = first, 16384
    free.protection = UNLOCKED
    protection = ws.protection
    protection.sheet = True
    protection.formatCells = protection.formatColumns = protection.formatRows = False
    protection.selectLockedCells = protection.selectUnlockedCells = False


def _style_policy_table(
    ws: Worksheet, scenario: Scenario, layout: Layout, styles: CellStyles
) -> None:
    for index in range(1, len(POLICY_COLUMNS) + 1):
        styles.apply(ws.cell(POLICY_HEADER_ROW, index), fill=HEADER_FILL, font=BOLD)
        ws.cell(POLICY_HEADER_ROW, index).alignment = CENTER_WRAP
    ws.row_dimensions[POLICY_HEADER_ROW].height = 60
    for i in range(len(scenario.allies)):
        for index, column in enumerate(POLICY_COLUMNS, start=1):
            fill = INPUT_FILL if column.editable else REFERENCE_FILL
            protection = UNLOCKED if column.editable else None
            cell = ws.cell(layout.policy_row(i), index)
            styles.apply(cell, column.number_format, fill, protection=protection)
    first, last = layout.policy_row(0), layout.policy_row(len(scenario.allies) - 1)
    for key, labels in (
        ("core_policy", CORE_POLICY_LABELS),
        ("related_policy", RELATED_POLICY_LABELS),
    ):
        validation = DataValidation(
            type="list", formula1='"' + ",".join(labels) + '"', allow_blank=False
        )
        validation.error = "Choose one of: " + ", ".join(labels)
        ws.add_data_validation(validation)
        letter = get_column_letter(POLICY_COLUMN_INDEX[key])
        validation.add(f"{letter}{first}:{letter}{last}")


def _style_input_blocks(
    ws: Worksheet, scenario: Scenario, layout: Layout, styles: CellStyles
) -> None:
    years = list(layout.projection_years)
    n_allies = len(scenario.allies)
    for index, block in enumerate(ASSUMPTION_BLOCKS):
        title_row = layout.assumption_block_title_row(index)
        _style_block_frame(ws, title_row, len(years), styles)
        # The input/reference colour comes from one always-true rule per block,
        # not from styling every (mostly empty) cell: a third of the save time.
        top = title_row + 2
        area = (
            f"{cell_name(layout.assumption_column(years[0]), top)}:"
            f"{cell_name(layout.assumption_column(years[-1]), top + n_allies - 1)}"
        )
        fill = INPUT_FILL if block.measure else REFERENCE_FILL
        ws.conditional_formatting.add(area, FormulaRule(formula=["TRUE"], fill=fill))
        if block.measure is not None:  # every input cell, empty or not, stays editable
            for i in range(n_allies):
                for year in years:
                    cell = ws.cell(top + i, layout.assumption_column(year))
                    styles.apply(cell, block.number_format, protection=UNLOCKED)
            continue
        rows, columns = np.nonzero(~np.isnan(_block_values(scenario, block.key, block.measure)))
        for i, j in zip(rows.tolist(), columns.tolist(), strict=True):
            styles.apply(ws.cell(top + i, layout.assumption_column(years[j])), block.number_format)


def _style_block_frame(ws: Worksheet, title_row: int, n_years: int, styles: CellStyles) -> None:
    styles.apply(ws.cell(title_row, 1), font=BLOCK_TITLE)
    for column in range(1, FIRST_YEAR_COLUMN + n_years):
        styles.apply(ws.cell(title_row + 1, column), fill=HEADER_FILL, font=BOLD)


# -- Results -----------------------------------------------------------------
def _write_results(
    fast: FastCells, scenario: Scenario, layout: Layout, values: dict[str, np.ndarray]
) -> None:
    fast.text(
        1,
        1,
        "Results — live formulas over 'Assumptions' (recomputed by Excel and LibreOffice). "
        "Do not edit: natoplanner ignores this sheet when it reads the file.",
        fast.style(font=BLOCK_TITLE),
    )
    grid = formula_grid(layout)
    years = list(layout.result_years)
    has_data = ~np.isnan(scenario.base.core_share_pct)
    title_style, header_style = (
        fast.style(font=BLOCK_TITLE),
        fast.style(font=BOLD, fill=HEADER_FILL),
    )
    note_style = fast.style(font=NOTE)
    for index, block in enumerate(RESULT_BLOCKS):
        title_row = layout.result_block_title_row(index)
        for (row, column), value in _block_labels(title_row, block.title, scenario, years).items():
            style = title_style if row == title_row else header_style if row == title_row + 1 else 0
            if isinstance(value, str):
                fast.text(row, column, escape_text(value), style)
            else:
                fast.number(row, column, value, style)
        style = fast.style(block.number_format)
        block_values = values[block.key].tolist()
        block_formulas = grid[block.key]
        for i in range(len(scenario.allies)):
            row = title_row + 2 + i
            if not has_data[i]:
                fast.text(row, FIRST_YEAR_COLUMN, "no armed forces: no NATO figures", note_style)
                continue
            for j, year in enumerate(years):
                formula = block_formulas[i][j]
                if formula is not None:
                    column = layout.result_column(year)
                    fast.formula(row, column, formula, style, block_values[i][j])
    ws = fast.worksheet
    _colour_against_targets(ws, layout, len(scenario.allies))
    ws.freeze_panes = "C3"
    ws.column_dimensions["A"].width = 7
    ws.column_dimensions["B"].width = 26
    for year in years:
        ws.column_dimensions[get_column_letter(layout.result_column(year))].width = 11


def _colour_against_targets(ws: Worksheet, layout: Layout, n_allies: int) -> None:
    last_column = get_column_letter(layout.result_column(layout.result_years[-1]))
    for share, gap in (("core_share", "core_gap_pp"), ("total_share", "total_gap_pp")):
        first, last = layout.result_row(share, 0), layout.result_row(share, n_allies - 1)
        gap_cell = f"C{layout.result_row(gap, 0)}"
        area = f"C{first}:{last_column}{last}"
        ws.conditional_formatting.add(
            area,
            FormulaRule(formula=[f"AND(ISNUMBER({gap_cell}),{gap_cell}<=1E-9)"], fill=MET_FILL),
        )
        ws.conditional_formatting.add(
            area,
            FormulaRule(formula=[f"AND(ISNUMBER({gap_cell}),{gap_cell}>1E-9)"], fill=SHORT_FILL),
        )


# -- Summary -------------------------------------------------------------------
SUMMARY_HEADER_ROW = 4


def _summary_columns(saved_on: str, scenario: Scenario) -> list[tuple[str, str | None, float]]:
    """(header, number format, width) of the Summary columns; C-K live, the rest as saved."""
    saved = f"as saved on {saved_on}"
    return [
        ("ISO3", None, 7),
        ("Ally", None, 18),
        ("Core share, base year (% of GDP)", "0.00", 12),
        ("Core share at horizon (% of GDP)", "0.00", 12),
        ("Related at horizon (% of GDP)", "0.00", 12),
        ("Total at horizon (% of GDP)", "0.00", 12),
        ("Core target (% of GDP)", "0.00", 10),
        ("Total target (% of GDP)", "0.00", 10),
        ("Core gap at horizon (pp)", "0.00", 10),
        ("Core gap at horizon (million national currency)", "#,##0", 14),
        ("Core gap at horizon (million USD, base-year rates)", "#,##0", 14),
        (f"First year at core target ({saved})", "0", 13),
        (f"First year at total target ({saved})", "0", 13),
        (f"Required nominal budget growth (% a year, {saved})", "0.00", 14),
        (f"Required real budget growth (% a year, {saved})", "0.00", 14),
        (f"Core policy ({saved})", None, 22),
        (f"Related track ({saved})", None, 22),
        (f"Core target reached by the horizon ({saved})", None, 12),
        (f"Incremental: share never falls before reaching it ({saved})", None, 13),
        (f"Part of the needed increase done by 2029 (%, {saved})", "0", 13),
        (f"Linear path's part by 2029 (%, {saved})", "0", 12),
        (
            f"Back-loaded: below {scenario.backload_fraction:.0%} of the linear part "
            f"(this tool's heuristic; {saved})",
            None,
            14,
        ),
        (f"Path facts and warnings ({saved})", None, 50),
    ]


def _write_summary(
    fast: FastCells,
    scenario: Scenario,
    projection: Projection,
    layout: Layout,
    values: dict[str, np.ndarray],
    saved_on: str,
) -> None:
    ws = fast.worksheet
    name_cell = (
        f"{SHEET_ASSUMPTIONS}!{_absolute(cell_name(SETTING_VALUE_COLUMN, SETTING_ROW['name']))}"
    )
    title = "Summary at the horizon — "
    fast.formula(
        1, 1, f'="{title}"&{name_cell}', fast.style(font=TITLE), escape_text(title + scenario.name)
    )
    fast.text(
        2,
        1,
        "Columns C–K and the title are live formulas (they follow 'Assumptions', including the "
        f"horizon); the columns marked 'as saved on {saved_on}' were computed by natoplanner "
        "when the file was saved and do not follow later edits in Excel or LibreOffice. "
        f"Real growth uses the deflator: {deflator_label(scenario)}.",
        fast.style(font=SAVED_NOTE),
    )
    summary = projection.summary()
    bases = share_bases(scenario)
    horizon_column = scenario.horizon - scenario.base_year
    last_col = get_column_letter(layout.result_column(layout.result_years[-1]))

    def at_horizon(block: str, i: int) -> tuple[str, float]:
        row = layout.result_row(block, i)
        formula = f"=INDEX({SHEET_RESULTS}!$C${row}:${last_col}${row},1,Horizon-BaseYear+1)"
        return formula, values[block][i, horizon_column]

    def target(key: str, i: int) -> tuple[str, float]:
        reference = f"{SHEET_ASSUMPTIONS}!{layout.policy_cell(key, i)}"
        return "=" + number_or(reference, f"{POLICY_DEFAULTS[key]:g}"), None

    columns = _summary_columns(saved_on, scenario)
    header_style = fast.style(font=BOLD, fill=HEADER_FILL, alignment=CENTER_WRAP)
    saved_header_style = fast.style(font=BOLD, fill=SAVED_FILL, alignment=CENTER_WRAP)
    for index, (text, _, width) in enumerate(columns, start=1):
        style = saved_header_style if "as saved" in text else header_style
        fast.text(SUMMARY_HEADER_ROW, index, text, style)
        ws.column_dimensions[get_column_letter(index)].width = width
    fast.row_height(SUMMARY_HEADER_ROW, 90)
    styles = [fast.style(number_format) for _, number_format, _ in columns]
    text_style = fast.style()
    quoted_style = fast.style(quote_prefix=True)
    targets = {"core_target_pct": projection.core_targets_pct()}
    targets["total_target_pct"] = projection.total_targets_pct()
    for i, ally in enumerate(scenario.allies):
        row = SUMMARY_HEADER_ROW + 1 + i
        record = summary.iloc[i]
        has_data = bool(projection.has_target_path[i])
        fast.text(row, 1, ally.iso3)
        fast.text(row, 2, escape_text(ally.name_en))
        live = [
            (
                f"={SHEET_RESULTS}!$C${layout.result_row('core_share', i)}",
                values["core_share"][i, 0],
            ),
            at_horizon("core_share", i),
            at_horizon("related_share", i),
            at_horizon("total_share", i),
            (target("core_target_pct", i)[0], targets["core_target_pct"][i]),
            (target("total_target_pct", i)[0], targets["total_target_pct"][i]),
            at_horizon("core_gap_pp", i),
            at_horizon("core_gap_mn", i),
            at_horizon("core_gap_usd_mn", i),
        ]
        saved = [
            _year_or_none(record["first_year_core"]),
            _year_or_none(record["first_year_total"]),
            _number(record["required_nominal_growth_pct"]) if has_data else None,
            _number(record["required_real_growth_pct"]) if has_data else None,
            record["core_policy"],
            record["related_track"],
            *(
                value if value is not None else "—"
                for value in record["path_facts"].record().values()
            ),
            _path_note(record, bases[i]),
        ]
        if has_data:
            for offset, (formula, value) in enumerate(live, start=3):
                fast.formula(row, offset, formula, styles[offset - 1], value)
        for offset, value in enumerate(saved, start=3 + len(live)):
            if isinstance(value, str):
                style = quoted_style if looks_like_formula(value) else text_style
                fast.text(row, offset, escape_text(value), style)
            elif value is not None:
                fast.number(row, offset, value, styles[offset - 1])
    first, last = SUMMARY_HEADER_ROW + 1, SUMMARY_HEADER_ROW + len(scenario.allies)
    for column, target_column in (("D", "G"), ("F", "H")):
        area = f"{column}{first}:{column}{last}"
        rule = f"AND(ISNUMBER({column}{first}),{column}{first}>={target_column}{first}-1E-9)"
        ws.conditional_formatting.add(area, FormulaRule(formula=[rule], fill=MET_FILL))
        short = f"AND(ISNUMBER({column}{first}),{column}{first}<{target_column}{first}-1E-9)"
        ws.conditional_formatting.add(area, FormulaRule(formula=[short], fill=SHORT_FILL))
    ws.freeze_panes = cell_name(3, SUMMARY_HEADER_ROW + 1)


def _path_note(record, basis: ShareBasis) -> str:
    """The path facts in words, the warning on related spending above 1.5%, and what
    the share is measured against (Luxembourg: GNI; the Netherlands: both bases)."""
    note = record["path_note"]
    if record["related_above_cap"]:
        note += (
            f"; related spending above {RELATED_CAP_PCT:g}% of GDP: the excess is not counted "
            "toward 5%"
        )
    if basis.describe():
        note += "; " + basis.describe()
    return note


def _year_or_none(value: object) -> int | None:
    try:
        return None if value is None or value is np.nan or value != value else int(value)
    except TypeError:
        return None


# -- Alliance and History ---------------------------------------------------------
def _alliance_headers(base_year: int) -> dict[str, tuple[str, str | None]]:
    return {
        "aggregate": ("Aggregate", None),
        "year": ("Year", "0"),
        "core_share_pct": (
            "Core share (% of GDP; GDP at constant prices as weights, Iceland's GDP included)",
            "0.00",
        ),
        "total_share_pct": ("Total: core + related up to 1.5% (% of GDP)", "0.00"),
        "core_usd_bn": (f"Core spending ({money_label(base_year)})", "#,##0.0"),
        "allies_at_2_pct": ("Allies at ≥ 2% core", "0"),
        "allies_at_3_5_pct": ("Allies at ≥ 3.5% core", "0"),
        "allies_at_5_pct": ("Allies at ≥ 5% total with core ≥ 3.5%", "0"),
    }


def _write_alliance(ws: Worksheet, projection: Projection, saved_on: str) -> None:
    base_year = projection.scenario.base_year
    ws["A1"] = (
        f"Alliance aggregates the NATO way, as saved by natoplanner on {saved_on}: members of "
        f"each year, shares weighted by GDP at constant prices, money in "
        f"{money_label(base_year)}; to {base_year} NATO's figures, then this scenario."
    )
    ws["A1"].font = BLOCK_TITLE
    ws["A2"] = (
        "Values, not formulas: they do not follow edits made in Excel or LibreOffice since that "
        "date. Open and save the file in natoplanner to bring them up to date."
    )
    ws["A2"].font = SAVED_NOTE
    frame = projection.alliance_aggregates().frame()
    headers = _alliance_headers(base_year)
    header_row = 3
    for index, column in enumerate(frame.columns, start=1):
        text, number_format = headers[column]
        cell = ws.cell(header_row, index, text)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, CENTER_WRAP
        ws.column_dimensions[get_column_letter(index)].width = 18 if index == 1 else 14
        for offset, value in enumerate(frame[column].to_numpy(), start=1):
            value = value.item() if hasattr(value, "item") else value
            written = (
                put_text(ws, header_row + offset, index, value)
                if isinstance(value, str)
                else ws.cell(header_row + offset, index, value)
            )
            if number_format:
                written.number_format = number_format
    ws.row_dimensions[header_row].height = 60
    ws.freeze_panes = "C4"


HISTORY_COLUMNS = (
    ("iso3", "ISO3", None, 7),
    ("name", "Ally", None, 18),
    ("year", "Year", "0", 7),
    ("estimate_flag", "Estimate (e)", None, 9),
    ("defence_share_gdp_pct", "Core share (% of GDP, NATO Table 3)", "0.00", 12),
    ("defence_exp_national_million", "Core spending (million national currency)", "#,##0", 14),
    ("national_currency_in_nato_table", "Currency", None, 9),
    ("defence_exp_usd_million_current", "Core spending (million USD, current)", "#,##0", 14),
    ("gdp_national_billion_derived", "GDP (billion national currency, derived)", "#,##0.0", 14),
    ("equipment_share_pct", "Equipment (% of core spending)", "0.00", 12),
    ("defence_real_change_pct", "Real change (% a year)", "0.00", 10),
    ("notes", "Notes", None, 40),
)


def _write_history(fast: FastCells, scenario: Scenario) -> None:
    title = f"NATO data the scenario rests on — {scenario.dataset.edition}"
    fast.text(1, 1, escape_text(title), fast.style(font=BLOCK_TITLE))
    fast.text(
        2,
        1,
        "Source: NATO Public Diplomacy Division, 'Defence Expenditure of NATO Countries'; "
        "'e' = NATO estimate. Iceland has no armed forces.",
        fast.style(font=NOTE),
    )
    history = scenario.dataset.history
    header_row = 4
    header_style = fast.style(font=BOLD, fill=HEADER_FILL, alignment=CENTER_WRAP)
    ws = fast.worksheet
    for index, (_, text, _, width) in enumerate(HISTORY_COLUMNS, start=1):
        fast.text(header_row, index, text, header_style)
        ws.column_dimensions[get_column_letter(index)].width = width
    fast.row_height(header_row, 60)
    styles = [fast.style(number_format) for _, _, number_format, _ in HISTORY_COLUMNS]
    columns = [history[key].to_numpy(dtype=object) for key, *_ in HISTORY_COLUMNS]
    for offset, values in enumerate(zip(*columns, strict=True), start=1):
        row = header_row + offset
        for index, value in enumerate(values, start=1):
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            if isinstance(value, str):
                fast.text(row, index, escape_text(value))
            else:
                fast.number(row, index, value, styles[index - 1])
    ws.freeze_panes = "C5"
    ws.auto_filter.ref = (
        f"A{header_row}:{get_column_letter(len(HISTORY_COLUMNS))}{header_row + len(history)}"
    )


# -- names -----------------------------------------------------------------
def _define_names(workbook: Workbook, layout: Layout) -> None:
    def setting(key: str) -> str:
        return f"{SHEET_ASSUMPTIONS}!{_absolute(cell_name(SETTING_VALUE_COLUMN, SETTING_ROW[key]))}"

    names = {"Horizon": setting("horizon"), "BaseYear": setting("base_year")}
    first_year, last_year = layout.projection_years[0], layout.projection_years[-1]
    for index, block in enumerate(ASSUMPTION_BLOCKS):
        top = layout.assumption_block_title_row(index) + 2
        start = cell_name(layout.assumption_column(first_year), top)
        end = cell_name(layout.assumption_column(last_year), top + layout.n_allies - 1)
        names[block.defined_name] = f"{SHEET_ASSUMPTIONS}!{_absolute(start)}:{_absolute(end)}"
    for index, block in enumerate(RESULT_BLOCKS):
        if not block.defined_name:
            continue
        top = layout.result_block_title_row(index) + 2
        start = cell_name(layout.result_column(layout.base_year), top)
        end = cell_name(layout.result_column(last_year), top + layout.n_allies - 1)
        names[block.defined_name] = f"{SHEET_RESULTS}!{_absolute(start)}:{_absolute(end)}"
    for name, reference in names.items():
        workbook.defined_names[name] = DefinedName(name, attr_text=reference)


def _absolute(cell: str) -> str:
    letters = "".join(ch for ch in cell if ch.isalpha())
    return f"${letters}${cell[len(letters) :]}"
