"""Help inside the application: F1 guide, data sources, shortcut list, About, welcome panel."""

from __future__ import annotations

import csv
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from natoplanner.ui.common.formatting import percent
from natoplanner.ui.help.about import about_text
from natoplanner.ui.help.guide import Page
from natoplanner.ui.help.welcome import show_welcome_once
from natoplanner.ui.window.year_editor import EditorRow

REPO = Path(__file__).resolve().parents[3]


def base_share(iso3: str, year: int = 2026) -> float:
    """NATO's published share straight from the CSV (independent of the window)."""
    with open(REPO / "data" / "nato_defence_expenditure.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["iso3"] == iso3 and int(row["year"]) == year:
                return float(row["defence_share_gdp_pct"])
    raise AssertionError(iso3)


def open_help(qtbot, window):
    window.activateWindow()  # a shortcut needs the active window (a real X server)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(window.allies_panel.view, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(window, "help_window", None) is not None)
    help_window = window.help_window
    qtbot.waitExposed(help_window)
    return help_window


def test_f1_opens_the_guide_that_explains_every_column_and_measure(qtbot, window):
    assert QKeySequence("F1") in window.user_guide_action.shortcuts() or (
        window.user_guide_action.shortcut().matches(QKeySequence("F1"))
        == QKeySequence.SequenceMatch.ExactMatch
    )
    help_window = open_help(qtbot, window)
    assert help_window.tabs.currentIndex() == Page.GUIDE
    guide = help_window.guide.toPlainText()
    table = window.allies_panel.model
    for column in range(table.columnCount()):
        header = table.headerData(column, Qt.Orientation.Horizontal).replace("\n", " ")
        meaning = table.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert header in guide and meaning in guide, header
    for row in EditorRow:
        label = window.year_model.headerData(row, Qt.Orientation.Vertical)
        assert label in guide, label
    for words in ("override", "Ramp to target", "3.5%", "1.5%", "2029", "heuristic", "CPI"):
        assert words in guide, words
    help_window.close()


def test_data_sources_show_the_shipped_sources_file(qtbot, window):
    window.sources_action.trigger()
    help_window = window.help_window
    assert help_window.tabs.currentIndex() == Page.SOURCES
    shown = help_window.sources.toPlainText()
    source = (REPO / "data" / "SOURCES.md").read_text(encoding="utf-8")
    headings = [
        line.lstrip("# ").replace("`", "").strip()
        for line in source.splitlines()
        if line.startswith("#")
    ]
    assert len(headings) > 5 and all(h in shown for h in headings)
    assert "def-exp-2026-en.xlsx" in shown
    help_window.close()


def test_shortcut_list_names_every_menu_shortcut(qtbot, window):
    window.shortcuts_action.trigger()
    help_window = window.help_window
    table = help_window.shortcut_table
    rows = [
        tuple(table.item(r, c).text() for c in range(table.columnCount()))
        for r in range(table.rowCount())
    ]
    keys_by_action = {action: keys for keys, action, _where in rows}
    native = QKeySequence.SequenceFormat.NativeText
    redo = keys_by_action["Redo"] if "Redo" in keys_by_action else None
    # The redo entry's text changes with the stack; find it by its keys.
    redo = next(keys for keys, action, _w in rows if action.startswith("Redo"))
    assert "Ctrl+Shift+Z" in redo and "Ctrl+Y" in redo
    assert keys_by_action["Save"] == QKeySequence(QKeySequence.StandardKey.Save).toString(native)
    assert any(keys.startswith("Ctrl+Tab") for keys, _a, _w in rows)
    with_keys = [
        a
        for menu in window.menuBar().actions()
        for a in menu.menu().actions()
        if not a.isSeparator() and not a.shortcut().isEmpty()
    ]
    assert len(rows) >= len(with_keys) >= 15
    help_window.close()


def test_about_names_the_installed_version(window):
    assert metadata.version("natoplanner") in about_text()
    assert "Data sources" in about_text()


def test_welcome_panel_once_orients_and_says_why_two_allies(qtbot, window):
    panel = show_welcome_once(window)
    assert panel is not None and panel.isVisible()
    layout = window.centralWidget().layout()
    assert layout.itemAt(0).widget() is panel  # above the alliance strip
    text = panel.text.text()
    for name, iso3 in (("Poland", "POL"), ("Germany", "DEU")):
        assert name in text and percent(base_share(iso3)) in text
    assert "override" in text and "year editor" in text and "plot" in text
    assert show_welcome_once(window) is None  # the next start: not again
    panel.close()
    window.welcome_action.trigger()
    assert window.welcome_panel.isVisible()
