"""Reference series on the path plot: beside NATO's history, never mixed into it.

For each plotted ally and each reference series in the measure shown
(shares of GDP in the share modes, million national currency in the
national-amount mode), a dotted line in the ally's colour with square
markers; the legend names ally and source, and a note under the plot
gives each source's definition (SIPRI includes paramilitary forces and
uses calendar years).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from natoplanner.core.vintages import SHARE_GDP_PCT, SPENDING_NATIONAL_MN, ReferenceSeries
from natoplanner.ui.window.path_plot import PathPlot, PlotMode

_MODE_MEASURE = {
    PlotMode.CORE_SHARE: SHARE_GDP_PCT,
    PlotMode.TOTAL_SHARE: SHARE_GDP_PCT,
    PlotMode.CORE_AND_TOTAL: SHARE_GDP_PCT,
    PlotMode.AMOUNT_NATIONAL: SPENDING_NATIONAL_MN,
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReferenceCurves", text)


class ReferenceCurves:
    """Keeps the plot's reference curves in step with the scenario and the plotted allies."""

    def __init__(self, plot: PathPlot) -> None:
        self.plot = plot
        self.items: dict[tuple[str, str], pg.PlotDataItem] = {}
        self.note = QLabel(plot)
        self.note.setWordWrap(True)
        self.note.setAccessibleName(_tr("Reference series definitions"))
        self.note.hide()
        plot.layout().addWidget(self.note)
        plot.curves_changed.connect(self.refresh)
        plot.document.reset.connect(self.refresh)
        self.refresh()

    def _wanted(self) -> list[tuple[str, ReferenceSeries]]:
        measure = _MODE_MEASURE.get(self.plot.mode)
        references = self.plot.document.scenario.dataset.references
        return [
            (code, series)
            for series in references
            if series.measure == measure
            for code in self.plot.allies
            if code in series.figures.covered(measure)
        ]

    def refresh(self) -> None:
        """Add, update and remove curves so they match what the plot shows."""
        wanted = self._wanted()
        keys = {(code, series.name) for code, series in wanted}
        for key in [k for k in self.items if k not in keys]:
            item = self.items.pop(key)
            self.plot.plot_item.removeItem(item)
            self.plot.legend.removeItem(item)
        registry = self.plot.document.scenario.dataset.registry
        for code, series in wanted:
            key = (code, series.name)
            ((_series, years, values),) = reference_points((series,), code, series.measure)
            item = self.items.get(key)
            if item is None:
                colour = self.plot.curve_colour(code)
                name = f"{registry.get(code).name(self.plot.language)} — {series.name}"
                item = pg.PlotDataItem(
                    pen=pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DotLine),
                    symbol="s",
                    symbolSize=5,
                    symbolBrush=colour,
                    symbolPen=colour,
                    name=name,
                )
                self.plot.plot_item.addItem(item)
                self.items[key] = item
            item.setData(years, values)
        shown = {series.name: series for _code, series in wanted}
        if shown:
            self.note.setText(
                _tr("Reference series (not NATO's figures): %1").replace(
                    "%1", " ".join(f"{s.name}: {s.definition}" for s in shown.values())
                )
            )
        self.note.setVisible(bool(shown))


def reference_points(
    references: tuple[ReferenceSeries, ...], iso3: str, measure: str
) -> list[tuple[ReferenceSeries, np.ndarray, np.ndarray]]:
    """(series, years, values) of each reference series of ``measure`` covering ``iso3``."""
    found = []
    for series in references:
        if series.measure != measure or iso3 not in series.figures.covered(measure):
            continue
        figures = series.figures
        values = figures.matrix(measure)[figures.allies.index(iso3)]
        keep = np.isfinite(values)
        found.append((series, figures.years[keep], values[keep]))
    return found


def install(window) -> None:
    """Draw the scenario's reference series on the window's path plot."""
    window.reference_curves = ReferenceCurves(window.plot)
