"""One way to make a menu action: text, slot, optional shortcut and tip; and one way to add a
menu action that opens a window part (a dialog or view, one per window, made on first use)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget


def make_action(
    parent: QObject,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence.StandardKey | str | None = None,
    tip: str = "",
    menu: QMenu | None = None,
) -> QAction:
    """A QAction calling ``slot()`` (without the ``checked`` argument), added to ``menu`` if given.

    ``tip`` becomes both the status-bar tip and the tooltip.
    """
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    if menu is not None:
        menu.addAction(action)
    return action


def show_window_part(window: QObject, attribute: str, create: Callable[[QObject], QWidget]):
    """Show the window's ``attribute`` dialog or view, creating it on first use.

    One per window, kept while the window lives (so it keeps its last result),
    and brought to the front. It opens within its screen's available area.
    """
    from natoplanner.ui.common.screen import fit_on_screen, keep_on_screen

    part = getattr(window, attribute, None)
    first = part is None
    if first:
        part = create(window)
        setattr(window, attribute, part)
        fit_on_screen(part)  # its comfortable size, cut to the screen
    part.show()
    if first:
        keep_on_screen(part)  # the real frame is known now
    part.raise_()
    part.activateWindow()
    return part


def install_window_part(
    window: QObject,
    attribute: str,
    create: Callable[[QObject], QWidget],
    text: str,
    shortcut: QKeySequence.StandardKey | str | None,
    tip: str,
    menu: QMenu,
) -> QAction:
    """A menu action showing the window's ``attribute`` part (see :func:`show_window_part`).

    ``window.<attribute>`` is None until the action is first used.
    """
    setattr(window, attribute, None)
    return make_action(
        window, text, lambda: show_window_part(window, attribute, create), shortcut, tip, menu
    )
