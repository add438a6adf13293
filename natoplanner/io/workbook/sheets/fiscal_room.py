"""The live ``Fiscal room`` sheet: formulas over the rules block and ``Results``.

Each formula carries the value natoplanner computed (core/fiscal/room.py)
as its cached result, so a reader that does not calculate still sees the
figures and a spreadsheet that does recomputes them after an edit. Years
before the base year (2025 for a 2026 base) come from NATO's table, written
on this sheet as grey reference blocks the formulas index into. The rules
themselves are in ``Assumptions`` (``fiscal_rules.py``).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from xml.sax.saxutils import escape

import numpy as np
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from natoplanner.core.dataset import FIRST_HISTORY_YEAR
from natoplanner.core.fiscal.room import FiscalRoom, fiscal_room
from natoplanner.core.fiscal.rules import is_eu_member
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Scenario
from natoplanner.io.workbook.cell_text import escape_text
from natoplanner.io.workbook.fastsheet import FastCells
from natoplanner.io.workbook.fiscal_rules import (
    BLOCK_TITLE,
    BOLD,
    BRIDGE_COLUMN,
    COFOG_COLUMN,
    COFOG_NOTE,
    COVERED_COLUMN,
    DEBT_COLUMN,
    HEADER_FILL,
    LENDING_COLUMN,
    NO,
    NOTE,
    REFERENCE_FILL,
    WRAP,
    YES,
    RulesBlock,
    write_rules,
)
from natoplanner.io.workbook.layout import SHEET_ASSUMPTIONS, SHEET_RESULTS, Layout

SHEET_FISCAL = "Fiscal room"


# -- the Fiscal room sheet ------------------------------------------------------------
class CachedCells(FastCells):
    """Fast cells whose formulas carry natoplanner's value (shown before any recalculation)."""

    def formula_value(
        self, row: int, column: int, formula: str, value: object, style: int = 0
    ) -> None:
        """A formula with its cached result: a number, a text, or nothing (None/NaN)."""
        text = escape(formula[1:] if formula.startswith("=") else formula)
        ref = self._ref(row, column, style)
        if isinstance(value, str):
            xml = f'{ref} t="str"><f>{text}</f><v>{escape(value)}</v></c>'
        elif value is None or (isinstance(value, float) and math.isnan(value)):
            xml = f"{ref}><f>{text}</f></c>"
        else:
            xml = f"{ref}><f>{text}</f><v>{float(value)!r}</v></c>"
        self._put(row, column, xml)


FIRST_YEAR_COLUMN = 3
ALLY_COLUMNS = (
    ("Currency", None, 9),
    ("EU member", None, 9),
    ("Baseline share used (% of GDP)", "0.00", 12),
    ("Baseline basis", None, 10),
    ("SAFE tentative loan allocation (EUR bn, Commission 9 Sep 2025)", "0.00", 14),
)
YEAR_BLOCKS = (
    ("core", "Core defence share (% of GDP, NATO basis)", "0.00"),
    ("increase", "Increase against the baseline year (percentage points of GDP)", "0.00"),
    ("status", "Escape clause", None),
    ("inside", "Inside the clause (pp of GDP)", "0.00"),
    ("outside", "Outside the clause (pp of GDP)", "0.00"),
    ("increase_mn", "Increase (million national currency)", "#,##0"),
    ("outside_mn", "Outside the clause (million national currency)", "#,##0"),
    (
        "budget_law_mn",
        "Core budget in budget-law terms: NATO basis ÷ the bridge ratio (million national "
        "currency; CAN, GBR: NATO year Y = fiscal year April Y–March Y+1; USA: October Y-1–"
        "September Y)",
        "#,##0",
    ),
    (
        "lending_effect",
        "First-round effect on general-government net lending: extra core spending above the "
        "base-year share, borrowed (percentage points of GDP)",
        "0.00",
    ),
    (
        "debt_effect",
        "First-round effect on gross debt: the extra spending cumulated over GDP (pp of GDP)",
        "0.00",
    ),
    ("lending", "Net lending: typed base-year figure + the effect (% of GDP)", "0.00"),
    ("debt", "Gross debt: typed base-year figure + the effect (% of GDP)", "0.00"),
    ("ref_share", "NATO core share (% of GDP), reference — NATO's table", "0.00"),
    ("ref_spend", "NATO core spending (million national currency), reference", "#,##0"),
)
_BLOCK_INDEX = {key: i for i, (key, _, _) in enumerate(YEAR_BLOCKS)}
PUBLIC_FINANCE_BLOCKS = ("lending_effect", "debt_effect", "lending", "debt")


@dataclass(frozen=True)
class FiscalLayout:
    """Rows and columns of the ``Fiscal room`` sheet."""

    n_allies: int
    base_year: int
    first_year: int  # first year column (the clause's first year, or the base year)
    last_year: int

    header_row = 5

    def ally_row(self, ally: int) -> int:
        return self.header_row + 1 + ally

    def ally_column(self, index: int) -> int:
        return FIRST_YEAR_COLUMN + index

    @functools.cached_property
    def _title_rows(self) -> dict[str, int]:
        first = self.ally_row(self.n_allies) + 1
        return {key: first + i * (self.n_allies + 3) for key, i in _BLOCK_INDEX.items()}

    @functools.cached_property
    def _first_years(self) -> dict[str, int]:
        return {
            key: FIRST_HISTORY_YEAR if key.startswith("ref_") else self.first_year
            for key in _BLOCK_INDEX
        }

    def block_title_row(self, key: str) -> int:
        return self._title_rows[key]

    def block_row(self, key: str, ally: int) -> int:
        return self._title_rows[key] + 2 + ally

    def years(self, key: str) -> range:
        last = self.base_year if key.startswith("ref_") else self.last_year
        return range(self._first_years[key], last + 1)

    def year_column(self, key: str, year: int) -> int:
        return FIRST_YEAR_COLUMN + year - self._first_years[key]

    def cell(self, key: str, ally: int, year: int) -> str:
        return f"{get_column_letter(self.year_column(key, year))}{self.block_row(key, ally)}"


class _Formulas:
    """Formula text of the ``Fiscal room`` cells."""

    def __init__(self, fiscal: FiscalLayout, layout: Layout, rules: RulesBlock) -> None:
        self.fiscal, self.layout, self.rules = fiscal, layout, rules
        # References repeat across the grid: caching them halves the build time.
        self._results = functools.cache(self._results)  # type: ignore[method-assign]
        self.rule_ref = functools.cache(rules.rule_ref)
        self.ally_ref = functools.cache(rules.ally_ref)

    def _results(self, block: str, ally: int, year: int) -> str:
        column = get_column_letter(self.layout.result_column(year))
        return f"{SHEET_RESULTS}!{column}{self.layout.result_row(block, ally)}"

    def _reference(self, key: str, ally: int, year: int) -> str:
        return self.fiscal.cell(key, ally, year)

    def baseline(self, ally: int) -> str:
        cofog = self.ally_ref(COFOG_COLUMN, ally)
        first = self.fiscal.cell("ref_share", ally, FIRST_HISTORY_YEAR)
        last = self.fiscal.cell("ref_share", ally, self.fiscal.base_year)
        index = f"{self.rule_ref('baseline_year')}-{FIRST_HISTORY_YEAR - 1}"
        return f"=IF(ISNUMBER({cofog}),{cofog},INDEX({first}:{last},1,{index}))"

    def basis(self, ally: int) -> str:
        return f'=IF(ISNUMBER({self.ally_ref(COFOG_COLUMN, ally)}),"COFOG 02","NATO")'

    def year_cell(self, key: str, ally: int, year: int) -> str:
        fiscal = self.fiscal
        baseline = f"${get_column_letter(fiscal.ally_column(2))}${fiscal.ally_row(ally)}"
        eu = f"${get_column_letter(fiscal.ally_column(1))}${fiscal.ally_row(ally)}"

        def here(block: str) -> str:
            return fiscal.cell(block, ally, year)

        year_ref = (
            f"{get_column_letter(fiscal.year_column(key, year))}${fiscal.block_title_row(key) + 1}"
        )
        match key:
            case "core":
                if year >= fiscal.base_year:
                    return "=" + self._results("core_share", ally, year)
                return "=" + self._reference("ref_share", ally, year)
            case "increase":
                return f"={here('core')}-{baseline}"
            case "status":
                first = self.rule_ref("first_year")
                last = self.rule_ref("last_year")
                covered = self.ally_ref(COVERED_COLUMN, ally)
                return (
                    f'=IF({eu}<>"{YES}","not applicable: not an EU member state",'
                    f'IF(LOWER(TRIM({covered}))<>"{YES}",'
                    '"not applicable: escape clause not activated for this member state",'
                    f'IF({year_ref}<{first},"before the clause (from "&{first}&")",'
                    f'IF({year_ref}>{last},"ended "&{last}&": whole increase outside the clause",'
                    '"active"))))'
                )
            case "inside":
                status, increase = here("status"), here("increase")
                cap = self.rule_ref("cap_pct")
                return (
                    f'=IF({status}="active",MIN(MAX({increase},0),{cap}),'
                    f'IF(LEFT({status},5)="ended",0,""))'
                )
            case "outside":
                status, increase = here("status"), here("increase")
                return (
                    f'=IF({status}="active",MAX({increase},0)-{here("inside")},'
                    f'IF(LEFT({status},5)="ended",MAX({increase},0),""))'
                )
            case "increase_mn":
                return f"={here('increase')}*{self.pp_cost(ally, year)}"
            case "outside_mn":
                outside = here("outside")
                return f'=IF(ISNUMBER({outside}),{outside}*{self.pp_cost(ally, year)},"")'
            case "lending_effect":
                return f"=0-({self._extra(ally, year)})"
            case "debt_effect":
                if year == fiscal.base_year:
                    return "=0"
                gdp, before = self._results("gdp", ally, year), self._results("gdp", ally, year - 1)
                previous = fiscal.cell(key, ally, year - 1)
                return f"=({previous}*{before}+({self._extra(ally, year)})*{gdp})/{gdp}"
            case "lending" | "debt":
                typed = self.ally_ref(LENDING_COLUMN if key == "lending" else DEBT_COLUMN, ally)
                return f'=IF(ISNUMBER({typed}),{typed}+{here(key + "_effect")},"")'
            case "budget_law_mn":
                ratio = self.ally_ref(BRIDGE_COLUMN, ally)
                if year >= fiscal.base_year:
                    budget = self._results("budget", ally, year)
                else:
                    budget = self._reference("ref_spend", ally, year)
                return f'=IF(ISNUMBER({ratio}),{budget}/{ratio},"")'
        raise KeyError(key)

    def _extra(self, ally: int, year: int) -> str:
        """Core share above the base year's (pp of GDP), from Results."""
        base = self._results("core_share", ally, self.fiscal.base_year)
        return f"{self._results('core_share', ally, year)}-{base}"

    def pp_cost(self, ally: int, year: int) -> str:
        if year >= self.fiscal.base_year:
            return self._results("pp_cost", ally, year)
        spend = self._reference("ref_spend", ally, year)
        return f"({spend}/{self._reference('ref_share', ally, year)})"


def _cached_values(room: FiscalRoom, key: str, scenario: Scenario, year: int) -> list:
    """The app's value of block ``key`` in ``year`` for every ally."""
    if key.startswith("ref_"):
        column = "defence_share_gdp_pct" if key == "ref_share" else "defence_exp_national_million"
        return list(scenario.dataset.history_matrix(column)[:, year - FIRST_HISTORY_YEAR])
    j = room.column(year)
    arrays = {
        "core": room.core_share_pct,
        "increase": room.increase_pp,
        "inside": room.inside_pp,
        "outside": room.outside_pp,
        "increase_mn": room.increase_mn,
        "outside_mn": room.outside_mn,
        "budget_law_mn": room.core_budget_law_mn,
        "lending_effect": room.net_lending_effect_pp,
        "debt_effect": room.gross_debt_effect_pp,
        "lending": room.net_lending_pct,
        "debt": room.gross_debt_pct,
    }
    if key == "status":
        return [status.describe(room.rules) for status in room.status[:, j]]
    values = list(arrays[key][:, j])
    if key in ("inside", "outside", "outside_mn"):
        # The formula writes "" where the clause does not apply.
        applies = [status.applies for status in room.status[:, j]]
        values = [v if ok else "" for v, ok in zip(values, applies, strict=True)]
    if key in ("budget_law_mn", "lending", "debt"):
        values = ["" if math.isnan(v) else v for v in values]
    return values


def write_fiscal_room(
    workbook: Workbook, scenario: Scenario, projection: Projection, layout: Layout
) -> CachedCells:
    """Add the rules to ``Assumptions`` and the ``Fiscal room`` sheet; returns its fast cells."""
    write_rules(workbook[SHEET_ASSUMPTIONS], scenario, layout)
    room = fiscal_room(projection)
    fiscal = FiscalLayout(
        len(scenario.allies), scenario.base_year, int(room.years[0]), int(room.years[-1])
    )
    formulas = _Formulas(fiscal, layout, RulesBlock(layout))
    cells = CachedCells(workbook, workbook.create_sheet(SHEET_FISCAL))
    title = cells.style(font=BLOCK_TITLE)
    note, header = cells.style(font=NOTE), cells.style(font=BOLD, fill=HEADER_FILL, alignment=WRAP)
    reference = cells.style("0.00", fill=REFERENCE_FILL)
    cells.text(
        1,
        1,
        "Fiscal room under the EU national escape clause — live formulas over 'Assumptions' "
        "(rules at its foot) and 'Results'. Do not edit: natoplanner ignores this sheet.",
        title,
    )
    cells.text(2, 1, COFOG_NOTE, note)
    cells.text(
        3,
        1,
        "In the clause's years the increase is inside up to the cap and outside above it; "
        "after the last year the whole increase is outside ('the cliff'). This is natoplanner's "
        "reading of the Council's rule on NATO-basis figures; the Commission assesses the "
        "deviation on the net expenditure path with COFOG data.",
        note,
    )
    has_data = projection.has_target_path
    cells.text(fiscal.header_row, 1, "ISO3", header)
    cells.text(fiscal.header_row, 2, "Ally", header)
    for index, (text, _, _) in enumerate(ALLY_COLUMNS):
        cells.text(fiscal.header_row, fiscal.ally_column(index), text, header)
    cells.row_height(fiscal.header_row, 60)
    for i, ally in enumerate(scenario.allies):
        row = fiscal.ally_row(i)
        cells.text(row, 1, ally.iso3)
        cells.text(row, 2, escape_text(ally.name_en))
        cells.text(row, fiscal.ally_column(0), ally.currency)
        cells.text(row, fiscal.ally_column(1), YES if is_eu_member(ally.iso3) else NO)
        if has_data[i]:
            cells.formula_value(
                row,
                fiscal.ally_column(2),
                formulas.baseline(i),
                float(room.baseline_share_pct[i]),
                cells.style("0.00"),
            )
            basis = "COFOG 02" if room.baseline_is_cofog[i] else "NATO"
            cells.formula_value(row, fiscal.ally_column(3), formulas.basis(i), basis)
        if not np.isnan(room.safe_allocation_eur_bn[i]):
            cells.number(
                row, fiscal.ally_column(4), float(room.safe_allocation_eur_bn[i]), reference
            )
    for key, block_title, number_format in YEAR_BLOCKS:
        title_row = fiscal.block_title_row(key)
        cells.text(title_row, 1, block_title, title)
        cells.text(title_row + 1, 1, "ISO3", header)
        cells.text(title_row + 1, 2, "Ally (currency)", header)
        years = fiscal.years(key)
        for year in years:
            cells.number(title_row + 1, fiscal.year_column(key, year), year, header)
        style = cells.style(number_format, fill=REFERENCE_FILL if key.startswith("ref_") else None)
        for year in years:
            values = _cached_values(room, key, scenario, year)
            for i, ally in enumerate(scenario.allies):
                row = fiscal.block_row(key, i)
                if year == years[0]:
                    cells.text(row, 1, ally.iso3)
                    cells.text(row, 2, escape_text(f"{ally.name_en} ({ally.currency})"))
                if not has_data[i]:
                    if year == years[0]:
                        cells.text(row, FIRST_YEAR_COLUMN, "no armed forces: no NATO figures", note)
                    continue
                column = fiscal.year_column(key, year)
                if key in PUBLIC_FINANCE_BLOCKS and year < scenario.base_year:
                    continue  # the effect starts from the base year
                if key.startswith("ref_"):
                    if not math.isnan(values[i]):
                        cells.number(row, column, float(values[i]), style)
                else:
                    cells.formula_value(
                        row, column, formulas.year_cell(key, i, year), values[i], style
                    )
    ws = cells.worksheet
    ws.freeze_panes = f"C{fiscal.header_row + 1}"  # a string: ws.cell() would add a cell
    ws.column_dimensions["A"].width = 7
    ws.column_dimensions["B"].width = 26
    for column in range(FIRST_YEAR_COLUMN, FIRST_YEAR_COLUMN + len(fiscal.years("core")) + 1):
        ws.column_dimensions[get_column_letter(column)].width = 12
    return cells
