"""A scenario on imported vintages, saved and reopened without the source files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import openpyxl
import pytest

from natoplanner.core.dataset import Dataset
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import BudgetPolicy, CorePolicy, Measure, Scenario
from natoplanner.io.errors import FileProblemError
from natoplanner.io.vintages.weo import read_weo
from natoplanner.io.workbook.files import read_scenario, save_scenario
from natoplanner.io.workbook.sheets.vintages import SHEET_VINTAGES
from tests.io.vintages.fixtures import weo_download


def _october_2026(tmp_path: Path) -> Path:
    """The April 2026 figures with every growth figure raised by 0.5 pp (a test release)."""
    path = weo_download(tmp_path / "WEOOct2026all.xls", footer=None)
    lines = path.read_text(encoding="utf-16").splitlines()
    edited = []
    for line in lines:
        cells = line.split("\t")
        if len(cells) > 3 and cells[2] == "NGDP_RPCH":
            cells = [
                f"{float(c) + 0.5:.3f}" if i >= 9 and c not in ("n/a", "") and i < 61 else c
                for i, c in enumerate(cells)
            ]
        edited.append("\t".join(cells))
    path.write_text("\n".join(edited), encoding="utf-16")
    return path


def _paths(scenario: Scenario) -> np.ndarray:
    projection = Projection(scenario)
    projection.update()
    return np.stack([projection.paths.gdp_bn, projection.paths.core_budget_mn])


def test_the_workbook_carries_an_imported_gdp_vintage(tmp_path: Path) -> None:
    source = _october_2026(tmp_path)
    vintage = read_weo(source, Dataset.bundled().registry, imported_at="2026-12-01T09:00:00Z")
    assert vintage.name == "IMF WEO October 2026"
    scenario = Scenario(
        Dataset.bundled().with_vintages(gdp_vintages=(vintage,)), gdp_vintage=vintage.name
    )
    scenario.set_core_policy("POL", CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_pct=5.0))
    scenario.set_year_input(Measure.REAL_GROWTH, "DEU", 2028, 3.0)
    expected = _paths(scenario)
    # By hand: Poland's 2027 GDP grows with the test release's growth (April + 0.5 pp).
    april = Dataset.bundled().gdp_vintage("IMF WEO April 2026").figures
    row = scenario.row("POL")
    growth = april.value("real_gdp_growth_pct", "POL", 2027) + 0.5
    cpi = april.value("cpi_inflation_pct", "POL", 2027)
    assert expected[0, row, 1] == pytest.approx(
        scenario.base.gdp_bn[row] * (1 + growth / 100) * (1 + cpi / 100)
    )
    out = tmp_path / "scenario.xlsx"
    save_scenario(scenario, out)
    source.unlink()  # a colleague without the WEO file

    loaded = read_scenario(out).scenario
    assert loaded.gdp_vintage == "IMF WEO October 2026"
    np.testing.assert_array_equal(_paths(loaded), expected)
    reloaded_vintage = loaded.dataset.gdp_vintage("IMF WEO October 2026")
    assert reloaded_vintage.figures.same_figures(vintage.figures)
    assert reloaded_vintage.provenance.file == "WEOOct2026all.xls"

    workbook = openpyxl.load_workbook(out, read_only=True)
    about = {row[0]: row[1] for row in workbook["About"].iter_rows(values_only=True) if row[0]}
    assert about["GDP forecast"].startswith("IMF WEO October 2026: real GDP growth and CPI")
    assert "WEOOct2026all.xls" in about["Imported vintages"]
    assert SHEET_VINTAGES in workbook.sheetnames
    workbook.close()
    # Saving the reopened scenario again writes the same Vintages sheet.
    again = tmp_path / "again.xlsx"
    save_scenario(loaded, again)
    first = list(openpyxl.load_workbook(out)[SHEET_VINTAGES].values)
    second = list(openpyxl.load_workbook(again)[SHEET_VINTAGES].values)
    assert first == second


def test_a_scenario_on_bundled_vintages_has_no_vintages_sheet(tmp_path: Path) -> None:
    out = tmp_path / "plain.xlsx"
    save_scenario(Scenario(), out)
    assert SHEET_VINTAGES not in openpyxl.load_workbook(out, read_only=True).sheetnames


def test_a_damaged_vintages_sheet_names_the_cell(tmp_path: Path) -> None:
    vintage = read_weo(_october_2026(tmp_path), Dataset.bundled().registry)
    scenario = Scenario(
        Dataset.bundled().with_vintages(gdp_vintages=(vintage,)), gdp_vintage=vintage.name
    )
    out = tmp_path / "scenario.xlsx"
    save_scenario(scenario, out)
    workbook = openpyxl.load_workbook(out)
    sheet = workbook[SHEET_VINTAGES]
    sheet["E9"] = "two point one"
    workbook.save(out)
    with pytest.raises(FileProblemError) as error:
        read_scenario(out)
    problem = error.value.problems[0]
    assert (problem.sheet, problem.cell) == (SHEET_VINTAGES, "E9")


def test_the_workbook_carries_an_imported_edition_and_a_reference_series(tmp_path: Path) -> None:
    from natoplanner.io.vintages.nato_edition import read_nato_edition
    from natoplanner.io.vintages.reference import read_reference
    from tests.io.import_fixtures import sipri_workbook
    from tests.io.vintages.fixtures import nato_edition_workbook

    registry = Dataset.bundled().registry
    source = nato_edition_workbook(
        tmp_path / "def-exp-2027-en.xlsx", years=list(range(2014, 2028)), cutoff_note=False
    )
    edition = read_nato_edition(source, registry)
    sipri = read_reference(sipri_workbook(tmp_path / "sipri.xlsx"), registry)
    dataset = Dataset.bundled().with_vintages(edition=edition, references=(sipri,))
    scenario = Scenario(dataset, name="On the 2027 edition")
    scenario.set_core_policy("ITA", CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5))
    expected = _paths(scenario)
    out = tmp_path / "scenario.xlsx"
    save_scenario(scenario, out)
    source.unlink()
    loaded = read_scenario(out).scenario
    assert (loaded.base_year, loaded.nato_edition) == (2027, edition.name)
    np.testing.assert_array_equal(_paths(loaded), expected)
    assert loaded.dataset.edition_vintage.figures.same_figures(edition.figures)
    (reference,) = loaded.dataset.references
    assert reference.figures.same_figures(sipri.figures)
    assert reference.definition == sipri.definition


def test_a_bundled_scenario_opened_on_an_imported_edition_stays_on_the_bundled_one(
    tmp_path: Path,
) -> None:
    from tests.core.test_vintages import _edition_2027

    bundled = Dataset.bundled()
    on_2027 = bundled.with_vintages(edition=_edition_2027(bundled))
    plain = tmp_path / "plain.xlsx"
    save_scenario(Scenario(), plain)
    reopened = read_scenario(plain, on_2027).scenario  # e.g. autosave recovery in that window
    assert (reopened.base_year, reopened.nato_edition) == (2026, bundled.edition)
