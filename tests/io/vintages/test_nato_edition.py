"""NATO's edition workbook → a NATO vintage: the bundled 2026 edition read back exactly."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from natoplanner.core.dataset import Dataset
from natoplanner.core.vintages import NATO_MEASURES
from natoplanner.io.errors import FileProblemError
from natoplanner.io.vintages.nato_edition import read_nato_edition
from tests.io.vintages.fixtures import nato_edition_workbook

REGISTRY = Dataset.bundled().registry


def test_the_edition_workbook_reproduces_the_bundled_edition(tmp_path: Path) -> None:
    path = nato_edition_workbook(tmp_path / "def-exp-2026-en.xlsx")
    vintage = read_nato_edition(path, REGISTRY, imported_at="2026-12-01T09:00:00Z")
    bundled = Dataset.bundled().edition_vintage
    assert vintage.name == bundled.name == "NATO 2026 edition (2014-2026), cut-off 2026-07-03"
    assert vintage.cutoff == "2026-07-03"
    assert vintage.missing == ("ISL",)
    for measure in NATO_MEASURES:
        np.testing.assert_array_equal(
            vintage.figures.matrix(measure), bundled.figures.matrix(measure), err_msg=measure
        )
    assert vintage.figures.same_figures(bundled.figures)
    assert any("LUX 2023" in note and "series break" in note for note in vintage.notes)


def test_without_a_cutoff_note_the_name_says_the_years(tmp_path: Path) -> None:
    path = nato_edition_workbook(tmp_path / "def-exp.xlsx", cutoff_note=False)
    vintage = read_nato_edition(path, REGISTRY)
    assert (vintage.name, vintage.cutoff) == ("NATO 2026 edition (2014-2026)", "")


def test_every_missing_ally_is_listed(tmp_path: Path) -> None:
    path = nato_edition_workbook(tmp_path / "def-exp.xlsx", drop=("POL", "EST"))
    with pytest.raises(FileProblemError) as error:
        read_nato_edition(path, REGISTRY)
    assert "2 allies with armed forces are missing" in str(error.value)
    assert "EST, POL" in str(error.value)


def test_a_figure_that_is_not_a_number_names_sheet_and_cell(tmp_path: Path) -> None:
    path = nato_edition_workbook(
        tmp_path / "def-exp.xlsx", edit={("defence_share_gdp_pct", "DEU", 2024): "2,1x"}
    )
    with pytest.raises(FileProblemError) as error:
        read_nato_edition(path, REGISTRY)
    problem = error.value.problems[0]
    # Table 3: 2 title rows, blank, block title, header (row 5); Germany is the
    # 11th ally in NATO's order (Iceland left out) → row 16; 2024 is column L.
    assert (problem.sheet, problem.cell) == ("Table 3", "L16")
    assert "DEU 2024" in problem.message


def test_a_misspelt_ally_is_refused_with_a_suggestion(tmp_path: Path) -> None:
    path = nato_edition_workbook(tmp_path / "def-exp.xlsx")
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    workbook["Table 2"]["A6"] = "Albanai"
    workbook.save(path)
    with pytest.raises(FileProblemError, match="did you mean Albania"):
        read_nato_edition(path, REGISTRY)


def test_amounts_take_the_scale_the_table_title_says(tmp_path: Path) -> None:
    import openpyxl

    path = nato_edition_workbook(tmp_path / "def-exp.xlsx")
    workbook = openpyxl.load_workbook(path)
    workbook["Table 2"]["A2"] = "Table 2: Core defence expenditure (US dollars, billion)"
    workbook.save(path)
    vintage = read_nato_edition(path, REGISTRY)
    bundled = Dataset.bundled().edition_vintage.figures
    row = REGISTRY.index_of("POL")
    usd = "defence_exp_usd_million_current"
    assert vintage.figures.matrix(usd)[row, -1] == bundled.matrix(usd)[row, -1] * 1000
