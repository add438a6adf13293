"""The keyboard shortcut list, read from a window's menus (so it is never out of date)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

#: Keys that belong to widgets rather than menu actions: (keys, what they do).
_WIDGET_KEYS = (
    (
        "Tab / Shift+Tab",
        QT_TRANSLATE_NOOP(
            "Shortcuts", "Year editor: next or previous cell; elsewhere: next or previous field"
        ),
    ),
    (
        "Ctrl+Tab / Ctrl+Shift+Tab",
        QT_TRANSLATE_NOOP("Shortcuts", "Leave the year editor (next or previous field)"),
    ),
    (
        "Delete / Backspace",
        QT_TRANSLATE_NOOP("Shortcuts", "Year editor: clear the selected overrides"),
    ),
    (
        "0–9",
        QT_TRANSLATE_NOOP(
            "Shortcuts",
            "Year editor: type a value into the current cell (Return keeps it, Escape drops it)",
        ),
    ),
    (
        "Ctrl / Shift",
        QT_TRANSLATE_NOOP("Shortcuts", "With a click in the allies table: select several allies"),
    ),
    (
        "Alt",
        QT_TRANSLATE_NOOP(
            "Shortcuts", "With the underlined letter of a menu or field name: open or go to it"
        ),
    ),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


def _native(keys: str) -> str:
    """ "Ctrl+Tab / Del" in the platform's words and the interface language ("Suppr")."""
    native = QKeySequence.SequenceFormat.NativeText
    return " / ".join(
        QKeySequence(part.strip()).toString(native) or part.strip() for part in keys.split("/")
    )


def window_shortcuts(window) -> list[tuple[str, str, str]]:
    """(keys, action, menu) for every menu action of ``window`` with a shortcut, then widget keys.

    Keys are in the platform's native notation ("Ctrl+Shift+Z", "⇧⌘Z" on macOS).
    """
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                walk(action.menu(), f"{path} > {_plain(action.menu().title())}")
                continue
            keys = [k for k in action.shortcuts() if not k.isEmpty()]
            if keys:
                text = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
                name = _plain(action.text()).split("\t")[0]
                rows.append((text, name, path))

    for entry in window.menuBar().actions():
        if entry.menu() is not None:
            walk(entry.menu(), _plain(entry.menu().title()))
    where = _tr("In the window")
    rows += [(_native(keys), _tr(meaning), where) for keys, meaning in _WIDGET_KEYS]
    return rows
