"""The default deflator's source in the workbook: saved, read back, and kept in agreement
with the grey block the spreadsheet's formulas use (Assumptions C9)."""

from __future__ import annotations

import openpyxl
import pytest

from natoplanner.cli import run_command
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import DeflatorSource, Measure, Scenario
from natoplanner.io.errors import FileProblemError
from natoplanner.io.workbook.files import read_scenario, save_scenario
from natoplanner.io.workbook.layout import SETTING_ROW, Layout
from tests.core.indicators.test_deflator_source import (
    geometric_mean_pct,
    nato_implied_deflator_pct,
)
from tests.io.conftest import arrays_close, recalculate_with_libreoffice

CELL = f"C{SETTING_ROW['deflator_source']}"


def nato_scenario(dataset) -> Scenario:
    scenario = Scenario(dataset, deflator_source=DeflatorSource.NATO_HISTORY)
    scenario.set_year_input(Measure.DEFLATOR, "FRA", 2029, 1.1)
    return scenario


def set_cell(path, sheet: str, cell: str, value) -> None:
    workbook = openpyxl.load_workbook(path)
    workbook[sheet][cell] = value
    workbook.save(path)


def test_the_source_and_natos_figures_are_saved_and_read_back(tmp_path, dataset):
    scenario = nato_scenario(dataset)
    path = tmp_path / "nato.xlsx"
    save_scenario(scenario, path)
    sheet = openpyxl.load_workbook(path)["Assumptions"]
    assert CELL == "C9" and sheet[CELL].value == "NATO implied GDP deflator"
    assert sheet[CELL].protection.locked  # grey: chosen in natoplanner, which refills the block
    layout = Layout(len(scenario.allies), scenario.base_year)
    grey = sheet.cell(
        layout.assumption_row("deflator_default", scenario.row("DEU")),
        layout.assumption_column(2031),
    ).value
    assert grey == pytest.approx(geometric_mean_pct(nato_implied_deflator_pct("DEU").loc[2017:]))
    loaded = read_scenario(path)
    assert loaded.warnings == []
    assert loaded.scenario.deflator_source is DeflatorSource.NATO_HISTORY
    assert loaded.scenario.inputs_equal(scenario)


def test_a_file_before_schema_4_reads_the_vintages_deflator(tmp_path, dataset):
    path = tmp_path / "weo.xlsx"
    save_scenario(Scenario(dataset), path)
    set_cell(path, "Assumptions", CELL, None)  # row 9 was empty before schema 4
    loaded = read_scenario(path)
    assert loaded.scenario.deflator_source is DeflatorSource.WEO and loaded.warnings == []


@pytest.mark.parametrize(
    ("saved_source", "typed", "read_as"),
    [
        (DeflatorSource.NATO_HISTORY, "GDP forecast vintage", DeflatorSource.NATO_HISTORY),
        (DeflatorSource.WEO, "NATO implied GDP deflator", DeflatorSource.WEO),
    ],
)
def test_a_retyped_setting_is_read_as_the_grey_block_holds(
    tmp_path, dataset, saved_source, typed, read_as
):
    path = tmp_path / "retyped.xlsx"
    scenario = Scenario(dataset, deflator_source=saved_source)
    save_scenario(scenario, path)
    set_cell(path, "Assumptions", CELL, typed)
    loaded = read_scenario(path)
    assert loaded.scenario.deflator_source is read_as
    (warning,) = loaded.warnings
    assert (warning.sheet, warning.cell) == ("Assumptions", CELL)
    assert "grey blocks" in warning.message and f"reads '{typed}'" in warning.message
    projected = Projection(loaded.scenario).paths.gdp_bn
    assert arrays_close(projected, Projection(scenario).paths.gdp_bn) == 0


def test_a_retyped_setting_and_an_edited_grey_cell_still_follow_the_blocks(tmp_path, dataset):
    """C9 retyped to NATO's deflator while the grey block holds the vintage's figures,
    one of them edited: read as the vintage's (the spreadsheet's formulas use the block),
    with a warning on C9 and one on the single edited cell."""
    path = tmp_path / "both.xlsx"
    scenario = Scenario(dataset)
    save_scenario(scenario, path)
    layout = Layout(len(scenario.allies), scenario.base_year)
    row = layout.assumption_row("deflator_default", scenario.row("DEU"))
    grey = f"{openpyxl.utils.get_column_letter(layout.assumption_column(2030))}{row}"
    set_cell(path, "Assumptions", CELL, "NATO implied GDP deflator")
    set_cell(path, "Assumptions", grey, 2.5)
    loaded = read_scenario(path)
    assert loaded.scenario.deflator_source is DeflatorSource.WEO
    cells = sorted(w.cell for w in loaded.warnings)
    assert cells == sorted([CELL, grey])
    edited = next(w for w in loaded.warnings if w.cell == grey)
    assert edited.message.startswith("1 grey reference cell(s)")


def test_an_empty_setting_says_so(tmp_path, dataset):
    path = tmp_path / "empty.xlsx"
    save_scenario(Scenario(dataset, deflator_source=DeflatorSource.NATO_HISTORY), path)
    set_cell(path, "Assumptions", CELL, None)
    loaded = read_scenario(path)
    assert loaded.scenario.deflator_source is DeflatorSource.NATO_HISTORY
    (warning,) = loaded.warnings
    assert "is empty (read as 'GDP forecast vintage')" in warning.message


def test_an_unknown_word_is_refused_naming_the_cell(tmp_path, dataset):
    path = tmp_path / "unknown.xlsx"
    save_scenario(Scenario(dataset), path)
    set_cell(path, "Assumptions", CELL, "HICP")
    with pytest.raises(FileProblemError) as caught:
        read_scenario(path)
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.cell) == ("Assumptions", CELL)
    assert "unknown default deflator" in problem.message and "NATO implied" in problem.expected


def test_cli_set_deflator_and_a_bad_value(tmp_path, capsys):
    path = tmp_path / "cli.xlsx"
    save_scenario(Scenario(), path)
    assert run_command(["set", str(path), "--deflator", "nato_history"]) == 0
    assert "NATO implied GDP deflator (each year's to 2026" in capsys.readouterr().out
    assert read_scenario(path).scenario.deflator_source is DeflatorSource.NATO_HISTORY
    before = path.read_bytes()
    assert run_command(["set", str(path), "--deflator", "cpi"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "deflator" in err[0] and "weo, nato_history" in err[0]
    assert path.read_bytes() == before
    assert run_command(["summary", str(path)]) == 0
    assert "deflator: NATO implied GDP deflator" in capsys.readouterr().out


def test_libreoffice_computes_the_app_s_results_with_natos_deflator(tmp_path, dataset):
    from tests.io.workbook.test_workbook_recalc import expected_results, results_from_file

    scenario = nato_scenario(dataset)
    save_scenario(scenario, tmp_path / "nato.xlsx")
    (out,) = recalculate_with_libreoffice(
        [tmp_path / "nato.xlsx"], tmp_path / "out", tmp_path / "profile"
    )
    loaded = read_scenario(out)
    assert loaded.warnings == [] and loaded.scenario.inputs_equal(scenario)
    found, expected = results_from_file(out, scenario), expected_results(scenario)
    worst = {key: arrays_close(found[key], expected[key]) for key in expected}
    assert max(worst.values()) <= 1e-9, worst
    # Not vacuous: Germany's nominal GDP in 2031 grows by NATO's 3.15%, not by the CPI.
    deu = scenario.row("DEU")
    weo = Projection(Scenario(dataset)).paths.gdp_bn[deu, 5]
    assert found["gdp"][deu, 5] == pytest.approx(expected["gdp"][deu, 5], rel=1e-12)
    assert abs(found["gdp"][deu, 5] / weo - 1) > 0.005
