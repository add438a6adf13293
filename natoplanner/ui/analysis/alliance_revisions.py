"""Alliance view, Revisions tab: NATO's published share of GDP for one ally in each
edition (:mod:`natoplanner.core.revisions`), as a table and a chart."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from natoplanner.core.revisions import VINTAGE_PUBLISHED, revision_table, share_revisions
from natoplanner.ui.analysis.charts import foreground, make_plot_widget
from natoplanner.ui.common.formatting import DASH, number, percent
from natoplanner.ui.common.labels import data_label

# -- revisions -------------------------------------------------------------------------
#: The publications' labels in data/nato_share_gdp_vintages.csv, marked for Qt
#: Linguist (shown through :func:`data_label`; a new one passes through untranslated).
VINTAGE_LABELS = (
    QT_TRANSLATE_NOOP("Labels", "NATO 2025 edition (cut-off 2025-06-03, published 2025-08-28)"),
    QT_TRANSLATE_NOOP("Labels", "NATO 2026 edition (cut-off 2026-07-03)"),
    QT_TRANSLATE_NOOP("Labels", "likely NATO 2023 edition (July 2023) - attribution unverified"),
    QT_TRANSLATE_NOOP("Labels", "NATO Secretary General Annual Report 2023 (March 2024)"),
    QT_TRANSLATE_NOOP("Labels", "NATO 2024 edition (published 2024-06-17)"),
    QT_TRANSLATE_NOOP("Labels", "NATO Secretary General Annual Report 2025 (26 March 2026)"),
)

_SHORT_LABELS = {
    "sgar": QT_TRANSLATE_NOOP("AllianceView", "SG report %1"),
    "ed": QT_TRANSLATE_NOOP("AllianceView", "%1 edition"),
}


def vintage_short_label(vintage: str) -> str:
    """ "2025 edition", "SG report 2025"… from the vintage code, in the interface language."""
    template = _SHORT_LABELS["sgar" if vintage.startswith("sgar") else "ed"]
    return QCoreApplication.translate("AllianceView", template).replace("%1", vintage[-4:])


class RevisionsModel(QAbstractTableModel):
    """One ally's published core share per year (rows) and publication (columns), % of GDP.

    The last column is the spread (highest minus lowest published figure,
    percentage points): how much NATO's figure for that year moved.
    """

    def __init__(self, dataset, parent=None) -> None:
        super().__init__(parent)
        self.dataset = dataset
        self.iso3: str | None = None
        self.table = pd.DataFrame()
        self.tidy = pd.DataFrame()
        self._values = np.empty((0, 0))
        self._entries: dict[tuple[int, str], tuple] = {}

    def set_ally(self, iso3: str, editions_only: bool = False) -> None:
        self.beginResetModel()
        self.iso3 = iso3
        self.table = revision_table(self.dataset, iso3, editions_only=editions_only)
        self.tidy = share_revisions(self.dataset, iso3, editions_only=editions_only)
        self._values = self.table.to_numpy(dtype=float)
        self._entries = {(int(r.year), r.vintage): r for r in self.tidy.itertuples(index=False)}
        self.endResetModel()

    def vintages(self) -> list[str]:
        return list(self.table.columns)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.table.index)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return (
            0
            if parent is not None and parent.isValid() or self.table.empty
            else len(self.table.columns) + 2
        )

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if index.isValid()
            else Qt.ItemFlag.NoItemFlags
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        vintages = self.vintages()
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Year")
            if section == len(vintages) + 1:
                return self.tr("Spread, pp")
            return vintage_short_label(vintages[section - 1])
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == 0:
                return self.tr("Year the figure is for")
            if section == len(vintages) + 1:
                return self.tr(
                    "Highest minus lowest published share for the year, percentage points"
                )
            vintage = vintages[section - 1]
            labels = self.tidy.loc[self.tidy["vintage"] == vintage, "vintage_label"]
            published = VINTAGE_PUBLISHED.get(vintage, ("?",))[0]
            return (data_label(labels.iloc[0]) if len(labels) else vintage) + self.tr(
                " — published %1; % of GDP"
            ).replace("%1", published)
        return None

    def raw_value(self, row: int, column: int) -> float:
        year = int(self.table.index[row])
        if column == 0:
            return float(year)
        values = self._values[row]
        if column == len(self.table.columns) + 1:
            present = values[np.isfinite(values)]
            return float(present.max() - present.min()) if len(present) > 1 else math.nan
        return float(values[column - 1])

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        value = self.raw_value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(int(value))
            if math.isnan(value):
                return DASH if column <= len(self.table.columns) else ""
            if column == len(self.table.columns) + 1:
                return number(value, 2)
            entry = self._entry(row, column)
            estimate = entry is not None and bool(entry.is_estimate)
            return percent(value) + (" e" if estimate else "")
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and 0 < column <= len(self.table.columns):
            entry = self._entry(row, column)
            if entry is None:
                return self.tr("Not published in this edition")
            change = entry.change_pp
            text = (
                self.tr("%1 for %2: %3%4")
                .replace("%1", data_label(str(entry.vintage_label)))
                .replace("%2", str(int(entry.year)))
                .replace("%3", percent(entry.share_pct))
                .replace("%4", self.tr(" (estimate)") if entry.is_estimate else "")
            )
            if isinstance(change, float) and not math.isnan(change):
                text += "\n" + self.tr("Change from the previous publication: %1 pp").replace(
                    "%1", number(change, 2)
                )
            return text + "\n" + self.tr("Source: %1").replace("%1", str(entry.source))
        return None

    def _entry(self, row: int, column: int):
        return self._entries.get((int(self.table.index[row]), self.table.columns[column - 1]))


class RevisionsPanel(QWidget):
    """Ally chooser, the revisions table and one line per publication."""

    def __init__(self, dataset, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ally_combo = QComboBox(self)
        self.ally_combo.setAccessibleName(self.tr("Ally"))
        for ally in dataset.registry:
            if not ally.no_armed_forces:
                self.ally_combo.addItem(ally.name(language), ally.iso3)
        self.editions_only = QCheckBox(
            self.tr("NATO editions only (drop the Secretary General's reports, rounded to 0.1)"),
            self,
        )
        self.model = RevisionsModel(dataset, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Published shares by edition"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.plot_widget = make_plot_widget(self, self.tr("Published shares by edition"))
        self.plot_item = self.plot_widget.getPlotItem()
        self.plot_item.setLabel("left", self.tr("Core defence, % of GDP (as published)"))
        self.plot_item.setLabel("bottom", self.tr("Year the figure is for"))
        self.legend = self.plot_item.addLegend(offset=(10, 5), labelTextColor=foreground())
        self._curves: list[pg.PlotDataItem] = []
        note = QLabel(
            self.tr(
                "“e”: NATO estimate at the time. Each line is one publication; where lines part, "
                "NATO revised its figure."
            ),
            self,
        )
        note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Ally:"), self))
        top.addWidget(self.ally_combo)
        top.addWidget(self.editions_only)
        top.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.plot_widget)
        splitter.setSizes([680, 460])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(note)
        self.ally_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.editions_only.toggled.connect(lambda _on: self.refresh())

    def set_ally(self, iso3: str) -> None:
        index = self.ally_combo.findData(iso3)
        if index >= 0 and index != self.ally_combo.currentIndex():
            self.ally_combo.setCurrentIndex(index)  # refreshes
        elif self.model.iso3 is None:
            self.refresh()

    def refresh(self) -> None:
        iso3 = self.ally_combo.currentData()
        self.model.set_ally(iso3, self.editions_only.isChecked())
        for curve in self._curves:
            self.plot_item.removeItem(curve)
            self.legend.removeItem(curve)
        self._curves = []
        table = self.model.table
        symbols = ("o", "s", "t", "d", "+", "x")
        for i, vintage in enumerate(table.columns):
            column = table[vintage].dropna()
            colour = pg.intColor(i, hues=max(len(table.columns), 3), values=1, maxValue=200)
            curve = pg.PlotDataItem(
                column.index.to_numpy(dtype=float),
                column.to_numpy(dtype=float),
                pen=pg.mkPen(colour, width=1.5),
                symbol=symbols[i % len(symbols)],
                symbolSize=7,
                symbolBrush=colour,
                symbolPen=colour,
                name=vintage_short_label(vintage),
            )
            self.plot_item.addItem(curve)
            self._curves.append(curve)
        self.plot_item.enableAutoRange()
