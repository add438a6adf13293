"""Run long work off the GUI thread with progress, cancel and one clear outcome.

Anki's ``aqt/operations`` idea: a job is a plain function that knows nothing
about Qt; this module runs it on :class:`QThreadPool`, shows its progress (a
:class:`ProgressDialog`, or a progress bar in a status bar), and calls back
on the GUI thread exactly once with the result, an error message, or "cancelled".

Usage::

    def job(progress, cancelled):
        for i, chunk in enumerate(chunks):
            if cancelled():
                raise JobCancelled()
            work(chunk)
            progress(100 * (i + 1) // len(chunks), f"{i + 1} of {len(chunks)} chunks")
        return result

    task = run_in_background(window, job, on_done=show_result, title="Importing…")

Rules for jobs
--------------
- ``progress(percent, message)``: ``percent`` 0..100, ``message`` short text
  for people; safe to call from the job's thread (it is forwarded as a queued
  signal), as often as you like.
- ``cancelled()``: poll it between steps; stop by raising
  :class:`JobCancelled` (or any exception, or by returning): once the user
  has cancelled, the outcome is "cancelled" whatever the job does.
- Never touch widgets or a live document from the job: give it copies. The
  progress dialog is not modal, so the user may edit meanwhile: ``on_done``
  checks whether its input is still current (or pass ``modal=True``).
- An exception is reported by ``on_error(message)`` on the GUI thread; when
  no ``on_error`` is given, the message goes to ``parent.prompts.error`` (the
  window's prompts, scripted in tests) or a message box.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ProgressFn = Callable[[int, str], None]
CancelledFn = Callable[[], bool]
Job = Callable[[ProgressFn, CancelledFn], Any]

#: A quick job finishes without a progress dialog flashing up (milliseconds).
SHOW_PROGRESS_AFTER_MS = 400


class JobCancelled(Exception):
    """Raise from a job to stop after the user cancelled."""


#: Seconds a computing thread may hold the interpreter lock before the window's thread
#: gets it (Python's default is 0.005).
WINDOW_SWITCH_INTERVAL_S = 0.001


def keep_window_responsive() -> None:
    """Let the window's thread take the interpreter lock back within 1 ms (at start-up).

    Background work (an import, the PDF, Monte Carlo) is Python code holding the lock;
    every call from Qt into Python on the window's thread (a table cell, a paint) then
    waits up to the switch interval. At Python's default 5 ms, the hundred such calls
    of one repaint froze the window for 0.5-0.7 s while a 200,000-row CSV was read; at
    1 ms no pause exceeded 0.06 s, for the same import time
    (``benchmarks/bench_import_large.py``).
    """
    sys.setswitchinterval(WINDOW_SWITCH_INTERVAL_S)


def error_message(error: BaseException) -> str:
    """A message for people: our own errors' text as is, others with their kind.

    ``ScenarioInputError`` and ``FileProblemError`` carry a user-facing text
    that names the place; anything else is a bug or a system problem, whose
    class name helps a support person.
    """
    text = str(error).strip()
    own = type(error).__module__.startswith("natoplanner.")
    if own and text:
        return text
    kind = type(error).__name__
    return f"{kind}: {text}" if text else kind


class ProgressDialog(QDialog):
    """Progress with a Cancel button, shown only if the job outlasts a moment.

    Not a QProgressDialog: a modal QProgressDialog runs processEvents() inside
    setValue(), which could deliver the job's outcome (and delete the dialog)
    in the middle of the call. Non-modal unless asked: it stays above its
    window while the user keeps working.
    """

    canceled = Signal()

    def __init__(self, title: str, parent: QWidget, modal: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        if modal:
            self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(380)
        self.label = QLabel(title, self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.bar.setAccessibleName(title)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self._on_cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)
        self._title = title
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.open if modal else self.show)  # open() is window-modal
        self._timer.start(SHOW_PROGRESS_AFTER_MS)

    def show_progress(self, percent: int, text: str) -> None:
        self.bar.setValue(percent)
        self.label.setText(text or self._title)

    def _on_cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.canceled.emit()

    def reject(self) -> None:
        # Escape or the window's close button: the same as Cancel.
        self._on_cancel()

    def finish(self) -> None:
        self._timer.stop()
        self.hide()


class _Carrier(QObject):
    """Signals emitted from the worker thread; connections to GUI objects are queued."""

    progressed = Signal(int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(
        self,
        job: Job,
        carrier: _Carrier,
        cancel_event: threading.Event,
        done_event: threading.Event,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the task owns it; Python keeps it alive
        self._job, self._carrier = job, carrier
        self._cancel_event, self._done_event = cancel_event, done_event

    def run(self) -> None:
        try:
            try:
                result = self._job(self._progress, self._cancel_event.is_set)
            except BaseException as error:  # noqa: BLE001 - every failure becomes a message
                self._carrier.failed.emit(error)
            else:
                self._carrier.succeeded.emit(result)
        except RuntimeError:
            pass  # the task's owner was destroyed meanwhile: nobody is left to tell
        finally:
            self._done_event.set()

    def _progress(self, percent: int, message: str = "") -> None:
        try:
            self._carrier.progressed.emit(max(0, min(100, int(percent))), str(message))
        except RuntimeError:
            self._cancel_event.set()  # the owner is gone: let the job stop early


class BackgroundTask(QObject):
    """One job running off the GUI thread; created by :func:`run_in_background`.

    Signals (GUI thread)
    --------------------
    progressed(int, str)
        Percent done (0..100) and a message.
    finished(str)
        Exactly once: ``"done"``, ``"error"`` or ``"cancelled"``, after the
        matching callback ran.
    """

    progressed = Signal(int, str)
    finished = Signal(str)

    def __init__(
        self,
        parent: QObject,
        job: Job,
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None] | None,
        on_cancelled: Callable[[], None] | None,
        error_title: str,
    ) -> None:
        super().__init__(parent)
        self._on_done, self._on_error, self._on_cancelled = on_done, on_error, on_cancelled
        self._error_title = error_title
        self._cancel_event = threading.Event()
        self._done_event = threading.Event()
        self.outcome: str | None = None
        self.error: str | None = None
        self._carrier = _Carrier()  # lives in the GUI thread: its slots below run there
        self._carrier.progressed.connect(self._on_progress)
        self._carrier.succeeded.connect(self._on_succeeded)
        self._carrier.failed.connect(self._on_failed)
        self._runnable = _Runnable(job, self._carrier, self._cancel_event, self._done_event)
        # Closing the owner (a window) stops the job at its next cancelled() poll.
        parent.destroyed.connect(self._cancel_event.set)
        self.progress_dialog: ProgressDialog | None = None
        self._status_widgets: list[QWidget] = []
        self._status_bar: QStatusBar | None = None
        self._last_percent = 0
        self._title = error_title

    # -- control -------------------------------------------------------------
    def start(self) -> None:
        QThreadPool.globalInstance().start(self._runnable)

    def cancel(self) -> None:
        """Ask the job to stop; the outcome becomes "cancelled" (no error shown)."""
        if self.outcome is None:
            self._cancel_event.set()
            self.progressed.emit(self.progress_value, self.tr("Cancelling…"))

    def is_cancelled(self) -> bool:
        return self._cancel_event.is_set()

    @property
    def is_running(self) -> bool:
        """True until the outcome has been delivered on the GUI thread."""
        return self.outcome is None

    @property
    def progress_value(self) -> int:
        """Last percent reported (0..100)."""
        return self._last_percent

    def wait(self, timeout_s: float = 30.0) -> bool:
        """Block until the job's function returned (not its callbacks); True if it did."""
        return self._done_event.wait(timeout_s)

    # -- progress display ------------------------------------------------------
    def show_dialog(self, parent: QWidget, title: str, modal: bool = False) -> None:
        dialog = ProgressDialog(title, parent, modal)
        dialog.canceled.connect(self.cancel)
        self.progressed.connect(dialog.show_progress)
        self.progress_dialog = dialog

    def show_in_status_bar(self, status_bar: QStatusBar, title: str) -> None:
        bar = QProgressBar(status_bar)
        bar.setRange(0, 100)
        bar.setMaximumWidth(220)
        bar.setFormat(f"{title} %p%")
        bar.setAccessibleName(title)
        button = QToolButton(status_bar)
        button.setText(self.tr("Cancel"))
        button.setToolTip(self.tr("Stop %1").replace("%1", title))
        button.clicked.connect(self.cancel)
        status_bar.addPermanentWidget(bar)
        status_bar.addPermanentWidget(button)
        bar.show()
        button.show()
        self.progressed.connect(lambda value, text: (bar.setValue(value), bar.setToolTip(text)))
        self._status_widgets = [bar, button]
        self._status_bar = status_bar

    def _close_progress(self) -> None:
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            self.progressed.disconnect(dialog.show_progress)
            dialog.canceled.disconnect(self.cancel)
            dialog.finish()
            dialog.deleteLater()
        for widget in self._status_widgets:
            if self._status_bar is not None:
                self._status_bar.removeWidget(widget)
            widget.deleteLater()
        self._status_widgets = []

    # -- outcome (GUI thread) -----------------------------------------------------
    def _on_progress(self, value: int, text: str) -> None:
        self._last_percent = value
        if not self._cancel_event.is_set() and self.outcome is None:
            self.progressed.emit(value, text)

    def _on_succeeded(self, result: Any) -> None:
        if self._cancel_event.is_set():
            self._finish_cancelled()
            return
        self._finish("done")
        self._on_done(result)
        self.finished.emit("done")

    def _on_failed(self, error: BaseException) -> None:
        if self._cancel_event.is_set() or isinstance(error, JobCancelled):
            self._finish_cancelled()
            return
        self.error = error_message(error)
        self._finish("error")
        if self._on_error is not None:
            self._on_error(self.error)
        else:
            _show_error(self.parent(), self._error_title, self.error)
        self.finished.emit("error")

    def _finish_cancelled(self) -> None:
        self._finish("cancelled")
        if self._on_cancelled is not None:
            self._on_cancelled()
        self.finished.emit("cancelled")

    def _finish(self, outcome: str) -> None:
        # The task stays a child of its parent (a few hundred bytes), so a
        # caller may read .outcome and .error afterwards.
        self.outcome = outcome
        self._close_progress()


def _show_error(parent: QObject | None, title: str, message: str) -> None:
    prompts = getattr(parent, "prompts", None)
    if prompts is None and isinstance(parent, QWidget):
        prompts = getattr(parent.window(), "prompts", None)
    if prompts is not None:
        prompts.error(title, message)
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        title,
        message,
        QMessageBox.StandardButton.Ok,
        parent if isinstance(parent, QWidget) else None,
    )
    box.open()  # non-blocking


def run_in_background(
    parent: QWidget,
    job: Job,
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None] | None = None,
    *,
    title: str = "",
    on_cancelled: Callable[[], None] | None = None,
    status_bar: QStatusBar | None = None,
    modal: bool = False,
) -> BackgroundTask:
    """Run ``job(progress, cancelled)`` on the thread pool and call back on the GUI thread.

    Parameters
    ----------
    parent : QWidget
        Owns the task; the progress dialog stays above it.
    job : callable(progress, cancelled) -> result
        ``progress(percent 0..100, message)``; ``cancelled() -> bool``.
        Must not touch widgets or live documents.
    on_done : callable(result)
        Called with the job's return value unless it failed or was cancelled.
    on_error : callable(message: str), optional
        Called with a message for people when the job raised. Default:
        ``parent.prompts.error(title, message)`` (the window's prompts) or a
        non-blocking message box.
    title : str
        What runs ("Monte Carlo", "Importing budget.xlsx"): the progress
        dialog's title and the error title.
    on_cancelled : callable(), optional
        Called when the user cancelled (no error is shown).
    status_bar : QStatusBar, optional
        Show progress and a Cancel button in this status bar instead of a
        progress dialog (for work the user may keep working around).
    modal : bool
        Make the progress dialog window-modal (blocks the window). Default
        False: the user may keep working, so ``on_done`` must cope with a
        document that changed since the job started (the job works on a
        copy). Tests' ``no_blocking_dialogs`` watchdog closes modal dialogs.

    Returns
    -------
    BackgroundTask
        ``.cancel()``, ``.is_running``, ``.outcome`` ("done", "error",
        "cancelled"), ``.error`` (message), signal ``finished(str)``.
    """
    title = title or QCoreApplication.translate("Background", "Working…")
    task = BackgroundTask(parent, job, on_done, on_error, on_cancelled, title)
    if status_bar is not None:
        task.show_in_status_bar(status_bar, title)
    else:
        task.show_dialog(parent, title, modal)
    task.start()
    return task
