"""Escape-clause rules round-trip through the workbook; LibreOffice's Fiscal room equals the app's.

The expected figures are the core's :func:`fiscal_room` of the scenario read
back from each file (the core itself is checked by hand against NATO's table
in tests/core/fiscal). Here the workbook's own formulas must reproduce it,
after LibreOffice recalculates, including after a colleague's edits of the
rules in the spreadsheet.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from natoplanner.core.fiscal.room import fiscal_room
from natoplanner.core.fiscal.rules import FiscalAssumptions, set_fiscal_assumptions
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import BudgetPolicy, CorePolicy, Scenario
from natoplanner.io.errors import FileProblemError
from natoplanner.io.workbook.files import read_scenario, save_scenario
from natoplanner.io.workbook.fiscal_rules import (
    BRIDGE_COLUMN,
    COFOG_COLUMN,
    COVERED_COLUMN,
    RULE_VALUE_COLUMN,
    RulesBlock,
)
from natoplanner.io.workbook.layout import SHEET_ASSUMPTIONS, Layout
from natoplanner.io.workbook.sheets.fiscal_room import SHEET_FISCAL, FiscalLayout
from tests.io.conftest import recalculate_with_libreoffice, soffice_path

BLOCKS = (
    "core",
    "increase",
    "inside",
    "outside",
    "increase_mn",
    "outside_mn",
    "budget_law_mn",
    "lending_effect",
    "debt_effect",
    "lending",
    "debt",
)


def edited_rules_scenario(base_year: int = 2026) -> Scenario:
    scenario = Scenario(name="Fiscal rules test", base_year=base_year)
    rules = replace(scenario.fiscal, cap_pct=1.2, last_year=2030, baseline_year=2022)
    rules = rules.with_cofog_baseline("DEU", 1.3).with_covered("FRA", True)
    rules = rules.with_covered("POL", False).with_bridge("GBR", 1.05).with_bridge("CAN", None)
    rules = rules.with_public_finances("DEU", -2.5, 64.0).with_public_finances("POL", -6.5, None)
    set_fiscal_assumptions(scenario, rules)
    # A path that moves, so the first-round effects are not all zero.
    scenario.set_core_policy(
        "DEU", CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2029)
    )
    return scenario


def blocks_from_file(path: Path, scenario: Scenario) -> dict[str, np.ndarray]:
    """Each Fiscal room block as stored (cached values); NaN for empty or text."""
    workbook = openpyxl.load_workbook(path, data_only=True, read_only=True)
    rows = list(workbook[SHEET_FISCAL].iter_rows(values_only=True))
    workbook.close()
    room = fiscal_room(Projection(scenario))
    layout = FiscalLayout(
        len(scenario.allies), scenario.base_year, int(room.years[0]), int(room.years[-1])
    )
    found: dict[str, np.ndarray] = {}
    for key in (*BLOCKS, "status"):
        grid = np.full(room.core_share_pct.shape, np.nan, dtype=object)
        for i in range(len(scenario.allies)):
            cells = rows[layout.block_row(key, i) - 1]
            for j, year in enumerate(room.years):
                grid[i, j] = cells[layout.year_column(key, year) - 1]
        found[key] = grid
    return found


def expected_blocks(scenario: Scenario) -> dict[str, np.ndarray]:
    room = fiscal_room(Projection(scenario))
    status = np.vectorize(lambda s: s.describe(room.rules), otypes=[object])(room.status)
    return {
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
        "status": status,
    }


def assert_blocks_equal(found: dict, expected: dict, has_data: np.ndarray) -> None:
    for key in BLOCKS:
        values = np.array(
            [[v if isinstance(v, int | float) else np.nan for v in row] for row in found[key]],
            dtype=float,
        )[has_data]
        wanted = np.asarray(expected[key], dtype=float)[has_data]
        assert np.array_equal(np.isnan(values), np.isnan(wanted)), key
        mask = ~np.isnan(wanted)
        assert np.allclose(values[mask], wanted[mask], rtol=1e-9, atol=1e-9), key
    assert (found["status"][has_data] == expected["status"][has_data]).all()


def test_rules_round_trip(tmp_path: Path) -> None:
    scenario = edited_rules_scenario()
    save_scenario(scenario, tmp_path / "rules.xlsx")
    loaded = read_scenario(tmp_path / "rules.xlsx")
    assert loaded.warnings == []
    assert loaded.scenario.fiscal == scenario.fiscal
    save_scenario(loaded.scenario, tmp_path / "again.xlsx")
    assert read_scenario(tmp_path / "again.xlsx").scenario.fiscal == scenario.fiscal


def test_cached_values_equal_the_app_without_recalculation(tmp_path: Path) -> None:
    scenario = edited_rules_scenario()
    save_scenario(scenario, tmp_path / "cached.xlsx")
    has_data = ~np.isnan(scenario.base.core_share_pct)
    assert_blocks_equal(
        blocks_from_file(tmp_path / "cached.xlsx", scenario), expected_blocks(scenario), has_data
    )


def _edit(path: Path, changes: dict[tuple[int, int], object]) -> None:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[SHEET_ASSUMPTIONS]
    for (row, column), value in changes.items():
        sheet.cell(row, column).value = value
    workbook.save(path)


def test_bad_rule_cells_are_named(tmp_path: Path) -> None:
    scenario = Scenario()
    path = tmp_path / "bad.xlsx"
    save_scenario(scenario, path)
    block = RulesBlock(Layout(len(scenario.allies), scenario.base_year))
    cap_row = block.rule_row("cap_pct")
    norway = block.ally_row(scenario.row("NOR"))
    _edit(path, {(cap_row, RULE_VALUE_COLUMN): "lots", (norway, COVERED_COLUMN): "maybe"})
    with pytest.raises(FileProblemError) as caught:
        read_scenario(path)
    cells = {(p.sheet, p.cell) for p in caught.value.problems}
    assert (SHEET_ASSUMPTIONS, f"C{cap_row}") in cells
    assert (SHEET_ASSUMPTIONS, f"D{norway}") in cells
    _edit(path, {(cap_row, RULE_VALUE_COLUMN): 1.5, (norway, COVERED_COLUMN): "yes"})
    with pytest.raises(FileProblemError) as caught:
        read_scenario(path)
    (problem,) = caught.value.problems
    assert problem.cell == f"D{norway}" and "EU member" in problem.message


def test_a_workbook_without_rules_keeps_the_published_ones(tmp_path: Path) -> None:
    scenario = edited_rules_scenario()
    path = tmp_path / "old.xlsx"
    save_scenario(scenario, path)
    block = RulesBlock(Layout(len(scenario.allies), scenario.base_year))
    _edit(path, {(block.title_row, 1): None})
    loaded = read_scenario(path)
    assert loaded.scenario.fiscal == FiscalAssumptions.bundled()
    assert [w.cell for w in loaded.warnings] == [f"A{block.title_row}"]


@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_recalculation_with_an_earlier_base_year(tmp_path: Path) -> None:
    # Base year 2024: the clause's years 2025-2026 come from the projection, not NATO's table.
    scenario = edited_rules_scenario(base_year=2024)
    save_scenario(scenario, tmp_path / "b2024.xlsx")
    (output,) = recalculate_with_libreoffice(
        [tmp_path / "b2024.xlsx"], tmp_path / "o", tmp_path / "p"
    )
    loaded = read_scenario(output).scenario
    assert loaded.base_year == 2024 and loaded.fiscal == scenario.fiscal
    has_data = ~np.isnan(scenario.base.core_share_pct)
    assert_blocks_equal(blocks_from_file(output, loaded), expected_blocks(loaded), has_data)


@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_recalculation_equals_the_app(tmp_path: Path) -> None:
    scenario = edited_rules_scenario()
    saved, edited = tmp_path / "saved.xlsx", tmp_path / "edited.xlsx"
    save_scenario(scenario, saved)
    save_scenario(scenario, edited)
    block = RulesBlock(Layout(len(scenario.allies), scenario.base_year))
    # A colleague extends the clause to 2031, lowers the cap, covers Poland
    # again with a COFOG baseline, and goes back to 2021 as the baseline year.
    _edit(
        edited,
        {
            (block.rule_row("last_year"), RULE_VALUE_COLUMN): 2031,
            (block.rule_row("cap_pct"), RULE_VALUE_COLUMN): 0.9,
            (block.rule_row("baseline_year"), RULE_VALUE_COLUMN): 2021,
            (block.ally_row(scenario.row("POL")), COVERED_COLUMN): " Yes",
            (block.ally_row(scenario.row("POL")), COFOG_COLUMN): 2.0,
            (block.ally_row(scenario.row("DEU")), BRIDGE_COLUMN): 1.2,
        },
    )
    outputs = recalculate_with_libreoffice([saved, edited], tmp_path / "out", tmp_path / "p")
    has_data = ~np.isnan(scenario.base.core_share_pct)
    for output in outputs:
        loaded = read_scenario(output).scenario
        found = blocks_from_file(output, loaded)
        assert_blocks_equal(found, expected_blocks(loaded), has_data)
    colleague = read_scenario(outputs[1]).scenario
    assert colleague.fiscal.cap_pct == 0.9 and colleague.fiscal.last_year == 2031
    found = blocks_from_file(outputs[1], colleague)
    room = fiscal_room(Projection(colleague))
    pol, j = colleague.row("POL"), room.column(2026)
    # By hand: Poland 2026e 4.68% against the typed COFOG 2.0%: 2.68 pp, 0.9 inside.
    assert found["inside"][pol, j] == pytest.approx(0.9)
    assert found["outside"][pol, j] == pytest.approx(4.68 - 2.0 - 0.9)
    assert found["status"][pol, room.column(2031)] == "active"
    # The colleague's German bridge: the NATO-basis budget ÷ 1.2, in every year.
    deu, paths = colleague.row("DEU"), Projection(colleague).paths
    assert found["budget_law_mn"][deu, room.column(2030)] == pytest.approx(
        paths.core_budget_mn[deu, 2030 - 2026] / 1.2
    )
    assert found["budget_law_mn"][colleague.row("CAN"), j] in (None, "")
    # By hand: Germany ramps 2.69% (2026) → 3.5% (2029): 0.27 pp a year of extra spending,
    # borrowed. Net lending 2027 = -2.5 - 0.27; gross debt 2027 = 64 + 0.27.
    assert found["lending"][deu, room.column(2027)] == pytest.approx(-2.5 - 0.27)
    assert found["debt"][deu, room.column(2027)] == pytest.approx(64 + 0.27)
    assert found["lending_effect"][deu, room.column(2030)] == pytest.approx(-(3.5 - 2.69))


def test_a_moved_rules_block_is_refused_naming_the_cell(tmp_path: Path) -> None:
    scenario = edited_rules_scenario()
    path = tmp_path / "moved.xlsx"
    save_scenario(scenario, path)
    block = RulesBlock(Layout(len(scenario.allies), scenario.base_year))
    workbook = openpyxl.load_workbook(path)
    workbook[SHEET_ASSUMPTIONS].insert_rows(block.title_row)  # a colleague inserts a row
    workbook.save(path)
    with pytest.raises(FileProblemError) as caught:
        read_scenario(path)
    cells = [p.cell for p in caught.value.problems]
    assert f"A{block.title_row + 1}" in cells
