"""``natoplanner FILE.xlsx``: the window paints first, covered, and reads the file just after."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from PySide6.QtWidgets import QToolBar

from natoplanner.core.scenario import BudgetPolicy, CorePolicy, Scenario
from natoplanner.io.workbook.files import save_scenario
from natoplanner.ui.window.opening import OpeningCover, open_after_first_paint


@pytest.fixture
def workbook(tmp_path):
    scenario = Scenario(name="Budget plan 2027")
    scenario.set_core_policy(
        "DEU", CorePolicy(kind=BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2030)
    )
    path = tmp_path / "Budget plan 2027.xlsx"
    save_scenario(scenario, path)
    return path


def test_the_cover_hides_the_default_figures_and_takes_no_input(qtbot, window, workbook):
    cover = OpeningCover(window, workbook)
    qtbot.waitExposed(window)
    assert cover.isVisible() and "Budget plan 2027.xlsx" in cover.text
    assert cover.geometry() == window.centralWidget().geometry()  # the whole table and plot
    assert not window.centralWidget().isEnabled() and not window.menuBar().isEnabled()
    assert not any(bar.isEnabled() for bar in window.findChildren(QToolBar))

    assert open_after_first_paint(window, workbook)
    assert window.document.scenario.name == "Budget plan 2027"
    germany = window.document.scenario.core_policy("DEU")
    assert (germany.kind, germany.target_year) == (BudgetPolicy.RAMP_TO_TARGET, 2030)
    assert not cover.isVisible()
    assert window.centralWidget().isEnabled() and window.menuBar().isEnabled()
    assert all(bar.isEnabled() for bar in window.findChildren(QToolBar))


def test_a_file_that_cannot_be_read_is_said_and_gives_the_window_back(
    qtbot, window, prompts, tmp_path
):
    bad = tmp_path / "not a workbook.xlsx"
    bad.write_text("plain text", encoding="utf-8")
    cover = OpeningCover(window, bad)
    assert not open_after_first_paint(window, bad)
    assert [kind for kind, _ in prompts.asked] == ["error"]
    assert "not a workbook.xlsx" in prompts.asked[0][1]
    assert not cover.isVisible() and window.centralWidget().isEnabled()
    assert window.document.path is None  # the default scenario, said to be it


def test_the_process_paints_before_it_reads_the_workbook(workbook, tmp_path):
    """A whole process, as started from a file manager: the first paint comes first."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        NATOPLANNER_PROBE_START=repr(time.time()),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "natoplanner", str(workbook), "--startup-probe"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    moments = [line.split()[0] for line in result.stdout.splitlines() if "elapsed_s=" in line]
    assert moments == ["first-paint", "scenario-shown"]
    elapsed = [
        float(line.rsplit("elapsed_s=", 1)[1])
        for line in result.stdout.splitlines()
        if "elapsed_s=" in line
    ]
    assert elapsed[0] <= elapsed[1]


def test_open_and_save_say_what_they_do_while_they_work(window, prompts, workbook, monkeypatch):
    """Reading or writing takes 0.2-1 s: the status bar says so and the cursor waits."""
    from PySide6.QtGui import QGuiApplication

    from natoplanner.io.workbook import files

    seen = []

    def watch(real):
        def wrapper(*args, **kwargs):
            cursor = QGuiApplication.overrideCursor()
            seen.append((window.statusBar().currentMessage(), cursor is not None))
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(files, "read_scenario", watch(files.read_scenario))
    monkeypatch.setattr(files, "save_scenario", watch(files.save_scenario))
    assert window.open_scenario(workbook)
    window.save()
    assert seen == [
        (f"Opening {workbook}…", True),
        (f"Saving {workbook}…", True),
    ]
    assert QGuiApplication.overrideCursor() is None
    assert window.statusBar().currentMessage().startswith("Saved ")
