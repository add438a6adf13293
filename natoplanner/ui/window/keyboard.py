"""The planning window's keyboard habits: redo keys, undo from any field, steady toolbar.

- Redo answers Ctrl+Shift+Z *and* Ctrl+Y everywhere, each bound once (on
  Linux the platform's Redo key already is Ctrl+Shift+Z, and binding it a
  second time makes Qt drop it as ambiguous).
- Ctrl+Z / Redo typed in a spin box undo the scenario, not the box's text:
  the box's line edit would otherwise claim the keys for its own undo.
- The toolbar's Undo/Redo buttons keep one short label (the step's name is
  in the tooltip), so the toolbar does not change width on every edit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QAbstractSpinBox, QWidget


def redo_shortcuts() -> list[QKeySequence]:
    """The platform's Redo keys plus Ctrl+Shift+Z and Ctrl+Y, each once."""
    keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]
    keys += [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
    unique: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and all(key != seen for seen in unique):
            unique.append(key)
    return unique


def _is_history_key(event: QKeyEvent) -> bool:
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        return True
    combination = QKeySequence(event.keyCombination())
    return any(combination == key for key in redo_shortcuts())


class HistoryKeysToWindow(QObject):
    """Event filter: undo/redo keys pressed in a spin box reach the window's actions."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ShortcutOverride and _is_history_key(event):
            box = watched if isinstance(watched, QAbstractSpinBox) else watched.parent()
            if isinstance(box, QAbstractSpinBox):
                # A typed, unfinished value is committed first, so undo takes
                # back the last step including it.
                box.interpretText()
            event.ignore()  # not claimed by the box: the window's shortcut fires
            return True
        return False


def route_history_keys(root: QWidget, keys: HistoryKeysToWindow) -> None:
    """Install ``keys`` on every spin box under ``root`` (and on their line edits)."""
    for box in root.findChildren(QAbstractSpinBox):
        box.installEventFilter(keys)
        if box.lineEdit() is not None:
            box.lineEdit().installEventFilter(keys)


class _HistoryButton(QAction):
    """A toolbar action with a fixed label whose tooltip names the step it would take."""

    def __init__(self, label: str, parent: QObject) -> None:
        super().__init__(label, parent)
        self._label = label.replace("&", "")

    def show_step(self, step: str) -> None:
        self.setToolTip(f"{self._label}: {step}" if step else self._label)


def toolbar_history_actions(
    stack: QUndoStack, parent: QObject, undo_text: str, redo_text: str
) -> tuple[QAction, QAction]:
    """Undo and Redo for a toolbar: fixed labels, the step named in the tooltip, no shortcut.

    The menu's actions (``createUndoAction``) carry the step in their text,
    which suits a menu but makes a toolbar button grow with every edit.
    """
    undo, redo = _HistoryButton(undo_text, parent), _HistoryButton(redo_text, parent)
    undo.triggered.connect(stack.undo)
    redo.triggered.connect(stack.redo)
    # Bound slots of the actions: Qt disconnects them when either side goes.
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    stack.undoTextChanged.connect(undo.show_step)
    stack.redoTextChanged.connect(redo.show_step)
    undo.setEnabled(stack.canUndo())
    redo.setEnabled(stack.canRedo())
    undo.show_step(stack.undoText())
    redo.show_step(stack.redoText())
    return undo, redo
