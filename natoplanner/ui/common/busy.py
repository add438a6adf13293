"""Work the window does on its own thread that can take longer than 100 ms.

Reading or writing a workbook, or applying a goal seek to every ally, takes
0.2–1 s on a laptop. ``busy`` says what is happening in the status bar (painted
before the work starts) and shows the wait cursor until it is done, so the
window never just stops answering. Longer work (the PDF report, Monte Carlo,
imports) runs in the background with a progress bar (ui/shell/background.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow


@contextmanager
def busy(window: QMainWindow, message: str) -> Iterator[None]:
    """Show ``message`` and the wait cursor while the block runs; both go afterwards."""
    bar = window.statusBar()
    previous = bar.currentMessage()
    bar.showMessage(message)
    bar.repaint()  # painted now: the work below holds the event loop
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
        if bar.currentMessage() == message:
            bar.showMessage(previous)
