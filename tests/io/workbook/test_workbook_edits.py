"""A colleague edits the saved workbook by hand (openpyxl, as a person types); the app reads it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from natoplanner.core.projection import Projection
from natoplanner.core.resources import data_path
from natoplanner.core.scenario import BudgetPolicy, Measure, Scenario
from natoplanner.io.errors import FileProblemError
from natoplanner.io.workbook.files import load_scenario, read_scenario, save_scenario
from natoplanner.io.workbook.layout import SHEET_ASSUMPTIONS, SHEET_RESULTS, Layout


@pytest.fixture
def saved(tmp_path, rich_scenario) -> tuple[Path, Scenario, Layout]:
    path = tmp_path / "scenario.xlsx"
    save_scenario(rich_scenario, path)
    return path, rich_scenario, Layout(len(rich_scenario.allies), rich_scenario.base_year)


def edit(path: Path, changes: dict[tuple[str, str], object]) -> None:
    """Apply {(sheet, cell): value} with openpyxl and save, as a user's spreadsheet would."""
    workbook = openpyxl.load_workbook(path)
    for (sheet, cell), value in changes.items():
        workbook[sheet][cell] = value
    workbook.save(path)


def input_cell(layout: Layout, scenario: Scenario, block: str, iso3: str, year: int) -> str:
    column = openpyxl.utils.get_column_letter(layout.assumption_column(year))
    return f"{column}{layout.assumption_row(block, scenario.row(iso3))}"


def test_numbers_typed_as_text_load_with_a_warning_naming_each_cell(saved):
    path, scenario, layout = saved
    a = SHEET_ASSUMPTIONS
    typed = {
        input_cell(layout, scenario, "growth", "DEU", 2032): "2,5",
        input_cell(layout, scenario, "deflator", "DEU", 2032): " 3.1 ",
        input_cell(layout, scenario, "budget", "ITA", 2030): "1 234,5",
        input_cell(layout, scenario, "gdp", "CAN", 2030): "3,456.75",
        input_cell(layout, scenario, "related", "NOR", 2031): "0.7%",
        layout.policy_cell("target_pct", scenario.row("BEL")): "3,5",
        layout.policy_cell("target_year", scenario.row("BEL")): "2031",
    }
    edit(
        path,
        {(a, cell): text for cell, text in typed.items()}
        | {
            # cleared: Poland's 2028 budget override
            (a, input_cell(layout, scenario, "budget", "POL", 2028)): None,
            # the drop-down word with stray spaces and capitals (TRIM and any case)
            (a, layout.policy_cell("core_policy", scenario.row("BEL"))): "  Ramp To  TARGET ",
            (a, layout.policy_cell("core_target_pct", scenario.row("BEL"))): 4,
        },
    )
    loaded = read_scenario(path)
    result = loaded.scenario
    assert {w.cell for w in loaded.warnings} == set(typed)
    assert all(
        w.sheet == a and "typed as text" in w.message and "saves the file" in w.message
        for w in loaded.warnings
    )
    assert result.year_input(Measure.REAL_GROWTH, "DEU", 2032) == 2.5
    assert result.year_input(Measure.DEFLATOR, "DEU", 2032) == 3.1
    assert result.year_input(Measure.CORE_BUDGET, "ITA", 2030) == 1234.5
    assert result.year_input(Measure.NOMINAL_GDP, "CAN", 2030) == 3456.75
    assert result.year_input(Measure.RELATED_SHARE, "NOR", 2031) == 0.7
    assert result.year_input(Measure.CORE_BUDGET, "POL", 2028) is None
    # The next save writes every one of them as a number.
    save_scenario(result, path)
    sheet = openpyxl.load_workbook(path)[a]
    assert all(isinstance(sheet[cell].value, (int, float)) for cell in typed)
    assert read_scenario(path).warnings == []
    result = read_scenario(path).scenario
    belgium = result.core_policy("BEL")
    assert (belgium.kind, belgium.target_pct, belgium.target_year) == (
        BudgetPolicy.RAMP_TO_TARGET,
        3.5,
        2031,
    )
    assert result.targets("BEL").core_pct == 4.0
    # Everything not edited is as saved.
    assert result.core_policy("DEU") == scenario.core_policy("DEU")
    assert result.name == scenario.name and result.notes == scenario.notes


def test_an_edit_changes_the_projection_as_a_hand_calculation_says(tmp_path, dataset):
    path = tmp_path / "default.xlsx"
    scenario = Scenario(dataset)
    save_scenario(scenario, path)
    layout = Layout(len(scenario.allies), scenario.base_year)
    pol = scenario.row("POL")
    edit(
        path,
        {
            (SHEET_ASSUMPTIONS, layout.policy_cell("core_policy", pol)): "nominal growth",
            (SHEET_ASSUMPTIONS, layout.policy_cell("rate_pct", pol)): "10",
        },
    )
    projection = Projection(load_scenario(path))
    # NATO 2026 edition, Poland 2026e, million PLN, read straight from the CSV.
    nato = pd.read_csv(data_path("nato_defence_expenditure.csv"))
    budget_2026 = nato.query("iso3 == 'POL' and year == 2026")[
        "defence_exp_national_million"
    ].item()
    assert projection.paths.core_budget_mn[pol, 1] == pytest.approx(budget_2026 * 1.1, rel=1e-12)
    assert projection.paths.core_budget_mn[pol, 3] == pytest.approx(budget_2026 * 1.1**3, rel=1e-12)


def test_a_cleared_policy_parameter_takes_its_default_with_a_warning(saved):
    path, scenario, layout = saved
    cell = layout.policy_cell("rate_pct", scenario.row("DEU"))
    edit(path, {(SHEET_ASSUMPTIONS, cell): None})
    loaded = read_scenario(path)
    assert loaded.scenario.core_policy("DEU").rate_pct == 0.0
    assert [w.cell for w in loaded.warnings] == [cell]
    assert "empty cell read as 0" in str(loaded.warnings[0])


def test_bad_cells_are_reported_with_sheet_cell_expected_and_found(saved):
    path, scenario, layout = saved
    growth = input_cell(layout, scenario, "growth", "FRA", 2030)
    gdp = input_cell(layout, scenario, "gdp", "FRA", 2031)
    policy = layout.policy_cell("core_policy", scenario.row("ESP"))
    edit(
        path,
        {
            (SHEET_ASSUMPTIONS, growth): "two point five",
            (SHEET_ASSUMPTIONS, gdp): -5,
            (SHEET_ASSUMPTIONS, policy): "double it",
        },
    )
    with pytest.raises(FileProblemError) as caught:
        load_scenario(path)
    problems = {p.cell: p for p in caught.value.problems}
    assert set(problems) == {growth, gdp, policy}
    assert all(p.sheet == SHEET_ASSUMPTIONS and p.file == str(path) for p in problems.values())
    assert problems[growth].found == "two point five" and problems[growth].expected == "a number"
    assert problems[gdp].found == "-5"
    assert "ramp to target" in problems[policy].expected
    message = str(caught.value)
    assert f"sheet 'Assumptions', cell {growth}" in message


def test_hand_edited_results_cells_are_ignored_with_a_warning_naming_them(saved):
    path, scenario, layout = saved
    row = layout.result_row("core_share", scenario.row("POL"))
    edit(path, {(SHEET_RESULTS, f"F{row}"): 9.99, (SHEET_RESULTS, f"G{row}"): "=1+1"})
    loaded = read_scenario(path)
    assert loaded.scenario.inputs_equal(scenario)
    (warning,) = loaded.warnings
    assert warning.sheet == SHEET_RESULTS and warning.severity == "warning"
    assert f"F{row}, G{row}" in warning.message and "2 cell(s)" in warning.message


def test_an_edited_imf_reference_cell_is_ignored_with_a_warning(saved):
    path, scenario, layout = saved
    cell = input_cell(layout, scenario, "growth_default", "GRC", 2029)
    edit(path, {(SHEET_ASSUMPTIONS, cell): 7.0})
    loaded = read_scenario(path)
    assert loaded.scenario.year_input(Measure.REAL_GROWTH, "GRC", 2029) is None
    (warning,) = loaded.warnings
    assert warning.cell == cell and "override block" in warning.message


def test_sorted_rows_are_refused_rather_than_misread(saved):
    path, scenario, layout = saved
    first, second = layout.policy_row(0), layout.policy_row(1)
    edit(path, {(SHEET_ASSUMPTIONS, f"A{first}"): "BEL", (SHEET_ASSUMPTIONS, f"A{second}"): "ALB"})
    with pytest.raises(FileProblemError) as caught:
        load_scenario(path)
    assert caught.value.problems[0].cell == f"A{first}"
    assert "order" in caught.value.problems[0].message


def test_an_unknown_vintage_or_horizon_names_its_cell(saved):
    path, _, _ = saved
    edit(path, {(SHEET_ASSUMPTIONS, "C5"): 2050})
    with pytest.raises(FileProblemError) as caught:
        load_scenario(path)
    assert caught.value.problems[0].cell == "C5" and "2040" in str(caught.value)
