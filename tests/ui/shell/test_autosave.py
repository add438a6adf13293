"""Autosave and crash recovery: a killed application gives its edits back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from natoplanner.core.scenario import Measure, Scenario
from natoplanner.io.recovery import read_recovery
from natoplanner.io.workbook.files import load_scenario, save_scenario
from natoplanner.ui.shell.autosave import Autosave, offer_recovery
from natoplanner.ui.shell.prompts import Recovery, ScriptedPrompts
from natoplanner.ui.shell.workspace import Workspace
from natoplanner.ui.window.commands import SetYearInput
from natoplanner.ui.window.document import ScenarioDocument
from natoplanner.ui.window.main_window import MainWindow

#: Poland's 2030 core budget typed in the killed session (million PLN): well
#: above the default path (about 240,000 mn PLN at a constant 4.68% share).
EDITED_BUDGET_MN = 275_000.0


def make_window(
    qtbot, workspace: Workspace, document: ScenarioDocument | None = None, answer=Recovery.LATER
):
    window = MainWindow(
        document or ScenarioDocument(),
        prompts=ScriptedPrompts(recovery=answer),
        workspace=workspace,
    )
    # Not qtbot.addWidget: workspace windows delete themselves on close; the
    # workspace fixture closes what is left.
    return window


@pytest.fixture
def workspace(qapp):
    prompts_factory = lambda w: ScriptedPrompts()  # noqa: E731 - windows the workspace opens never show dialogs
    space = Workspace(window_factory=MainWindow.in_workspace, prompts_factory=prompts_factory)
    yield space
    for window in space.windows:
        window.document.undo_stack.setClean()
        window.close()


def edit_budget(document: ScenarioDocument, value: float = EDITED_BUDGET_MN) -> None:
    document.push(SetYearInput(document, Measure.CORE_BUDGET, "POL", 2030, value))


def test_only_modified_scenarios_are_written_never_over_the_users_file(qtbot, tmp_path, workspace):
    user_file = tmp_path / "user" / "plan.xlsx"
    user_file.parent.mkdir()
    save_scenario(Scenario(name="Plan"), user_file)
    before = user_file.read_bytes()
    window = make_window(qtbot, workspace, ScenarioDocument(load_scenario(user_file), user_file))
    autosave = Autosave(workspace, root=tmp_path / "autosave", interval_s=3600)

    assert autosave.save_now() == []  # nothing changed: nothing written
    edit_budget(window.document)
    [entry] = autosave.save_now()
    assert entry.workbook.parent == autosave.folder
    assert entry.original_path == user_file and entry.name == "Plan"
    assert user_file.read_bytes() == before
    assert (
        load_scenario(entry.workbook).year_input(Measure.CORE_BUDGET, "POL", 2030)
        == EDITED_BUDGET_MN
    )
    assert autosave.save_now() == []  # unchanged since the last autosave

    window.document.undo_stack.undo()  # back to the file's content: the copy goes
    autosave.save_now()
    assert read_recovery(autosave.folder) == []
    window.document.undo_stack.redo()
    assert len(autosave.save_now()) == 1
    assert window.save()  # saved by the user: no recovery copy is needed
    autosave.save_now()
    assert read_recovery(autosave.folder) == []

    autosave.finish()  # a normal quit leaves nothing behind
    assert not autosave.folder.exists()


def test_timer_saves_without_being_asked(qtbot, tmp_path, workspace):
    window = make_window(qtbot, workspace)
    autosave = Autosave(workspace, root=tmp_path / "autosave", interval_s=0.1)
    edit_budget(window.document)
    qtbot.waitUntil(lambda: len(read_recovery(autosave.folder)) == 1, timeout=3000)
    autosave.finish()


def test_a_live_session_is_not_offered_and_later_keeps_the_copies(qtbot, tmp_path, workspace):
    root = tmp_path / "autosave"
    window = make_window(qtbot, workspace)
    running = Autosave(workspace, root=root, interval_s=3600)
    edit_budget(window.document)
    running.save_now()
    other = Autosave(Workspace(), root=root, interval_s=3600)
    assert other.pending_recovery() == []  # its lock is held by a live process (this one)

    running._lock.unlock()  # as if the process had died without cleaning up
    [entry] = other.pending_recovery()
    assert entry.name == Scenario().name
    new_window = make_window(qtbot, workspace, answer=Recovery.LATER)
    assert offer_recovery(new_window, other) == []
    assert len(other.pending_recovery()) == 1
    new_window.prompts.recovery = Recovery.DISCARD
    assert offer_recovery(new_window, other) == []
    assert other.pending_recovery() == [] and not running.folder.exists()
    other.finish()


def app_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        NATOPLANNER_AUTOSAVE_SECONDS="0.3",
    )
    return env


@pytest.mark.timeout(120)
def test_killed_application_is_recovered_at_next_start(qtbot, tmp_path, qapp):
    home = tmp_path / "home"
    home.mkdir()
    user_file = tmp_path / "plan.xlsx"
    save_scenario(Scenario(name="Warsaw plan"), user_file)
    before = user_file.read_bytes()
    # The application's own data folder (QStandardPaths.AppDataLocation).
    root = home / "data" / "natoplanner" / "natoplanner" / "autosave"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "natoplanner",
            str(user_file),
            "--apply-edit",
            f"core_budget_mn:POL:2030:{EDITED_BUDGET_MN}",
        ],
        env=app_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not list(root.glob("session-*/*.json")):
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "no autosave within 60 s"
            time.sleep(0.1)
        time.sleep(0.2)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    assert process.returncode == -signal.SIGKILL
    assert user_file.read_bytes() == before  # autosave never writes the user's file

    # Next start (in-process, the answer scripted): restore.
    workspace = Workspace(
        window_factory=MainWindow.in_workspace, prompts_factory=lambda w: ScriptedPrompts()
    )
    first = make_window(qtbot, workspace, answer=Recovery.RESTORE)
    autosave = Autosave(workspace, root=root, interval_s=3600)
    asked_before = len(first.prompts.asked)
    [restored] = offer_recovery(first, autosave)
    kind, shown = first.prompts.asked[asked_before]
    assert kind == "recover"
    assert "Warsaw plan" in shown and str(user_file) in shown and time.strftime("%Y-%m-%d") in shown
    document = restored.document
    assert document.scenario.name == "Warsaw plan"
    assert document.scenario.year_input(Measure.CORE_BUDGET, "POL", 2030) == EDITED_BUDGET_MN
    assert document.path == user_file
    assert document.is_modified  # unsaved until the user saves
    assert "*" in restored.windowTitle() or restored.isWindowModified()
    assert workspace.windows == [restored]  # the empty start window made way
    # The crashed session's folder is gone; the restored scenario is now in ours.
    assert [p for p in root.iterdir() if p != autosave.folder] == []
    autosave.save_now()  # waits for the worker thread
    assert len(read_recovery(autosave.folder)) == 1
    document.undo_stack.setClean()
    autosave.finish()
    restored.close()
