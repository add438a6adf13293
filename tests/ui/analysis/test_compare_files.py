"""Compare: a scenario file added from disk, the table exported to CSV, the window closed."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtWidgets import QPushButton

from natoplanner.core.scenario import BudgetPolicy, CorePolicy, Scenario
from natoplanner.io.workbook.files import save_scenario
from natoplanner.ui.shell.prompts import ScriptedPrompts, Unsaved
from natoplanner.ui.shell.workspace import Workspace
from natoplanner.ui.window.main_window import MainWindow


@pytest.fixture
def workspace(qtbot):
    space = Workspace(
        window_factory=MainWindow.in_workspace,
        prompts_factory=lambda window: ScriptedPrompts(unsaved=Unsaved.DISCARD),
    )
    yield space
    for window in reversed(space.windows):
        window.document.undo_stack.setClean()
        window.close()


def test_add_a_scenario_file_export_the_table_and_close(qtbot, tmp_path, workspace):
    # A colleague's file: Germany ramps to 3.5% by 2030.
    scenario = Scenario(name="Ramp plan")
    scenario.set_core_policy(
        "DEU", CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2030)
    )
    workbook = tmp_path / "ramp plan.xlsx"
    save_scenario(scenario, workbook)

    first = workspace.open_window()
    first.compare_action.trigger()
    dialog = first.compare_dialog
    first.prompts.next_open_path = workbook
    added = dialog.add_from_disk()
    assert added is not None and added.path == workbook
    assert [d.scenario.name for d in dialog.documents()] == ["Default scenario", "Ramp plan"]
    assert dialog.reference_document() is first.document
    assert len(workspace.windows) == 2  # opened in its own window, as File > Open would

    first.prompts.next_save_path = tmp_path / "comparison"
    path = dialog.export_table()
    assert path == tmp_path / "comparison.csv"
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    header, body = rows[0], rows[1:]
    assert header[0] and len(body) >= 31
    germany = next(r for r in body if r[0] in ("Germany", "DEU"))
    # Germany at the horizon: 3.5% in the ramp plan against 2.69% held (NATO 2026e).
    assert "3.5" in germany and "2.69" in germany
    assert not any("e-" in cell for row in body for cell in row)

    # A file that is not a workbook: a message, nothing added.
    bad = tmp_path / "notes.xlsx"
    bad.write_text("not a workbook")
    first.prompts.next_open_path = bad
    assert dialog.add_from_disk() is None
    assert first.prompts.asked[-1][0] == "error"
    assert len(dialog.documents()) == 2

    close = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Close")
    close.click()
    assert not dialog.isVisible()
