"""Undo command that puts the open scenario on other data (a vintage or reference added).

Adding an imported vintage or switching NATO edition changes the dataset a
scenario rests on, so the document gets a new Scenario (inputs carried over
by :mod:`natoplanner.core.vintages.use`); undo puts the old one back. One
user action, one undo step.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Scenario
from natoplanner.ui.window.document import ScenarioDocument


class SwapScenario(QUndoCommand):
    """Show ``scenario`` in place of the document's scenario ("Use NATO 2027 edition")."""

    def __init__(self, document: ScenarioDocument, scenario: Scenario, text: str) -> None:
        super().__init__(text)
        self.document = document
        self.old_scenario = document.scenario
        self.new_scenario = scenario

    def _show(self, scenario: Scenario) -> None:
        document = self.document
        document.scenario = scenario
        document.projection = Projection(scenario)
        document.projection.update()
        document.reset.emit()
        document.file_changed.emit()

    def redo(self) -> None:
        self._show(self.new_scenario)

    def undo(self) -> None:
        self._show(self.old_scenario)
