"""Open every window and dialog on a screen of a given size; print where each one lies.

Run in its own process (the screen size is fixed when Qt starts)::

    python tests/ui/screen_probe.py WIDTH HEIGHT LANG [SHOTS_FOLDER]

with ``QT_QPA_PLATFORM=offscreen:configfile=...`` naming a one-screen layout.
Prints one JSON object: the screen's available geometry and, per window,
its frame geometry, its smallest usable size (``minimumSizeHint``) and the
widgets that must stay visible (buttons, plot axes, footnotes) with their
rectangles in screen coordinates. ``tests/ui/test_small_screens.py`` reads it.
"""

from __future__ import annotations

import csv
import json
import sys
import tempfile
from pathlib import Path


def _rect(r) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def _visible_parts(top) -> list[dict]:
    """Buttons, labels and plots of ``top`` as the user sees them (screen rectangles)."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel

    parts = []
    for kind, widgets in (
        ("button", top.findChildren(QAbstractButton)),
        ("label", top.findChildren(QLabel)),
        ("view", top.findChildren(QAbstractItemView)),
    ):
        for widget in widgets:
            if widget.window() is not top or not widget.isVisibleTo(top):
                continue
            if kind == "button" and not widget.text():
                continue  # tool buttons inside views, scroll arrows
            if kind == "label" and not widget.text().strip():
                continue
            origin = widget.mapToGlobal(QPoint(0, 0))
            # What of the widget is not clipped away by a parent (a scroll area's viewport).
            visible = widget.visibleRegion().boundingRect()
            parts.append(
                {
                    "kind": kind,
                    "text": (widget.text() if kind != "view" else widget.accessibleName())[:60],
                    "rect": _rect(QRect(origin, widget.size())),
                    "shown": [visible.width(), visible.height()],
                    "scrolled": _inside_scroll_area(widget, top),
                }
            )
    return parts


def _inside_scroll_area(widget, top) -> bool:
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(
            parent.parentWidget(), QAbstractScrollArea
        ):
            return parent.__class__.__name__ == "QScrollArea"
        parent = parent.parentWidget()
    return False


def _sample_csv(folder: Path) -> Path:
    path = folder / "budgets.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Country", "2027", "2028"])
        writer.writerow(["Poland", "200000", "210000"])
        writer.writerow(["Germany", "110000", "120000"])
    return path


def main(argv: list[str]) -> int:
    width, height, language = int(argv[0]), int(argv[1]), argv[2]
    shots = Path(argv[3]) if len(argv) > 3 else None
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    folder = Path(tempfile.mkdtemp(prefix="natoplanner-probe-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    app = QApplication([sys.argv[0]])
    app.setApplicationName("natoplanner-probe")
    from natoplanner.ui.shell.language import install_language
    from natoplanner.ui.shell.prompts import ScriptedPrompts
    from natoplanner.ui.window.document import ScenarioDocument
    from natoplanner.ui.window.main_window import MainWindow

    install_language(app, language)
    window = MainWindow(ScenarioDocument(), language=language, prompts=ScriptedPrompts())
    window.show()
    window.allies_panel.select_iso3(["POL", "DEU", "FRA", "ESP", "USA"])
    for _ in range(3):
        app.processEvents()
    for action in window.analysis_menu.actions():
        if action.isEnabled() and not action.isSeparator() and action.menu() is None:
            action.trigger()
            app.processEvents()
    from natoplanner.ui.exchange.import_open import show_import_dialog

    show_import_dialog(window, _sample_csv(folder))
    for name in ("welcome_action", "user_guide_action", "shortcuts_action"):
        action = getattr(window, name, None)
        if action is not None:
            action.trigger()
    for _ in range(20):
        app.processEvents()
    screen = app.primaryScreen().availableGeometry()
    report = {"available": _rect(screen), "windows": []}
    tops = [window] + [
        w
        for w in QApplication.topLevelWidgets()
        if w is not window and w.isVisible() and w.isWindow() and w.windowTitle()
    ]
    for number, top in enumerate(tops):
        minimum = top.minimumSizeHint().expandedTo(top.minimumSize())
        report["windows"].append(
            {
                "title": top.windowTitle(),
                "class": type(top).__name__,
                "frame": _rect(top.frameGeometry()),
                "geometry": _rect(top.geometry()),
                "minimum": [minimum.width(), minimum.height()],
                "parts": _visible_parts(top),
            }
        )
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)
            name = f"{width}x{height}-{language}-{number:02d}-{type(top).__name__}.png"
            top.grab().save(str(shots / name))
    print(json.dumps(report))
    window.document.undo_stack.setClean()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
