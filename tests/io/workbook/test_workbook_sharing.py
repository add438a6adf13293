"""The workbook as a shared document: warnings reach the command line, nobody's work is lost.

Issue 15, defects 9 and 12-14: load warnings on stderr (``--strict``: exit 1),
LibreOffice and Excel lock files read and honoured, stale temporary files of
a killed save removed, saving through a symbolic link, names made safe.
"""

from __future__ import annotations

import datetime
import getpass
import os
import socket
import subprocess
import sys
import zipfile

import openpyxl
import pytest

from natoplanner.app import main
from natoplanner.core.scenario import Scenario
from natoplanner.io.atomic import atomic_write
from natoplanner.io.errors import FileProblemError
from natoplanner.io.locks import (
    DiskState,
    changed_on_disk,
    excel_owner_path,
    libreoffice_lock_path,
    lock_owners,
    other_owner,
    refuse_if_open_elsewhere,
    remove_lock,
    write_lock,
)
from natoplanner.io.workbook.files import read_scenario, safe_file_name, save_scenario
from natoplanner.io.workbook.layout import SHEET_ASSUMPTIONS, Layout
from tests.io.conftest import edit_with_libreoffice, soffice_path


@pytest.fixture
def edited_with_text(tmp_path, dataset):
    """A workbook where a colleague typed Germany's growth rate as the text "2,5"."""
    path = tmp_path / "plan.xlsx"
    scenario = Scenario(dataset)
    save_scenario(scenario, path)
    cell = Layout(len(scenario.allies), scenario.base_year).policy_cell(
        "rate_pct", scenario.row("DEU")
    )
    workbook = openpyxl.load_workbook(path)
    workbook[SHEET_ASSUMPTIONS][cell] = "2,5"
    workbook.save(path)
    return path, cell


@pytest.mark.parametrize(
    "command",
    [
        ["summary", "{path}"],
        ["summary", "{path}", "--csv"],
        ["goalseek", "{path}", "--ally", "POL"],
        ["compare", "{path}", "{path}"],
    ],
)
def test_every_reading_command_prints_the_load_warnings_and_strict_fails(
    edited_with_text, capsys, command
):
    path, cell = edited_with_text
    argv = [part.format(path=path) for part in command]
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert f"cell {cell}" in captured.err and "warning" in captured.err
    assert f"cell {cell}" not in captured.out  # stdout stays clean for --csv
    assert main([*argv, "--strict"]) == 1
    assert "--strict" in capsys.readouterr().err


def test_import_into_prints_the_warnings_of_the_target(edited_with_text, tmp_path, capsys):
    path, cell = edited_with_text
    source = tmp_path / "budgets.csv"
    source.write_text("country,2030\nPoland,250000\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    code = main(["import", str(source), "--into", str(path), "--out", str(out)])
    err = capsys.readouterr().err
    assert f"cell {cell}" in err
    assert code == 0 and out.exists()


def test_import_refuses_to_write_an_xlsx_under_another_name(tmp_path, capsys):
    source = tmp_path / "budgets.csv"
    source.write_text("country,2030\nPoland,250000\n", encoding="utf-8")
    assert main(["import", str(source), "--out", str(tmp_path / "plan.csv")]) == 1
    assert ".xlsx" in capsys.readouterr().err
    assert not (tmp_path / "plan.csv").exists()
    assert main(["new", str(tmp_path / "plan.csv")]) == 1


def test_scenario_names_reach_the_terminal_without_escape_codes(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    name = "Plan \x1b[2J\x1b]0;pwned\x07 \u202eevil"
    assert main(["new", str(path), "--name", name]) == 0
    assert main(["summary", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\x1b[2J" in out and "\\u202e" in out
    assert read_scenario(path).scenario.name == name  # the file keeps the real name


# -- locks -----------------------------------------------------------------------
def _libreoffice_lock(path, name="Jane Doe", user="jdoe", host="pc-17", when="01.12.2026 07:11"):
    lock = libreoffice_lock_path(path)
    lock.write_text(f"{name},{user},{host},{when},file:///home/{user}/.config/libreoffice/4;")
    return lock


def _excel_owner(path, name="Jan Kowalski"):
    """An Excel owner file as Excel 2016 writes it (165 bytes)."""
    data = bytearray(b" " * 165)
    data[0] = len(name)
    data[1 : 1 + len(name)] = name.encode("cp1252")
    data[55], data[56] = len(name), 0
    data[57 : 57 + 2 * len(name)] = name.encode("utf-16-le")
    owner = excel_owner_path(path)
    owner.write_bytes(bytes(data))
    return owner


def test_libreoffice_and_excel_lock_files_say_who_has_the_file_open(tmp_path):
    path = tmp_path / "plan.xlsx"
    save_scenario(Scenario(), path)
    assert lock_owners(path) == []
    _libreoffice_lock(path)
    (owner,) = lock_owners(path)
    assert owner.describe() == "open in LibreOffice by Jane Doe on pc-17 since 07:11 (1 Dec 2026)"
    libreoffice_lock_path(path).unlink()
    _excel_owner(path, "Józef Nowak")
    (owner,) = lock_owners(path)
    assert owner.application == "Excel" and owner.user == "Józef Nowak"
    assert owner.describe().startswith("open in Excel by Józef Nowak since ")


def test_cli_writers_refuse_a_file_a_colleague_has_open(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    save_scenario(Scenario(), path)
    before = path.read_bytes()
    _libreoffice_lock(path, "Jane Doe,Esq.".replace(",", "\\,"))
    assert main(["new", str(path), "--force"]) == 1
    err = capsys.readouterr().err
    assert "open in LibreOffice by Jane Doe,Esq. on pc-17 since 07:11" in err
    assert path.read_bytes() == before
    source = tmp_path / "budgets.csv"
    source.write_text("country,2030\nPoland,250000\n", encoding="utf-8")
    assert main(["import", str(source), "--out", str(path)]) == 1
    assert path.read_bytes() == before


def test_our_own_lock_is_libreoffice_readable_and_removed(tmp_path):
    path = tmp_path / "plan.xlsx"
    save_scenario(Scenario(), path)
    lock = write_lock(path)
    assert lock == libreoffice_lock_path(path)
    fields = lock.read_text(encoding="utf-8").rstrip(";").split(",")
    assert len(fields) == 5  # LibreOffice's own five fields
    assert fields[1] == getpass.getuser() and fields[2] == socket.gethostname()
    datetime.datetime.strptime(fields[3], "%d.%m.%Y %H:%M")
    (owner,) = lock_owners(path)
    assert owner.application == "natoplanner" and owner.is_this_process
    assert other_owner(path) is None  # this process may write its own file
    refuse_if_open_elsewhere(path)
    remove_lock(path)
    assert not lock.exists()


def test_a_lock_of_another_natoplanner_process_is_honoured_until_it_dies(tmp_path):
    path = tmp_path / "plan.xlsx"
    save_scenario(Scenario(), path)
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from natoplanner.io.locks import write_lock; "
            "write_lock(sys.argv[1]); print('locked', flush=True); time.sleep(60)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "locked"
        owner = other_owner(path)
        assert owner is not None and owner.application == "natoplanner"
        with pytest.raises(FileProblemError, match="open in natoplanner"):
            refuse_if_open_elsewhere(path)
    finally:
        child.kill()
        child.wait()
    assert other_owner(path) is None  # its process is gone: a stale lock


def test_a_change_on_disk_since_opening_is_noticed(tmp_path):
    path = tmp_path / "plan.xlsx"
    save_scenario(Scenario(), path)
    opened = DiskState.of(path)
    assert not changed_on_disk(path, opened)
    scenario = Scenario()
    scenario.name = "a colleague's save"
    save_scenario(scenario, path)
    assert changed_on_disk(path, opened)


# -- temporary files, links, names ---------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork and flock (POSIX)")
def test_temporary_files_of_a_killed_save_are_removed_by_the_next_save(tmp_path):
    path = tmp_path / "plan.xlsx"
    save_scenario(Scenario(), path)
    stale = tmp_path / ".~plan.k1ll3d.tmp"
    stale.write_bytes(b"\0" * 155_000)  # what a hard kill leaves
    other = tmp_path / ".~other.abc.tmp"
    other.write_bytes(b"not ours")
    save_scenario(Scenario(), path)
    assert not stale.exists()
    assert other.exists()  # another document's temporary file is left alone
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == [other.name]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork and flock (POSIX)")
def test_a_save_in_progress_keeps_its_temporary_file(tmp_path):
    path = tmp_path / "plan.xlsx"
    save_scenario(Scenario(), path)
    seen = []

    def write(handle):
        # A second save runs while this one writes: it must not remove our file.
        seen.extend(p for p in tmp_path.iterdir() if p.suffix == ".tmp")
        save_scenario(Scenario(), tmp_path / "plan.xlsx")
        assert all(p.exists() for p in seen)
        handle.write(path.read_bytes())

    atomic_write(path, write)
    assert len(seen) == 1 and not seen[0].exists()
    assert read_scenario(path).warnings == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_saving_through_a_symbolic_link_writes_its_target(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "plan.xlsx"
    save_scenario(Scenario(), target)
    link = tmp_path / "plan.xlsx"
    link.symlink_to(target)
    scenario = Scenario()
    scenario.name = "saved through the link"
    save_scenario(scenario, link)
    assert link.is_symlink()
    assert read_scenario(target).scenario.name == "saved through the link"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "etc passwd.xlsx"),
        ("/tmp/abs", "tmp abs.xlsx"),
        ("C:\\Users\\x", "C Users x.xlsx"),
        ("Plan: 2030?", "Plan 2030.xlsx"),
        ("..", "scenario.xlsx"),
        ("nul", "_nul.xlsx"),
        ("Ramp \x1b[31m", "Ramp [31m.xlsx"),
    ],
)
def test_a_file_name_made_from_a_scenario_name_stays_in_its_folder(name, expected):
    assert safe_file_name(name) == expected


# -- rows deleted in LibreOffice -----------------------------------------------------
@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed")
def test_a_row_deleted_in_libreoffice_is_named_not_taken_for_an_absurd_file(tmp_path, dataset):
    scenario = Scenario(dataset)
    layout = Layout(len(scenario.allies), scenario.base_year)
    source = tmp_path / "plan.xlsx"
    save_scenario(scenario, source)
    belgium = layout.policy_row(scenario.row("BEL"))
    history, policy_row = tmp_path / "history.xlsx", tmp_path / "policy.xlsx"
    jobs = [
        {
            "in": source,
            "out": history,
            "edits": [{"sheet": "History", "op": "delete_rows", "row": 10}],
        },
        {
            "in": source,
            "out": policy_row,
            "edits": [
                {"sheet": SHEET_ASSUMPTIONS, "op": "unprotect"},
                {"sheet": SHEET_ASSUMPTIONS, "op": "delete_rows", "row": belgium},
            ],
        },
    ]
    edit_with_libreoffice(jobs, tmp_path / "profile")
    # LibreOffice now declares History as 1,048,576 rows: the file is read all the same.
    assert b"1048576" in zipfile.ZipFile(history).read("xl/worksheets/sheet6.xml")[:2000]
    loaded = read_scenario(history)
    assert loaded.warnings == [] and loaded.scenario.inputs_equal(scenario)
    with pytest.raises(FileProblemError) as caught:
        read_scenario(policy_row)
    first = caught.value.problems[0]
    assert (first.sheet, first.cell) == (SHEET_ASSUMPTIONS, f"A{belgium}")
    assert "1 row(s) were deleted here" in first.message
    assert any("deleted above it" in p.message for p in caught.value.problems[1:])
    assert len(caught.value.problems) <= 3  # one message per moved table, not one per ally


@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed")
def test_what_a_colleague_adds_in_libreoffice_is_listed_as_not_kept(tmp_path, dataset):
    scenario = Scenario(dataset)
    layout = Layout(len(scenario.allies), scenario.base_year)
    source, edited, plain = tmp_path / "plan.xlsx", tmp_path / "edited.xlsx", tmp_path / "re.xlsx"
    save_scenario(scenario, source)
    note_cell = f"U{layout.policy_row(scenario.row('POL'))}"  # right of the tables: unlocked
    jobs = [
        {"in": source, "out": plain, "edits": []},  # LibreOffice's own re-save adds nothing
        {
            "in": source,
            "out": edited,
            "edits": [
                {
                    "sheet": SHEET_ASSUMPTIONS,
                    "op": "type",
                    "cell": note_cell,
                    "text": "ask the MoD",
                },
                {"sheet": SHEET_ASSUMPTIONS, "op": "comment", "cell": "E20", "text": "why 0?"},
                {"op": "add_sheet", "name": "Jane's notes", "text": "call Warsaw"},
            ],
        },
    ]
    edit_with_libreoffice(jobs, tmp_path / "profile")
    assert read_scenario(plain).not_kept == []
    loaded = read_scenario(edited)
    assert loaded.warnings == [] and loaded.scenario.inputs_equal(scenario)
    messages = "\n".join(p.message for p in loaded.not_kept)
    assert "Jane's notes" in messages
    assert note_cell in messages
    assert "1 comment(s) on sheet 'Assumptions'" in messages
    assert all("Save As" in p.message for p in loaded.not_kept)
