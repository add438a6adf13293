"""The background helper: work off the GUI thread, progress, cancel, errors as messages."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QProgressBar, QPushButton

from natoplanner.core.errors import ScenarioInputError
from natoplanner.ui.shell.background import JobCancelled, run_in_background


@pytest.fixture
def parent(qtbot, prompts) -> QMainWindow:
    widget = QMainWindow()
    widget.prompts = prompts  # errors go where the window's errors go
    widget.statusBar().showMessage("Ready")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_result_arrives_on_the_gui_thread_with_progress(qtbot, parent) -> None:
    gui_thread = threading.get_ident()
    job_threads, results, progress = [], [], []

    def job(report, cancelled):
        job_threads.append(threading.get_ident())
        total = 0
        for step in range(1, 5):
            total += step
            report(25 * step, f"step {step} of 4")
        return total

    task = run_in_background(
        parent,
        job,
        on_done=lambda value: results.append((value, threading.get_ident())),
        title="Adding",
    )
    task.progressed.connect(lambda value, text: progress.append((value, text)))
    with qtbot.waitSignal(task.finished, timeout=5000) as finished:
        pass
    assert finished.args == ["done"]
    assert results == [(1 + 2 + 3 + 4, gui_thread)]
    assert job_threads and job_threads[0] != gui_thread
    assert task.outcome == "done" and task.error is None and not task.is_running
    values = [v for v, _t in progress]
    assert values == sorted(values) and values[-1] == 100
    assert progress[-1][1] == "step 4 of 4"
    assert task.progress_dialog is None  # closed when done


def test_exception_becomes_an_error_message(qtbot, parent, prompts) -> None:
    done = []

    def job(report, cancelled):
        report(10, "reading")
        return {}["sheet"]

    task = run_in_background(parent, job, on_done=done.append, title="Import")
    with qtbot.waitSignal(task.finished, timeout=5000) as finished:
        pass
    assert finished.args == ["error"]
    assert done == []
    assert prompts.asked == [("error", "KeyError: 'sheet'")]
    assert task.error == "KeyError: 'sheet'"


def test_our_own_errors_keep_their_user_facing_text(qtbot, parent) -> None:
    messages = []

    def job(report, cancelled):
        raise ScenarioInputError("core budget (DEU 2030)", "must be ≥ 0, got -5")

    task = run_in_background(parent, job, on_done=lambda _r: None, on_error=messages.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert len(messages) == 1
    assert messages[0] == str(ScenarioInputError("core budget (DEU 2030)", "must be ≥ 0, got -5"))
    assert not messages[0].startswith("ScenarioInputError")


def test_cancel_stops_the_job_without_an_error(qtbot, parent, prompts) -> None:
    started, steps, done, cancelled_calls = threading.Event(), [], [], []

    def job(report, cancelled):
        started.set()
        for step in range(1000):
            if cancelled():
                raise JobCancelled()
            steps.append(step)
            report(step // 10, f"step {step}")
            time.sleep(0.005)
        return "finished"

    task = run_in_background(
        parent, job, on_done=done.append, on_cancelled=lambda: cancelled_calls.append(1)
    )
    assert started.wait(5)
    dialog = task.progress_dialog
    qtbot.waitUntil(
        dialog.isVisible, timeout=5000
    )  # shown once the job outlasts SHOW_PROGRESS_AFTER_MS
    assert dialog.windowModality() == Qt.WindowModality.NonModal  # the user may keep working
    (cancel_button,) = dialog.findChildren(QPushButton)
    assert cancel_button.text() == "Cancel"
    with qtbot.waitSignal(task.finished, timeout=5000) as finished:
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert finished.args == ["cancelled"]
    assert task.is_cancelled() and task.outcome == "cancelled"
    assert done == [] and cancelled_calls == [1]
    assert len(steps) < 1000
    assert prompts.asked == []


def test_a_job_that_ignores_cancel_still_ends_as_cancelled(qtbot, parent, prompts) -> None:
    done = []
    task = run_in_background(
        parent, lambda report, cancelled: time.sleep(0.05) or 42, on_done=done.append
    )
    with qtbot.waitSignal(task.finished, timeout=5000) as finished:
        task.cancel()
    assert finished.args == ["cancelled"] and done == [] and prompts.asked == []


def test_progress_in_the_status_bar(qtbot, parent) -> None:
    release = threading.Event()

    def job(report, cancelled):
        report(50, "half")
        release.wait(5)
        return "ok"

    task = run_in_background(
        parent, job, on_done=lambda _r: None, title="Export", status_bar=parent.statusBar()
    )
    bars = parent.statusBar().findChildren(QProgressBar)
    assert len(bars) == 1 and bars[0].isVisible()
    qtbot.waitUntil(lambda: bars[0].value() == 50, timeout=5000)
    assert task.progress_dialog is None
    with qtbot.waitSignal(task.finished, timeout=5000):
        release.set()
    qtbot.waitUntil(lambda: not parent.statusBar().findChildren(QProgressBar), timeout=5000)
