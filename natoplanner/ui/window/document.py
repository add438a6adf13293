"""The open scenario as the UI sees it: inputs, projection, undo stack, file.

Every edit travels one path: a widget builds a :mod:`~natoplanner.ui.window.commands`
command and calls :meth:`ScenarioDocument.push`; the command changes the
scenario's inputs; the document recomputes the touched allies and emits
:attr:`ScenarioDocument.projected` with their rows; models and the plot
update from that signal. No widget writes to another widget.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Scenario

#: Undo history cap (glue's MAX_UNDO idea): enough for a long session.
UNDO_LIMIT = 500


class ScenarioDocument(QObject):
    """One scenario, its projection and its undo history.

    Signals
    -------
    projected(list)
        Rows (ally positions) whose paths changed; an empty list means
        "only summaries changed" (e.g. the horizon).
    reset()
        Everything changed (a different scenario was loaded).
    history_moved_ally(str)
        Undo or redo changed this ally's inputs (ISO3 code): the window shows it.
    """

    projected = Signal(list)
    reset = Signal()
    file_changed = Signal()
    history_moved_ally = Signal(str)

    def __init__(
        self,
        scenario: Scenario | None = None,
        path: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # A new scenario is named in the interface language ("Scénario par défaut").
        self.scenario = (
            scenario
            if scenario is not None
            else Scenario(name=QCoreApplication.translate("ScenarioDocument", "Default scenario"))
        )
        self.projection = Projection(self.scenario)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self.path = path
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def _on_clean_changed(self, _clean: bool) -> None:
        self.file_changed.emit()

    # -- edits -------------------------------------------------------------
    def push(self, command: QUndoCommand) -> None:
        """Run an edit through the undo stack (the only way inputs change)."""
        self.undo_stack.push(command)

    def recompute(self) -> None:
        """Bring the projection up to date and tell the views which rows moved."""
        rows = self.projection.update()
        self.projected.emit(rows)

    # -- file state ----------------------------------------------------------
    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        if self.path:
            return self.path.name
        return QCoreApplication.translate("ScenarioDocument", "%1 (unsaved)").replace(
            "%1", self.scenario.name
        )

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self.undo_stack.setClean()
        self.file_changed.emit()

    def replace_scenario(self, scenario: Scenario, path: Path | None) -> None:
        """Show another scenario (Open): clears the history, nothing is modified."""
        self.scenario = scenario
        self.projection = Projection(scenario)
        self.path = path
        self.undo_stack.clear()
        self.reset.emit()
        self.file_changed.emit()
