"""Charts of the alliance view and the PDF briefing: ranking bars coloured by
band, the United States against Europe and Canada over time."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import (
    Qt,
)
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from natoplanner.core.scenario import CORE_TARGET_PCT, GUIDELINE_PCT, TOTAL_TARGET_PCT
from natoplanner.ui.analysis.charts import add_target_lines, foreground, make_plot_widget
from natoplanner.ui.common.formatting import percent

#: Bar colours by band (below 2%, 2% to the core target, at or above): the
#: same red / amber / green reading as the allies table, at full strength.
BAND_COLOURS = ("#C8423F", "#E0A526", "#3E9A5B")
US_COLOUR, EUROPE_COLOUR = "#4E79A7", "#F28E2B"


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
        self.plot_item.setLabel(
            "left", self.tr("Core defence, billion USD at base-year prices and exchange rates")
        )
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
