"""Compare scenarios: Analysis > Compare scenarios… (Ctrl+Shift+C).

The user ticks two or more of the open scenarios (the workspace's documents)
and picks a reference. The window shows one ally's paths overlaid (one
colour and one line style per scenario) and a difference table at the
reference's horizon: core share, total share, core budget, first year at the
core target, per ally and for the alliance, with a difference column for
each scenario against the reference and each scenario's path facts
(reasons in the tooltip). Numbers come from :func:`natoplanner.core.compare.
compare_scenarios`; the window recomputes when a compared scenario changes.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QLocale,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from natoplanner.core.compare import compare_scenarios
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.scenario import MAX_HORIZON
from natoplanner.core.vintages import SHARE_GDP_PCT, SPENDING_NATIONAL_MN
from natoplanner.io.atomic import atomic_write
from natoplanner.io.clipboard import format_tsv
from natoplanner.ui.analysis.charts import (
    add_target_lines,
    foreground,
    make_plot_widget,
    scenario_pen,
)
from natoplanner.ui.analysis.compare_table import (
    CompareSortProxy,
    CompareTableModel,
    PathFactsColumn,
)
from natoplanner.ui.common.actions import install_window_part
from natoplanner.ui.common.file_errors import write_error_text
from natoplanner.ui.common.labels import path_facts_short, path_facts_text
from natoplanner.ui.shell import settings
from natoplanner.ui.sources.reference_curves import reference_points
from natoplanner.ui.window.document import ScenarioDocument


class CompareDialog(QDialog):
    """The compare window of one main window; reads the open scenarios from its workspace."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Compare scenarios"))
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.main_window = window
        self.workspace = window.workspace
        self.language = window.language
        self._connected: list[ScenarioDocument] = []
        self._curves: dict[int, pg.PlotDataItem] = {}
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(40)
        self._refresh_timer.timeout.connect(self.refresh)

        self.scenario_list = QListWidget(self)
        self.scenario_list.setAccessibleName(self.tr("Scenarios to compare"))
        self.scenario_list.setMaximumHeight(220)
        self.scenario_list.itemChanged.connect(lambda _item: self._on_choice_changed())
        self.reference_combo = QComboBox(self)
        self.reference_combo.setAccessibleName(self.tr("Reference scenario"))
        self.reference_combo.currentIndexChanged.connect(lambda _i: self.schedule_refresh())
        self.ally_combo = QComboBox(self)
        self.ally_combo.setAccessibleName(self.tr("Ally plotted"))
        for ally in window.document.scenario.allies:
            if not ally.no_armed_forces:
                self.ally_combo.addItem(ally.name(self.language), ally.iso3)
        self.ally_combo.currentIndexChanged.connect(lambda _i: self._update_plot())
        self.measure_combo = QComboBox(self)
        self.measure_combo.setAccessibleName(self.tr("Plotted measure"))
        self.measure_combo.addItem(self.tr("Core share of GDP (%)"), "core_share_pct")
        self.measure_combo.addItem(self.tr("Total share of GDP (%)"), "total_share_pct")
        self.measure_combo.addItem(
            self.tr("Core budget (million national currency)"), "core_budget_mn"
        )
        self.measure_combo.currentIndexChanged.connect(lambda _i: self._update_plot())
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        self.year_spin = QSpinBox(self)
        self.year_spin.setAccessibleName(self.tr("Comparison year"))
        base_year = window.document.scenario.base_year
        # The lowest value stands for "each comparison at the reference's horizon".
        self.year_spin.setRange(base_year, MAX_HORIZON)
        self.year_spin.setSpecialValueText(self.tr("horizon"))
        self.year_spin.setValue(base_year)
        self.year_spin.setToolTip(
            self.tr("Year compared in the table (default: the reference's horizon)")
        )
        self.year_spin.setKeyboardTracking(False)
        self.year_spin.valueChanged.connect(lambda _v: self.schedule_refresh())
        choices = QFormLayout()
        choices.addRow(self.tr("&Reference:"), self.reference_combo)
        choices.addRow(self.tr("&Year:"), self.year_spin)
        choices.addRow(self.tr("&Ally plotted:"), self.ally_combo)
        choices.addRow(self.tr("&Show:"), self.measure_combo)
        left = QWidget(self)
        left.setMaximumWidth(300)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Scenarios (tick two or more):"), self))
        left_layout.addWidget(self.scenario_list, 1)
        left_layout.addLayout(choices)
        left_layout.addWidget(self.message)
        left_layout.addStretch(0)

        self.plot_widget = make_plot_widget(self, self.tr("Paths of the compared scenarios"))
        self.plot_item = self.plot_widget.getPlotItem()
        self.plot_item.setLabel("bottom", self.tr("Year"))
        self.legend = self.plot_item.addLegend(offset=(10, 5), labelTextColor=foreground())
        self._target_lines = add_target_lines(self.plot_item)
        self._history = pg.PlotDataItem(pen=pg.mkPen(foreground(), width=1.5))
        self.plot_item.addItem(self._history)
        self.legend.addItem(self._history, self.tr("NATO published"))

        self.model = CompareTableModel(self)
        self.proxy = CompareSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Difference table"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMaximumSectionSize(200)
        # Widths follow the contents when the columns change, not on every edit.
        self.model.modelReset.connect(self.table.resizeColumnsToContents)
        self.copy_action = QAction(self.tr("&Copy table"), self)
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy_table)
        self.table.addAction(self.copy_action)
        copy_button = QPushButton(self.tr("&Copy table (TSV)"), self)
        copy_button.setToolTip(self.tr("Copy the whole table, as sorted, for Excel or LibreOffice"))
        copy_button.clicked.connect(self.copy_table)

        add_button = QPushButton(self.tr("Add scenario &file…"), self)
        add_button.setToolTip(
            self.tr("Open a scenario workbook from disk (in its own window) and compare it")
        )
        add_button.clicked.connect(lambda: self.add_from_disk())
        export_button = QPushButton(self.tr("&Export table (CSV)…"), self)
        export_button.setToolTip(self.tr("Save the difference table, as sorted, as a CSV file"))
        export_button.clicked.connect(lambda: self.export_table())
        close_button = QPushButton(self.tr("Close"), self)
        close_button.clicked.connect(self.close)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.plot_widget)
        splitter.addWidget(self.table)
        splitter.setSizes([330, 420])
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(add_button)
        buttons.addStretch(1)
        buttons.addWidget(copy_button)
        buttons.addWidget(export_button)
        buttons.addWidget(close_button)
        right_layout.addLayout(buttons)
        outer = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(left)
        outer.addWidget(right)
        outer.setStretchFactor(1, 1)
        outer.setSizes([230, 1070])
        layout = QVBoxLayout(self)
        layout.addWidget(outer)
        self.resize(1320, 820)

        iso3 = window.year_model.iso3 or "DEU"
        self.ally_combo.setCurrentIndex(max(self.ally_combo.findData(iso3), 0))
        self.workspace.windows_changed.connect(self._fill_scenarios)
        self._fill_scenarios()
        self.refresh()  # the table is there when the window appears

    # -- choices -------------------------------------------------------------------
    def documents(self) -> list[ScenarioDocument]:
        """Documents ticked in the scenario list, in list order."""
        return [
            self.scenario_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.scenario_list.count())
            if self.scenario_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_compared(
        self, documents: list[ScenarioDocument], reference: ScenarioDocument | None = None
    ) -> None:
        """Tick exactly ``documents`` and choose ``reference`` (default: the first)."""
        self.scenario_list.blockSignals(True)
        for i in range(self.scenario_list.count()):
            item = self.scenario_list.item(i)
            wanted = any(item.data(Qt.ItemDataRole.UserRole) is d for d in documents)
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        self.scenario_list.blockSignals(False)
        self._fill_reference(
            reference if reference is not None else documents[0] if documents else None
        )
        self.refresh()

    def _fill_scenarios(self) -> None:
        """List the workspace's documents, keeping ticks; newly opened ones are ticked."""
        previous = {
            id(self.scenario_list.item(i).data(Qt.ItemDataRole.UserRole)): self.scenario_list.item(
                i
            ).checkState()
            for i in range(self.scenario_list.count())
        }
        documents = self.workspace.documents
        self.scenario_list.blockSignals(True)
        self.scenario_list.clear()
        for document in documents:
            item = QListWidgetItem(document.scenario.name)
            item.setToolTip(document.display_name())
            item.setData(Qt.ItemDataRole.UserRole, document)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(previous.get(id(document), Qt.CheckState.Checked))
            self.scenario_list.addItem(item)
        self.scenario_list.blockSignals(False)
        self._connect_documents(documents)
        self._fill_reference()
        self.schedule_refresh()

    def _connect_documents(self, documents: list[ScenarioDocument]) -> None:
        for document in self._connected:
            if not any(document is d for d in documents):
                try:
                    document.projected.disconnect(self.schedule_refresh)
                    document.reset.disconnect(self.schedule_refresh)
                except (RuntimeError, TypeError):
                    pass  # the document's window closed and took its signals with it
        for document in documents:
            if not any(document is d for d in self._connected):
                document.projected.connect(self.schedule_refresh)
                document.reset.connect(self.schedule_refresh)
        self._connected = list(documents)

    def _fill_reference(self, wanted: ScenarioDocument | None = None) -> None:
        current = wanted if wanted is not None else self.reference_combo.currentData()
        if current is None:
            current = self.main_window.document
        self.reference_combo.blockSignals(True)
        self.reference_combo.clear()
        for document in self.documents():
            self.reference_combo.addItem(document.scenario.name, document)
        index = next(
            (
                i
                for i in range(self.reference_combo.count())
                if self.reference_combo.itemData(i) is current
            ),
            0,
        )
        self.reference_combo.setCurrentIndex(index)
        self.reference_combo.blockSignals(False)

    def _on_choice_changed(self) -> None:
        self._fill_reference()
        self.schedule_refresh()

    # -- computing -----------------------------------------------------------------
    def schedule_refresh(self, *_args) -> None:
        """Recompute soon: several edits in one event-loop pass cost one comparison."""
        self._refresh_timer.start()

    def refresh(self) -> None:
        """Recompute the comparison of the ticked scenarios now."""
        self._refresh_timer.stop()
        documents = self.documents()
        reference = self.reference_combo.currentData()
        if len(documents) < 2:
            self.model.set_comparison(None)
            self.message.setText(self.tr("Tick at least two scenarios to compare them."))
            self._update_plot()
            return
        position = next((i for i, d in enumerate(documents) if d is reference), 0)
        try:
            year = self.year_spin.value()
            comparison = compare_scenarios(
                [d.scenario for d in documents],
                reference=position,
                year=None if year == self.year_spin.minimum() else year,
                language=self.language,
            )
        except ScenarioInputError as error:
            self.model.set_comparison(None)
            self.message.setText(str(error))
            self._update_plot()
            return
        flags = {}
        for name, document in zip(comparison.names, documents, strict=True):
            facts = document.projection.path_facts()
            flags[name] = PathFactsColumn(
                [path_facts_short(f) for f in facts],
                [path_facts_text(f) for f in facts],
                document.projection.has_target_path,
            )
        self.model.set_comparison(comparison, flags)
        self.message.setText(
            self.tr(
                "Values in %1; differences are each scenario minus “%2”. "
                "Bold: differs from the reference."
            )
            .replace("%1", str(comparison.year))
            .replace("%2", comparison.reference)
        )
        self._update_plot()

    # -- plot ------------------------------------------------------------------------
    def _update_plot(self) -> None:
        documents = self.documents()
        iso3 = self.ally_combo.currentData()
        measure = self.measure_combo.currentData()
        wanted = {id(d) for d in documents}
        for key in [k for k in self._curves if k not in wanted]:
            curve = self._curves.pop(key)
            self.plot_item.removeItem(curve)
            self.legend.removeItem(curve)
        for position, document in enumerate(documents):
            curve = self._curves.get(id(document))
            if curve is None:
                curve = self._curves[id(document)] = pg.PlotDataItem()
                self.plot_item.addItem(curve)
                self.legend.addItem(curve, document.scenario.name)
            curve.setPen(scenario_pen(position))
            label = self.legend.getLabel(curve)
            if label is not None and label.text != document.scenario.name:
                label.setText(document.scenario.name)
            years, values = scenario_path(document, iso3, measure)
            curve.setData(years, values)
        self._update_history(iso3, measure)
        is_share = measure != "core_budget_mn"
        for line in self._target_lines:
            line.setVisible(is_share)
        unit = {
            "core_share_pct": self.tr("Core defence, % of GDP"),
            "total_share_pct": self.tr("Core + related, % of GDP"),
            "core_budget_mn": self.tr("Core defence, million %1"),
        }[measure]
        currency = self.main_window.document.scenario.dataset.registry.get(iso3).currency
        self.plot_item.setLabel("left", unit.replace("%1", currency))
        self.plot_item.setTitle(self.ally_combo.currentText(), color=foreground())
        self.plot_item.enableAutoRange(axis="x")
        if is_share:
            highest = max(
                [
                    5.0,
                    *(
                        float(np.nanmax(c.yData))
                        for c in self._curves.values()
                        if c.yData is not None and np.isfinite(c.yData).any()
                    ),
                ]
            )
            self.plot_item.setYRange(0, highest * 1.15, padding=0)
        else:
            self.plot_item.enableAutoRange(axis="y")

    def _update_history(self, iso3: str, measure: str) -> None:
        document = self.main_window.document
        dataset = document.scenario.dataset
        row = document.scenario.row(iso3)
        if measure == "core_budget_mn":
            years = dataset.history_years
            values = dataset.history_matrix("defence_exp_national_million")[row]
        else:
            years, shares, _estimates = document.projection.history_share_pct()
            values = shares[row]
        self._history.setData(np.asarray(years, dtype=float), np.asarray(values, dtype=float))
        self._update_references(iso3, measure)

    def _update_references(self, iso3: str, measure: str) -> None:
        """Other sources' history (Data > Sources) dotted beside NATO's, named in the legend."""
        for item in getattr(self, "_reference_items", []):
            self.plot_item.removeItem(item)
            self.legend.removeItem(item)
        wanted = SPENDING_NATIONAL_MN if measure == "core_budget_mn" else SHARE_GDP_PCT
        self._reference_items = []
        references = self.main_window.document.scenario.dataset.references
        for series, years, values in reference_points(references, iso3, wanted):
            item = pg.PlotDataItem(
                years.astype(float),
                values,
                pen=pg.mkPen(foreground(), width=1, style=Qt.PenStyle.DotLine),
                symbol="s",
                symbolSize=4,
                name=series.name,
            )
            self.plot_item.addItem(item)
            self._reference_items.append(item)

    # -- copy ------------------------------------------------------------------------
    def table_rows(self) -> tuple[list[str], list[list]]:
        """The table as sorted on screen: header texts and raw values (numbers unformatted)."""
        header = [
            str(self.proxy.headerData(c, Qt.Orientation.Horizontal)).replace("\n", " ")
            for c in range(self.proxy.columnCount())
        ]
        rows = []
        for r in range(self.proxy.rowCount()):
            source_row = self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            rows.append(
                [self.model.raw_value(source_row, c) for c in range(self.model.columnCount())]
            )
        return header, rows

    def table_tsv(self) -> str:
        """The table as sorted on screen, as tab-separated text (raw numbers, locale decimal)."""
        header, rows = self.table_rows()
        return format_tsv(header, rows, decimal=QLocale().decimalPoint())

    def copy_table(self) -> None:
        QGuiApplication.clipboard().setText(self.table_tsv())

    # -- from disk, to disk -----------------------------------------------------------
    def add_from_disk(self, path: Path | None = None) -> ScenarioDocument | None:
        """Open a scenario workbook in a new window of the workspace and tick it here."""
        prompts = self.main_window.prompts
        if path is None:
            folder = self.main_window.document.path
            path = prompts.open_path(
                str(folder.parent if folder else settings.last_folder()),
                self.tr("Scenario workbooks (*.xlsx)"),
            )
            if path is None:
                return None
        try:
            from natoplanner.io.workbook.files import read_scenario

            loaded = read_scenario(Path(path), self.main_window.document.scenario.dataset)
        except Exception as error:  # noqa: BLE001 - a bad file becomes a message, never a crash
            prompts.error(self.tr("Cannot open"), str(error))
            return None
        document = ScenarioDocument(loaded.scenario, Path(path))
        self.workspace.open_window(document)
        self._fill_scenarios()
        self.set_compared([*self.documents(), document], self.reference_document())
        return document

    def reference_document(self) -> ScenarioDocument | None:
        return self.reference_combo.currentData()

    def export_table(self, path: Path | None = None) -> Path | None:
        """Write the difference table, as sorted, to a CSV file (UTF-8, one header row)."""
        prompts = self.main_window.prompts
        if path is None:
            folder = settings.export_folder(self.main_window.document.path)
            suggested = folder / "comparison.csv"
            path = prompts.save_path(str(suggested), self.tr("CSV, UTF-8 (*.csv)"))
            if path is None:
                return None
        path = Path(path)
        if path.suffix.lower() != ".csv":
            path = path.with_suffix(".csv")
        header, rows = self.table_rows()
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows([_csv_value(v) for v in row] for row in rows)
        data = buffer.getvalue().encode("utf-8-sig")
        try:
            atomic_write(path, lambda handle: handle.write(data))
            settings.remember_export(path)
        except OSError as error:
            prompts.error(self.tr("Cannot export"), write_error_text(path, error))
            return None
        return path


def _csv_value(value: object) -> object:
    """A table cell for a CSV: empty when missing, numbers rounded as shown (2 decimals)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return round(value, 2) + 0.0  # no float noise, no -0.0
    return value


def scenario_path(
    document: ScenarioDocument, iso3: str, measure: str
) -> tuple[np.ndarray, np.ndarray]:
    """Years base..horizon and one ally's projected ``measure``.

    Shares in % of GDP, budgets in million national currency.
    """
    projection = document.projection
    row = document.scenario.row(iso3)
    n = projection.horizon_col + 1
    values = getattr(projection.paths, measure)[row, :n]
    return projection.years.astype(float), np.asarray(values, dtype=float)


def install(window) -> None:
    """Analysis > Compare scenarios… (Ctrl+Shift+C)."""
    window.compare_action = install_window_part(
        window,
        "compare_dialog",
        CompareDialog,
        window.tr("&Compare scenarios…"),
        "Ctrl+Shift+C",
        window.tr("Compare two or more open scenarios against a reference"),
        window.analysis_menu,
    )
