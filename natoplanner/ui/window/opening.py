"""The window while a workbook named on the command line is read, after the first paint.

``natoplanner FILE.xlsx`` paints the window first and reads the workbook
straight after, so the analyst sees the application at once. Until the file's
figures are in, the window says what it is opening and takes no input: no
number of the default scenario can be read, edited or saved as the file's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QLabel, QMainWindow, QToolBar, QVBoxLayout, QWidget


class OpeningCover(QFrame):
    """A notice over the whole central area; the menus, toolbars and panels are disabled."""

    def __init__(self, window: QMainWindow, path: Path) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("opening_cover")
        self.setAutoFillBackground(True)
        self.label = QLabel(self.tr("Opening “%1”…").replace("%1", Path(path).name), self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.label.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(self.label)
        self._disabled: list[QWidget] = [
            part
            for part in (window.centralWidget(), window.menuBar(), *window.findChildren(QToolBar))
            if part is not None and part.isEnabled()
        ]
        for part in self._disabled:
            part.setEnabled(False)
        window.installEventFilter(self)
        self._place()
        self.raise_()
        self.show()

    @property
    def text(self) -> str:
        return self.label.text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window_ and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._place()
        return False

    def _place(self) -> None:
        # The whole central area: the default scenario's figures stay hidden.
        area = self.window_.centralWidget()
        self.setGeometry(area.geometry() if area is not None else self.window_.rect())

    def finish(self) -> None:
        """The workbook is in (or could not be read): give the window back."""
        self.window_.removeEventFilter(self)
        for part in self._disabled:
            part.setEnabled(True)
        self.hide()
        self.deleteLater()


def open_after_first_paint(window, path: Path) -> bool:
    """Read ``path`` into ``window`` (shown, covered by an :class:`OpeningCover`), then
    uncover it; True when the workbook was opened (a failure was said in a message)."""
    cover = window.findChild(OpeningCover, "opening_cover")
    try:
        return window.open_scenario(Path(path))
    finally:
        if cover is not None:
            cover.finish()
