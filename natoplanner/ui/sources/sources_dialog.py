"""Data > Sources: the vintages and reference series, which the scenario uses, provenance.

One row per NATO edition, IMF WEO vintage (bundled and imported) and
reference series; "In use" marks those the open scenario rests on. Import…,
Use and Remove act through :mod:`natoplanner.ui.sources.actions`, each one
undo step.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from natoplanner.core.vintages import REFERENCE_MEASURE_LABELS, ReferenceSeries, Vintage
from natoplanner.ui.common.labels import data_label
from natoplanner.ui.sources.actions import import_source, remove_source, use_vintage

_FOLDER_KEY = "sources/last_folder"
SOURCE_FILTER = "Data sources (*.xlsx *.xls *.ods *.csv *.txt *.tsv);;All files (*)"


class SourcesModel(QAbstractTableModel):
    """The catalog of the open scenario's dataset, one row per vintage or reference series."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("SourcesModel", "Name"),
        QT_TRANSLATE_NOOP("SourcesModel", "Kind"),
        QT_TRANSLATE_NOOP("SourcesModel", "In use"),
        QT_TRANSLATE_NOOP("SourcesModel", "Publisher"),
        QT_TRANSLATE_NOOP("SourcesModel", "Released"),
        QT_TRANSLATE_NOOP("SourcesModel", "Cut-off"),
        QT_TRANSLATE_NOOP("SourcesModel", "Provenance"),
    )
    #: VintageKind values, marked for Qt Linguist.
    KINDS = (
        QT_TRANSLATE_NOOP("SourcesModel", "NATO edition"),
        QT_TRANSLATE_NOOP("SourcesModel", "IMF WEO"),
        QT_TRANSLATE_NOOP("SourcesModel", "user figures"),
    )

    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.items: list[Vintage | ReferenceSeries] = []
        self.refresh()
        document.reset.connect(self.refresh)
        document.projected.connect(lambda _rows: self.refresh())

    def refresh(self) -> None:
        self.beginResetModel()
        catalog = self.document.scenario.dataset.catalog()
        self.items = [*catalog.vintages, *catalog.references]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def in_use(self, item: Vintage | ReferenceSeries) -> bool:
        scenario = self.document.scenario
        if isinstance(item, ReferenceSeries):
            return True  # a stored reference series is drawn with the scenario
        return item.name in (scenario.nato_edition, scenario.gdp_vintage)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            if isinstance(item, ReferenceSeries):
                return item.definition
            return "\n".join(item.notes) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if isinstance(item, ReferenceSeries):
            kind = self.tr("reference series (%1)").replace(
                "%1", REFERENCE_MEASURE_LABELS[item.measure]
            )
            cutoff = ""
        else:
            kind = self.tr(item.kind.value)
            cutoff = item.cutoff
        values = (
            data_label(item.name),
            kind,
            self.tr("yes") if self.in_use(item) else "",
            item.publisher,
            item.release_date,
            cutoff,
            item.provenance.describe(),
        )
        return values[column]


class SourcesDialog(QDialog):
    """The Data > Sources window (non-modal)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Data sources"))
        self.model = SourcesModel(window.document, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setAccessibleName(self.tr("Data vintages and reference series"))
        note = QLabel(
            self.tr(
                "Vintages are releases of NATO's tables and the IMF's forecasts; reference series "
                "are history from other sources (SIPRI, World Bank, national outturns), drawn "
                "beside NATO's and never mixed into it."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = QPushButton(self.tr("&Import…"), self)
        self.use_button = QPushButton(self.tr("&Use"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        for button in (self.import_button, self.use_button, self.remove_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.choose_file)
        self.use_button.clicked.connect(self.use_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(1100, 360)

    def selected(self) -> Vintage | ReferenceSeries | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.items[rows[0].row()] if rows else None

    def select_name(self, name: str) -> None:
        for row, item in enumerate(self.model.items):
            if item.name == name:
                self.view.selectRow(row)
                return

    def choose_file(self) -> None:
        folder = QSettings().value(_FOLDER_KEY, str(Path.home()))
        path = self.window_.prompts.open_path(str(folder), self.tr(SOURCE_FILTER))
        if path is None:
            return
        QSettings().setValue(_FOLDER_KEY, str(Path(path).parent))
        if not import_source(self.window_, Path(path)):
            self.window_.prompts.error(
                self.tr("Import a data source"),
                self.tr(
                    "%1 is not a NATO edition, an IMF WEO file or a reference series; use "
                    "File > Import for scenario inputs."
                ).replace("%1", Path(path).name),
            )

    def use_selected(self) -> None:
        item = self.selected()
        if isinstance(item, Vintage):
            use_vintage(self.window_, item)

    def remove_selected(self) -> None:
        item = self.selected()
        if item is not None:
            remove_source(self.window_, item.name)


def show_sources(window) -> SourcesDialog:
    """Open (or raise) the window's Data > Sources dialog."""
    dialog = getattr(window, "sources_dialog", None)
    if dialog is None:
        dialog = window.sources_dialog = SourcesDialog(window)
    dialog.show()
    dialog.raise_()
    return dialog


def install(window) -> None:
    """A Data menu (before Analysis) with Sources…."""
    menu = window.data_menu = window.menuBar().addMenu(window.tr("&Data"))
    window.menuBar().insertMenu(window.analysis_menu.menuAction(), menu)
    action = QAction(window.tr("&Sources…"), window)
    action.setStatusTip(
        window.tr("Data vintages and reference series: import, use, remove, provenance")
    )
    action.triggered.connect(lambda: show_sources(window))
    menu.addAction(action)
    window.sources_action = action
