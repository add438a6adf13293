"""The escape-clause rules in ``Assumptions`` and the live ``Fiscal room`` sheet.

The rules (first and last year of the national escape clause, the cap, the
baseline year, which allies it covers, COFOG-basis baseline shares) sit in a
block at the foot of ``Assumptions``, below the year blocks, and are read
back with the rest of that sheet. ``Fiscal room`` is formulas over them and
over ``Results`` (core shares and the cost of a point of GDP), each with the
value natoplanner computed (core/fiscal/room.py) cached beside it, so a
reader that does not calculate still sees the figures and a spreadsheet
that does recomputes them after an edit.

Years before the base year (2025 for a 2026 base) come from NATO's table,
written on this sheet as grey reference blocks the formulas index into.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from natoplanner.core.dataset import FIRST_HISTORY_YEAR
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.fiscal.room import FiscalRoom, fiscal_room
from natoplanner.core.fiscal.rules import (
    FiscalAssumptions,
    eu_facts,
    is_eu_member,
    validate,
)
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Scenario
from natoplanner.io.errors import Problem
from natoplanner.io.workbook.cell_text import escape_text, parse_number, parse_text
from natoplanner.io.workbook.fastsheet import FastCells
from natoplanner.io.workbook.layout import (
    ASSUMPTION_BLOCKS,
    SHEET_ASSUMPTIONS,
    SHEET_RESULTS,
    Layout,
    cell_name,
)

SHEET_FISCAL = "Fiscal room"
RULES_TITLE = (
    "Fiscal room: EU national escape clause rules — read back by natoplanner "
    "(edit the pale-yellow cells)"
)
COFOG_NOTE = (
    "The EU measures defence on COFOG division 02 (general government 'Defence'), not on "
    "NATO's definition. Type a COFOG-basis baseline share where you have one; empty = NATO's "
    "share of the baseline year. Sources: data/SOURCES.md §5."
)
RULES = (
    ("first_year", "First year of the escape clause"),
    ("last_year", "Last year of the escape clause (after it, the whole increase is outside)"),
    ("cap_pct", "Cap on the deviation (% of GDP a year)"),
    ("baseline_year", "Baseline year (the increase is measured against its share)"),
)
RULE_VALUE_COLUMN = 3
ALLY_HEADERS = (
    "ISO3",
    "Ally",
    "EU member (reference)",
    "Escape clause activated (yes/no)",
    "Council decision (reference)",
    "Baseline share, COFOG 02 basis (% of GDP; empty = NATO basis)",
    "NATO ÷ national defence budget (ratio; empty = no bridge; sources: SOURCES.md §6)",
    "General-government net lending, base year (% of GDP; IMF WEO GGXCNL_NGDP; type it)",
    "General-government gross debt, base year (% of GDP; IMF WEO GGXWDG_NGDP; type it)",
)
COVERED_COLUMN = 4
COFOG_COLUMN = 6
BRIDGE_COLUMN = 7
LENDING_COLUMN = 8
DEBT_COLUMN = 9
INPUT_COLUMNS = (BRIDGE_COLUMN, LENDING_COLUMN, DEBT_COLUMN)  # editable for every ally
YES, NO = "yes", "no"

BOLD = Font(bold=True)
BLOCK_TITLE = Font(bold=True, size=11, color="1F3864")
NOTE = Font(italic=True, color="595959")
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
REFERENCE_FILL = PatternFill("solid", fgColor="EDEDED")
INPUT_FILL = PatternFill("solid", fgColor="FFF9E5")
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class RulesBlock:
    """Where the rules sit at the foot of ``Assumptions`` (below the year blocks)."""

    layout: Layout

    @property
    def title_row(self) -> int:
        return self.layout.assumption_block_title_row(len(ASSUMPTION_BLOCKS))

    def rule_row(self, key: str) -> int:
        return self.title_row + 1 + [k for k, _ in RULES].index(key)

    @property
    def note_row(self) -> int:
        return self.title_row + 1 + len(RULES)

    @property
    def header_row(self) -> int:
        return self.note_row + 1

    def ally_row(self, ally: int) -> int:
        return self.header_row + 1 + ally

    def rule_ref(self, key: str) -> str:
        """Absolute reference to a rule's value cell, from another sheet."""
        return f"{SHEET_ASSUMPTIONS}!$C${self.rule_row(key)}"

    def ally_ref(self, column: int, ally: int) -> str:
        letter = get_column_letter(column)
        return f"{SHEET_ASSUMPTIONS}!${letter}${self.ally_row(ally)}"


# -- Assumptions: the rules ----------------------------------------------------------
def _clause_decision_text(iso3: str) -> str:
    facts = eu_facts().get(iso3)
    if facts is None or not facts.clause_decision:
        return ""
    if facts.clause_decision == "reported":
        return "reported, Council decision not found (see SOURCES.md §5)"
    return f"Council, {facts.clause_decision}"


def rule_cells(scenario: Scenario, layout: Layout) -> dict[tuple[int, int], object]:
    """Every value of the rules block by (row, column), as ``Assumptions`` stores it."""
    block = RulesBlock(layout)
    rules = scenario.fiscal
    cells: dict[tuple[int, int], object] = {(block.title_row, 1): RULES_TITLE}
    for key, label in RULES:
        cells[block.rule_row(key), 1] = label
        cells[block.rule_row(key), RULE_VALUE_COLUMN] = getattr(rules, key)
    cells[block.note_row, 1] = COFOG_NOTE
    for column, text in enumerate(ALLY_HEADERS, start=1):
        cells[block.header_row, column] = text
    for i, ally in enumerate(scenario.allies):
        values = (
            ally.iso3,
            ally.name_en,
            YES if is_eu_member(ally.iso3) else NO,
            YES if ally.iso3 in rules.covered else NO,
            _clause_decision_text(ally.iso3),
            rules.cofog_baseline(ally.iso3),
            rules.bridge(ally.iso3),
            *rules.public_finances(ally.iso3),
        )
        for column, value in enumerate(values, start=1):
            if value not in (None, "") and not (isinstance(value, float) and math.isnan(value)):
                cells[block.ally_row(i), column] = value
    return cells


def write_rules(ws: Worksheet, scenario: Scenario, layout: Layout) -> None:
    """The rules block at the foot of the ``Assumptions`` worksheet ``ws``, styled."""
    block = RulesBlock(layout)
    for (row, column), value in rule_cells(scenario, layout).items():
        cell = ws.cell(row, column, escape_text(value) if isinstance(value, str) else value)
        if isinstance(value, float) and f"{value:.16g}" != repr(value):
            # openpyxl writes %.16g; the shortest exact form reads back bit for bit.
            cell._value = repr(value)
    ws.cell(block.title_row, 1).font = BLOCK_TITLE
    for key, _ in RULES:
        row = block.rule_row(key)
        ws.cell(row, 1).font = BOLD
        value = ws.cell(row, RULE_VALUE_COLUMN)
        value.fill = INPUT_FILL
        value.number_format = "0.00" if key == "cap_pct" else "0"
    ws.cell(block.note_row, 1).font = NOTE
    for column in range(1, len(ALLY_HEADERS) + 1):
        cell = ws.cell(block.header_row, column)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP
    for i, ally in enumerate(scenario.allies):
        row = block.ally_row(i)
        for column in range(1, len(ALLY_HEADERS) + 1):
            editable = column in INPUT_COLUMNS or (
                column in (COVERED_COLUMN, COFOG_COLUMN) and is_eu_member(ally.iso3)
            )
            ws.cell(row, column).fill = INPUT_FILL if editable else REFERENCE_FILL
        ws.cell(row, COFOG_COLUMN).number_format = "0.00"
        ws.cell(row, BRIDGE_COLUMN).number_format = "0.0000"
        ws.cell(row, LENDING_COLUMN).number_format = "0.00"
        ws.cell(row, DEBT_COLUMN).number_format = "0.00"
    choice = DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=True)
    choice.error = "Type yes or no"
    ws.add_data_validation(choice)
    letter = get_column_letter(COVERED_COLUMN)
    choice.add(f"{letter}{block.ally_row(0)}:{letter}{block.ally_row(len(scenario.allies) - 1)}")


def read_rules(
    file: Path,
    rows: list[tuple],
    scenario: Scenario,
    layout: Layout,
    errors: list[Problem],
    warnings: list[Problem],
) -> None:
    """Set ``scenario.fiscal`` from the rules block of ``Assumptions`` rows.

    A workbook without the block (written before it existed) keeps the
    bundled rules, with a warning. Bad cells are added to ``errors``, each
    with its sheet and cell.
    """
    block = RulesBlock(layout)

    def value(row: int, column: int) -> object:
        cells = rows[row - 1] if row - 1 < len(rows) else ()
        return cells[column - 1] if column - 1 < len(cells) else None

    def problem(row: int, column: int, message: str, expected: str) -> None:
        found = value(row, column)
        errors.append(
            Problem(
                str(file),
                message,
                SHEET_ASSUMPTIONS,
                cell_name(column, row),
                expected,
                None if found is None else str(found)[:60],
            )
        )

    if parse_text(value(block.title_row, 1)).strip() != RULES_TITLE:
        elsewhere = [
            r for r in range(1, len(rows) + 1) if parse_text(value(r, 1)).strip() == RULES_TITLE
        ]
        if elsewhere:
            problem(
                elsewhere[0],
                1,
                "the escape-clause rules block has moved (rows were inserted or deleted above it)",
                f"its title in A{block.title_row}",
            )
            return
        warnings.append(
            Problem(
                str(file),
                "no escape-clause rules in this workbook: the published rules are used",
                SHEET_ASSUMPTIONS,
                cell_name(1, block.title_row),
                severity="warning",
            )
        )
        return
    numbers: dict[str, float] = {}
    for key, label in RULES:
        row = block.rule_row(key)
        try:
            number = parse_number(value(row, RULE_VALUE_COLUMN))
        except ValueError as error:
            problem(row, RULE_VALUE_COLUMN, f"{label}: {error}", "a number")
            continue
        if number is None:
            problem(row, RULE_VALUE_COLUMN, f"{label}: the cell is empty", "a number")
            continue
        numbers[key] = number
    covered: set[str] = set()
    cofog: dict[str, float] = {}
    bridge: dict[str, float] = {}
    finances: list[tuple[str, float, float]] = []
    for i, ally in enumerate(scenario.allies):
        row = block.ally_row(i)
        if parse_text(value(row, 1)).strip().upper() != ally.iso3:
            problem(row, 1, "the escape-clause table has moved or its rows were sorted", ally.iso3)
            continue
        answer = parse_text(value(row, COVERED_COLUMN)).strip().casefold()
        if answer == YES:
            covered.add(ally.iso3)
        elif answer not in (NO, ""):
            problem(row, COVERED_COLUMN, f"{ally.name_en}: escape clause activated?", "yes or no")
        try:
            share = parse_number(value(row, COFOG_COLUMN))
        except ValueError as error:
            problem(row, COFOG_COLUMN, f"{ally.name_en}: COFOG baseline share: {error}", "a number")
            continue
        if share is not None:
            cofog[ally.iso3] = share
        try:
            ratio = parse_number(value(row, BRIDGE_COLUMN))
        except ValueError as error:
            problem(
                row, BRIDGE_COLUMN, f"{ally.name_en}: NATO ÷ national ratio: {error}", "a number"
            )
            continue
        if ratio is not None:
            bridge[ally.iso3] = ratio
        levels = []
        for column, what in ((LENDING_COLUMN, "net lending"), (DEBT_COLUMN, "gross debt")):
            try:
                levels.append(parse_number(value(row, column)))
            except ValueError as error:
                problem(row, column, f"{ally.name_en}: {what}: {error}", "a number")
                levels.append(None)
        if levels != [None, None]:
            finances.append(
                (ally.iso3, *(math.nan if v is None else v for v in levels))  # type: ignore[arg-type]
            )
    if len(numbers) < len(RULES) or errors:
        return
    assumptions = FiscalAssumptions(
        frozenset(covered),
        first_year=numbers["first_year"],
        last_year=numbers["last_year"],
        cap_pct=numbers["cap_pct"],
        baseline_year=numbers["baseline_year"],
        cofog_baseline_pct=tuple(sorted(cofog.items())),
        bridge_ratio=tuple(sorted(bridge.items())),
        public_finances_pct=tuple(sorted(finances)),
    )
    try:
        scenario.fiscal = validate(assumptions, tuple(a.iso3 for a in scenario.allies))
    except ScenarioInputError as error:
        row, column = _error_cell(error.field, block, scenario)
        problem(row, column, str(error), "a value the escape clause allows")


def _error_cell(field: str, block: RulesBlock, scenario: Scenario) -> tuple[int, int]:
    """The cell a rules error points at (field names from core/fiscal/rules.validate)."""
    for key, name in (
        ("first_year", "first year"),
        ("last_year", "last year"),
        ("cap_pct", "cap"),
        ("baseline_year", "baseline year"),
    ):
        if field == f"escape clause {name}":
            return block.rule_row(key), RULE_VALUE_COLUMN
    for i, ally in enumerate(scenario.allies):
        if f"({ally.iso3})" in field:
            column = (
                COFOG_COLUMN
                if field.startswith("COFOG")
                else BRIDGE_COLUMN
                if field.startswith("NATO ÷")
                else LENDING_COLUMN
                if field.startswith("net lending")
                else DEBT_COLUMN
                if field.startswith("gross debt")
                else COVERED_COLUMN
            )
            return block.ally_row(i), column
    return block.title_row, 1


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
