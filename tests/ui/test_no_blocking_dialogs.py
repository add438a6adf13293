"""No dialog blocks a test run, and every path that would lose work asks first."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from natoplanner.core.scenario import Measure, Scenario
from natoplanner.io.workbook.files import save_scenario
from natoplanner.ui.shell.prompts import ScriptedPrompts, Unsaved
from natoplanner.ui.shell.workspace import Workspace
from natoplanner.ui.window.commands import SetYearInput
from natoplanner.ui.window.document import ScenarioDocument
from natoplanner.ui.window.main_window import MainWindow


def edit(document: ScenarioDocument) -> None:
    document.push(SetYearInput(document, Measure.CORE_BUDGET, "DEU", 2030, 150_000.0))


def test_watchdog_closes_a_stray_modal_dialog(qtbot, no_blocking_dialogs):
    box = QMessageBox(QMessageBox.Icon.Information, "Stray", "This would block a test run.")
    QTimer.singleShot(5000, box.reject)  # a safety net only; the watchdog acts within 50 ms
    box.exec()
    assert no_blocking_dialogs == ["QMessageBox: Stray"]
    no_blocking_dialogs.clear()  # this test opened it on purpose


def test_watchdog_leaves_dialogs_opened_with_open_alone(qtbot, window, no_blocking_dialogs):
    box = QMessageBox(QMessageBox.Icon.Information, "Window-modal", "Non-blocking.", parent=window)
    box.open()
    qtbot.wait(150)  # three watchdog ticks
    assert box.isVisible() and no_blocking_dialogs == []
    box.close()


def test_every_path_that_would_lose_work_asks_first(qtbot, tmp_path):
    other_file = tmp_path / "other.xlsx"
    save_scenario(Scenario(name="Other"), other_file)
    prompts = ScriptedPrompts(unsaved=Unsaved.CANCEL)
    workspace = Workspace(window_factory=MainWindow.in_workspace, prompts_factory=lambda w: prompts)
    window = MainWindow(ScenarioDocument(), prompts=prompts, workspace=workspace)
    # Not qtbot.addWidget: a workspace window deletes itself when closed (Quit below).
    window.show()
    edit(window.document)
    name = window.document.display_name()

    assert not window.open_scenario(other_file)  # open another file
    assert not window.close()  # close the window
    window.quit_action.trigger()  # quit
    assert window.isVisible() and workspace.windows == [window]
    assert [kind for kind, _ in prompts.asked] == ["unsaved"] * 3
    assert {asked for _, asked in prompts.asked} == {name}
    assert window.document.scenario.year_input(Measure.CORE_BUDGET, "DEU", 2030) == 150_000.0

    prompts.unsaved = Unsaved.DISCARD
    assert window.open_scenario(other_file)
    assert window.document.scenario.name == "Other" and not window.document.is_modified
    window.quit_action.trigger()
    assert workspace.windows == []
