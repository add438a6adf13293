"""The allies table: one row per ally with its path toward the Hague targets."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from natoplanner.core.indicators.basis import share_bases
from natoplanner.core.scenario import CORE_TARGET_PCT, GUIDELINE_PCT, TOTAL_TARGET_PCT
from natoplanner.ui.common.formatting import DASH, number, percent
from natoplanner.ui.common.labels import (
    core_policy_label,
    path_facts_severity,
    path_facts_short,
    path_facts_text,
    share_basis_text,
)
from natoplanner.ui.common.models import ReadOnlyTableModel
from natoplanner.ui.window.document import ScenarioDocument

#: Raw value for sorting and copying (the DisplayRole is formatted text).
SortRole = Qt.ItemDataRole.UserRole + 1
#: ISO3 code of the row's ally.
Iso3Role = Qt.ItemDataRole.UserRole + 2


class Column(IntEnum):
    ALLY = 0
    BASE_CORE = 1
    HORIZON_CORE = 2
    HORIZON_TOTAL = 3
    GAP = 4
    FIRST_YEAR = 5
    REQUIRED_GROWTH = 6
    # The path facts before the (wide) policy text, so they show without scrolling.
    PATH = 7
    POLICY = 8


_ONE_LINE_HEADERS = (Column.ALLY, Column.POLICY, Column.PATH)
#: Banded columns and the target each is measured against (% of GDP).
_BAND_TARGETS = {
    Column.BASE_CORE: CORE_TARGET_PCT,
    Column.HORIZON_CORE: CORE_TARGET_PCT,
    Column.HORIZON_TOTAL: TOTAL_TARGET_PCT,
}


class Band(IntEnum):
    """Where a core share stands: below 2%, 2–3.5%, at or above 3.5%."""

    BELOW_GUIDELINE = 0
    GUIDELINE = 1
    TARGET = 2


#: Differences below this (percentage points) are rounding noise, not a shortfall.
_TOLERANCE_PP = 1e-9


def band_of(share_pct: float, target_pct: float = CORE_TARGET_PCT) -> Band | None:
    """The band of a share against the 2% guideline and ``target_pct`` (3.5% core, 5% total)."""
    if np.isnan(share_pct):
        return None
    if share_pct < GUIDELINE_PCT - _TOLERANCE_PP:
        return Band.BELOW_GUIDELINE
    return Band.GUIDELINE if share_pct < target_pct - _TOLERANCE_PP else Band.TARGET


def band_brush(band: Band | None, palette: QPalette) -> QBrush | None:
    """A tint for a band that keeps contrast on light and dark palettes.

    The three tints differ in lightness as well as hue (dark red, amber, pale
    green on a light palette), so they stay distinct in grey-scale; on a dark
    palette they are blended into the base colour at lower strength.
    """
    if band is None:
        return None
    hues = {
        Band.BELOW_GUIDELINE: QColor(200, 40, 40),
        Band.GUIDELINE: QColor(235, 170, 30),
        Band.TARGET: QColor(60, 170, 90),
    }
    strength = {Band.BELOW_GUIDELINE: 0.45, Band.GUIDELINE: 0.30, Band.TARGET: 0.18}
    base = palette.color(QPalette.ColorRole.Base)
    dark = base.lightness() < 128
    tint = hues[band]
    mix = strength[band] * (0.8 if dark else 1.0)
    colour = QColor(
        round(base.red() * (1 - mix) + tint.red() * mix),
        round(base.green() * (1 - mix) + tint.green() * mix),
        round(base.blue() * (1 - mix) + tint.blue() * mix),
    )
    return QBrush(colour)


BAND_LABELS = {
    Band.BELOW_GUIDELINE: QT_TRANSLATE_NOOP("Labels", "below the 2% guideline"),
    Band.GUIDELINE: QT_TRANSLATE_NOOP("Labels", "between 2% and 3.5%"),
    Band.TARGET: QT_TRANSLATE_NOOP("Labels", "at or above 3.5%"),
}


def band_label(band: Band) -> str:
    """The band's legend in the interface language."""
    return QCoreApplication.translate("Labels", BAND_LABELS[band])


TOTAL_BAND_LABELS = {
    Band.BELOW_GUIDELINE: QT_TRANSLATE_NOOP("Labels", "total below 2%"),
    Band.GUIDELINE: QT_TRANSLATE_NOOP("Labels", "total between 2% and 5%"),
    Band.TARGET: QT_TRANSLATE_NOOP("Labels", "total at or above 5%"),
}


def total_band_label(band: Band) -> str:
    """The total column's band in the interface language (against the Hague 5%)."""
    return QCoreApplication.translate("Labels", TOTAL_BAND_LABELS[band])


@dataclass
class _Row:
    """Everything the table shows for one ally (recomputed from the projection)."""

    iso3: str
    name: str
    values: list[object]
    note: str
    short: str
    has_path: bool
    basis: str = ""
    related_above_cap: bool = False


class AlliesTableModel(ReadOnlyTableModel):
    """Read-only table over the document's projection summary, one row per ally."""

    def __init__(self, document: ScenarioDocument, language: str = "en", parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.language = language
        self._rows: list[_Row] = []
        self._rebuild()
        document.projected.connect(self._on_projected)
        document.reset.connect(self._on_reset)

    # -- data refresh ------------------------------------------------------
    def _rebuild(self) -> None:
        columns = self.document.projection.summary_columns(self.language)
        self._bases = [share_basis_text(b) for b in share_bases(self.document.scenario)]
        self._rows = [
            _make_row(i, iso3, columns, self._bases[i]) for i, iso3 in enumerate(self._codes())
        ]

    def _codes(self) -> tuple[str, ...]:
        return self.document.scenario.dataset.registry.iso3_codes

    def _on_projected(self, rows: list[int]) -> None:
        horizon = self.document.scenario.horizon
        horizon_changed = horizon != getattr(self, "_horizon", horizon)
        self._horizon = horizon
        # An edit moves only the allies it touched; the horizon moves them all.
        indices = range(len(self._rows)) if horizon_changed or not rows else rows
        columns = self.document.projection.summary_columns(self.language)
        codes = self._codes()
        last_column = self.columnCount() - 1
        for i in indices:
            row = _make_row(i, codes[i], columns, self._bases[i])
            old = self._rows[i]
            if (
                not _same(old.values, row.values)
                or old.note != row.note
                or old.related_above_cap != row.related_above_cap
            ):
                self._rows[i] = row
                self.dataChanged.emit(self.index(i, 1), self.index(i, last_column))
        if horizon_changed:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last_column)

    def _on_reset(self) -> None:
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    def iso3_at(self, row: int) -> str:
        return self._rows[row].iso3

    def row_of(self, iso3: str) -> int:
        return next(i for i, r in enumerate(self._rows) if r.iso3 == iso3)

    # -- Qt model interface ------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        scenario = self.document.scenario
        b, h = scenario.base_year, scenario.horizon
        headers = {
            Column.ALLY: (self.tr("Ally"), self.tr("Ally (NATO short name)")),
            Column.BASE_CORE: (
                self.tr("Core %1").replace("%1", str(b)),
                self.tr(
                    "Core defence share of GDP, %, in the base year, NATO 2026 edition (estimate)"
                ),
            ),
            Column.HORIZON_CORE: (
                self.tr("Core %1").replace("%1", str(h)),
                self.tr("Projected core defence share of GDP at the horizon, %"),
            ),
            Column.HORIZON_TOTAL: (
                self.tr("Total %1").replace("%1", str(h)),
                self.tr(
                    "Core plus defence- and security-related spending counted up to 1.5% of GDP, % of GDP, at the horizon (⚠: related above 1.5%, the excess not counted)"  # noqa: E501 (one translatable string)
                ),
            ),
            Column.GAP: (
                self.tr("Gap pp"),
                self.tr(
                    "Core target minus projected core share at the horizon, percentage points (positive: short of the target)"  # noqa: E501 (one translatable string)
                ),
            ),
            Column.FIRST_YEAR: (
                self.tr("At target"),
                self.tr(
                    "First year the core share reaches the ally's core target (3.5% unless set)"
                ),
            ),
            Column.REQUIRED_GROWTH: (
                self.tr("Need %/yr"),
                self.tr(
                    "Constant nominal budget growth, % a year, that reaches the core target at the horizon"  # noqa: E501 (one translatable string)
                ),
            ),
            Column.POLICY: (
                self.tr("Budget policy"),
                self.tr("How the core budget moves after the base year"),
            ),
            Column.PATH: (
                self.tr("Path"),
                self.tr(
                    "Three facts, no verdict (the Hague declaration sets no number): ✓/✗ the core target reached by the horizon; whether the share falls before it; the part of the needed increase done by the 2029 review / the linear path's part. 'Back-loaded' below the scenario's threshold: this tool's heuristic."  # noqa: E501 (one translatable string)
                ),
            ),
        }
        text, tip = headers[Column(section)]
        if role == Qt.ItemDataRole.DisplayRole:
            # Figures' headers on two lines ("Core" over "2035"): narrow
            # columns leave room for the policy and path beside them.
            return text if section in _ONE_LINE_HEADERS else text.replace(" ", "\n", 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        value = row.values[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column, value)
        if role == SortRole:
            if column == Column.PATH:
                return value
            if value is None or (isinstance(value, float) and np.isnan(value)):
                return float("inf") if column in (Column.FIRST_YEAR,) else float("-inf")
            return value
        if role == Iso3Role:
            return row.iso3
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (Column.ALLY, Column.POLICY):
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            if column == Column.PATH:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column in _BAND_TARGETS:
            return band_brush(band_of(value, _BAND_TARGETS[column]), QGuiApplication.palette())
        if role == Qt.ItemDataRole.FontRole and column in _BAND_TARGETS:
            if band_of(value, _BAND_TARGETS[column]) == Band.TARGET:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column, value)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(row, column, value)
        return None

    def _display(self, row: _Row, column: Column, value: object) -> str:
        if column == Column.ALLY:
            return row.name
        if not row.has_path and column != Column.POLICY:
            return DASH
        if column == Column.HORIZON_TOTAL and row.related_above_cap:
            return percent(value) + " ⚠"
        if column in (Column.BASE_CORE, Column.HORIZON_CORE, Column.HORIZON_TOTAL):
            return percent(value)
        if column == Column.GAP:
            if value is None:
                return DASH
            # Float noise (a gap of 1e-15 pp) reads as met, like the bands' tolerance.
            return number(value, 2) if value > _TOLERANCE_PP else self.tr("met")
        if column == Column.FIRST_YEAR:
            return DASH if value is None else str(value)
        if column == Column.REQUIRED_GROWTH:
            return number(value, 1)
        if column == Column.POLICY:
            if not row.has_path:
                return self.tr("no armed forces")
            return core_policy_label(self.document.scenario.core_policy(row.iso3))
        if column == Column.PATH:
            return row.short
        return str(value)

    def _tooltip(self, row: _Row, column: Column, value: object) -> str | None:
        if not row.has_path:
            return self.tr("Iceland has no armed forces and is not in NATO's expenditure tables")
        if column == Column.PATH:
            return row.note
        if column == Column.HORIZON_TOTAL and row.related_above_cap:
            return self.tr(
                "Related spending above 1.5% of GDP: the Hague counts up to 1.5%, so the excess "
                "is not in this total (core + min(related, 1.5))"
            )
        if column in (Column.ALLY, Column.BASE_CORE, Column.HORIZON_CORE) and row.basis:
            band = band_of(value) if column != Column.ALLY else None
            lead = f"{percent(value)}: {band_label(band)}\n" if band is not None else ""
            return lead + row.basis
        if column in (Column.BASE_CORE, Column.HORIZON_CORE):
            band = band_of(value)
            return f"{percent(value)}: {band_label(band)}" if band is not None else None
        if column == Column.HORIZON_TOTAL:
            band = band_of(value, TOTAL_TARGET_PCT)
            return f"{percent(value)}: {total_band_label(band)}" if band is not None else None
        if column == Column.POLICY:  # the full text, when the column is narrow
            return self._display(row, column, value)
        if column == Column.FIRST_YEAR and value is None:
            return self.tr("Core target not reached by %1").replace(
                "%1", str(self.document.scenario.horizon)
            )
        return self.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def _make_row(i: int, iso3: str, columns: dict, basis: str = "") -> _Row:
    """One table row from the projection's summary columns (``basis``: what the share
    is measured against, when not simply GDP)."""
    facts = columns["path_facts"][i]
    return _Row(
        iso3=iso3,
        name=columns["name"][i],
        values=[
            columns["name"][i],
            float(columns["base_core_share_pct"][i]),
            float(columns["horizon_core_share_pct"][i]),
            float(columns["horizon_total_share_pct"][i]),
            float(columns["core_gap_pp"][i]),
            int(columns["first_year_core"][i]) or None,
            float(columns["required_nominal_growth_pct"][i]),
            path_facts_severity(facts),
            columns["core_policy"][i],
        ],
        note=path_facts_text(facts),
        short=path_facts_short(facts),
        basis=basis,
        related_above_cap=bool(columns["related_above_cap"][i]),
        has_path=not np.isnan(columns["base_core_share_pct"][i]),
    )


def _same(a: list[object], b: list[object]) -> bool:
    for x, y in zip(a, b, strict=True):
        if isinstance(x, float) and isinstance(y, float):
            if not (x == y or (np.isnan(x) and np.isnan(y))):
                return False
        elif x != y:
            return False
    return True


class AlliesFilterProxy(QSortFilterProxyModel):
    """Sort by raw values, filter by ally name or code (case- and accent-insensitive)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._needle = ""

    def set_filter_text(self, text: str) -> None:
        from natoplanner.core.allies import normalise_name

        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10 deprecates invalidateRowsFilter
            self.beginFilterChange()
            self._needle = normalise_name(text)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = normalise_name(text)
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if not self._needle:
            return True
        from natoplanner.core.allies import normalise_name

        model = self.sourceModel()
        index = model.index(source_row, Column.ALLY, source_parent)
        name = normalise_name(model.data(index) or "")
        iso3 = (model.data(index, Iso3Role) or "").casefold()
        return self._needle in name or self._needle == iso3


class AlliesPanel(QWidget):
    """Filter box above the sortable, multi-select allies table."""

    def __init__(self, document: ScenarioDocument, language: str = "en", parent=None) -> None:
        super().__init__(parent)
        self.model = AlliesTableModel(document, language, self)
        self.proxy = AlliesFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter allies (name or code)…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter allies"))
        self.filter_edit.textChanged.connect(self.proxy.set_filter_text)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(self.tr("Allies"))
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # the policy text takes what is left
        header.setMinimumSectionSize(36)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Widths from the header text and typical contents (not every cell: stable widths)."""
        header = self.view.horizontalHeader()
        metrics = header.fontMetrics()
        # The longest ally name in the interface language ("Macédoine du Nord").
        longest = max(
            (self.model.index(r, Column.ALLY).data() or "" for r in range(self.model.rowCount())),
            key=metrics.horizontalAdvance,
        )
        samples = {Column.ALLY: longest, Column.POLICY: "ramp to 3.5% by 2035"}
        # Room for the sort arrow and the header's margins, so no title is elided.
        style = header.style()
        chrome = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize) + 4 * style.pixelMetric(
            QStyle.PixelMetric.PM_HeaderMargin
        )
        for column in Column:
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            widest_line = max(metrics.horizontalAdvance(line) for line in title.split("\n"))
            sample = samples.get(column, "00.00%")
            header.resizeSection(
                column, max(widest_line + chrome, metrics.horizontalAdvance(sample) + 12)
            )
        header.setHighlightSections(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view)

    def selected_iso3(self) -> list[str]:
        """Selected allies, in the table's current order."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(Iso3Role) for r in rows]

    def select_iso3(self, codes: list[str]) -> None:
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        selection = QItemSelection()
        for code in codes:
            source = self.model.index(self.model.row_of(code), 0)
            proxy_index = self.proxy.mapFromSource(source)
            if proxy_index.isValid():
                selection.select(proxy_index, proxy_index)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().select(selection, flags)
        if codes:
            self.make_current(codes[0])

    def make_current(self, iso3: str) -> None:
        """Make ``iso3``'s row the current one (the year editor's ally), selection unchanged."""
        from PySide6.QtCore import QItemSelectionModel

        index = self.proxy.mapFromSource(self.model.index(self.model.row_of(iso3), 0))
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.view.scrollTo(index)
