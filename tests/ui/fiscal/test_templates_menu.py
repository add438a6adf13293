"""File > New from template > Announced national plans opens the template in a new window."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtWidgets import QApplication

from natoplanner.ui.shell.prompts import ScriptedPrompts
from natoplanner.ui.shell.workspace import Workspace
from natoplanner.ui.window.main_window import MainWindow

DATA = Path(__file__).resolve().parents[3] / "data"


def test_new_from_template_opens_the_announced_plans(qtbot) -> None:
    workspace = Workspace(
        "en",
        window_factory=MainWindow.in_workspace,
        prompts_factory=lambda _window: ScriptedPrompts(),
    )
    first = workspace.open_window()
    qtbot.addWidget(first)
    file_actions = [a.text() for a in first.file_menu.actions()]
    assert file_actions.index("New from te&mplate") == file_actions.index("&New scenario") + 1
    first.announced_template_action.trigger()
    assert len(workspace.documents) == 2
    document = workspace.documents[-1]
    assert document.scenario.name == "Announced national plans"
    with open(DATA / "announced_plans.csv", encoding="utf-8", newline="") as handle:
        plans = list(csv.DictReader(handle))
    for plan in plans:
        assert plan["url"] in document.scenario.notes
    assert document.scenario.core_policy("DEU").target_year == 2029
    assert not document.is_modified  # a fresh template: nothing to save yet
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow):
            window.document.undo_stack.setClean()
