"""UI test fixtures: a real QApplication offscreen, settings isolated in tmp_path."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from natoplanner.ui.shell.prompts import ScriptedPrompts
from natoplanner.ui.window.document import ScenarioDocument
from natoplanner.ui.window.main_window import MainWindow


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """Every UI test reads and writes settings in its own folder, never the user's."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    qapp.setOrganizationName("natoplanner-tests")
    qapp.setApplicationName("natoplanner-tests")
    yield


@pytest.fixture(autouse=True)
def no_blocking_dialogs(qapp):
    """Fail (instead of hanging) when code under test opens a blocking dialog.

    Every question goes through ``window.prompts`` (ScriptedPrompts in tests).
    A dialog run with ``exec()`` (application-modal: QMessageBox and
    QFileDialog helpers, ``dialog.exec()``) that slips through is closed at
    once by this watchdog and the test fails, naming it. Dialogs opened with
    ``open()`` (window-modal) or ``show()`` block nothing and are left alone.
    """
    seen: list[str] = []

    def close_modal() -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and widget.windowModality() == Qt.WindowModality.ApplicationModal:
            seen.append(f"{type(widget).__name__}: {widget.windowTitle()}")
            widget.close()

    watchdog = QTimer()
    watchdog.setInterval(50)
    watchdog.timeout.connect(close_modal)
    watchdog.start()
    yield seen
    watchdog.stop()
    assert not seen, f"a modal dialog was opened during the test: {seen}"


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def window(qtbot, prompts) -> MainWindow:
    win = MainWindow(ScenarioDocument(), prompts=prompts)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.document.undo_stack.setClean()  # let teardown close without asking
