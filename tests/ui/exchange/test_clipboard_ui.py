"""Edit > Copy and Edit > Paste between the planner and a spreadsheet, by keystroke."""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from natoplanner.core.scenario import Measure
from natoplanner.ui.window.year_editor import EditorRow


def clipboard_rows(text: str) -> list[list[str]]:
    assert text.endswith("\r\n")  # Excel's line ends
    return list(csv.reader(io.StringIO(text), delimiter="\t"))


def focus_year_cell(qtbot, window, iso3: str, row: EditorRow, year: int) -> None:
    window.allies_panel.select_iso3([iso3])
    qtbot.waitUntil(lambda: window.year_model.iso3 == iso3)
    view = window.year_view
    view.setFocus()
    index = window.year_model.index(row, year - window.document.scenario.base_year)
    view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def paste(qtbot, window, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(window.year_view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_copy_allies_table_gives_header_and_32_rows_with_units(qtbot, window):
    view = window.allies_panel.view
    view.setFocus()
    view.selectAll()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    rows = clipboard_rows(QGuiApplication.clipboard().text())
    header, body = rows[0], rows[1:]
    assert len(body) == 32 and all(len(r) == len(header) == 10 for r in body)
    assert header[2] == "Core defence 2026 (% of GDP)"
    assert "Gap to core target 2035 (percentage points)" in header
    by_iso3 = {r[0]: r for r in body}
    # NATO 2026 edition, 2026e: Poland 4.68% and Germany 2.69% of GDP, as plain numbers.
    assert float(by_iso3["POL"][2]) == pytest.approx(4.68)
    assert float(by_iso3["DEU"][2]) == pytest.approx(2.69)
    assert by_iso3["ISL"][2] == ""  # Iceland: no armed forces, no figure
    assert by_iso3["POL"][1] == "Poland"


def test_copy_year_editor_block_has_years_and_units(qtbot, window):
    focus_year_cell(qtbot, window, "POL", EditorRow.NOMINAL_GDP, 2026)
    model, view = window.year_model, window.year_view
    block = QItemSelection(
        model.index(EditorRow.NOMINAL_GDP, 0), model.index(EditorRow.CORE_BUDGET, 1)
    )
    view.selectionModel().select(block, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    rows = clipboard_rows(QGuiApplication.clipboard().text())
    assert rows[0] == ["Poland (POL)", "2026e", "2027"]
    assert rows[1][0] == "Nominal GDP (bn PLN)" and rows[2][0] == "Core budget (mn PLN)"
    # NATO 2026e: Poland's core defence budget, PLN million (base year, read-only column).
    assert float(rows[2][1]) == pytest.approx(
        window.document.scenario.dataset.history.query("iso3 == 'POL' and year == 2026")[
            "defence_exp_national_million"
        ].iloc[0]
    )


def test_paste_block_from_excel_with_decimal_commas_is_one_undo_step(qtbot, window):
    focus_year_cell(qtbot, window, "POL", EditorRow.REAL_GROWTH, 2027)
    stack = window.document.undo_stack
    # Two rows (real growth, deflator) × three years, as French Excel copies them.
    paste(qtbot, window, "3,1\t2,9\t2,7\r\n2,5\t2,4\t2,25\r\n")
    scenario = window.document.scenario
    expected = {
        (Measure.REAL_GROWTH, 2027): 3.1,
        (Measure.REAL_GROWTH, 2028): 2.9,
        (Measure.REAL_GROWTH, 2029): 2.7,
        (Measure.DEFLATOR, 2027): 2.5,
        (Measure.DEFLATOR, 2028): 2.4,
        (Measure.DEFLATOR, 2029): 2.25,
    }
    for (measure, year), value in expected.items():
        assert scenario.year_input(measure, "POL", year) == pytest.approx(value)
    assert stack.count() == 1 and stack.text(0) == "Paste 6 cells into Poland"
    # What the user sees in the editor: the pasted growth, and GDP moved by it.
    assert window.year_model.index(EditorRow.REAL_GROWTH, 1).data() == "3.10"
    stack.undo()
    for measure, year in expected:
        assert window.document.scenario.year_input(measure, "POL", year) is None


def test_paste_with_text_in_a_cell_is_refused_and_changes_nothing(qtbot, window, prompts):
    focus_year_cell(qtbot, window, "DEU", EditorRow.REAL_GROWTH, 2027)
    before = window.document.scenario.copy()
    paste(qtbot, window, "1,2\t1,3\r\n1,4\tabout 2\r\n")
    kind, message = prompts.asked[-1]
    assert kind == "error"
    assert "Nothing was pasted" in message and "cell B2" in message and "about 2" in message
    assert window.document.scenario.inputs_equal(before)
    assert window.document.undo_stack.count() == 0


def test_paste_refused_when_the_scenario_rejects_a_value(qtbot, window, prompts):
    focus_year_cell(qtbot, window, "FRA", EditorRow.NOMINAL_GDP, 2030)
    before = window.document.scenario.copy()
    paste(qtbot, window, "3100\t-5\r\n")
    kind, message = prompts.asked[-1]
    assert kind == "error" and "B1" in message and "France" in message
    assert window.document.scenario.inputs_equal(before)


def test_read_only_cells_in_the_block_are_reported_not_written(qtbot, window, prompts):
    focus_year_cell(qtbot, window, "ITA", EditorRow.CORE_BUDGET, 2030)
    paste(qtbot, window, "40000\r\n4\r\n")  # second row lands on "Core share", derived
    scenario = window.document.scenario
    assert scenario.year_input(Measure.CORE_BUDGET, "ITA", 2030) == 40000
    kind, message = prompts.asked[-1]
    assert kind == "information" and "A2 (Core share 2030)" in message
    assert window.document.undo_stack.count() == 1
