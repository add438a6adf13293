"""File > Import: the dialog on SIPRI-, ministry- and broken files, driven as a user would.

Scenarios based on 2024 make NATO's 2025e and 2026e figures projection-year
inputs, so importing NATO's own published numbers must reproduce them: that
is the independent check of every applied import here.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Measure, Scenario
from natoplanner.io.sources.detect import Unit
from natoplanner.io.workbook.files import save_scenario
from natoplanner.ui.exchange.import_dialog import ImportDialog
from natoplanner.ui.exchange.import_open import show_import_dialog
from natoplanner.ui.exchange.import_preview import GLYPHS, Mark, MarkRole
from natoplanner.ui.window.commands import SetYearInput
from natoplanner.ui.window.document import ScenarioDocument
from natoplanner.ui.window.main_window import MainWindow
from tests.io import import_fixtures as fx

SIPRI_ALLIES = {"POL", "DEU", "FRA", "GBR", "TUR", "CZE", "MKD"}


@pytest.fixture
def window_2024(qtbot, prompts) -> MainWindow:
    win = MainWindow(ScenarioDocument(Scenario(base_year=2024)), prompts=prompts)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.document.undo_stack.setClean()


@pytest.fixture(scope="module")
def sipri(tmp_path_factory):
    return fx.sipri_workbook(tmp_path_factory.mktemp("sipri") / "SIPRI-Milex-data.xlsx")


def wait_idle(qtbot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)


def open_dialog(qtbot, window, path) -> ImportDialog:
    dialog = show_import_dialog(window, path)
    wait_idle(qtbot, dialog)
    return dialog


def choose(qtbot, dialog: ImportDialog, combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))
    wait_idle(qtbot, dialog)


def cell(dialog: ImportDialog, row: int, col: int, role=Qt.ItemDataRole.DisplayRole):
    return dialog.model.index(row, col).data(role)


def no_overrides(scenario: Scenario) -> bool:
    return all(
        not (scenario.year_inputs(m) == scenario.year_inputs(m)).any()  # all NaN
        for m in Measure
    )


# -- SIPRI workbook ------------------------------------------------------------------
def test_sipri_preview_marks_regions_and_missing_markers_with_reasons(
    qtbot, qtmodeltester, window_2024, sipri
):
    dialog = open_dialog(qtbot, window_2024, sipri)
    assert dialog.sheet_combo.currentData() == "Current US$"  # first sheet with allies
    choose(qtbot, dialog, dialog.sheet_combo, "Share of GDP")

    # The guess is shown as such: fractions, preselected and labelled "detected".
    assert dialog.unit_combo.currentData() == Unit.FRACTION
    assert "(detected)" in dialog.unit_combo.currentText()
    assert "share of GDP" in dialog.detected_label.text()
    assert "detected as fractions" in dialog.detected_label.text()
    assert dialog.header_spin.value() == 5  # Excel row 5, under four title rows

    # Africa (Excel row 6) is a region: glyph, tint and the reason at the cell.
    assert cell(dialog, 5, 0, MarkRole) == Mark.SKIPPED
    assert cell(dialog, 5, 0).startswith(GLYPHS[Mark.SKIPPED])
    assert "region or total" in cell(dialog, 5, 0, Qt.ItemDataRole.ToolTipRole)
    assert "Share of GDP!A6" in cell(dialog, 5, 0, Qt.ItemDataRole.ToolTipRole)
    assert cell(dialog, 5, 0, Qt.ItemDataRole.BackgroundRole) is not None
    # Germany 2014 is "..." in SIPRI's sheet (Excel C12).
    assert cell(dialog, 11, 2) == f"{GLYPHS[Mark.SKIPPED]} ..."
    tip = cell(dialog, 11, 2, Qt.ItemDataRole.ToolTipRole)
    assert "Share of GDP!C12" in tip and "no figure ('...')" in tip
    # Poland 2025 (Excel N11) will be imported, and says what it becomes.
    assert cell(dialog, 10, 13, MarkRole) == Mark.OK
    assert "Poland 2025" in cell(dialog, 10, 13, Qt.ItemDataRole.ToolTipRole)

    # Row headings keep the country in view when the preview scrolls to the year columns.
    assert dialog.model.headerData(10, Qt.Orientation.Vertical) == "11  Poland"
    assert (
        dialog.model.headerData(5, Qt.Orientation.Vertical) == f"6  {GLYPHS[Mark.SKIPPED]} Africa"
    )

    assert dialog.summary_label.text().startswith("Will set 14 inputs for 7 allies, 2025–2026")
    assert "Czechoslovakia" in dialog.details.toPlainText()
    assert dialog.import_button.isEnabled()
    qtmodeltester.check(dialog.model)
    dialog.close()


def test_apply_sets_nato_shares_as_overrides_in_one_undo_step(qtbot, window_2024, prompts, sipri):
    document = window_2024.document
    dialog = open_dialog(qtbot, window_2024, sipri)
    choose(qtbot, dialog, dialog.sheet_combo, "Share of GDP")
    steps_before = document.undo_stack.count()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    scenario = document.scenario
    assert document.undo_stack.count() == steps_before + 1
    assert "Import 14 cells from SIPRI-Milex-data.xlsx" == document.undo_stack.text(steps_before)
    for iso3 in SIPRI_ALLIES:
        for year in (2025, 2026):
            assert scenario.year_input(Measure.CORE_BUDGET, iso3, year) is not None
    # NATO 2026 edition: Poland 4.25% (2025e) and 4.68% (2026e), Germany 2.22% and 2.69%.
    paths = document.projection.paths
    for iso3, year, published in (("POL", 2025, 4.25), ("POL", 2026, 4.68), ("DEU", 2026, 2.69)):
        assert paths.core_share_pct[scenario.row(iso3), year - 2024] == pytest.approx(published)
    kind, message = prompts.asked[-1]
    assert kind == "information" and "14 cells for 7 allies" in message
    assert "Czechoslovakia" in message  # what was skipped, and why, after the import

    document.undo_stack.undo()
    assert no_overrides(document.scenario)


def test_french_cp1252_csv_imports_published_budgets(qtbot, window_2024, tmp_path):
    path = fx.french_budget_csv(tmp_path / "budget défense.csv")
    dialog = open_dialog(qtbot, window_2024, path)
    assert "million national currency" in dialog.detected_label.text()
    assert "decimal comma" in dialog.details.toPlainText()
    assert cell(dialog, 3, 0) == "Allemagne"
    assert cell(dialog, 8, 0, MarkRole) == Mark.SKIPPED  # "Total"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    scenario = window_2024.document.scenario
    for iso3 in fx.FRENCH_ALLIES:
        for year in (2025, 2026):
            published = fx.nato(iso3, year, "defence_exp_national_million")
            imported = scenario.year_input(Measure.CORE_BUDGET, iso3, year)
            assert imported == pytest.approx(round(published, 1)), (iso3, year)


def test_unknown_names_and_text_values_are_marked_with_reasons(qtbot, window_2024, tmp_path):
    path = tmp_path / "budget.csv"
    path.write_text(
        "Country,2025,2026\nPoland,150000,180000\nPolandia,1,2\nGermany,90000,12 bn\n",
        encoding="utf-8",
    )
    dialog = open_dialog(qtbot, window_2024, path)
    assert cell(dialog, 2, 0, MarkRole) == Mark.UNMATCHED
    assert cell(dialog, 2, 0).startswith(GLYPHS[Mark.UNMATCHED])
    assert "closest ally: Poland" in cell(dialog, 2, 0, Qt.ItemDataRole.ToolTipRole)
    assert cell(dialog, 3, 2, MarkRole) == Mark.INVALID
    assert cell(dialog, 3, 2) == f"{GLYPHS[Mark.INVALID]} 12 bn"
    assert "budget.csv!C4: invalid" in cell(dialog, 3, 2, Qt.ItemDataRole.ToolTipRole)
    assert "1 invalid" in dialog.summary_label.text()
    assert "1 names not matched" in dialog.summary_label.text()


def test_user_corrects_the_unit_and_the_preview_follows(qtbot, window_2024, prompts, sipri):
    prompts.confirm_answer = False  # keep the unit the user chose
    dialog = open_dialog(qtbot, window_2024, sipri)
    choose(qtbot, dialog, dialog.sheet_combo, "Share of GDP")
    choose(qtbot, dialog, dialog.unit_combo, Unit.PERCENT)
    # 0.0425 read as percent is 0.0425% of GDP: far below every ally's path, so the
    # preview refuses it and names the unit that fits (fractions).
    assert "you chose" in dialog.detected_label.text()
    assert dialog.preview.settings.unit is Unit.PERCENT
    assert dialog.preview.plan.likely_unit is Unit.FRACTION
    assert not dialog.import_button.isEnabled()
    # A header row with no years describes no table: nothing can be imported.
    dialog.header_spin.setValue(1)
    wait_idle(qtbot, dialog)
    assert "no table" in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled()


def test_new_scenario_opens_a_window_and_leaves_the_open_one(qtbot, window_2024, sipri):
    dialog = open_dialog(qtbot, window_2024, sipri)
    choose(qtbot, dialog, dialog.sheet_combo, "Share of GDP")
    dialog.into_new.setChecked(True)
    wait_idle(qtbot, dialog)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    windows = window_2024.workspace.windows
    assert len(windows) == 2
    new = windows[1]
    try:
        assert new.document.scenario.name == "SIPRI-Milex-data"
        assert new.document.scenario.year_input(Measure.CORE_BUDGET, "POL", 2026) is not None
        assert new.document.undo_stack.count() == 1  # the import, undoable there
        share = Projection(new.document.scenario).paths.core_share_pct
        assert share[new.document.scenario.row("POL"), 2] == pytest.approx(4.68)
        assert no_overrides(window_2024.document.scenario)
    finally:
        new.document.undo_stack.setClean()
        new.close()


# -- broken files -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("empty.xlsx", b"", "empty.xlsx"),
        ("truncated.xlsx", None, "truncated.xlsx"),
    ],
)
def test_bad_file_ends_in_a_message_and_changes_nothing(
    qtbot, window_2024, prompts, sipri, tmp_path, name, content, expected
):
    path = tmp_path / name
    path.write_bytes(content if content is not None else sipri.read_bytes()[:3000])
    before = window_2024.document.scenario.copy()
    dialog = open_dialog(qtbot, window_2024, path)
    errors = [m for kind, m in prompts.asked if kind == "error"]
    assert len(errors) == 1 and expected in errors[0]
    assert "Traceback" not in errors[0]
    assert dialog.details.toPlainText() == dialog.error_text
    assert not dialog.import_button.isEnabled()
    assert window_2024.document.scenario.inputs_equal(before)
    assert window_2024.document.undo_stack.count() == 0


def test_cancel_drops_the_result(qtbot, window_2024, sipri):
    dialog = show_import_dialog(window_2024, sipri)
    dialog.cancel_button.click()  # before the worker's answer is handled
    wait_idle(qtbot, dialog)
    assert dialog.preview is None and dialog.summary_label.text() == "Reading cancelled."
    assert not dialog.import_button.isEnabled()
    assert dialog.isVisible()  # the dialog stays usable: choose another file


# -- menu and drag-and-drop -------------------------------------------------------------------
def test_file_import_action_asks_for_a_file(qtbot, window_2024, prompts, sipri):
    prompts.next_open_path = sipri
    window_2024.import_action.trigger()
    dialog = window_2024.findChild(ImportDialog)
    assert dialog is not None and dialog.path == sipri
    wait_idle(qtbot, dialog)
    assert dialog.preview is not None
    dialog.close()


def _drop(window, widget, path) -> None:
    """Drag ``path`` over ``widget`` and drop it, as the platform delivers it (to the QWindow)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    point = widget.mapTo(window, widget.rect().center())
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(point, *args)
    QApplication.sendEvent(window.windowHandle(), enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window.windowHandle(), QDropEvent(QPointF(point), *args))


def test_dropping_a_spreadsheet_starts_the_import(qtbot, window_2024, sipri):
    _drop(window_2024, window_2024.plot.plot_widget, sipri)
    qtbot.waitUntil(lambda: window_2024.findChild(ImportDialog) is not None)
    dialog = window_2024.findChild(ImportDialog)
    assert dialog.path == sipri
    wait_idle(qtbot, dialog)
    dialog.close()


def test_dropping_a_scenario_workbook_opens_it(qtbot, window, tmp_path):
    saved = Scenario(name="Plan B")
    saved.set_horizon(2038)
    path = tmp_path / "plan b.xlsx"
    save_scenario(saved, path)
    _drop(window, window.allies_panel.view, path)
    qtbot.waitUntil(lambda: window.document.path == path)
    assert window.document.scenario.horizon == 2038
    assert window.findChild(ImportDialog) is None


def test_imf_long_extract_shows_year_and_value_columns(qtbot, window, tmp_path):
    path = fx.imf_long_csv(tmp_path / "WEO extract.csv")
    dialog = open_dialog(qtbot, window, path)
    assert dialog.layout_combo.currentData() == "long"
    assert dialog.year_combo.isVisible() and not dialog.years_label.isVisible()
    assert dialog.year_combo.currentText() == "G — Year"
    assert dialog.value_combo.currentText() == "H — Value"
    assert dialog.measure_combo.currentData() == "real_growth"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    scenario = window.document.scenario
    for iso3 in fx.IMF_ALLIES:
        for year in range(2027, 2032):  # 2026 is the base year: NATO data, not an input
            assert scenario.year_input(Measure.REAL_GROWTH, iso3, year) == pytest.approx(
                fx.imf(iso3, year)
            )
    assert scenario.year_input(Measure.REAL_GROWTH, "POL", 2032) is None


def test_scenario_edited_while_the_dialog_is_open_is_previewed_again(qtbot, window_2024, sipri):
    dialog = open_dialog(qtbot, window_2024, sipri)
    choose(qtbot, dialog, dialog.sheet_combo, "Share of GDP")
    document = window_2024.document
    # The user raises Poland's 2025 real growth in the window: 2025 GDP grows, and
    # so does the budget that 4.25% of it costs.
    document.push(SetYearInput(document, Measure.REAL_GROWTH, "POL", 2025, 10.0))
    wait_idle(qtbot, dialog)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    paths = document.projection.paths
    share = paths.core_share_pct[document.scenario.row("POL"), 1]
    assert share == pytest.approx(4.25)  # NATO 2025e, under the edited GDP path
    assert document.undo_stack.count() == 2


# -- issue 14: the dialog never imports a wrong number --------------------------------------
def test_several_value_columns_ask_and_the_chosen_header_gives_the_measure(qtbot, window, tmp_path):
    path = tmp_path / "two.csv"
    path.write_text(
        "Country,Year,Defence share of GDP (%),Real GDP growth (%)\n"
        "Poland,2029,4.5,2.1\nGermany,2029,3.5,1.2\n"
    )
    dialog = open_dialog(qtbot, window, path)
    assert not dialog.import_button.isEnabled()
    assert "until this is settled" in dialog.summary_label.text()
    assert "choose one" in dialog.value_combo.toolTip()
    choose(qtbot, dialog, dialog.value_combo, 3)  # D — Real GDP growth (%)
    assert dialog.measure_combo.currentData() == "real_growth"
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert window.document.scenario.year_input(Measure.REAL_GROWTH, "POL", 2029) == 2.1
    assert window.document.scenario.year_input(Measure.CORE_BUDGET, "POL", 2029) is None


def test_implausible_unit_asks_about_the_likely_one(qtbot, window_2024, prompts, sipri):
    prompts.confirm_answer = True
    dialog = open_dialog(qtbot, window_2024, sipri)
    choose(qtbot, dialog, dialog.sheet_combo, "Share of GDP")
    choose(qtbot, dialog, dialog.unit_combo, Unit.PERCENT)
    qtbot.waitUntil(lambda: any(kind == "confirm" for kind, _ in prompts.asked))
    wait_idle(qtbot, dialog)
    question = next(m for kind, m in prompts.asked if kind == "confirm")
    assert "fraction" in question
    assert dialog.preview.settings.unit is Unit.FRACTION  # the user said yes
    assert dialog.import_button.isEnabled()


def test_cells_with_errors_need_an_explicit_choice(qtbot, window, tmp_path):
    path = tmp_path / "one bad.csv"
    path.write_text("Defence share of GDP (%)\nCountry,2027\nPoland,4.7\nGermany,#N/A!\n")
    dialog = open_dialog(qtbot, window, path)
    assert not dialog.import_button.isEnabled() and dialog.partial_check.isVisible()
    dialog.partial_check.setChecked(True)
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    share = Projection(window.document.scenario).paths.core_share_pct
    assert share[window.document.scenario.row("POL"), 1] == pytest.approx(4.7, rel=1e-9)


def test_a_damaged_file_dropped_on_the_window_ends_in_a_message(qtbot, window, prompts, tmp_path):
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    _drop(window, window.allies_panel.view, path)
    qtbot.waitUntil(lambda: any(kind == "error" for kind, _ in prompts.asked), timeout=10_000)
    message = next(m for kind, m in prompts.asked if kind == "error")
    assert "damaged.xlsx" in message and "Traceback" not in message


def test_importing_a_scenario_workbook_offers_its_inputs(qtbot, window, prompts, tmp_path):
    saved = Scenario(name="Plan B")
    saved.set_year_input(Measure.CORE_BUDGET, "POL", 2030, 250_000.0)
    path = tmp_path / "plan b.xlsx"
    save_scenario(saved, path)
    prompts.choice = 1  # "Import its inputs"
    prompts.next_open_path = path
    window.import_action.trigger()
    assert any(kind == "choose" and "scenario workbook" in m for kind, m in prompts.asked)
    assert window.findChild(ImportDialog) is None
    assert window.document.scenario.year_input(Measure.CORE_BUDGET, "POL", 2030) == 250_000.0
    window.document.undo_stack.undo()  # one step
    assert window.document.scenario.year_input(Measure.CORE_BUDGET, "POL", 2030) is None


def test_choosing_a_money_measure_for_a_share_column_is_refused(qtbot, window, tmp_path):
    path = tmp_path / "share.csv"
    path.write_text("Country,Year,Share of GDP (%)\nGermany,2030,3.5\nPoland,2030,4.7\n")
    dialog = open_dialog(qtbot, window, path)
    assert dialog.import_button.isEnabled()
    choose(qtbot, dialog, dialog.measure_combo, "core_budget")
    assert "cannot be read as core defence budget" in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled()
