"""The app and the workbook's own formulas read every cell alike (issue 15, defects 1-5).

A colleague edits the workbook in LibreOffice (through UNO, as typed or
pasted); LibreOffice recalculates and saves; the app reads the result. Where
both can read a cell, LibreOffice's Results must equal the app's projection;
where they could differ the app refuses or warns naming the sheet and cell,
and its next save makes them agree.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import openpyxl
import pytest

from natoplanner.core.scenario import BudgetPolicy, CorePolicy, Measure, Scenario
from natoplanner.io.errors import FileProblemError
from natoplanner.io.workbook.files import read_scenario, save_scenario
from natoplanner.io.workbook.layout import (
    ASSUMPTION_BLOCKS,
    SETTING_ROW,
    SETTING_VALUE_COLUMN,
    SHEET_ASSUMPTIONS,
    SHEET_RESULTS,
    Layout,
    cell_name,
)
from tests.io.conftest import (
    build_rich_scenario,
    edit_with_libreoffice,
    recalculate_with_libreoffice,
    soffice_path,
)
from tests.io.workbook.test_workbook_recalc import expected_results, results_from_file

pytestmark = pytest.mark.skipif(
    soffice_path() is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui",
)
A = SHEET_ASSUMPTIONS


def _override(layout: Layout, scenario: Scenario, block: str, iso3: str, year: int) -> str:
    column = openpyxl.utils.get_column_letter(layout.assumption_column(year))
    return f"{column}{layout.assumption_row(block, scenario.row(iso3))}"


def _worst_difference(path: Path, scenario: Scenario) -> float:
    """Worst difference between the file's Results and the app's, relative (absolute below 1).

    Gaps that are zero in the app come out as ±1e-16 from LibreOffice's
    arithmetic: a purely relative measure would call that a 100% error.
    """
    found, expected = results_from_file(path, scenario), expected_results(scenario)
    worst = 0.0
    for key in expected:
        assert np.array_equal(np.isnan(found[key]), np.isnan(expected[key])), key
        mask = ~np.isnan(expected[key])
        scale = np.maximum(np.abs(expected[key][mask]), 1.0)
        difference = np.abs(found[key][mask] - expected[key][mask]) / scale
        worst = max(worst, float(np.max(difference, initial=0.0)))
    return worst


def _typed(cell: str, text: str) -> dict:
    """Text typed into an Assumptions cell at the keyboard (LibreOffice's number recognition)."""
    return {"sheet": A, "op": "type", "cell": cell, "text": text}


def _pasted(cell: str, text: str) -> dict:
    """Text pasted as text (no recognition, no validation)."""
    return {"sheet": A, "op": "string", "cell": cell, "text": text}


def _value(cell: str, value: float) -> dict:
    return {"sheet": A, "op": "value", "cell": cell, "value": value}


def _cleared(cell: str) -> dict:
    return {"sheet": A, "op": "clear", "cell": cell}


@pytest.fixture(scope="module")
def colleague(tmp_path_factory, dataset):
    """Workbooks a colleague edited in LibreOffice, with the scenario each started from."""
    folder = tmp_path_factory.mktemp("agreement")
    rich = build_rich_scenario(dataset)
    layout = Layout(len(rich.allies), rich.base_year)
    rich.set_core_policy("TUR", CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_pct=3.0))

    def policy(key: str, iso3: str) -> str:
        return layout.policy_cell(key, rich.row(iso3))

    jobs = {
        # Drop-down words with stray spaces and capitals, pasted (no validation).
        "variants": [
            _pasted(policy("core_policy", "TUR"), "constant share "),
            _value(policy("share_pct", "TUR"), 2.85),
            _pasted(policy("core_policy", "BEL"), "  Ramp To TARGET"),
            _pasted(policy("related_policy", "NOR"), "Constant   Share"),
            _value(policy("related_share_pct", "NOR"), 0.8),
        ],
        # Cleared policy cells: the app's default on both sides.
        "cleared": [
            _cleared(policy("target_year", "NLD")),
            _cleared(policy("target_pct", "POL")),
            _cleared(policy("core_target_pct", "GBR")),
            _cleared(policy("total_target_pct", "GBR")),
            _cleared(policy("rate_pct", "DEU")),
            _cleared(policy("related_target_year", "CAN")),
        ],
        # Typed at the keyboard: "2.5%" (LibreOffice stores 0.025), a number as text.
        "typed": [
            _typed(_override(layout, rich, "growth", "POL", 2030), "2.5%"),
            _pasted(_override(layout, rich, "growth", "DEU", 2031), "2,5"),
            _typed(policy("rate_pct", "USA"), "3%"),
        ],
        "ambiguous": [_pasted(_override(layout, rich, "budget", "POL", 2033), "260.000")],
        "wrong word": [_pasted(policy("core_policy", "TUR"), "ramp_to_target")],
    }
    source = folder / "rich.xlsx"
    save_scenario(rich, source)
    specs = [
        {"in": source, "out": folder / f"{name.replace(' ', '_')}.xlsx", "edits": edits}
        for name, edits in jobs.items()
    ]
    edit_with_libreoffice(specs, folder / "profile")
    return rich, layout, {name: spec["out"] for name, spec in zip(jobs, specs, strict=True)}, folder


def test_drop_down_words_with_spaces_and_capitals_mean_the_same_on_both_sides(colleague):
    rich, _, outputs, _ = colleague
    loaded = read_scenario(outputs["variants"])
    scenario = loaded.scenario
    turkey = scenario.core_policy("TUR")
    assert (turkey.kind, turkey.share_pct) == (BudgetPolicy.CONSTANT_SHARE, 2.85)
    assert scenario.core_policy("BEL").kind == BudgetPolicy.RAMP_TO_TARGET
    assert scenario.related_track("NOR").share_pct == 0.8
    assert _worst_difference(outputs["variants"], scenario) <= 1e-9
    # Türkiye holds 2.85% of GDP in LibreOffice's Results too (not the explicit fall-through).
    found = results_from_file(outputs["variants"], scenario)
    assert found["core_share"][rich.row("TUR"), 1:] == pytest.approx(np.full(14, 2.85), rel=1e-12)


def test_a_word_the_formulas_do_not_know_is_refused_and_is_na_in_the_spreadsheet(colleague):
    rich, layout, outputs, _ = colleague
    with pytest.raises(FileProblemError) as caught:
        read_scenario(outputs["wrong word"])
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.cell) == (A, layout.policy_cell("core_policy", rich.row("TUR")))
    found = results_from_file(outputs["wrong word"], rich)
    assert np.isnan(found["budget"][rich.row("TUR"), 1:]).all()  # #N/A, not a number


def test_cleared_policy_cells_take_the_same_default_in_the_app_and_the_formulas(colleague):
    rich, layout, outputs, _ = colleague
    loaded = read_scenario(outputs["cleared"])
    scenario = loaded.scenario
    assert scenario.core_policy("NLD").target_year == 2035
    assert scenario.core_policy("POL").target_pct == 3.5
    assert (scenario.targets("GBR").core_pct, scenario.targets("GBR").total_pct) == (3.5, 5.0)
    assert {w.cell for w in loaded.warnings} >= {
        layout.policy_cell("target_year", rich.row("NLD")),
        layout.policy_cell("core_target_pct", rich.row("GBR")),
    }
    assert _worst_difference(outputs["cleared"], scenario) <= 1e-9
    # The Netherlands keeps a budget (it used to fall to 0) and the UK is not "met" for free.
    found = results_from_file(outputs["cleared"], scenario)
    nld, gbr = rich.row("NLD"), rich.row("GBR")
    assert (found["budget"][nld, 1:] > 0).all()
    assert found["core_gap_pp"][gbr, -1] == pytest.approx(3.5 - found["core_share"][gbr, -1])


def test_typed_percent_and_text_numbers_are_warned_then_written_as_numbers(colleague):
    rich, layout, outputs, folder = colleague
    percent_cell = _override(layout, rich, "growth", "POL", 2030)
    text_cell = _override(layout, rich, "growth", "DEU", 2031)
    rate_cell = layout.policy_cell("rate_pct", rich.row("USA"))
    loaded = read_scenario(outputs["typed"])
    warned = {w.cell: w for w in loaded.warnings}
    assert set(warned) == {percent_cell, text_cell, rate_cell}
    assert loaded.scenario.core_policy("USA").rate_pct == pytest.approx(3.0)
    assert "percentage" in warned[percent_cell].message
    assert "text" in warned[text_cell].message
    scenario = loaded.scenario
    assert scenario.year_input(Measure.REAL_GROWTH, "POL", 2030) == pytest.approx(2.5)
    assert scenario.year_input(Measure.REAL_GROWTH, "DEU", 2031) == 2.5
    # The spreadsheet does not silently compute another number with the text: #N/A.
    found = results_from_file(outputs["typed"], scenario)
    assert np.isnan(found["gdp"][rich.row("DEU"), 2031 - rich.base_year :]).all()
    # The app's save writes both as numbers, and LibreOffice then agrees with the app.
    resaved = folder / "typed_resaved.xlsx"
    save_scenario(scenario, resaved)
    sheet = openpyxl.load_workbook(resaved)[A]
    assert sheet[percent_cell].value == pytest.approx(2.5)
    assert sheet[text_cell].value == 2.5
    assert sheet[rate_cell].value == pytest.approx(3.0)
    (recalculated,) = recalculate_with_libreoffice([resaved], folder / "re", folder / "profile2")
    assert read_scenario(recalculated).warnings == []
    assert _worst_difference(recalculated, scenario) <= 1e-9


def test_ambiguous_text_numbers_are_refused_naming_the_cell(colleague):
    rich, layout, outputs, _ = colleague
    with pytest.raises(FileProblemError) as caught:
        read_scenario(outputs["ambiguous"])
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.cell) == (A, _override(layout, rich, "budget", "POL", 2033))
    assert "260,000" in problem.message and "260" in problem.message
    assert problem.found == "260.000"
    assert SHEET_RESULTS not in str(caught.value)


@pytest.fixture(scope="module")
def reference_edits(tmp_path_factory, dataset):
    """A colleague retypes the GDP vintage and a grey NATO figure in LibreOffice (API edits)."""
    folder = tmp_path_factory.mktemp("reference")
    scenario = Scenario(dataset)
    layout = Layout(len(scenario.allies), scenario.base_year)
    source = folder / "default.xlsx"
    save_scenario(scenario, source)
    other = next(v for v in dataset.forecast_vintages if v != scenario.gdp_vintage)
    vintage_cell = cell_name(SETTING_VALUE_COLUMN, SETTING_ROW["gdp_vintage"])
    grey = layout.policy_cell("base_gdp_bn", scenario.row("POL"))
    empty_input = _override(layout, scenario, "budget", "FRA", 2031)
    jobs = [
        {
            "in": source,
            "out": folder / "edited.xlsx",
            "edits": [
                {"sheet": A, "op": "protected", "cell": grey},
                {"sheet": A, "op": "protected", "cell": empty_input},
                {"sheet": A, "op": "protected", "cell": layout.policy_cell("rate_pct", 0)},
                _pasted(vintage_cell, other),
                _value(grey, 1000.0),
            ],
        }
    ]
    (read,) = edit_with_libreoffice(jobs, folder / "profile")
    return scenario, layout, folder / "edited.xlsx", read, other, (vintage_cell, grey, empty_input)


def test_grey_cells_are_protected_and_every_input_cell_is_not(reference_edits, tmp_path):
    scenario, layout, _, read, _, (vintage_cell, grey, empty_input) = reference_edits
    assert read[f"{A}!{grey}"] == {"sheet_protected": True, "locked": True}
    assert read[f"{A}!{empty_input}"]["locked"] is False
    assert read[f"{A}!{layout.policy_cell('rate_pct', 0)}"]["locked"] is False
    path = tmp_path / "plan.xlsx"
    save_scenario(scenario, path)
    sheet = openpyxl.load_workbook(path)[A]
    assert sheet.protection.sheet and not sheet.protection.password
    assert sheet[vintage_cell].protection.locked  # chosen in natoplanner, not here
    # Every cell of every override block is editable, empty or not, but the US
    # exchange rate (the dollar is the unit).
    us = scenario.row("USA")
    for index, block in enumerate(ASSUMPTION_BLOCKS):
        top = layout.assumption_block_title_row(index) + 2
        for i in range(layout.n_allies):
            grey = block.measure is None or (block.key == "fx" and i == us)
            for year in layout.projection_years:
                cell = sheet.cell(top + i, layout.assumption_column(year))
                assert cell.protection.locked is grey, (block.key, cell)


def test_a_retyped_vintage_is_read_as_the_figures_the_formulas_use(reference_edits, dataset):
    scenario, _, edited, _, other, (vintage_cell, grey, _) = reference_edits
    loaded = read_scenario(edited)
    assert loaded.scenario.gdp_vintage == scenario.gdp_vintage  # the grey blocks' vintage
    warned = {w.cell: w for w in loaded.warnings}
    assert other in warned[vintage_cell].message
    assert "natoplanner" in warned[vintage_cell].message
    # The grey NATO figure a colleague typed over is named: the formulas use it, the app not.
    assert grey in warned[grey].message and "NATO" in warned[grey].message
