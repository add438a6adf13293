"""The planning window: allies table, year editor with policy controls, path plot."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from natoplanner.core.scenario import DeflatorSource
from natoplanner.ui.common.busy import busy
from natoplanner.ui.common.file_errors import write_error_text
from natoplanner.ui.common.labels import data_label
from natoplanner.ui.common.screen import fit_on_screen
from natoplanner.ui.shell import settings
from natoplanner.ui.shell.features import install_features
from natoplanner.ui.shell.file_guard import CANCEL, READ_ONLY, RELOAD, SAVE, SAVE_AS, FileGuard
from natoplanner.ui.shell.icons import app_icon
from natoplanner.ui.shell.prompts import DialogPrompts, Unsaved
from natoplanner.ui.shell.workspace import Workspace
from natoplanner.ui.window.alliance_strip import AllianceStrip
from natoplanner.ui.window.allies_table import AlliesPanel
from natoplanner.ui.window.commands import (
    RenameScenario,
    SetBackloadFraction,
    SetDeflatorSource,
    SetGdpVintage,
    SetHorizon,
)
from natoplanner.ui.window.document import ScenarioDocument
from natoplanner.ui.window.menus import build_menus, build_scenario_toolbar
from natoplanner.ui.window.path_plot import PathPlot, PlotMode
from natoplanner.ui.window.policy_panel import PolicyPanel
from natoplanner.ui.window.year_editor import YearEditorModel, YearEditorView

APP_NAME = "natoplanner"


class MainWindow(QMainWindow):
    """Main window over one :class:`ScenarioDocument`.

    ``prompts`` answers every question (unsaved changes, file names, errors);
    tests pass a :class:`~natoplanner.ui.shell.prompts.ScriptedPrompts`.
    """

    @classmethod
    def in_workspace(cls, document: ScenarioDocument | None, workspace: Workspace) -> MainWindow:
        """A window for ``document`` in ``workspace``: the workspace's window factory."""
        return cls(document, language=workspace.language, workspace=workspace)

    def __init__(
        self,
        document: ScenarioDocument | None = None,
        language: str = "en",
        prompts=None,
        workspace: Workspace | None = None,
        defer_features: bool = False,
    ) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, workspace is not None)
        self.document = document if document is not None else ScenarioDocument()
        self.document.setParent(self)
        if workspace is None:
            workspace = Workspace(language, parent=self, window_factory=MainWindow.in_workspace)
        self.workspace = workspace
        self.workspace.register(self)
        self.language = language
        self.prompts = prompts if prompts is not None else DialogPrompts(self)
        self.file_guard = FileGuard(lambda: self.prompts, self._open_in_other_window)

        self.allies_panel = AlliesPanel(self.document, language, self)
        self.plot = PathPlot(self.document, language, self)
        self.year_model = YearEditorModel(self.document, self)
        self.year_view = YearEditorView(self)
        self.year_view.setModel(self.year_model)
        self.policy_panel = PolicyPanel(self.document, self)
        self.alliance_strip = AllianceStrip(self.document, self)
        self.editor_title = QLabel(self)

        editor = QWidget(self)
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.editor_title)
        editor_layout.addWidget(self.year_view)
        editor_layout.addWidget(self.policy_panel)
        editor_layout.addStretch(1)
        lower = editor
        self._fit_year_view_height()

        self.right_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.right_splitter.addWidget(self.plot)
        self.right_splitter.addWidget(lower)
        self.right_splitter.setStretchFactor(0, 3)
        self.right_splitter.setStretchFactor(1, 2)
        self.right_splitter.setSizes([430, 420])
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.addWidget(self.allies_panel)
        self.main_splitter.addWidget(self.right_splitter)
        self.main_splitter.setStretchFactor(0, 2)
        self.main_splitter.setStretchFactor(1, 3)
        self.main_splitter.setSizes([630, 810])
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(6, 6, 6, 6)
        central_layout.addWidget(self.alliance_strip)
        central_layout.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)

        self.undo_view = QUndoView(self.document.undo_stack, self)
        self.undo_view.setEmptyLabel(self.tr("<original scenario>"))
        self.undo_dock = QDockWidget(self.tr("Undo history"), self)
        self.undo_dock.setObjectName("undo_history")
        self.undo_dock.setWidget(self.undo_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.undo_dock)
        self.undo_dock.hide()

        self._build_actions()
        self._build_status_bar()
        if defer_features:
            # The first paint needs only the planning core; analysis, import
            # and report modules (and pandas with them) load just after it.
            QTimer.singleShot(0, lambda: install_features(self))
        else:
            install_features(self)

        self.allies_panel.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.allies_panel.view.selectionModel().currentRowChanged.connect(
            self._on_selection_changed
        )
        self.year_view.status_message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.document.file_changed.connect(self._update_title)
        self.document.reset.connect(self._on_reset)
        self.document.history_moved_ally.connect(self.show_ally)
        self.document.projected.connect(lambda _rows: self.sync_scenario_controls())
        self._update_title()
        self.setWindowIcon(app_icon())
        self.resize(QSize(1440, 900))
        self._set_tab_order()
        if not settings.restore_window_layout(self, self.splitters()):
            # 1440×900 asked; a 1366×768 laptop gets what it has. (Qt fits a
            # restored geometry onto the screen itself.)
            fit_on_screen(self)
        self._restore_plot_mode()

    def splitters(self) -> dict[str, QSplitter]:
        """The window's splitters by the name their state is remembered under."""
        return {"main": self.main_splitter, "right": self.right_splitter}

    def _set_tab_order(self) -> None:
        """Keyboard order: filter → allies → plotted measure → year editor → policy → horizon."""
        chain = [
            self.allies_panel.filter_edit,
            self.allies_panel.view,
            self.plot.mode_combo,
            self.year_view,
            *self.policy_panel.fields(),
            self.horizon_spin,
            self.vintage_combo,
            self.deflator_combo,
        ]
        # The allies table is read-only: Tab leaves it (arrows move between
        # rows). The year editor keeps Tab for moving between cells, like a
        # spreadsheet; Ctrl+Tab leaves it.
        self.allies_panel.view.setTabKeyNavigation(False)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _restore_plot_mode(self) -> None:
        try:
            mode = PlotMode(settings.plot_mode(self.plot.mode))
        except ValueError:
            return
        if mode != self.plot.mode:
            self.set_plot_mode(mode)

    def set_plot_mode(self, mode: PlotMode) -> None:
        """Show ``mode`` and remember it as the preferred plot units."""
        self.plot.set_mode(mode)
        for action in self.plot_mode_actions.actions():
            action.setChecked(action.data() == str(mode))
        settings.set_plot_mode(str(mode))

    def _fit_year_view_height(self) -> None:
        """The editor's rows are fixed (7 measures): no empty band below them."""
        view = self.year_view
        rows_height = self.year_model.rowCount() * view.verticalHeader().defaultSectionSize()
        height = view.horizontalHeader().sizeHint().height() + rows_height
        height += view.horizontalScrollBar().sizeHint().height() + 2 * view.frameWidth() + 8
        view.setMaximumHeight(height)
        view.setMinimumHeight(height)

    # -- actions and menus: ui/window/menus.py ------------------------------------
    def _build_actions(self) -> None:
        build_menus(self)
        build_scenario_toolbar(self)

    # -- recent files and language --------------------------------------------------
    def fill_recent_menu(self) -> None:
        """File > Open Recent: the remembered workbooks, newest first, then Clear list."""
        self.recent_menu.clear()
        files = settings.recent_files()
        for number, path in enumerate(files, start=1):
            action = self.recent_menu.addAction(f"&{number % 10} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setData(str(path))
            action.triggered.connect(lambda _checked, p=path: self.open_recent(p))
        if not files:
            self.recent_menu.addAction(self.tr("No recent files")).setEnabled(False)
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(self.tr("&Clear list"), settings.clear_recent_files)
        clear.setEnabled(bool(files))

    def open_recent(self, path: Path) -> bool:
        """Open a recent workbook; one that has gone is dropped from the list, with a message."""
        if not Path(path).is_file():
            missing = [p for p in settings.recent_files() if not p.is_file()]
            settings.remove_recent_files(missing)
            self.prompts.information(
                self.tr("File not found"),
                self.tr("%1 no longer exists; it was removed from the recent files.").replace(
                    "%1", str(path)
                ),
            )
            return False
        return self.open_scenario(Path(path))

    def choose_language(self, code: str) -> None:
        """Remember the interface language; it applies from the next start."""
        settings.set_language(code)
        if code == self.language:
            return
        self.prompts.information(
            self.tr("Language"),
            self.tr("The language changes when natoplanner starts again.")
            + "\n"
            + (
                "La langue change au prochain démarrage de natoplanner."
                if code == "fr"
                else "The language changes when natoplanner starts again."
            ),
        )

    def _build_status_bar(self) -> None:
        self.data_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.data_label)
        self._show_data_sources()

    def _show_data_sources(self) -> None:
        scenario = self.document.scenario
        if scenario.deflator_source is DeflatorSource.NATO_HISTORY:
            text = self.tr("%1 · base year %2 · GDP: %3 (NATO implied deflator)")
        elif scenario.vintages_used()[1].price_basis == "GDP deflator":
            text = self.tr("%1 · base year %2 · GDP: %3 (GDP deflator)")
        else:
            text = self.tr("%1 · base year %2 · GDP: %3 (CPI as deflator)")
        self.data_label.setText(
            text.replace("%1", data_label(scenario.nato_edition))
            .replace("%2", str(scenario.base_year))
            .replace("%3", data_label(scenario.gdp_vintage))
        )

    # -- reactions ----------------------------------------------------------------
    def _on_selection_changed(self, *_args) -> None:
        codes = self.allies_panel.selected_iso3()
        self.plot.set_allies(codes)
        current = self.allies_panel.view.currentIndex()
        focus = current.data(Qt.ItemDataRole.UserRole + 2) if current.isValid() and codes else None
        if focus not in codes:
            focus = codes[0] if codes else None
        if focus != self.year_model.iso3:
            self.year_model.set_ally(focus)
            self.policy_panel.set_ally(focus)
        self._update_editor_title()

    def show_ally(self, iso3: str) -> None:
        """Bring ``iso3`` into view and into the year editor (after undo or redo changed it)."""
        panel = self.allies_panel
        if iso3 in panel.selected_iso3():
            panel.make_current(iso3)
        else:
            panel.filter_edit.clear()  # a filter that hides the ally would leave nothing shown
            panel.select_iso3([iso3])
        self._on_selection_changed()

    def _update_editor_title(self) -> None:
        iso3 = self.year_model.iso3
        if iso3 is None:
            self.editor_title.setText(self.tr("Select an ally in the table to edit its years."))
            return
        ally = self.document.scenario.dataset.registry.get(iso3)
        self.editor_title.setText(
            self.tr("<b>%1</b> — amounts in %2; bold cells are your overrides (Delete clears)")
            .replace("%1", ally.name(self.language))
            .replace("%2", ally.currency)
        )

    def horizon_edited(self, value: int) -> None:
        if value != self.document.scenario.horizon:
            self.document.push(SetHorizon(self.document, value))

    def backload_edited(self, value: int) -> None:
        if abs(value / 100 - self.document.scenario.backload_fraction) > 1e-9:
            self.document.push(SetBackloadFraction(self.document, value / 100))

    def vintage_chosen(self, index: int) -> None:
        vintage = self.vintage_combo.itemData(index)
        if vintage and vintage != self.document.scenario.gdp_vintage:
            self.document.push(SetGdpVintage(self.document, vintage))

    def deflator_chosen(self, index: int) -> None:
        source = DeflatorSource(self.deflator_combo.itemData(index))
        if source is not self.document.scenario.deflator_source:
            self.document.push(SetDeflatorSource(self.document, source))

    def sync_scenario_controls(self) -> None:
        """Horizon, vintage and status bar as the scenario has them (after undo, open...)."""
        scenario = self.document.scenario
        if self.horizon_spin.value() != scenario.horizon:
            self.horizon_spin.blockSignals(True)
            self.horizon_spin.setValue(scenario.horizon)
            self.horizon_spin.blockSignals(False)
        backload = round(100 * scenario.backload_fraction)
        if self.backload_spin.value() != backload:
            self.backload_spin.blockSignals(True)
            self.backload_spin.setValue(backload)
            self.backload_spin.blockSignals(False)
        vintages = scenario.dataset.forecast_vintages
        listed = [self.vintage_combo.itemData(i) for i in range(self.vintage_combo.count())]
        if listed != vintages:  # an imported vintage came or went (Data > Sources)
            self.vintage_combo.blockSignals(True)
            self.vintage_combo.clear()
            for vintage in vintages:
                self.vintage_combo.addItem(data_label(vintage), vintage)
            self.vintage_combo.blockSignals(False)
        index = self.vintage_combo.findData(scenario.gdp_vintage)
        if index != self.vintage_combo.currentIndex():
            self.vintage_combo.blockSignals(True)
            self.vintage_combo.setCurrentIndex(index)
            self.vintage_combo.blockSignals(False)
        index = self.deflator_combo.findData(scenario.deflator_source.value)
        if index != self.deflator_combo.currentIndex():
            self.deflator_combo.blockSignals(True)
            self.deflator_combo.setCurrentIndex(index)
            self.deflator_combo.blockSignals(False)
        if hasattr(self, "data_label"):
            self._show_data_sources()

    def _on_reset(self) -> None:
        self.sync_scenario_controls()
        self._on_selection_changed()

    def _update_title(self) -> None:
        name = self.document.display_name()
        if (
            self.document.path is not None
            and self.document.scenario.name != self.document.path.stem
        ):
            name = f"{self.document.scenario.name} — {name}"
        if self.file_guard.read_only:
            name += " " + self.tr("(read-only)")
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(self.document.is_modified)

    # -- files -----------------------------------------------------------------------
    def maybe_keep_changes(self) -> bool:
        """Ask about unsaved changes; True when it is safe to drop the current scenario."""
        if not self.document.is_modified:
            return True
        answer = self.prompts.unsaved_changes(self.document.display_name())
        if answer == Unsaved.SAVE:
            return self.save()
        return answer == Unsaved.DISCARD

    def rename_scenario(self, name: str | None = None) -> None:
        """Rename the scenario (undoable); asks for the name when none is given."""
        if name is None:
            name = self.prompts.text(
                self.tr("Rename scenario"), self.tr("Scenario name:"), self.document.scenario.name
            )
        if name and name.strip() and name.strip() != self.document.scenario.name:
            self.document.push(RenameScenario(self.document, name.strip()))

    def quit_all(self) -> None:
        """Close every window, each asking about its own unsaved changes."""
        for window in reversed(self.workspace.windows):
            if not window.close():
                return

    def fill_window_menu(self) -> None:
        self.window_menu.clear()
        for number, window in enumerate(self.workspace.windows, start=1):
            action = self.window_menu.addAction(f"&{number} {window.document.display_name()}")
            action.setCheckable(True)
            action.setChecked(window is self)
            action.triggered.connect(
                lambda _checked, w=window: (w.show(), w.raise_(), w.activateWindow())
            )

    def open_scenario(self, path: Path | None = None, *, ask_unsaved: bool = True) -> bool:
        if ask_unsaved and not self.maybe_keep_changes():
            return False
        path = path or self.prompts.open_path(str(self._folder()), self._workbook_filter())
        if path is None:
            return False
        path = Path(path)
        how = self.file_guard.ask_before_opening(path)
        if how == CANCEL:
            return False
        try:
            from natoplanner.io.workbook.files import read_scenario

            with busy(self, self.tr("Opening %1…").replace("%1", str(path))):
                loaded = read_scenario(path)
        except Exception as error:  # noqa: BLE001 - every failure becomes a message, never a crash
            self.prompts.error(self.tr("Cannot open"), str(error))
            return False
        self.file_guard.opened(path, how == READ_ONLY, loaded.not_kept)
        self.document.replace_scenario(loaded.scenario, path)
        settings.add_recent_file(path)
        notes = [str(w) for w in loaded.warnings + loaded.not_kept]
        if notes:
            self.prompts.information(self.tr("Opened with warnings"), "\n".join(notes))
        return True

    def _open_in_other_window(self, path: Path) -> bool:
        """Whether another window of this application shows ``path``."""
        target = Path(path).resolve()
        for window in self.workspace.windows:
            other = window.document.path
            if window is not self and other is not None and Path(other).resolve() == target:
                return True
        return False

    def save(self) -> bool:
        if self.document.path is None or self.file_guard.read_only:
            return self.save_as()
        return self._write(self.document.path)

    def save_as(self) -> bool:
        from natoplanner.io.workbook.files import safe_file_name

        suggested = self.document.path or self._folder() / safe_file_name(
            self.document.scenario.name
        )
        path = self.prompts.save_path(str(suggested), self._workbook_filter())
        if path is None:
            return False
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        return self._write(path)

    def _write(self, path: Path) -> bool:
        decision = self.file_guard.ask_before_saving(path)
        if decision == SAVE_AS:
            return self.save_as()
        if decision == RELOAD:
            return self.open_scenario(path, ask_unsaved=False)
        if decision != SAVE:
            return False
        if not path.parent.is_dir():
            missing = FileNotFoundError(str(path.parent))
            self.prompts.error(self.tr("Cannot save"), write_error_text(path, missing))
            return False
        try:
            from natoplanner.io.workbook.files import save_scenario

            # The window's projection is current: the writer need not recompute it.
            with busy(self, self.tr("Saving %1…").replace("%1", str(path))):
                save_scenario(self.document.scenario, path, self.document.projection)
        except Exception as error:  # noqa: BLE001 - the previous file is intact (atomic save)
            message = write_error_text(path, error) if isinstance(error, OSError) else str(error)
            self.prompts.error(self.tr("Cannot save"), message)
            return False
        self.file_guard.saved(path)
        self.document.mark_saved(path)
        settings.add_recent_file(path)
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 5000)
        return True

    def _workbook_filter(self) -> str:
        return self.tr("Scenario workbooks (*.xlsx)")

    def _folder(self) -> Path:
        return self.document.path.parent if self.document.path else settings.last_folder()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_keep_changes():
            self.file_guard.release()
            settings.save_window_layout(self, self.splitters())
            self.workspace.unregister(self)
            event.accept()
        else:
            event.ignore()
