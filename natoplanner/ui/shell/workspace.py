"""Several scenarios open at once: one window per scenario, listed in a workspace.

Each scenario has its own window, undo history and workbook (as a
spreadsheet application has one window per workbook). The workspace is owned
by the application and passed to every window; it is the only place that
knows which scenarios are open, so the Window menu and the compare view read
it from there.

The workspace does not know the window class: the application passes a
``window_factory`` (``MainWindow.in_workspace``), so the window package
imports the shell and never the other way round.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMainWindow

from natoplanner.core.dataset import Dataset
from natoplanner.core.scenario import Scenario
from natoplanner.ui.window.document import ScenarioDocument

#: Makes the window for a document (``None``: the default scenario) in a workspace.
WindowFactory = Callable[[ScenarioDocument | None, "Workspace"], QMainWindow]


class Workspace(QObject):
    """The open scenario windows of one application session."""

    windows_changed = Signal()

    def __init__(
        self,
        language: str = "en",
        prompts_factory: Callable | None = None,
        parent: QObject | None = None,
        window_factory: WindowFactory | None = None,
    ) -> None:
        super().__init__(parent)
        self.language = language
        self.prompts_factory = prompts_factory
        self.window_factory = window_factory
        self._windows: list = []

    @property
    def windows(self) -> list:
        return list(self._windows)

    @property
    def documents(self) -> list[ScenarioDocument]:
        return [w.document for w in self._windows]

    def open_window(self, document: ScenarioDocument | None = None):
        """Create, register and show a window for ``document`` (default scenario if None).

        Raises
        ------
        RuntimeError
            When the workspace was made without a ``window_factory``.
        """
        if self.window_factory is None:
            raise RuntimeError("this workspace has no window factory and opens no windows")
        window = self.window_factory(document, self)
        if self.prompts_factory is not None:
            window.prompts = self.prompts_factory(window)
        window.show()
        return window

    def register(self, window) -> None:
        if window not in self._windows:
            self._windows.append(window)
            window.document.file_changed.connect(self.windows_changed)
            self.windows_changed.emit()

    def unregister(self, window) -> None:
        if window in self._windows:
            self._windows.remove(window)
            self.windows_changed.emit()

    def duplicate(self, document: ScenarioDocument):
        """Open a copy of ``document``'s scenario in a new, unsaved window."""
        copy = document.scenario.copy()
        copy.name = unique_name(
            QCoreApplication.translate("Workspace", "%1 (copy)").replace(
                "%1", document.scenario.name
            ),
            {d.scenario.name for d in self.documents},
        )
        return self.open_window(ScenarioDocument(copy))

    def new_scenario(self, dataset: Dataset | None = None):
        names = {d.scenario.name for d in self.documents}
        wanted = QCoreApplication.translate("Workspace", "Scenario")
        scenario = Scenario(dataset, name=unique_name(wanted, names))
        return self.open_window(ScenarioDocument(scenario))


def unique_name(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted 2``, ``wanted 3``… whichever is not taken."""
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted} {number}" in taken:
        number += 1
    return f"{wanted} {number}"
