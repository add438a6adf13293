"""Several scenarios open at once: new, duplicate, rename, close."""

from __future__ import annotations

from natoplanner.core.scenario import Measure
from natoplanner.ui.shell.prompts import ScriptedPrompts, Unsaved
from natoplanner.ui.shell.workspace import Workspace, unique_name
from natoplanner.ui.window.commands import SetYearInput
from natoplanner.ui.window.main_window import MainWindow


def test_unique_name():
    assert unique_name("Scenario", set()) == "Scenario"
    assert unique_name("Scenario", {"Scenario", "Scenario 2"}) == "Scenario 3"


def test_duplicate_rename_and_close(qtbot):
    workspace = Workspace(
        window_factory=MainWindow.in_workspace,
        prompts_factory=lambda window: ScriptedPrompts(unsaved=Unsaved.DISCARD, text="Plan B"),
    )
    first = workspace.open_window()
    first.document.push(SetYearInput(first.document, Measure.CORE_BUDGET, "DEU", 2030, 150000.0))

    second = workspace.duplicate(first.document)
    assert len(workspace.windows) == 2
    assert second.document.scenario.name == "Default scenario (copy)"
    assert second.document.scenario.year_input(Measure.CORE_BUDGET, "DEU", 2030) == 150000.0
    # The copy is independent: undo in the first leaves the second as it was.
    first.undo_action.trigger()
    assert first.document.scenario.year_input(Measure.CORE_BUDGET, "DEU", 2030) is None
    assert second.document.scenario.year_input(Measure.CORE_BUDGET, "DEU", 2030) == 150000.0

    second.rename_action.trigger()
    assert second.document.scenario.name == "Plan B"
    assert second.windowTitle().startswith("Plan B")
    second.undo_action.trigger()
    assert second.document.scenario.name == "Default scenario (copy)"

    assert second.close()
    assert workspace.windows == [first]
    first.document.undo_stack.setClean()
    first.close()
    assert workspace.windows == []
