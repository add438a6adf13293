"""The main window's actions, menus and scenario toolbar, built once per window.

``build_menus`` makes the File, Edit, View, Analysis, Window and Help menus
(features add their entries to them later); ``build_scenario_toolbar`` the
toolbar with Open, Save, Undo/Redo and the scenario's horizon, back-loading
threshold and GDP forecast. Both set the window's attributes the rest of the
application uses (``window.undo_action``, ``window.analysis_menu``, ...).
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox

from natoplanner.core.scenario import MAX_HORIZON, DeflatorSource
from natoplanner.ui.common.actions import make_action
from natoplanner.ui.common.labels import data_label
from natoplanner.ui.window.keyboard import (
    HistoryKeysToWindow,
    redo_shortcuts,
    route_history_keys,
    toolbar_history_actions,
)
from natoplanner.ui.window.path_plot import PlotMode


def build_menus(window) -> None:
    """File, Edit, View (plot modes, language), Analysis, Window and Help menus."""
    standard = QKeySequence.StandardKey
    window.new_action = make_action(
        window,
        window.tr("&New scenario"),
        lambda: window.workspace.new_scenario(window.document.scenario.dataset),
        standard.New,
        window.tr("Open the default scenario in a new window"),
    )
    window.duplicate_action = make_action(
        window,
        window.tr("&Duplicate scenario"),
        lambda: window.workspace.duplicate(window.document),
        "Ctrl+Shift+D",
        window.tr("Open a copy of this scenario in a new window"),
    )
    window.rename_action = make_action(
        window,
        window.tr("&Rename scenario…"),
        lambda: window.rename_scenario(),
        "F2",
        window.tr("Change the scenario's name"),
    )
    window.close_action = make_action(
        window,
        window.tr("&Close"),
        window.close,
        standard.Close,
        window.tr("Close this scenario's window"),
    )
    window.open_action = make_action(
        window,
        window.tr("&Open…"),
        window.open_scenario,
        standard.Open,
        window.tr("Open a scenario workbook"),
    )
    window.save_action = make_action(
        window,
        window.tr("&Save"),
        window.save,
        standard.Save,
        window.tr("Save the scenario workbook"),
    )
    window.save_as_action = make_action(
        window,
        window.tr("Save &As…"),
        window.save_as,
        standard.SaveAs,
        window.tr("Save under a new name"),
    )
    window.quit_action = make_action(
        window,
        window.tr("&Quit"),
        window.quit_all,
        standard.Quit,
        window.tr("Close every scenario window"),
    )
    if window.quit_action.shortcut().isEmpty():  # no platform Quit key (Windows, offscreen)
        window.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    window.undo_action = window.document.undo_stack.createUndoAction(window, window.tr("&Undo"))
    window.undo_action.setShortcut(QKeySequence(standard.Undo))
    window.redo_action = window.document.undo_stack.createRedoAction(window, window.tr("&Redo"))
    window.redo_action.setShortcuts(redo_shortcuts())
    window.find_action = make_action(
        window, window.tr("&Find ally"), window.allies_panel.filter_edit.setFocus, standard.Find
    )

    file_menu = window.file_menu = window.menuBar().addMenu(window.tr("&File"))
    for action in (window.new_action, window.duplicate_action, window.open_action):
        file_menu.addAction(action)
    window.recent_menu = file_menu.addMenu(window.tr("Open Recen&t"))
    window.recent_menu.aboutToShow.connect(window.fill_recent_menu)
    for action in (window.save_action, window.save_as_action, window.rename_action):
        file_menu.addAction(action)
    file_menu.addSeparator()
    window.export_menu = file_menu.addMenu(window.tr("&Export"))
    file_menu.addSeparator()
    file_menu.addAction(window.close_action)
    file_menu.addAction(window.quit_action)

    edit_menu = window.edit_menu = window.menuBar().addMenu(window.tr("&Edit"))
    edit_menu.addAction(window.undo_action)
    edit_menu.addAction(window.redo_action)
    edit_menu.addSeparator()
    edit_menu.addAction(window.find_action)

    view_menu = window.view_menu = window.menuBar().addMenu(window.tr("&View"))
    toggle_history = window.undo_dock.toggleViewAction()
    toggle_history.setText(window.tr("Undo &history"))
    toggle_history.setShortcut(QKeySequence("Ctrl+H"))
    view_menu.addAction(toggle_history)
    view_menu.addSeparator()
    modes = window.plot_mode_actions = QActionGroup(window)
    for index, mode in enumerate(PlotMode):
        action = QAction(window.plot.menu_text(mode), window, checkable=True)
        action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        action.setChecked(mode == window.plot.mode)
        action.setData(str(mode))
        action.triggered.connect(lambda _checked, m=mode: window.set_plot_mode(m))
        modes.addAction(action)
        view_menu.addAction(action)
    window.plot.mode_combo.activated.connect(lambda _i: window.set_plot_mode(window.plot.mode))
    view_menu.addSeparator()
    window.language_menu = view_menu.addMenu(window.tr("&Language"))
    languages = QActionGroup(window)
    for code, label in (("en", "&English"), ("fr", "&Français")):
        action = window.language_menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(code == window.language)
        action.setData(code)
        action.triggered.connect(lambda _checked, c=code: window.choose_language(c))
        languages.addAction(action)

    window.analysis_menu = window.menuBar().addMenu(window.tr("&Analysis"))
    window.window_menu = window.menuBar().addMenu(window.tr("&Window"))
    window.window_menu.aboutToShow.connect(window.fill_window_menu)
    # Filled by natoplanner.ui.help (user guide, shortcuts, About).
    window.help_menu = window.menuBar().addMenu(window.tr("&Help"))


def build_scenario_toolbar(window) -> None:
    """Open, Save, Undo/Redo and the scenario's horizon, threshold and GDP forecast."""
    toolbar = window.addToolBar(window.tr("Scenario"))
    toolbar.setObjectName("scenario_toolbar")
    toolbar.addAction(window.open_action)
    toolbar.addAction(window.save_action)
    toolbar.addSeparator()
    for action in toolbar_history_actions(
        window.document.undo_stack, window, window.tr("Undo"), window.tr("Redo")
    ):
        toolbar.addAction(action)
    toolbar.addSeparator()
    window.horizon_spin = QSpinBox(window)
    window.horizon_spin.setRange(window.document.scenario.base_year + 1, MAX_HORIZON)
    window.horizon_spin.setValue(window.document.scenario.horizon)
    window.horizon_spin.setAccessibleName(window.tr("Horizon year"))
    window.horizon_spin.setToolTip(window.tr("Last projected year (the Hague commitment: 2035)"))
    window.horizon_spin.setKeyboardTracking(False)
    window.horizon_spin.valueChanged.connect(window.horizon_edited)
    _add_labelled(toolbar, window.tr(" Hori&zon: "), window.horizon_spin)
    window.backload_spin = QSpinBox(window)
    window.backload_spin.setRange(0, 100)
    window.backload_spin.setSuffix(window.tr("% of linear"))
    window.backload_spin.setValue(round(100 * window.document.scenario.backload_fraction))
    window.backload_spin.setAccessibleName(window.tr("Back-loading threshold"))
    window.backload_spin.setToolTip(
        window.tr(
            "This tool's heuristic, not the Hague declaration's (it sets no number): a path "
            "is called back-loaded when the part of its needed increase done by the 2029 "
            "review is below this fraction of the linear path's part (33% for 2026→2035). "
            "Saved in the scenario."
        )
    )
    window.backload_spin.setKeyboardTracking(False)
    window.backload_spin.valueChanged.connect(window.backload_edited)
    _add_labelled(toolbar, window.tr("  Bac&k-loaded below: "), window.backload_spin)
    window.vintage_combo = QComboBox(window)
    for vintage in window.document.scenario.dataset.forecast_vintages:
        window.vintage_combo.addItem(data_label(vintage), vintage)
    window.vintage_combo.setAccessibleName(window.tr("GDP forecast vintage"))
    window.vintage_combo.setToolTip(
        window.tr(
            "IMF World Economic Outlook vintage for the default real GDP growth and CPI "
            "(the deflator); your typed growth and deflator values are kept"
        )
    )
    window.vintage_combo.currentIndexChanged.connect(window.vintage_chosen)
    _add_labelled(toolbar, window.tr("  GDP fo&recast: "), window.vintage_combo)
    window.deflator_combo = QComboBox(window)
    window.deflator_combo.addItem(window.tr("IMF (the vintage's)"), DeflatorSource.WEO.value)
    window.deflator_combo.addItem(window.tr("NATO implied"), DeflatorSource.NATO_HISTORY.value)
    window.deflator_combo.setAccessibleName(window.tr("Default deflator"))
    window.deflator_combo.setToolTip(
        window.tr(
            "Where every ally's default deflator comes from: the GDP forecast vintage (IMF CPI "
            "inflation standing in for the GDP deflator, or the vintage's GDP deflator where it "
            "has one), or NATO's implied GDP deflator (its figure of each year to the edition's "
            "last year, then its ten-year average). Typed deflator years are kept either way."
        )
    )
    window.deflator_combo.currentIndexChanged.connect(window.deflator_chosen)
    _add_labelled(toolbar, window.tr("  Deflator: "), window.deflator_combo)
    window.sync_scenario_controls()
    window.history_keys = HistoryKeysToWindow(window)
    route_history_keys(window, window.history_keys)


def _add_labelled(toolbar, text: str, field) -> None:
    """``field`` on ``toolbar`` after a label whose mnemonic (Alt+letter) focuses it."""
    label = QLabel(text, toolbar.parentWidget())
    label.setBuddy(field)
    toolbar.addWidget(label)
    toolbar.addWidget(field)
