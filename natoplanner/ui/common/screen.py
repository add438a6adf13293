"""Windows that fit the screen they open on (1366×768 laptops with a task bar included).

Every window asks for a comfortable size; these helpers cut that request to
the screen's *available* geometry (the task bar and docks left out), keep
room for the title bar and borders the platform adds, and move the window
so its frame lies on the screen. Layouts shrink below the comfortable size
(scroll areas where needed), so a cut window stays usable.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QAbstractItemView, QWidget

#: Room left for the frame the window manager draws (borders; title bar) before
#: the real frame is known, in pixels: generous for Windows 11, GNOME and KDE.
FRAME_ALLOWANCE = QSize(16, 40)


def screen_of(widget: QWidget) -> QScreen:
    """The screen ``widget`` opens on: its parent window's, else its own, else the primary."""
    parent = widget.parentWidget()
    screen = (parent.window().screen() if parent is not None else None) or widget.screen()
    return screen or QGuiApplication.primaryScreen()


def available_client_size(widget: QWidget) -> QSize:
    """The largest client area whose frame still fits the available screen geometry."""
    available = screen_of(widget).availableGeometry()
    frame = _frame_margins(widget)
    return QSize(available.width() - frame.width(), available.height() - frame.height())


def fit_on_screen(widget: QWidget, preferred: QSize | None = None) -> None:
    """Resize ``widget`` to ``preferred`` (default: its current size) cut to the screen, and
    move it so its frame lies on the screen.

    Call before the first ``show()`` (with the frame allowance) and again
    after it (with the real frame), e.g. from :func:`keep_on_screen`.
    """
    room = available_client_size(widget)
    wanted = preferred if preferred is not None else widget.size()
    size = wanted.boundedTo(room).expandedTo(widget.minimumSizeHint().boundedTo(room))
    widget.resize(size)
    _move_onto_screen(widget)


def keep_on_screen(widget: QWidget) -> None:
    """After ``show()``: with the frame now known, pull the window fully onto its screen."""
    fit_on_screen(widget, widget.size())


def _frame_margins(widget: QWidget) -> QSize:
    frame, inner = widget.frameGeometry(), widget.geometry()
    if widget.isVisible() and frame != inner:
        return QSize(frame.width() - inner.width(), frame.height() - inner.height())
    return FRAME_ALLOWANCE


def _move_onto_screen(widget: QWidget) -> None:
    available: QRect = screen_of(widget).availableGeometry()
    frame = widget.frameGeometry()
    if not widget.isVisible():
        frame = QRect(frame.topLeft(), widget.size() + FRAME_ALLOWANCE)
    x = min(max(frame.x(), available.left()), available.right() + 1 - frame.width())
    y = min(max(frame.y(), available.top()), available.bottom() + 1 - frame.height())
    x, y = max(x, available.left()), max(y, available.top())
    if (x, y) != (frame.x(), frame.y()):
        widget.move(x, y)


def grow_to_show_rows(widget: QWidget, view: QAbstractItemView) -> None:
    """Make ``widget`` (a window) tall enough for every row of ``view``, as the screen allows.

    Used by the goal-seek and Monte Carlo windows: their tables list the
    selected allies (up to 32) and should not hide them behind a scroll bar
    while the screen has room.
    """
    model = view.model()
    if model is None or model.rowCount() == 0:
        return
    if hasattr(view, "verticalHeader"):  # a table: its rows' real heights
        rows = view.verticalHeader().length()
        header = view.horizontalHeader().height()
    else:
        rows = sum(view.sizeHintForRow(r) for r in range(model.rowCount()))
        header = 0
    scroll = view.horizontalScrollBar().sizeHint().height()
    needed = rows + header + scroll + 2 * view.frameWidth() - view.height()
    if needed <= 0:
        return
    room = available_client_size(widget).height()
    height = min(widget.height() + needed, room)
    if height > widget.height():
        widget.resize(widget.width(), height)
        _move_onto_screen(widget)
