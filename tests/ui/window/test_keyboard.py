"""The planning window from the keyboard: shortcuts, mnemonics, undo/redo, focus."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QTabWidget,
    QWidget,
)

from natoplanner.core.scenario import BudgetPolicy, Measure
from natoplanner.ui.shell.language import install_language, remove_language
from natoplanner.ui.shell.prompts import ScriptedPrompts
from natoplanner.ui.window.commands import SetYearInput
from natoplanner.ui.window.document import ScenarioDocument
from natoplanner.ui.window.main_window import MainWindow


def mnemonic(text: str) -> str | None:
    """The Alt+letter a text claims ("&File" → "f"); None without one ("&&" is literal)."""
    text = text.replace("&&", "")
    at = text.find("&")
    if at < 0 or at + 1 >= len(text):
        return None
    return text[at + 1].casefold()


def window_mnemonics(top: QWidget) -> dict[str, list[str]]:
    """Every Alt+letter in one window: menu titles, label buddies, buttons, group boxes, tabs."""
    claims: dict[str, list[str]] = defaultdict(list)
    menu_bar = top.menuBar() if hasattr(top, "menuBar") else None
    if menu_bar is not None:
        for action in menu_bar.actions():
            if (key := mnemonic(action.text())) is not None:
                claims[key].append(f"menu {action.text()!r}")
    for label in top.findChildren(QLabel):
        if label.window() is top and label.buddy() is not None:
            if (key := mnemonic(label.text())) is not None:
                claims[key].append(f"label {label.text()!r}")
    for button in top.findChildren(QAbstractButton):
        if button.window() is top and (key := mnemonic(button.text())) is not None:
            claims[key].append(f"button {button.text()!r}")
    for box in top.findChildren(QGroupBox):
        if box.window() is top and (key := mnemonic(box.title())) is not None:
            claims[key].append(f"group {box.title()!r}")
    for tabs in top.findChildren(QTabWidget):
        if tabs.window() is top:
            for i in range(tabs.count()):
                if (key := mnemonic(tabs.tabText(i))) is not None:
                    claims[key].append(f"tab {tabs.tabText(i)!r}")
    return claims


def menu_clashes(menu: QMenu, path: str = "") -> list[str]:
    """Entries of one menu (and its submenus) that claim the same letter."""
    found: list[str] = []
    claims: dict[str, list[str]] = defaultdict(list)
    menu.aboutToShow.emit()  # menus filled on demand (Open Recent, Window)
    for action in menu.actions():
        if action.isSeparator():
            continue
        if (key := mnemonic(action.text())) is not None:
            claims[key].append(action.text())
        if action.menu() is not None:
            found += menu_clashes(action.menu(), f"{path}{menu.title()} > ")
    found += [f"{path}{menu.title()}: Alt+{k} {v}" for k, v in claims.items() if len(v) > 1]
    found += [
        f"{path}{menu.title()}: {a.text()!r} has no mnemonic"
        for a in menu.actions()
        if not a.isSeparator() and a.text() and mnemonic(a.text()) is None and a.isEnabled()
    ]
    return found


def shortcut_clashes(top: QWidget) -> list[str]:
    """Key sequences bound to two actions of one window, or twice to one action."""
    owners: dict[str, list[str]] = defaultdict(list)
    actions = {
        id(a): a
        for a in top.findChildren(QAction)
        if not isinstance(a.parent(), QWidget) or a.parent().window() is top
    }
    for action in actions.values():
        keys = [k.toString() for k in action.shortcuts() if not k.isEmpty()]
        if len(keys) != len(set(keys)):
            owners["duplicate on one action"].append(action.text())
        for key in set(keys):
            owners[key].append(action.text())
    return [f"{key}: {names}" for key, names in owners.items() if len(names) > 1]


def open_every_window(main: MainWindow) -> list[QWidget]:
    """The main window and every analysis window or dialog its menus open, help included."""
    for name in ("user_guide_action", "welcome_action"):
        getattr(main, name).trigger()
    for action in main.analysis_menu.actions():
        if action.isEnabled() and not action.isSeparator() and action.menu() is None:
            action.trigger()
    QApplication.processEvents()
    tops = [main]
    for widget in QApplication.topLevelWidgets():
        if widget is not main and widget.isVisible() and widget.parent() is main:
            tops.append(widget)
    return tops


@pytest.fixture
def active(window, qtbot):
    """The window, active: shortcuts and focus need it on a real X server (offscreen: always)."""
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    return window


@pytest.fixture(params=["en", "fr"])
def any_language_window(request, qtbot, qapp):
    translators = install_language(qapp, request.param)
    window = MainWindow(ScenarioDocument(), language=request.param, prompts=ScriptedPrompts())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.document.undo_stack.setClean()
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.parent() is window:
            widget.close()
    remove_language(qapp, translators)


def test_no_shortcut_or_mnemonic_clash_in_any_window_in_either_language(any_language_window):
    window = any_language_window
    tops = open_every_window(window)
    assert len(tops) >= 4, "goal seek, Monte Carlo, compare and alliance view open"
    problems: list[str] = []
    for top in tops:
        problems += [
            f"{top.windowTitle()}: Alt+{k}: {v}"
            for k, v in window_mnemonics(top).items()
            if len(v) > 1
        ]
        problems += [f"{top.windowTitle()}: {p}" for p in shortcut_clashes(top)]
    for action in window.menuBar().actions():
        problems += menu_clashes(action.menu())
    assert not problems, "\n".join(problems)


def test_redo_answers_ctrl_shift_z_and_ctrl_y(active, qtbot):
    window = active
    keys = {k.toString() for k in window.redo_action.shortcuts()}
    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= keys
    assert len(keys) == len(window.redo_action.shortcuts())
    window.allies_panel.select_iso3(["DEU"])
    stack = window.document.undo_stack
    stack.push(SetYearInput(window.document, Measure.CORE_BUDGET, "DEU", 2030, 150000.0))
    window.allies_panel.view.setFocus()
    for key in ("Ctrl+Shift+Z", "Ctrl+Y"):
        qtbot.keyClick(window.allies_panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert stack.index() == 0
        sequence = QKeySequence(key)[0]
        qtbot.keyClick(window.allies_panel.view, sequence.key(), sequence.keyboardModifiers())
        assert stack.index() == 1, f"{key} redoes"


def test_ctrl_tab_leaves_the_year_editor_and_tab_moves_between_cells(active, qtbot):
    window = active
    window.allies_panel.select_iso3(["DEU"])
    view = window.year_view
    view.setFocus()
    view.setCurrentIndex(window.year_model.index(0, 1))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.hasFocus() and view.currentIndex().column() == 2
    qtbot.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert not view.hasFocus()
    assert view.currentIndex().column() == 2, "Ctrl+Tab moves focus, not the cell"
    focused = QApplication.focusWidget()
    assert window.policy_panel.isAncestorOf(focused)
    view.setFocus()
    qtbot.keyClick(
        view,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert QApplication.focusWidget() is window.plot.mode_combo


def test_undo_and_redo_select_the_ally_they_change(window):
    panel = window.allies_panel
    panel.select_iso3(["POL"])
    window.document.push(SetYearInput(window.document, Measure.CORE_BUDGET, "POL", 2030, 1.0e5))
    panel.select_iso3(["DEU", "FRA"])
    assert window.year_model.iso3 == "DEU"
    window.undo_action.trigger()
    assert panel.selected_iso3() == ["POL"]
    assert window.year_model.iso3 == "POL"
    panel.select_iso3(["ESP"])
    panel.filter_edit.setText("Fran")
    window.redo_action.trigger()
    assert panel.selected_iso3() == ["POL"], "the filter is cleared to show the ally"
    assert window.year_model.iso3 == "POL"


def test_ctrl_z_in_a_spin_box_undoes_the_scenario_edit(active, qtbot):
    window = active
    window.allies_panel.select_iso3(["DEU"])
    panel = window.policy_panel
    spin = panel.core_target_spin
    before = window.document.scenario.targets("DEU").core_pct
    spin.setFocus()
    spin.setValue(before + 0.5)
    assert window.document.scenario.targets("DEU").core_pct == pytest.approx(before + 0.5)
    qtbot.keyClick(spin, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.scenario.targets("DEU").core_pct == pytest.approx(before)
    assert spin.value() == pytest.approx(before)
    # The horizon box in the toolbar too.
    horizon = window.document.scenario.horizon
    window.horizon_spin.setFocus()
    window.horizon_spin.setValue(horizon + 2)
    qtbot.keyClick(window.horizon_spin, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.scenario.horizon == horizon
    # A shortcut-override event the spin box's line edit would otherwise accept.
    event = QKeyEvent(
        QEvent.Type.ShortcutOverride, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
    )
    QApplication.sendEvent(spin, event)
    assert not event.isAccepted()


def test_a_ramp_choice_and_its_year_are_two_undo_steps(window):
    window.allies_panel.select_iso3(["DEU"])
    panel = window.policy_panel
    stack = window.document.undo_stack
    panel.policy_combo.setCurrentIndex(panel.policy_combo.findData(BudgetPolicy.RAMP_TO_TARGET))
    panel.target_year_spin.setValue(2032)
    assert stack.count() == 2
    panel.target_year_spin.setValue(2033)  # the same field again merges
    assert stack.count() == 2
    assert window.document.scenario.core_policy("DEU").target_year == 2033
    window.undo_action.trigger()
    policy = window.document.scenario.core_policy("DEU")
    assert policy.kind == BudgetPolicy.RAMP_TO_TARGET and policy.target_year != 2033
    window.undo_action.trigger()
    assert window.document.scenario.core_policy("DEU").kind == BudgetPolicy.CONSTANT_SHARE


def test_toolbar_undo_button_keeps_its_width_while_editing(window):
    toolbar = window.findChild(QWidget, "scenario_toolbar")
    window.allies_panel.select_iso3(["DEU"])
    widths = []
    for year in (2028, 2029):
        window.document.push(
            SetYearInput(window.document, Measure.CORE_BUDGET, "DEU", year, 120000.0 + year)
        )
        QApplication.processEvents()
        widths.append(toolbar.sizeHint().width())
    window.undo_action.trigger()
    QApplication.processEvents()
    widths.append(toolbar.sizeHint().width())
    assert len(set(widths)) == 1
    undo_buttons = [
        b for b in toolbar.findChildren(QAbstractButton) if "Set" in b.toolTip() and b.isVisible()
    ]
    assert undo_buttons, "the toolbar's undo button names the step in its tooltip"


def test_tab_walks_filter_allies_measure_editor_policy_horizon(active, qtbot):
    window = active
    window.allies_panel.select_iso3(["DEU"])
    window.allies_panel.filter_edit.setFocus()
    expected = [
        window.allies_panel.view,
        window.plot.mode_combo,
        window.year_view,
    ]
    for widget in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget
    window.year_view.leave()
    assert QApplication.focusWidget() is window.policy_panel.policy_combo
    last_policy_field = window.policy_panel.total_target_spin
    last_policy_field.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() in (window.horizon_spin, window.horizon_spin.lineEdit())
