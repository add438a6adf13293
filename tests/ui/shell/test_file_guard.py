"""The window's Open and Save never overwrite a colleague's work without asking (issue 15)."""

from __future__ import annotations

import openpyxl

from natoplanner.core.scenario import Measure, Scenario
from natoplanner.io.locks import libreoffice_lock_path, lock_owners
from natoplanner.io.workbook.files import read_scenario, save_scenario
from natoplanner.ui.shell.prompts import ScriptedPrompts
from natoplanner.ui.shell.workspace import Workspace
from natoplanner.ui.window.commands import SetYearInput
from natoplanner.ui.window.document import ScenarioDocument
from natoplanner.ui.window.main_window import MainWindow


def _edit(window: MainWindow) -> None:
    window.document.push(SetYearInput(window.document, Measure.CORE_BUDGET, "POL", 2030, 250_000.0))


def _saved(path, name="Plan") -> None:
    scenario = Scenario()
    scenario.name = name
    save_scenario(scenario, path)


def _window(qtbot, prompts, workspace=None) -> MainWindow:
    window = MainWindow(ScenarioDocument(), prompts=prompts, workspace=workspace)
    qtbot.addWidget(window)
    return window


def test_an_open_scenario_holds_a_lock_libreoffice_reads_and_closing_removes_it(qtbot, tmp_path):
    path = tmp_path / "plan.xlsx"
    _saved(path)
    window = _window(qtbot, ScriptedPrompts())
    assert window.open_scenario(path)
    (owner,) = lock_owners(path)
    assert owner.application == "natoplanner" and owner.is_this_process
    window.close()
    assert not libreoffice_lock_path(path).exists()


def test_a_file_open_in_libreoffice_opens_read_only_when_asked(qtbot, tmp_path):
    path = tmp_path / "plan.xlsx"
    _saved(path)
    lock = libreoffice_lock_path(path)
    lock.write_text("Jane Doe,jdoe,pc-17,01.12.2026 07:11,file:///home/jdoe;", encoding="utf-8")
    prompts = ScriptedPrompts(save_path=tmp_path / "mine.xlsx")
    prompts.decisions = ["read-only"]
    window = _window(qtbot, prompts)
    assert window.open_scenario(path)
    kind, question = prompts.asked[0]
    assert kind == "decide" and "open in LibreOffice by Jane Doe on pc-17 since 07:11" in question
    assert "(read-only)" in window.windowTitle()
    before = path.read_bytes()
    _edit(window)
    assert window.save()  # read-only: Save goes to Save As
    assert ("save", str(path)) in prompts.asked
    assert path.read_bytes() == before and (tmp_path / "mine.xlsx").exists()
    assert lock.read_text(encoding="utf-8").startswith("Jane Doe")  # their lock is untouched
    window.close()


def test_a_colleagues_save_since_opening_is_not_overwritten_without_asking(qtbot, tmp_path):
    path = tmp_path / "plan.xlsx"
    _saved(path, "Mine")
    prompts = ScriptedPrompts(save_path=tmp_path / "mine.xlsx")
    window = _window(qtbot, prompts)
    assert window.open_scenario(path)
    _saved(path, "Their Poland 2030 edit")  # a colleague saves in LibreOffice meanwhile
    _edit(window)
    prompts.decisions = ["cancel"]
    assert not window.save()
    assert read_scenario(path).scenario.name == "Their Poland 2030 edit"
    assert "changed by someone else" in prompts.asked[-1][1]
    prompts.decisions = ["save as"]
    assert window.save()
    assert read_scenario(path).scenario.name == "Their Poland 2030 edit"
    assert read_scenario(tmp_path / "mine.xlsx").scenario.name == "Mine"
    # Reload: the colleague's version is shown, nothing written.
    prompts.decisions = ["reload"]
    window.document.path = path
    window.file_guard.opened(path, False, [])
    _saved(path, "Their second edit")
    _edit(window)
    assert window.save()
    assert window.document.scenario.name == "Their second edit"
    assert not window.isWindowModified()
    window.close()


def test_a_second_window_on_the_same_file_asks(qtbot, tmp_path):
    path = tmp_path / "plan.xlsx"
    _saved(path)
    prompts = ScriptedPrompts()
    workspace = Workspace(window_factory=MainWindow.in_workspace)
    first = _window(qtbot, prompts, workspace)
    second = _window(qtbot, prompts, workspace)
    assert first.open_scenario(path)
    assert prompts.asked == []
    prompts.decisions = ["cancel"]
    assert not second.open_scenario(path)
    assert "another natoplanner window" in prompts.asked[-1][1]
    prompts.decisions = ["read-only"]
    assert second.open_scenario(path)
    assert "(read-only)" in second.windowTitle()
    first.close()
    second.close()


def test_save_says_what_a_colleague_added_would_be_lost_and_offers_save_as(qtbot, tmp_path):
    path = tmp_path / "plan.xlsx"
    _saved(path)
    workbook = openpyxl.load_workbook(path)
    workbook.create_sheet("Minister's notes")["A1"] = "call Warsaw"
    workbook.save(path)
    prompts = ScriptedPrompts(save_path=tmp_path / "copy.xlsx")
    window = _window(qtbot, prompts)
    assert window.open_scenario(path)
    kind, message = prompts.asked[-1]
    assert kind == "information" and "Minister's notes" in message and "Save As" in message
    _edit(window)
    prompts.decisions = ["cancel"]
    assert not window.save()
    assert "Minister's notes" in openpyxl.load_workbook(path, read_only=True).sheetnames
    prompts.decisions = ["save as"]
    assert window.save()
    assert "Minister's notes" in openpyxl.load_workbook(path, read_only=True).sheetnames
    assert (tmp_path / "copy.xlsx").exists()
    window.close()


def test_save_as_suggests_a_file_name_made_from_the_scenario_name(qtbot, tmp_path, monkeypatch):
    from natoplanner.ui.shell import settings

    monkeypatch.setattr(settings, "last_folder", lambda: tmp_path)
    prompts = ScriptedPrompts()
    window = _window(qtbot, prompts)
    window.document.scenario.name = "../../etc/passwd"
    assert not window.save_as()
    kind, suggested = prompts.asked[-1]
    assert kind == "save" and suggested == str(tmp_path / "etc passwd.xlsx")
    window.close()
