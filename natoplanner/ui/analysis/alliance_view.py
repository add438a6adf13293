"""Alliance view (Analysis > Alliance view): ranking, burden sharing and NATO's revisions.

Three tabs over the window's scenario, updated on every edit:

- **Ranking**: allies by core (or total) share of GDP at a chosen year, as
  horizontal bars with the 2%, 3.5% and 5% lines. Years up to the base year
  show NATO's published shares; later years the projection.
- **Burden sharing**: each ally's share of NATO's total core spending in a
  year, and the United States against Europe and Canada over time, all in
  USD at base-year exchange rates (history converted at the same rates, so
  the series move with real budgets, not with the dollar).
- **Revisions**: for one ally, NATO's published share for each year in each
  edition (``core/revisions.py``), so a planner sees how much estimates move.

The figures come from small functions at the top of this module
(:func:`ranking`, :func:`burden_shares`, :func:`us_europe_split`); the
widgets only draw them.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from natoplanner.core.dataset import FIRST_HISTORY_YEAR
from natoplanner.core.projection import Projection
from natoplanner.core.revisions import VINTAGE_PUBLISHED, revision_table, share_revisions
from natoplanner.core.scenario import CORE_TARGET_PCT, GUIDELINE_PCT, TOTAL_TARGET_PCT
from natoplanner.ui.analysis.charts import add_target_lines, foreground, make_plot_widget
from natoplanner.ui.common.actions import make_action, show_window_part
from natoplanner.ui.common.formatting import DASH, number, percent

#: Bar colours by band (below 2%, 2% to the core target, at or above): the
#: same red / amber / green reading as the allies table, at full strength.
BAND_COLOURS = ("#C8423F", "#E0A526", "#3E9A5B")
US_COLOUR, EUROPE_COLOUR = "#4E79A7", "#F28E2B"


# -- figures ---------------------------------------------------------------------------
def share_matrix(projection: Projection, total: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Years 2014..horizon and allies × years shares of GDP (%).

    Up to the year before the base year: NATO's published core shares (NATO
    publishes no related spending, so "total" equals core there). From the
    base year: the projection (core, or core + related).
    """
    _years, history, _estimates = projection.history_share_pct()
    paths = projection.paths
    n = projection.horizon_col + 1
    projected = (paths.total_share_pct if total else paths.core_share_pct)[:, :n]
    values = np.concatenate([history[:, :-1], projected], axis=1)
    years = np.arange(FIRST_HISTORY_YEAR, projection.scenario.horizon + 1)
    return years, values


def core_usd_matrix(projection: Projection) -> tuple[np.ndarray, np.ndarray]:
    """Years 2014..horizon and allies × years core spending, million USD at base-year rates."""
    scenario = projection.scenario
    base_col = scenario.base_year - FIRST_HISTORY_YEAR
    history = scenario.dataset.history_matrix("defence_exp_national_million")[:, :base_col]
    n = projection.horizon_col + 1
    national = np.concatenate([history, projection.paths.core_budget_mn[:, :n]], axis=1)
    years = np.arange(FIRST_HISTORY_YEAR, scenario.horizon + 1)
    return years, national / projection.fx_per_usd()[:, None]


def ranking(
    projection: Projection, year: int, total: bool = False, language: str = "en"
) -> pd.DataFrame:
    """Allies with armed forces ranked by share of GDP in ``year``, highest first.

    Returns
    -------
    DataFrame
        ``iso3``, ``name``, ``share_pct`` (% of GDP), ``projected`` (True
        after the base year; False for NATO's published figures).
    """
    years, values = share_matrix(projection, total)
    col = _column(years, year)
    allies = projection.scenario.allies
    frame = pd.DataFrame(
        {
            "iso3": [a.iso3 for a in allies],
            "name": [a.name(language) for a in allies],
            "share_pct": values[:, col],
            "projected": year > projection.scenario.base_year,
        }
    )
    frame = frame[projection.has_target_path & np.isfinite(frame["share_pct"].to_numpy())]
    return frame.sort_values("share_pct", ascending=False, kind="stable").reset_index(drop=True)


def burden_shares(projection: Projection, year: int, language: str = "en") -> pd.DataFrame:
    """Each ally's share of NATO's total core spending in ``year``, largest first.

    Returns
    -------
    DataFrame
        ``iso3``, ``name``, ``core_usd_mn`` (million USD at base-year
        exchange rates), ``share_of_nato_pct`` (% of the NATO total; sums to 100).
    """
    years, usd = core_usd_matrix(projection)
    col = _column(years, year)
    allies = projection.scenario.allies
    amounts = usd[:, col]
    keep = projection.has_target_path & np.isfinite(amounts)
    frame = pd.DataFrame(
        {
            "iso3": [a.iso3 for a in allies],
            "name": [a.name(language) for a in allies],
            "core_usd_mn": amounts,
        }
    )[keep]
    frame["share_of_nato_pct"] = 100.0 * frame["core_usd_mn"] / frame["core_usd_mn"].sum()
    return frame.sort_values("core_usd_mn", ascending=False, kind="stable").reset_index(drop=True)


def us_europe_split(projection: Projection) -> pd.DataFrame:
    """United States against Europe and Canada, 2014..horizon (USD at base-year rates).

    Returns
    -------
    DataFrame
        ``year``, ``usa_core_usd_mn``, ``europe_canada_core_usd_mn`` (million
        USD), ``usa_share_pct`` (% of the NATO total), ``projected``.
    """
    years, usd = core_usd_matrix(projection)
    is_us = np.array([a.iso3 == "USA" for a in projection.scenario.allies])
    has = projection.has_target_path
    us = np.nansum(usd[is_us & has], axis=0)
    europe = np.nansum(usd[~is_us & has], axis=0)
    return pd.DataFrame(
        {
            "year": years,
            "usa_core_usd_mn": us,
            "europe_canada_core_usd_mn": europe,
            "usa_share_pct": 100.0 * us / (us + europe),
            "projected": years > projection.scenario.base_year,
        }
    )


def _column(years: np.ndarray, year: int) -> int:
    if not years[0] <= year <= years[-1]:
        raise ValueError(f"year {year} is outside {years[0]}-{years[-1]}")
    return int(year - years[0])


def band_colour(share_pct: float, total: bool = False) -> str:
    """Red below 2% (below 3.5% for total), amber below the target, green at or above."""
    low, high = (CORE_TARGET_PCT, TOTAL_TARGET_PCT) if total else (GUIDELINE_PCT, CORE_TARGET_PCT)
    if share_pct < low - 1e-9:
        return BAND_COLOURS[0]
    return BAND_COLOURS[1] if share_pct < high - 1e-9 else BAND_COLOURS[2]


# -- charts ----------------------------------------------------------------------------
class HorizontalBars(QWidget):
    """Named horizontal bars, largest at the top, with a value label at each bar's end."""

    def __init__(
        self, accessible_name: str, parent: QWidget | None = None, target_lines: bool = True
    ) -> None:
        super().__init__(parent)
        self.plot_widget = make_plot_widget(self, accessible_name)
        self.plot_item = self.plot_widget.getPlotItem()
        self.plot_item.invertY(True)
        self.plot_item.setMouseEnabled(x=False, y=False)
        # Every ally named: pyqtgraph drops a tick level whose labels fill over
        # 80% of the axis (textFillLimits), which hid all names but one.
        self.plot_item.getAxis("left").setStyle(tickLength=0, textFillLimits=[(0, 1.0)])
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.72, width=[])
        self.plot_item.addItem(self.bars)
        self.lines = add_target_lines(self.plot_item, vertical=True) if target_lines else []
        self._labels: list[pg.TextItem] = []
        self.names: list[str] = []
        self.values = np.array([])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)

    def set_bars(
        self,
        names: list[str],
        values: np.ndarray,
        colours: list[str],
        labels: list[str],
        x_label: str,
    ) -> None:
        self.names, self.values = list(names), np.asarray(values, dtype=float)
        positions = np.arange(len(names), dtype=float)
        self.bars.setOpts(
            x0=np.zeros(len(names)),
            y=positions,
            width=self.values,
            height=0.72,
            brushes=[pg.mkBrush(c) for c in colours],
            pens=[pg.mkPen(QColor(c).darker(130)) for c in colours],
        )
        axis = self.plot_item.getAxis("left")
        axis.setTicks([[(i, name) for i, name in enumerate(names)]])
        # Wide enough for the longest name: pyqtgraph drops labels that do not
        # fit and widens the axis only after a paint, which left one name shown.
        metrics = QFontMetrics(axis.font() if hasattr(axis, "font") else self.font())
        axis.setWidth(max((metrics.horizontalAdvance(n) for n in names), default=40) + 16)
        while len(self._labels) < len(names):
            label = pg.TextItem(color=foreground(), anchor=(0, 0.5))
            self.plot_item.addItem(label)
            self._labels.append(label)
        for i, label in enumerate(self._labels):
            label.setVisible(i < len(names))
            if i < len(names):
                label.setText(labels[i])
                label.setPos(self.values[i], i)
        self.plot_item.setLabel("bottom", x_label)
        highest = float(np.nanmax(self.values)) if len(self.values) else 1.0
        if self.lines:
            highest = max(highest, TOTAL_TARGET_PCT)
        self.plot_item.setXRange(0, highest * 1.14, padding=0)
        # Room above the first bar for the target lines' labels.
        top = -1.6 if self.lines else -0.7
        self.plot_item.setYRange(top, max(len(names) - 0.3, 0.5), padding=0)


class RankingChart(HorizontalBars):
    """Allies ranked by share of GDP with the target lines (also drawn into the report)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ranking of allies by share of GDP"), parent)
        self.frame = pd.DataFrame()

    def show_ranking(self, frame: pd.DataFrame, year: int, total: bool) -> None:
        self.frame = frame
        shares = frame["share_pct"].to_numpy()
        kind = (
            self.tr("projection") if bool(frame["projected"].any()) else self.tr("NATO published")
        )
        axis = (
            self.tr("Core + related, % of GDP, %1 (%2)")
            if total
            else self.tr("Core defence, % of GDP, %1 (%2)")
        )
        self.set_bars(
            list(frame["name"]),
            shares,
            [band_colour(s, total) for s in shares],
            [percent(s) for s in shares],
            axis.replace("%1", str(year)).replace("%2", kind),
        )


class SplitChart(QWidget):
    """United States and Europe + Canada core spending over time, stacked (bn USD)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = make_plot_widget(
            self, self.tr("United States and Europe plus Canada over time")
        )
        self.plot_item = self.plot_widget.getPlotItem()
        self.plot_item.setMouseEnabled(x=False, y=False)
        self.plot_item.setLabel("left", self.tr("Core defence, billion USD at base-year rates"))
        self.plot_item.setLabel("bottom", self.tr("Year"))
        legend = self.plot_item.addLegend(offset=(10, 5), labelTextColor=foreground())
        self.zero = pg.PlotDataItem(pen=pg.mkPen(foreground(), width=1))
        self.europe = pg.PlotDataItem(pen=pg.mkPen(EUROPE_COLOUR, width=2))
        self.total = pg.PlotDataItem(pen=pg.mkPen(US_COLOUR, width=2))
        europe_fill = QColor(EUROPE_COLOUR)
        europe_fill.setAlpha(150)
        us_fill = QColor(US_COLOUR)
        us_fill.setAlpha(150)
        self.europe_area = pg.FillBetweenItem(self.zero, self.europe, brush=europe_fill)
        self.us_area = pg.FillBetweenItem(self.europe, self.total, brush=us_fill)
        for item in (self.europe_area, self.us_area, self.zero, self.europe, self.total):
            self.plot_item.addItem(item)
        legend.addItem(self.total, self.tr("United States (stacked on top)"))
        legend.addItem(self.europe, self.tr("Europe and Canada"))
        colour = QColor(foreground())
        colour.setAlpha(110)
        self.base_line = pg.InfiniteLine(
            angle=90,
            movable=False,
            pen=pg.mkPen(colour, style=Qt.PenStyle.DashLine),
            label=self.tr("projection →"),
            labelOpts={"position": 0.06, "color": foreground(), "anchors": [(0, 1), (0, 1)]},
        )
        self.plot_item.addItem(self.base_line, ignoreBounds=True)
        self.readout = QLabel(self)
        self.readout.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.readout)

    def show_split(self, split: pd.DataFrame, base_year: int) -> None:
        years = split["year"].to_numpy(dtype=float)
        europe = split["europe_canada_core_usd_mn"].to_numpy() / 1000
        total = europe + split["usa_core_usd_mn"].to_numpy() / 1000
        self.zero.setData(years, np.zeros_like(years))
        self.europe.setData(years, europe)
        self.total.setData(years, total)
        self.base_line.setValue(base_year)
        self.plot_item.setXRange(years[0] - 0.5, years[-1] + 0.5, padding=0)
        self.plot_item.setYRange(0, float(np.nanmax(total)) * 1.2, padding=0)
        first, base, last = split.iloc[0], split[split["year"] == base_year].iloc[0], split.iloc[-1]
        self.readout.setText(
            self.tr("United States' share of NATO core spending: %1 in %2, %3 in %4, %5 in %6.")
            .replace("%1", percent(first["usa_share_pct"], 1))
            .replace("%2", str(int(first["year"])))
            .replace("%3", percent(base["usa_share_pct"], 1))
            .replace("%4", str(int(base["year"])))
            .replace("%5", percent(last["usa_share_pct"], 1))
            .replace("%6", str(int(last["year"])))
        )


# -- revisions -------------------------------------------------------------------------
def vintage_short_label(vintage: str) -> str:
    """ "2025 edition", "SG report 2025"… from the vintage code."""
    year = vintage[-4:]
    return f"SG report {year}" if vintage.startswith("sgar") else f"{year} edition"


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
            return (labels.iloc[0] if len(labels) else vintage) + self.tr(
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
                .replace("%1", str(entry.vintage_label))
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


# -- the window ------------------------------------------------------------------------
class AllianceView(QDialog):
    """Ranking, burden sharing and revisions for one main window's scenario."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.main_window = window
        self.language = window.language
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(40)
        self._timer.timeout.connect(self.refresh)
        scenario = window.document.scenario

        self.year_spin = QSpinBox(self)
        self.year_spin.setAccessibleName(self.tr("Year"))
        self.year_spin.setRange(FIRST_HISTORY_YEAR, scenario.horizon)
        self.year_spin.setValue(scenario.base_year)
        self.year_spin.setToolTip(
            self.tr("Years up to %1 show NATO's figures; later years the projection").replace(
                "%1", str(scenario.base_year)
            )
        )
        self.measure_combo = QComboBox(self)
        self.measure_combo.setAccessibleName(self.tr("Share ranked"))
        self.measure_combo.addItem(self.tr("Core share of GDP"), False)
        self.measure_combo.addItem(self.tr("Total share of GDP (core + related)"), True)
        self.ranking_chart = RankingChart(self)
        self.burden_chart = HorizontalBars(
            self.tr("Share of NATO core spending by ally"), self, target_lines=False
        )
        self.split_chart = SplitChart(self)
        self.revisions = RevisionsPanel(scenario.dataset, self.language, self)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)

        controls = QHBoxLayout()
        year_label = QLabel(self.tr("&Year:"), self)
        year_label.setBuddy(self.year_spin)
        measure_label = QLabel(self.tr("&Rank by:"), self)
        measure_label.setBuddy(self.measure_combo)
        for widget in (year_label, self.year_spin, measure_label, self.measure_combo):
            controls.addWidget(widget)
        controls.addStretch(1)
        burden = QSplitter(Qt.Orientation.Horizontal, self)
        burden.addWidget(self.burden_chart)
        burden.addWidget(self.split_chart)
        burden.setSizes([520, 620])
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.ranking_chart, self.tr("Ranking"))
        self.tabs.addTab(burden, self.tr("Burden sharing"))
        self.tabs.addTab(self.revisions, self.tr("Revisions"))
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.caption)
        self.resize(QSize(1180, 860))

        self.year_spin.valueChanged.connect(lambda _v: self.refresh())
        self.measure_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        window.document.projected.connect(self.schedule_refresh)
        window.document.reset.connect(self.schedule_refresh)
        self.revisions.set_ally(window.year_model.iso3 or "USA")
        self.refresh()

    @property
    def document(self):
        return self.main_window.document

    def schedule_refresh(self, *_args) -> None:
        self._timer.start()

    def refresh(self) -> None:
        """Redraw the ranking and burden charts from the scenario's projection."""
        self._timer.stop()
        scenario, projection = self.document.scenario, self.document.projection
        self.setWindowTitle(self.tr("Alliance view — %1").replace("%1", scenario.name))
        if self.year_spin.maximum() != scenario.horizon:
            self.year_spin.setMaximum(scenario.horizon)
        year, total = self.year_spin.value(), bool(self.measure_combo.currentData())
        self.ranking = ranking(projection, year, total, self.language)
        self.ranking_chart.show_ranking(self.ranking, year, total)
        self.burden = burden_shares(projection, year, self.language)
        shares = self.burden["share_of_nato_pct"].to_numpy()
        self.burden_chart.set_bars(
            list(self.burden["name"]),
            shares,
            [US_COLOUR if c == "USA" else EUROPE_COLOUR for c in self.burden["iso3"]],
            [percent(s, 1) for s in shares],
            self.tr("Share of NATO core spending in %1, % (USD at %2 rates)")
            .replace("%1", str(year))
            .replace("%2", str(scenario.base_year)),
        )
        self.split = us_europe_split(projection)
        self.split_chart.show_split(self.split, scenario.base_year)
        self.caption.setText(
            self.tr(
                "%1: shares up to %2 are NATO's published figures (2025 and 2026 estimates); "
                "later years are "
                "this scenario's projection. Amounts in USD at %2 exchange rates. Iceland has "
                "no armed forces."
            )
            .replace("%1", scenario.name)
            .replace("%2", str(scenario.base_year))
        )


def open_alliance_view(window) -> AllianceView:
    """Show the window's alliance view (created on first use)."""
    return show_window_part(window, "alliance_view", AllianceView)


def install(window) -> None:
    """Analysis > Alliance view."""
    window.alliance_view = None
    window.alliance_view_action = make_action(
        window,
        window.tr("&Alliance view"),
        lambda: open_alliance_view(window),
        "Ctrl+Shift+A",
        window.tr("Ranking of allies, burden sharing and NATO's revisions"),
        window.analysis_menu,
    )
