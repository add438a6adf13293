"""Schema versions: an older workbook is migrated, a newer or unknown one refused untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pytest

from natoplanner.cli import run_command
from natoplanner.core.scenario import Measure, Targets
from natoplanner.io.errors import FileProblemError
from natoplanner.io.workbook.files import SCHEMA_VERSION, read_scenario, save_scenario
from natoplanner.io.workbook.layout import (
    ABOUT_SCHEMA_LABEL,
    ASSUMPTION_BLOCKS,
    POLICY_COLUMN_INDEX,
    POLICY_HEADER_ROW,
    SETTING_ROW,
    SETTING_VALUE_COLUMN,
    Layout,
)


def schema_cell(sheet) -> str:
    for row in sheet.iter_rows(min_col=1, max_col=1):
        if row[0].value == ABOUT_SCHEMA_LABEL:
            return f"B{row[0].row}"
    raise AssertionError("no schema row")


def set_schema(path: Path, value: object) -> str:
    """Write ``value`` as the file's schema; an older schema's layout too (before 4: no
    exchange-rate block, last of the year blocks, and no deflator setting in row 9)."""
    workbook = openpyxl.load_workbook(path)
    cell = schema_cell(workbook["About"])
    workbook["About"][cell] = value
    if isinstance(value, int) and value < 4:
        layout = Layout(32, 2026)
        fx = next(i for i, block in enumerate(ASSUMPTION_BLOCKS) if block.key == "fx")
        assumptions = workbook["Assumptions"]
        assumptions.delete_rows(layout.assumption_block_title_row(fx), 32 + 3)
        assumptions.cell(SETTING_ROW["deflator_source"], SETTING_VALUE_COLUMN).value = None
        results = workbook["Results"]
        for key in ("fx", "core_usd_mn"):
            for ally in range(32):
                for year in layout.result_years:
                    results.cell(
                        layout.result_row(key, ally), layout.result_column(year)
                    ).value = None
    workbook.save(path)
    return cell


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def saved(tmp_path, rich_scenario):
    path = tmp_path / "scenario.xlsx"
    save_scenario(rich_scenario, path)
    return path, rich_scenario


def test_a_newer_schema_is_refused_and_the_file_left_untouched(saved, capsys):
    path, _ = saved
    cell = set_schema(path, SCHEMA_VERSION + 1)
    before = digest(path)
    with pytest.raises(FileProblemError) as caught:
        read_scenario(path)
    problem = caught.value.problems[0]
    assert (problem.sheet, problem.cell) == ("About", cell)
    assert "newer natoplanner" in problem.message and "not changed" in problem.message
    assert run_command(["summary", str(path)]) == 1
    assert "newer natoplanner" in capsys.readouterr().err
    assert digest(path) == before


@pytest.mark.parametrize("value", ["two", 0, 1.5, None])
def test_an_unknown_schema_is_refused(saved, value):
    path, _ = saved
    set_schema(path, value)
    with pytest.raises(FileProblemError, match="schema"):
        read_scenario(path)


def make_schema_1(path: Path) -> None:
    """Rewrite a saved file as schema 1 wrote it: no per-ally target columns."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Assumptions"]
    first = POLICY_COLUMN_INDEX["core_target_pct"]
    last_row = Layout(32, 2026).policy_row(31)
    letter = openpyxl.utils.get_column_letter
    moved = f"{letter(first + 2)}{POLICY_HEADER_ROW}:{letter(len(POLICY_COLUMN_INDEX))}{last_row}"
    sheet.move_range(moved, cols=-2)
    for row in range(POLICY_HEADER_ROW, last_row + 1):
        for column in (len(POLICY_COLUMN_INDEX) - 1, len(POLICY_COLUMN_INDEX)):
            sheet.cell(row, column).value = None
    workbook.save(path)
    set_schema(path, 1)


def test_a_schema_1_workbook_is_migrated_with_a_warning(saved):
    path, rich = saved
    make_schema_1(path)
    loaded = read_scenario(path)
    assert loaded.schema_version == 1
    (warning,) = loaded.warnings
    assert "schema 1" in warning.message and warning.severity == "warning"
    scenario = loaded.scenario
    # Schema 1 had no per-ally targets: every ally is on the Hague 3.5% / 5%.
    assert set(scenario.all_targets) == {Targets(3.5, 5.0)}
    assert scenario.core_policies == rich.core_policies
    assert scenario.related_tracks == rich.related_tracks
    assert scenario.year_input(Measure.CORE_BUDGET, "POL", 2028) == 260_000.0
    # Saving writes the current schema, which then loads without a warning.
    save_scenario(scenario, path)
    again = read_scenario(path)
    assert again.schema_version == SCHEMA_VERSION and again.warnings == []


def test_a_workbook_without_a_schema_is_not_taken_for_a_scenario(saved):
    path, _ = saved
    workbook = openpyxl.load_workbook(path)
    workbook["About"][schema_cell(workbook["About"]).replace("B", "A")] = "Something else"
    workbook.save(path)
    with pytest.raises(FileProblemError, match="not a natoplanner scenario"):
        read_scenario(path)


def test_a_schema_2_file_without_the_issue_13_cells_reads_with_defaults(saved):
    """Files saved before the back-loading setting (row 8) and the grow-until column
    existed read as every-year growth and the default threshold; saving writes them."""
    from natoplanner.core.indicators.path_facts import DEFAULT_BACKLOAD_FRACTION
    from natoplanner.io.workbook.layout import SETTING_ROW, SETTING_VALUE_COLUMN

    path, rich = saved
    assert rich.backload_fraction == 0.4 and rich.core_policy("GRC").growth_until == 2030
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Assumptions"]
    sheet.cell(SETTING_ROW["backload_fraction"], 1).value = None
    sheet.cell(SETTING_ROW["backload_fraction"], SETTING_VALUE_COLUMN).value = None
    sheet.delete_cols(POLICY_COLUMN_INDEX["growth_until"])
    workbook.save(path)
    scenario = read_scenario(path).scenario
    assert scenario.backload_fraction == DEFAULT_BACKLOAD_FRACTION
    assert scenario.core_policy("GRC").growth_until is None
    assert scenario.core_policy("GRC").rate_pct == 6.0


def test_a_bad_back_loading_threshold_names_its_cell(saved):
    from natoplanner.io.workbook.layout import SETTING_ROW, SETTING_VALUE_COLUMN

    path, _ = saved
    workbook = openpyxl.load_workbook(path)
    workbook["Assumptions"].cell(SETTING_ROW["backload_fraction"], SETTING_VALUE_COLUMN).value = 3
    workbook.save(path)
    with pytest.raises(FileProblemError) as caught:
        read_scenario(path)
    problem = caught.value.problems[0]
    assert problem.sheet == "Assumptions"
    assert problem.cell == f"C{SETTING_ROW['backload_fraction']}"
    assert "back-loading" in problem.message


def make_schema_2_results(path: Path) -> None:
    """Rewrite a saved file's Results as schema 2 wrote them: USD gaps at base-year rates
    only (nominal / rate), no price-index block."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Results"]
    layout = Layout(32, 2026)
    for ally in range(32):
        for year in layout.result_years:
            column = layout.result_column(year)
            gap = sheet.cell(layout.result_row("core_gap_usd_mn", ally), column)
            if isinstance(gap.value, str) and gap.value.startswith("="):
                numerator, _price, rate = gap.value.split("/")
                gap.value = f"{numerator}/{rate}"
            sheet.cell(layout.result_row("price_index", ally), column).value = None
    workbook.save(path)
    set_schema(path, 2)


def test_a_schema_2_workbook_s_results_are_not_taken_for_hand_edits(saved):
    path, rich = saved
    make_schema_2_results(path)
    loaded = read_scenario(path)
    assert loaded.schema_version == 2
    (warning,) = loaded.warnings  # the schema only, not "edited by hand"
    assert "schema 2" in warning.message
    assert loaded.scenario.core_policies == rich.core_policies
    save_scenario(loaded.scenario, path)
    again = read_scenario(path)
    assert again.schema_version == SCHEMA_VERSION == 4 and again.warnings == []


def test_in_schema_3_an_edited_price_index_is_a_hand_edit(saved):
    path, _ = saved
    workbook = openpyxl.load_workbook(path)
    layout = Layout(32, 2026)
    cell = workbook["Results"].cell(layout.result_row("price_index", 0), layout.result_column(2030))
    cell.value = 1.1
    workbook.save(path)
    (warning,) = read_scenario(path).warnings
    assert "edited by hand" in warning.message and cell.coordinate in warning.message
