"""Every question the window asks the user, behind one replaceable object.

Tests give the window a :class:`ScriptedPrompts` so no dialog ever blocks a
test run; the application uses :class:`DialogPrompts`.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Recovery(Enum):
    """The answer to "restore the scenarios of the session that crashed?"."""

    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


def describe_recovery(entries: list) -> str:
    """One line per recovered scenario: name, time saved (local, UI locale), original file."""
    lines = []
    for entry in entries:
        when = entry.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if getattr(entry, "note_problem", ""):
            origin = QCoreApplication.translate(
                "DialogPrompts", "not known (the copy's note was damaged)"
            )
        elif entry.original_path:
            origin = str(entry.original_path)
        else:
            origin = QCoreApplication.translate("DialogPrompts", "never saved")
        lines.append(
            QCoreApplication.translate("DialogPrompts", "• %1 — autosaved %2\n    file: %3")
            .replace("%1", entry.name)
            .replace("%2", when)
            .replace("%3", origin)
        )
    return "\n".join(lines)


class DialogPrompts:
    """Real dialogs (modal, parented to the window)."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def unsaved_changes(self, name: str) -> Unsaved:
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("DialogPrompts", "Unsaved changes"))
        box.setText(
            QCoreApplication.translate("DialogPrompts", "“%1” has unsaved changes.").replace(
                "%1", name
            )
        )
        box.setInformativeText(
            QCoreApplication.translate("DialogPrompts", "Save them before closing?")
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {
            QMessageBox.StandardButton.Save: Unsaved.SAVE,
            QMessageBox.StandardButton.Discard: Unsaved.DISCARD,
        }.get(QMessageBox.StandardButton(answer), Unsaved.CANCEL)

    def open_path(self, folder: str, filter_text: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self.parent, QCoreApplication.translate("DialogPrompts", "Open"), folder, filter_text
        )
        return Path(name) if name else None

    def save_path(self, suggested: str, filter_text: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self.parent,
            QCoreApplication.translate("DialogPrompts", "Save as"),
            suggested,
            filter_text,
        )
        return Path(name) if name else None

    def error(self, title: str, message: str) -> None:
        QMessageBox.critical(self.parent, title, message)

    def text(self, title: str, label: str, current: str) -> str | None:
        value, ok = QInputDialog.getText(self.parent, title, label, text=current)
        return value if ok else None

    def information(self, title: str, message: str) -> None:
        QMessageBox.information(self.parent, title, message)

    def confirm(self, title: str, message: str) -> bool:
        """A yes/no question; No is the default (nothing changes without a yes)."""
        answer = QMessageBox.question(
            self.parent,
            title,
            message,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def choose(self, title: str, message: str, choices: list[str]) -> int | None:
        """One of ``choices`` (button texts), by index; None when cancelled."""
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(message)
        buttons = [box.addButton(text, QMessageBox.ButtonRole.AcceptRole) for text in choices]
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else None

    def decide(self, title: str, text: str, details: str, options: list[tuple[str, str]]) -> str:
        """Ask a question with several answers; returns the key of the one chosen.

        ``options`` are (key, button label) pairs; the last one is the safe
        answer (Cancel), also given when the dialog is closed.
        """
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        box.setInformativeText(details)
        buttons = {}
        for index, (key, label) in enumerate(options):
            last = index == len(options) - 1
            role = QMessageBox.ButtonRole.RejectRole if last else QMessageBox.ButtonRole.AcceptRole
            buttons[box.addButton(label, role)] = key
        box.exec()
        return buttons.get(box.clickedButton(), options[-1][0])

    def recover(self, entries: list) -> Recovery:
        """Offer to restore what a crashed session autosaved; lists every scenario."""
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("DialogPrompts", "Recover unsaved scenarios"))
        if len(entries) == 1:
            text = QCoreApplication.translate(
                "DialogPrompts", "natoplanner did not close normally. One scenario can be restored:"
            )  # noqa: E501
        else:
            text = QCoreApplication.translate(
                "DialogPrompts", "natoplanner did not close normally. %1 scenarios can be restored:"
            )  # noqa: E501
        box.setText(text.replace("%1", str(len(entries))))
        box.setInformativeText(describe_recovery(entries))
        # Wide enough for a file path per line (QMessageBox wraps narrowly).
        grid = box.layout()
        grid.addItem(
            QSpacerItem(640, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding),
            grid.rowCount(),
            0,
            1,
            grid.columnCount(),
        )
        restore = box.addButton(
            QCoreApplication.translate("DialogPrompts", "&Restore"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        discard = box.addButton(
            QCoreApplication.translate("DialogPrompts", "&Discard"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.addButton(
            QCoreApplication.translate("DialogPrompts", "Ask &later"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(restore)
        box.exec()
        clicked = box.clickedButton()
        if clicked is restore:
            return Recovery.RESTORE
        return Recovery.DISCARD if clicked is discard else Recovery.LATER


class ScriptedPrompts:
    """Answers given in advance (tests); records what was asked."""

    def __init__(
        self,
        unsaved: Unsaved = Unsaved.CANCEL,
        open_path: Path | None = None,
        save_path: Path | None = None,
        text: str | None = None,
        recovery: Recovery = Recovery.LATER,
        confirm: bool = True,
        choice: int | None = 0,
    ) -> None:
        self.unsaved = unsaved
        self.confirm_answer = confirm
        self.choice = choice
        self.recovery = recovery
        self.next_text = text
        self.next_open_path = open_path
        self.next_save_path = save_path
        self.decisions: list[str] = []  # answers to decide(), in order; then the last option
        self.asked: list[tuple[str, str]] = []

    def unsaved_changes(self, name: str) -> Unsaved:
        self.asked.append(("unsaved", name))
        return self.unsaved

    def open_path(self, folder: str, filter_text: str) -> Path | None:
        self.asked.append(("open", folder))
        return self.next_open_path

    def save_path(self, suggested: str, filter_text: str) -> Path | None:
        self.asked.append(("save", suggested))
        return self.next_save_path

    def error(self, title: str, message: str) -> None:
        self.asked.append(("error", message))

    def text(self, title: str, label: str, current: str) -> str | None:
        self.asked.append(("text", label))
        return self.next_text

    def information(self, title: str, message: str) -> None:
        self.asked.append(("information", message))

    def confirm(self, title: str, message: str) -> bool:
        self.asked.append(("confirm", message))
        return self.confirm_answer

    def choose(self, title: str, message: str, choices: list[str]) -> int | None:
        self.asked.append(("choose", message))
        return self.choice

    def decide(self, title: str, text: str, details: str, options: list[tuple[str, str]]) -> str:
        self.asked.append(("decide", f"{text}\n{details}"))
        keys = [key for key, _ in options]
        answer = self.decisions.pop(0) if self.decisions else keys[-1]
        if answer not in keys:
            raise AssertionError(f"scripted answer {answer!r} is not one of {keys}")
        return answer

    def recover(self, entries: list) -> Recovery:
        self.asked.append(("recover", describe_recovery(entries)))
        return self.recovery
