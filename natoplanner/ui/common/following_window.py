"""A window of one main window's scenario that redraws, debounced, when the scenario changes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDialog

#: Edits arriving within this many milliseconds are redrawn once.
REFRESH_DELAY_MS = 40


class FollowingWindow(QDialog):
    """A top-level window following ``window``'s document (an analysis view, the fiscal room).

    Subclasses implement :meth:`refresh` and connect the document's signals to
    :meth:`schedule_refresh`; ``refresh`` should stop the pending timer first.
    """

    def __init__(self, window: QObject) -> None:
        super().__init__(window)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.main_window = window
        self.language = window.language
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

    @property
    def document(self):
        """The main window's current document (it changes when a file is opened)."""
        return self.main_window.document

    def schedule_refresh(self, *_args) -> None:
        """Redraw soon: several edits in a row are drawn once."""
        self._timer.start()

    def refresh(self) -> None:
        """Redraw from the document's scenario and projection."""
        raise NotImplementedError
