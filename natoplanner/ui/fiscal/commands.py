"""The undo command for the escape-clause rules (a scenario input like any other)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from natoplanner.core.fiscal.rules import FiscalAssumptions, set_fiscal_assumptions, validate

_MERGE_FISCAL_RULE = 40


class SetFiscalRules(QUndoCommand):
    """Replace the scenario's escape-clause rules; repeated edits of one field merge.

    The rules move no projected path, so the document announces "only
    summaries changed" (``projected([])``) and the fiscal views redraw.
    """

    def __init__(self, document, text: str, after: FiscalAssumptions, field: str = "") -> None:
        super().__init__(text)
        self.document = document
        self.before = document.scenario.fiscal
        # Validated before the push: a refused value never reaches the stack.
        self.after = validate(after, document.scenario.dataset.registry.iso3_codes)
        self.field = field

    def _apply(self, rules: FiscalAssumptions) -> None:
        set_fiscal_assumptions(self.document.scenario, rules)
        self.document.projected.emit([])

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def id(self) -> int:
        return _MERGE_FISCAL_RULE if self.field else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, SetFiscalRules) or other.field != self.field:
            return False
        self.after = other.after
        return True


def rules_text(what: str) -> str:
    """The undo step's name: "Set escape clause: cap" in the interface language."""
    return QCoreApplication.translate("SetFiscalRules", "Set escape clause: %1").replace("%1", what)
