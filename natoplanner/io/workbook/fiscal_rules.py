"""The escape-clause rules block at the foot of ``Assumptions``: written, read back.

The rules (first and last year of the national escape clause, the cap, the
baseline year, which allies it covers, COFOG-basis baseline shares, the
NATO ÷ national budget bridge, typed net lending and debt) sit below the
year blocks and are read back with the rest of that sheet; every bad cell is
reported with its sheet and cell. The "Fiscal room" sheet's formulas
(``sheets/fiscal_room.py``) refer to these cells.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.fiscal.rules import FiscalAssumptions, eu_facts, is_eu_member, validate
from natoplanner.core.scenario import Scenario
from natoplanner.io.errors import Problem
from natoplanner.io.workbook.cell_text import escape_text, parse_number, parse_text
from natoplanner.io.workbook.layout import SHEET_ASSUMPTIONS, Layout, cell_name

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
UNLOCKED = Protection(locked=False)
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class RulesBlock:
    """Where the rules sit at the foot of ``Assumptions`` (below the year blocks)."""

    layout: Layout

    @property
    def title_row(self) -> int:
        return self.layout.assumption_block_title_row(self.layout.year_blocks)

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
        value.protection = UNLOCKED  # 'Assumptions' is protected: input cells stay editable
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
            if editable:
                ws.cell(row, column).protection = UNLOCKED
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
