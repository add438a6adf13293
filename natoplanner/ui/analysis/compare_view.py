"""Compare scenarios: Analysis > Compare scenarios… (Ctrl+Shift+C).

The user ticks two or more of the open scenarios (the workspace's documents)
and picks a reference. The window shows one ally's paths overlaid (one
colour and one line style per scenario) and a difference table at the
reference's horizon: core share, total share, core budget, first year at the
core target, per ally and for the alliance, with a difference column for
each scenario against the reference and each scenario's credible-path flag
(reasons in the tooltip). Numbers come from :func:`natoplanner.core.compare.
compare_scenarios`; the window recomputes when a compared scenario changes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence, QPalette
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

from natoplanner.core.compare import ALLIANCE_ROWS, ScenarioComparison, compare_scenarios
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.scenario import MAX_HORIZON
from natoplanner.io.clipboard import format_tsv
from natoplanner.ui.analysis.charts import (
    add_target_lines,
    foreground,
    make_plot_widget,
    scenario_pen,
)
from natoplanner.ui.common.actions import make_action, show_window_part
from natoplanner.ui.common.formatting import DASH, number, percent
from natoplanner.ui.common.labels import credibility_text
from natoplanner.ui.common.models import ReadOnlyTableModel
from natoplanner.ui.window.document import ScenarioDocument

#: Raw value of a cell (float, NaN when missing), for sorting and copying.
SortRole = Qt.ItemDataRole.UserRole + 1
#: Row code: ally ISO3, or "NATO" / "EUROPE_CANADA" for the alliance rows.
RowCodeRole = Qt.ItemDataRole.UserRole + 2

#: Compared measures, in column order (see core.compare.METRICS for units).
COMPARED_METRICS = ("core_share_pct", "total_share_pct", "core_budget_usd_mn", "first_year_core")


@dataclass(frozen=True)
class _Column:
    kind: str  # "ally", "value", "diff" or "credible"
    metric: str = ""
    scenario: str = ""


@dataclass(frozen=True)
class CredibilityFlags:
    """One scenario's credible-path flags (registry order) and the reasons for each."""

    credible: np.ndarray
    reasons: list[str]
    has_path: np.ndarray


class CompareTableModel(ReadOnlyTableModel):
    """Values and differences of a :class:`ScenarioComparison`.

    One row per ally, then the alliance rows (NATO; Europe and Canada).
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.comparison: ScenarioComparison | None = None
        self._flags: dict[str, CredibilityFlags] = {}
        self._columns: list[_Column] = []
        self._rows: list[str] = []
        self._cells: list[list[object]] = []

    # -- content ---------------------------------------------------------------
    def set_comparison(
        self,
        comparison: ScenarioComparison | None,
        flags: dict[str, CredibilityFlags] | None = None,
    ) -> None:
        """Show ``comparison`` (None: empty). Same rows and columns: one dataChanged."""
        columns = _columns_of(comparison)
        rows = [] if comparison is None else list(comparison.values.index)
        same_shape = columns == self._columns and rows == self._rows
        if not same_shape:
            self.beginResetModel()
        self.comparison, self._flags = comparison, dict(flags or {})
        self._columns, self._rows = columns, rows
        self._cells = self._build_cells()
        if not same_shape:
            self.endResetModel()
        elif rows and columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(columns) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(columns) - 1)

    def raw_value(self, row: int, column: int) -> object:
        """The cell's value: a float (NaN when missing), a name, or a bool / None for the flags."""
        return self._cells[row][column]

    def _build_cells(self) -> list[list[object]]:
        comparison = self.comparison
        if comparison is None:
            return []
        columns: list[list[object]] = []
        positions = range(len(self._rows))
        for spec in self._columns:
            if spec.kind == "ally":
                columns.append([str(name) for name in comparison.row_names])
            elif spec.kind in ("value", "diff"):
                frame = comparison.values if spec.kind == "value" else comparison.differences
                columns.append([float(v) for v in frame[(spec.metric, spec.scenario)].to_numpy()])
            else:
                flags = self._flags.get(spec.scenario)
                columns.append(
                    [
                        None
                        if flags is None or code in ALLIANCE_ROWS or not flags.has_path[i]
                        else bool(flags.credible[i])
                        for i, code in zip(positions, self._rows, strict=True)
                    ]
                )
        return [list(row) for row in zip(*columns, strict=True)]

    def column_spec(self, column: int) -> _Column:
        return self._columns[column]

    # -- Qt interface ------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        spec = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header_text(spec)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(spec)
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid() or self.comparison is None:
            return None
        row, column = index.row(), index.column()
        spec, code = self._columns[column], self._rows[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, column)
        if role == SortRole:
            value = self.raw_value(row, column)
            return float("nan") if value is None else value
        if role == RowCodeRole:
            return code
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignLeft
                if spec.kind == "ally"
                else (
                    Qt.AlignmentFlag.AlignCenter
                    if spec.kind == "credible"
                    else Qt.AlignmentFlag.AlignRight
                )
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            changed = spec.kind == "diff" and self._differs(row, column)
            if changed or (spec.kind == "ally" and code in ALLIANCE_ROWS):
                font = QFont()
                font.setBold(True)
                return font
            return None
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and spec.kind == "diff"
            and not self._differs(row, column)
        ):
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    # -- text ----------------------------------------------------------------------
    def _year(self) -> str:
        return str(self.comparison.year) if self.comparison is not None else ""

    def _metric_label(self, metric: str) -> str:
        return {
            "core_share_pct": self.tr("Core %1").replace("%1", self._year()),
            "total_share_pct": self.tr("Total %1").replace("%1", self._year()),
            "core_budget_usd_mn": self.tr("Budget %1, mn USD").replace("%1", self._year()),
            "first_year_core": self.tr("At 3.5%/target"),
        }[metric]

    def _header_text(self, spec: _Column) -> str:
        if spec.kind == "ally":
            return self.tr("Ally")
        if spec.kind == "value":
            return f"{self._metric_label(spec.metric)}\n{spec.scenario}"
        if spec.kind == "diff":
            return f"Δ {self._metric_label(spec.metric)}\n{spec.scenario}"
        return self.tr("Path\n%1").replace("%1", spec.scenario)

    def _header_tip(self, spec: _Column) -> str:
        units = {
            "core_share_pct": self.tr(
                "Core defence share of GDP, %, in %1 (differences in percentage points)"
            ),
            "total_share_pct": self.tr(
                "Core plus related spending, % of GDP, in %1 (differences in percentage points)"
            ),
            "core_budget_usd_mn": self.tr(
                "Core defence budget in %1, million USD at base-year exchange rates"
            ),
            "first_year_core": self.tr(
                "First year at the ally's own core target (3.5% unless set; alliance: 3.5%), "
                "up to %1"
            ),
        }
        if spec.kind == "ally":
            return self.tr(
                "Ally, then the alliance: NATO total and Europe and Canada (GDP-weighted shares)"
            )
        if spec.kind == "credible":
            return self.tr(
                "Credible, incremental path in %1 (reasons in each cell's tooltip)"
            ).replace("%1", spec.scenario)
        text = units[spec.metric].replace("%1", self._year())
        if spec.kind == "diff":
            text += " — " + self.tr("%1 minus the reference %2").replace(
                "%1", spec.scenario
            ).replace("%2", self.comparison.reference)
        return text

    def _differs(self, row: int, column: int) -> bool:
        value = self.raw_value(row, column)
        if not math.isnan(value):
            return abs(value) > 1e-9
        return self._one_sided(row, column) is not None

    def _one_sided(self, row: int, column: int) -> str | None:
        """For a missing first-year difference: "reached" / "lost" when only one side reaches it."""
        spec = self._columns[column]
        mine = self._cells[row][self._columns.index(_Column("value", spec.metric, spec.scenario))]
        reference = self._cells[row][
            self._columns.index(_Column("value", spec.metric, self.comparison.reference))
        ]
        if math.isnan(mine) == math.isnan(reference):
            return None
        return "lost" if math.isnan(mine) else "reached"

    def _display(self, row: int, column: int) -> str:
        spec = self._columns[column]
        value = self.raw_value(row, column)
        if spec.kind == "ally":
            return str(value)
        if spec.kind == "credible":
            if value is None:
                return "" if self._rows[row] in ALLIANCE_ROWS else DASH
            return self.tr("credible") if value else self.tr("flagged")
        if math.isnan(value):
            side = self._one_sided(row, column) if spec.kind == "diff" else None
            if side == "reached":
                return self.tr("now reached")
            if side == "lost":
                return self.tr("no longer")
            if spec.metric == "first_year_core" and spec.kind == "value":
                return (
                    self.tr("not by %1").replace("%1", self._year())
                    if self._rows[row] != "ISL"
                    else DASH
                )
            return DASH
        if spec.metric == "first_year_core":
            return str(round(value)) if spec.kind == "value" else _signed(value, 0, self.tr(" yr"))
        if spec.metric == "core_budget_usd_mn":
            return number(value, 0) if spec.kind == "value" else _signed(value, 0, "")
        return percent(value) if spec.kind == "value" else _signed(value, 2, self.tr(" pp"))

    def _tooltip(self, row: int, column: int) -> str | None:
        spec, code = self._columns[column], self._rows[row]
        if code == "ISL":
            return self.tr("Iceland has no armed forces and is not in NATO's expenditure tables")
        if spec.kind == "credible":
            flags = self._flags.get(spec.scenario)
            if flags is None or code in ALLIANCE_ROWS:
                return None
            return (
                self.tr("Credible, incremental path") if flags.credible[row] else flags.reasons[row]
            )
        return self._header_tip(spec)


def _signed(value: float, decimals: int, unit: str) -> str:
    """ "+0.45 pp", "−120", "0": differences always show their sign."""
    if abs(value) < 0.5 * 10.0**-decimals:
        return "0" + unit
    text = number(abs(value), decimals)
    return ("+" if value > 0 else "−") + text + unit


def _columns_of(comparison: ScenarioComparison | None) -> list[_Column]:
    if comparison is None:
        return []
    others = [n for n in comparison.names if n != comparison.reference]
    columns = [_Column("ally")]
    for metric in COMPARED_METRICS:
        columns += [_Column("value", metric, name) for name in comparison.names]
        columns += [_Column("diff", metric, name) for name in others]
    columns += [_Column("credible", "", name) for name in comparison.names]
    return columns


class CompareSortProxy(QSortFilterProxyModel):
    """Sort by raw value; missing values sort last and the alliance rows stay at the bottom."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        model = self.sourceModel()
        ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
        left_rank, right_rank = _rank(model, left), _rank(model, right)
        if left_rank != right_rank:
            # Ranks must hold whatever the order, so flip them for descending sorts.
            return (left_rank < right_rank) == ascending
        a, b = model.data(left, SortRole), model.data(right, SortRole)
        a_missing = a is None or (isinstance(a, float) and math.isnan(a))
        b_missing = b is None or (isinstance(b, float) and math.isnan(b))
        if a_missing or b_missing:
            return (not a_missing and b_missing) == ascending
        if isinstance(a, str):
            return a.casefold() < b.casefold()
        return a < b


def _rank(model, index: QModelIndex) -> int:
    code = model.data(index, RowCodeRole)
    return 1 + list(ALLIANCE_ROWS).index(code) if code in ALLIANCE_ROWS else 0


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

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.plot_widget)
        splitter.addWidget(self.table)
        splitter.setSizes([330, 420])
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(copy_button)
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
            credible, issues = document.projection.credibility_issues()
            reasons = [credibility_text(found) for found in issues]
            flags[name] = CredibilityFlags(credible, reasons, document.projection.has_target_path)
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

    # -- copy ------------------------------------------------------------------------
    def table_tsv(self) -> str:
        """The table as sorted on screen, as tab-separated text (raw numbers, locale decimal)."""
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
        return format_tsv(header, rows, decimal=QLocale().decimalPoint())

    def copy_table(self) -> None:
        QGuiApplication.clipboard().setText(self.table_tsv())


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


def open_compare(window) -> CompareDialog:
    """Show the window's compare dialog (created on first use) and bring it to the front."""
    return show_window_part(window, "compare_dialog", CompareDialog)


def install(window) -> None:
    """Analysis > Compare scenarios… (Ctrl+Shift+C)."""
    window.compare_dialog = None
    window.compare_action = make_action(
        window,
        window.tr("&Compare scenarios…"),
        lambda: open_compare(window),
        "Ctrl+Shift+C",
        window.tr("Compare two or more open scenarios against a reference"),
        window.analysis_menu,
    )
