"""A start that always works: unwritable data folder, damaged recovery notes, no X libraries."""

from __future__ import annotations

import errno
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from natoplanner.core.scenario import Measure, Scenario
from natoplanner.io.recovery import checked_original_path, read_recovery, write_recovery
from natoplanner.ui.shell import autosave as autosave_module
from natoplanner.ui.shell.autosave import Autosave, offer_recovery
from natoplanner.ui.shell.main import start_autosave
from natoplanner.ui.shell.platform_check import (
    debian_package,
    describe_missing,
    xcb_plugin,
    xcb_problem,
)
from natoplanner.ui.shell.prompts import Recovery, ScriptedPrompts
from natoplanner.ui.shell.workspace import Workspace
from natoplanner.ui.window.commands import SetYearInput
from natoplanner.ui.window.document import ScenarioDocument
from natoplanner.ui.window.main_window import MainWindow


@pytest.fixture
def workspace(qapp):
    space = Workspace(
        window_factory=MainWindow.in_workspace, prompts_factory=lambda w: ScriptedPrompts()
    )
    yield space
    for window in list(space.windows):
        window.document.undo_stack.setClean()
        window.close()


def new_window(workspace, answer=Recovery.LATER) -> MainWindow:
    return MainWindow(
        ScenarioDocument(), prompts=ScriptedPrompts(recovery=answer), workspace=workspace
    )


def crashed_copy(root: Path, session: str, scenario: Scenario, original=None) -> Path:
    """A recovery copy left by a session that died (no lock held): its workbook path."""
    return write_recovery(root / f"session-{session}", "scenario-1", scenario, original).workbook


# -- a data folder that cannot be written ---------------------------------------------------
def test_unwritable_data_folder_starts_the_window_with_autosave_off(qtbot, tmp_path, workspace):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")  # mkdir under it fails
    window = new_window(workspace)
    autosave = start_autosave(window, workspace, root=blocker / "autosave")
    assert not autosave.enabled
    message = window.statusBar().currentMessage()
    assert message.startswith("Autosave is off") and str(blocker) in message
    window.document.push(SetYearInput(window.document, Measure.CORE_BUDGET, "POL", 2030, 275_000.0))
    assert autosave.save_now() == []  # nothing written, nothing raised
    assert not autosave.timer.isActive()
    assert offer_recovery(window, autosave) == []
    autosave.finish()
    assert blocker.read_text().startswith("a file")


def test_full_disk_at_start_and_later_is_said_once(qtbot, tmp_path, workspace, monkeypatch):
    window = new_window(workspace)

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(Path, "mkdir", full)
        autosave = start_autosave(window, workspace, root=tmp_path / "autosave")
    assert not autosave.enabled and "No space left" in window.statusBar().currentMessage()
    autosave.finish()

    # Room at start, the disk fills later: the first failure is said, not every tick.
    window = new_window(workspace)
    autosave = start_autosave(window, workspace, root=tmp_path / "autosave")
    assert autosave.enabled and window.statusBar().currentMessage() == ""
    monkeypatch.setattr(autosave_module, "write_recovery", full)
    window.document.push(SetYearInput(window.document, Measure.CORE_BUDGET, "POL", 2030, 275_000.0))
    said = []
    autosave.problem.connect(said.append)
    autosave.save_now()
    qtbot.waitUntil(lambda: len(said) == 1)
    window.document.push(SetYearInput(window.document, Measure.CORE_BUDGET, "POL", 2031, 276_000.0))
    autosave.save_now()
    qtbot.wait(50)
    assert len(said) == 1 and "No space left" in said[0]
    assert "No space left" in window.statusBar().currentMessage()
    window.document.undo_stack.setClean()
    autosave.finish()


# -- recovery notes that are damaged or odd -----------------------------------------------------
@pytest.mark.parametrize("damage", ["garbage", "missing", "wrong types"])
def test_a_damaged_note_never_loses_the_intact_copy(qtbot, tmp_path, workspace, damage):
    root = tmp_path / "autosave"
    workbook = crashed_copy(root, "dead", Scenario(name="Vilnius plan"))
    sidecar = workbook.with_suffix(".json")
    if damage == "garbage":
        sidecar.write_bytes(b"\x00{not json")
    elif damage == "missing":
        sidecar.unlink()
    else:
        sidecar.write_text(json.dumps({"saved_at": 12, "workbook": ["x"], "name": None}))
    autosave = Autosave(workspace, root=root, interval_s=3600)
    [entry] = autosave.pending_recovery()
    assert entry.workbook == workbook and entry.original_path is None and entry.note_problem
    window = new_window(workspace, Recovery.LATER)
    assert offer_recovery(window, autosave) == []
    assert workbook.is_file(), "asking later keeps the copy"
    kind, shown = window.prompts.asked[-1]
    assert kind == "recover" and "damaged" in shown
    window.prompts.recovery = Recovery.RESTORE
    [restored] = offer_recovery(window, autosave)
    assert restored.document.scenario.name == "Vilnius plan"  # read from the workbook itself
    assert restored.document.path is None  # Save asks where
    restored.document.undo_stack.setClean()
    autosave.finish()


def test_a_copy_that_fails_to_load_is_set_aside_and_not_offered_again(qtbot, tmp_path, workspace):
    root = tmp_path / "autosave"
    good = crashed_copy(root, "one", Scenario(name="Good copy"))
    bad = crashed_copy(root, "two", Scenario(name="Broken copy"))
    bad.write_bytes(b"PK\x03\x04 truncated by the crash")
    autosave = Autosave(workspace, root=root, interval_s=3600)
    window = new_window(workspace, Recovery.LATER)
    assert offer_recovery(window, autosave) == []
    errors = [text for kind, text in window.prompts.asked if kind == "error"]
    offered = [text for kind, text in window.prompts.asked if kind == "recover"]
    assert len(errors) == 1 and "Broken copy" in errors[0]
    assert len(offered) == 1 and "Good copy" in offered[0] and "Broken copy" not in offered[0]
    kept = list(autosave.unreadable_folder().glob("*.xlsx"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"PK\x03\x04 truncated")
    assert good.is_file()

    # The next start: the good copy is offered again, the broken one is not named.
    later = Autosave(workspace, root=root, interval_s=3600)
    second = new_window(workspace, Recovery.LATER)
    offer_recovery(second, later)
    assert [kind for kind, _text in second.prompts.asked] == ["recover"]
    assert "Broken copy" not in second.prompts.asked[0][1]
    later.finish()
    autosave.finish()


def test_naive_and_aware_times_in_notes_sort_without_crashing(qtbot, tmp_path, workspace):
    root = tmp_path / "autosave"
    first = crashed_copy(root, "naive", Scenario(name="Naive"))
    second = crashed_copy(root, "aware", Scenario(name="Aware"))
    for workbook, stamp in ((first, "2026-11-30T10:00:00"), (second, "2026-11-30T09:00:00+00:00")):
        note = json.loads(workbook.with_suffix(".json").read_text())
        note["saved_at"] = stamp
        workbook.with_suffix(".json").write_text(json.dumps(note))
    entries = read_recovery(root / "session-naive") + read_recovery(root / "session-aware")
    assert all(e.saved_at.tzinfo is not None for e in entries)
    autosave = Autosave(workspace, root=root, interval_s=3600)
    assert [e.name for e in autosave.pending_recovery()] == ["Aware", "Naive"]
    assert autosave.pending_recovery()[1].saved_at == datetime(2026, 11, 30, 10, tzinfo=UTC)
    window = new_window(workspace, Recovery.LATER)
    offer_recovery(window, autosave)  # describes both without a TypeError
    autosave.finish()


def test_original_path_is_checked_before_it_becomes_the_save_target(tmp_path):
    recovery_folder = tmp_path / "autosave" / "session-x"
    recovery_folder.mkdir(parents=True)
    (tmp_path / "plans").mkdir()
    good = tmp_path / "plans" / "plan.xlsx"
    assert checked_original_path(str(good), recovery_folder) == good
    for unsafe in (
        "plan.xlsx",  # relative: would be saved wherever the program runs
        str(tmp_path / "gone" / "plan.xlsx"),  # its folder has vanished
        str(tmp_path / "plans"),  # a folder
        str(tmp_path / "plans" / "plan.txt"),  # not a workbook
        str(recovery_folder / "scenario-1.xlsx"),  # inside the recovery folders
        "",
        42,
    ):
        assert checked_original_path(unsafe, recovery_folder) is None, unsafe
    # Read through a note: an edited note pointing into a vanished folder opens unsaved.
    workbook = write_recovery(
        recovery_folder, "scenario-1", Scenario(), tmp_path / "gone" / "x.xlsx"
    ).workbook
    [entry] = read_recovery(recovery_folder)
    assert entry.workbook == workbook and entry.original_path is None


# -- Qt's X11 plugin ----------------------------------------------------------------------
def test_missing_x_libraries_are_named_with_their_packages(tmp_path):
    assert debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_package("libxcb-keysyms.so.1") == "libxcb-keysyms1"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("libX11-xcb.so.1") == "libx11-xcb1"
    text = describe_missing(["libxcb-cursor.so.0", "libxcb-icccm.so.4"])
    assert "libxcb-cursor.so.0" in text and "apt install libxcb-cursor0 libxcb-icccm4" in text
    assert "dnf install xcb-util-cursor xcb-util-wm" in text
    plugin = xcb_plugin()
    if plugin is None:
        pytest.skip("this PySide6 has no xcb plugin")
    # A copy of the plugin away from Qt's libraries cannot find them: the check names them.
    stray = tmp_path / "platforms" / "libqxcb.so"
    stray.parent.mkdir()
    shutil.copy(plugin, stray)
    problem = xcb_problem({"QT_QPA_PLATFORM": "xcb"}, "linux", stray)
    assert problem is not None and "libQt6XcbQpa.so.6" in problem
    assert "reinstall PySide6" in problem
    assert xcb_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", stray) is None
    assert xcb_problem({}, "win32", stray) is None
    assert xcb_problem({"XDG_SESSION_TYPE": "wayland"}, "linux", stray) is None
