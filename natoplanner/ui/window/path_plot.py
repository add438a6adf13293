"""Path plot: each selected ally's share of GDP (or spending), history and projection.

History is a solid line with NATO's estimates (2025e, 2026e) marked by
hollow circles; the projection is dashed. Curves are created when an ally is
selected and then only updated with ``setData`` on each edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from natoplanner.core.scenario import (
    CORE_TARGET_PCT,
    GUIDELINE_PCT,
    REVIEW_YEAR,
    TOTAL_TARGET_PCT,
    Measure,
)
from natoplanner.ui.window.document import ScenarioDocument

# Tableau 10: distinct on light and dark backgrounds and for common colour-vision deficiencies.
CURVE_COLOURS = (
    "#4E79A7",
    "#F28E2B",
    "#E15759",
    "#76B7B2",
    "#59A14F",
    "#EDC948",
    "#B07AA1",
    "#FF9DA7",
    "#9C755F",
    "#BAB0AC",
)


class PlotMode(StrEnum):
    CORE_SHARE = "core_share"
    TOTAL_SHARE = "total_share"
    AMOUNT_NATIONAL = "amount_national"
    AMOUNT_USD = "amount_usd"
    #: Core (solid history, dashed projection) and the countable total (dotted) together.
    CORE_AND_TOTAL = "core_and_total"


#: Modes whose values are shares of GDP (%), with the 2%, 3.5% and 5% lines.
SHARE_MODES = frozenset({PlotMode.CORE_SHARE, PlotMode.TOTAL_SHARE, PlotMode.CORE_AND_TOTAL})


class EstimateMarkers(pg.GraphicsObject):
    """Hollow circles of a fixed pixel size at NATO's estimate years.

    A plain painter item: pyqtgraph's ScatterPlotItem costs about 0.3 ms per
    repaint for each ally's two points, more than the curves themselves.
    """

    RADIUS_PX = 4.0

    def __init__(self, pen: QPen, brush: QBrush | None = None) -> None:
        super().__init__()
        self._pen = pen
        self._brush = brush  # filled dots (overrides) instead of hollow circles
        self._x = np.empty(0)
        self._y = np.empty(0)

    def setData(self, x: np.ndarray, y: np.ndarray) -> None:  # noqa: N802 - pyqtgraph's naming
        self.prepareGeometryChange()
        keep = np.isfinite(x) & np.isfinite(y)
        self._x, self._y = np.asarray(x, float)[keep], np.asarray(y, float)[keep]
        self.update()

    def getData(self) -> tuple[np.ndarray, np.ndarray]:  # noqa: N802
        return self._x, self._y

    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange=None):  # noqa: N802, N803
        values = self._x if ax == 0 else self._y
        return (None, None) if not len(values) else (float(values.min()), float(values.max()))

    def boundingRect(self) -> QRectF:  # noqa: N802
        if not len(self._x):
            return QRectF()
        rect = QRectF(QPointF(self._x.min(), self._y.min()), QPointF(self._x.max(), self._y.max()))
        # Pad by the marker's radius in data units so repaints cover the circles.
        pad_x, pad_y = (2 * self.RADIUS_PX * v for v in self._pixel_size())
        return rect.normalized().adjusted(-pad_x, -pad_y, pad_x, pad_y)

    def _pixel_size(self) -> tuple[float, float]:
        view = self.getViewBox()
        if view is None:
            return 0.0, 0.0
        size = view.viewPixelSize()
        return abs(size[0]), abs(size[1])

    def paint(self, painter: QPainter, *_args) -> None:
        if not len(self._x):
            return
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._pen)
        painter.setBrush(self._brush if self._brush is not None else Qt.BrushStyle.NoBrush)
        for x, y in zip(self._x, self._y, strict=True):
            painter.drawEllipse(transform.map(QPointF(x, y)), self.RADIUS_PX, self.RADIUS_PX)
        painter.restore()


@dataclass
class _AllyCurves:
    colour: str
    history: pg.PlotDataItem
    projection: pg.PlotDataItem
    estimates: EstimateMarkers
    #: Filled dots at the years the user typed (or imported) an input for the ally.
    overrides: EstimateMarkers
    #: The countable total share (core + related up to 1.5%), dotted; empty unless shown.
    total: pg.PlotDataItem


class PathPlot(QWidget):
    """The plotting pane; ``set_allies`` chooses the curves, edits update them in place."""

    hover_text_changed = Signal(str)
    #: The plotted allies or the mode changed (overlays such as reference series follow).
    curves_changed = Signal()

    def __init__(self, document: ScenarioDocument, language: str = "en", parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.language = language
        self.mode = PlotMode.CORE_SHARE
        self._curves: dict[str, _AllyCurves] = {}

        self.mode_combo = QComboBox(self)
        self.mode_combo.setAccessibleName(self.tr("Plotted measure"))
        for mode, label in (
            (PlotMode.CORE_SHARE, self.tr("Core share of GDP (%)")),
            (PlotMode.TOTAL_SHARE, self.tr("Total share of GDP (%)")),
            (PlotMode.AMOUNT_NATIONAL, self.tr("Core spending (million national currency)")),
            (PlotMode.AMOUNT_USD, self.tr("Core spending (million USD)")),
            (PlotMode.CORE_AND_TOTAL, self.tr("Core and total share of GDP (%)")),
        ):
            self.mode_combo.addItem(label, mode)
        self.mode_combo.currentIndexChanged.connect(
            lambda _i: self.set_mode(self.mode_combo.currentData())
        )
        mode_label = QLabel(self.tr("&Show:"), self)
        self._menu_texts = {
            PlotMode.CORE_SHARE: self.tr("&Core share of GDP (%)"),
            PlotMode.TOTAL_SHARE: self.tr("&Total share of GDP (%)"),
            PlotMode.AMOUNT_NATIONAL: self.tr("Core spending (million &national currency)"),
            PlotMode.AMOUNT_USD: self.tr("Core spending (million &USD)"),
            PlotMode.CORE_AND_TOTAL: self.tr("Core an&d total share of GDP (%)"),
        }
        mode_label.setBuddy(self.mode_combo)
        self.readout = QLabel(self)
        self.readout.setAccessibleName(self.tr("Value under the mouse"))
        self.readout.setMinimumWidth(220)
        self.readout.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        palette = QGuiApplication.palette()
        self._foreground = palette.color(QPalette.ColorRole.WindowText)
        self.plot_widget = pg.PlotWidget(self, background=palette.color(QPalette.ColorRole.Base))
        self.plot_widget.setAccessibleName(self.tr("Path plot"))
        self.plot_item = self.plot_widget.getPlotItem()
        # No grid: pyqtgraph redraws grid lines on every repaint (about 5 ms
        # here), and the 2%, 3.5% and 5% lines already give the reading.
        self.plot_item.setMenuEnabled(False)
        self.legend = self.plot_item.addLegend(
            offset=(10, 5), labelTextColor=self._foreground, colCount=3
        )
        for axis in ("left", "bottom"):
            self.plot_item.getAxis(axis).setTextPen(self._foreground)
            self.plot_item.getAxis(axis).setPen(self._foreground)
        self.plot_item.setLabel("bottom", self.tr("Year"))

        self._reference_lines = [
            self._horizontal_line(GUIDELINE_PCT, self.tr("2% guideline"), Qt.PenStyle.DotLine),
            self._horizontal_line(CORE_TARGET_PCT, self.tr("3.5% core"), Qt.PenStyle.DashLine),
            self._horizontal_line(TOTAL_TARGET_PCT, self.tr("5% total"), Qt.PenStyle.DashDotLine),
        ]
        self._review_line = self._vertical_line(
            REVIEW_YEAR, self.tr("%1 review").replace("%1", str(REVIEW_YEAR))
        )
        self._horizon_line = self._vertical_line(document.scenario.horizon, self.tr("horizon"))
        # The legend's key to the dotted curves, when core and total are shown together.
        self._total_key = pg.PlotDataItem(
            pen=pg.mkPen(self._foreground, width=1.5, style=Qt.PenStyle.DotLine)
        )

        top = QHBoxLayout()
        top.addWidget(mode_label)
        top.addWidget(self.mode_combo)
        top.addStretch(1)
        top.addWidget(self.readout)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.plot_widget)

        # With no ally selected the plot says so, on the years it would show.
        self.empty_text = pg.TextItem(
            self.tr("Select allies in the table to plot their paths (Ctrl+click for several)"),
            color=self._foreground,
            anchor=(0.5, 0.5),
        )
        self.plot_item.addItem(self.empty_text, ignoreBounds=True)

        self.plot_widget.scene().sigMouseMoved.connect(self._on_mouse_moved)
        # On a short plot the reference lines' labels would print over each other.
        self.plot_item.vb.sigResized.connect(self._declutter_labels)
        self.plot_item.vb.sigYRangeChanged.connect(self._declutter_labels)
        document.projected.connect(self._on_projected)
        document.reset.connect(self._refresh_all)
        self._apply_axis_labels()
        self._fit_view()

    # -- reference lines -----------------------------------------------------
    def _horizontal_line(self, value: float, label: str, style: Qt.PenStyle) -> pg.InfiniteLine:
        pen = pg.mkPen(self._foreground, width=1, style=style)
        line = pg.InfiniteLine(
            pos=value,
            angle=0,
            pen=pen,
            movable=False,
            label=label,
            labelOpts={"position": 0.985, "color": self._foreground, "anchors": [(1, 1), (1, 1)]},
        )
        self.plot_item.addItem(line, ignoreBounds=False)
        return line

    def _vertical_line(self, year: int, label: str) -> pg.InfiniteLine:
        colour = QColor(self._foreground)
        colour.setAlpha(110)
        line = pg.InfiniteLine(
            pos=year,
            angle=90,
            pen=pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine),
            movable=False,
            label=label,
            labelOpts={"position": 0.04, "color": self._foreground, "anchors": [(1, 1), (1, 1)]},
        )
        self.plot_item.addItem(line, ignoreBounds=True)
        return line

    # Lines closer than this (pixels) keep only the more important label.
    LABEL_SPACING_PX = 17
    # Below this view height (pixels) the year lines' labels give way to the others.
    YEAR_LABELS_MIN_HEIGHT_PX = 200

    def _declutter_labels(self, *_args) -> None:
        """Hide the labels that would overlap: the 2% guideline's first, then 5%'s.

        The lines stay; the 3.5% core label is always shown with share modes.
        """
        view = self.plot_item.vb
        height = view.height()
        if height <= 0:
            return
        low, high = view.viewRange()[1]
        scale = height / (high - low) if high > low else 0.0
        guideline, core, total = self._reference_lines
        shown = {core}
        for line, neighbours in ((total, (core,)), (guideline, (core, total))):
            if all(
                abs(line.value() - other.value()) * scale >= self.LABEL_SPACING_PX
                for other in neighbours
                if other in shown
            ):
                shown.add(line)
        for line in self._reference_lines:
            line.label.setVisible(line in shown)
        tall = height >= self.YEAR_LABELS_MIN_HEIGHT_PX
        for line in (self._review_line, self._horizon_line):
            line.label.setVisible(tall)

    # -- selection and mode ----------------------------------------------------
    @property
    def allies(self) -> list[str]:
        return list(self._curves)

    def menu_text(self, mode: PlotMode) -> str:
        """The View menu's entry for ``mode``, with its mnemonic."""
        return self._menu_texts[mode]

    def set_allies(self, codes: list[str]) -> None:
        """Show one set of curves per ally in ``codes`` (others removed)."""
        scenario = self.document.scenario
        codes = [c for c in codes if self.document.projection.has_target_path[scenario.row(c)]]
        for code in [c for c in self._curves if c not in codes]:
            curves = self._curves.pop(code)
            for item in (
                curves.history,
                curves.projection,
                curves.estimates,
                curves.overrides,
                curves.total,
            ):
                self.plot_item.removeItem(item)
            self.legend.removeItem(curves.projection)
        for code in codes:
            if code not in self._curves:
                self._curves[code] = self._make_curves(code)
                self._update_curves(code)
        self._fit_view()
        self.curves_changed.emit()

    def curve_colour(self, code: str) -> str:
        """The colour of a plotted ally's curves ("#RRGGBB")."""
        return self._curves[code].colour

    def _make_curves(self, code: str) -> _AllyCurves:
        used = {c.colour for c in self._curves.values()}
        colour = next(
            (c for c in CURVE_COLOURS if c not in used),
            CURVE_COLOURS[len(self._curves) % len(CURVE_COLOURS)],
        )
        name = self.document.scenario.dataset.registry.get(code).name(self.language)
        history = pg.PlotDataItem(pen=pg.mkPen(colour, width=2))
        projection = pg.PlotDataItem(
            pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine), name=name
        )
        estimates = EstimateMarkers(pg.mkPen(colour, width=1.5))
        overrides = EstimateMarkers(pg.mkPen(colour, width=1), pg.mkBrush(colour))
        total = pg.PlotDataItem(pen=pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DotLine))
        for item in (history, projection, estimates, overrides, total):
            self.plot_item.addItem(item)
        return _AllyCurves(colour, history, projection, estimates, overrides, total)

    def set_mode(self, mode: PlotMode) -> None:
        self.mode = PlotMode(mode)
        index = self.mode_combo.findData(self.mode)
        if self.mode_combo.currentIndex() != index:
            self.mode_combo.setCurrentIndex(index)
        self._apply_axis_labels()
        for code in self._curves:
            self._update_curves(code)
        self._fit_view()
        self.curves_changed.emit()

    def _fit_view(self) -> None:
        """Years 2014..horizon; shares from 0 with room above the 5% line for the legend."""
        horizon = self.document.scenario.horizon
        self.plot_item.setXRange(2013.5, horizon + 1.5, padding=0)
        highest = 0.0
        for code in self._curves:
            _years, history, _est, _pyears, projected = self.series(code)
            values = np.concatenate([history, projected, self.total_series(code)[1]])
            if np.isfinite(values).any():
                highest = max(highest, float(np.nanmax(values)))
        if self.mode in SHARE_MODES:
            highest = max(highest, TOTAL_TARGET_PCT)
        top = highest / (1 - self._legend_fraction()) if highest > 0 else 1
        self.plot_item.setYRange(0, top, padding=0)
        self.empty_text.setVisible(not self._curves)
        self.empty_text.setPos((2013.5 + horizon + 1.5) / 2, top / 2)

    def _legend_fraction(self) -> float:
        """Share of the plot's height to keep free above the curves for the legend.

        At least a fifth (one legend row above the 5% line); more when many
        allies make the legend several rows tall, so it never covers a curve.
        """
        view_height = self.plot_item.vb.height()
        legend_height = self.legend.boundingRect().height() if self._curves else 0.0
        if view_height <= 0 or legend_height <= 0:
            return 0.2
        return min(0.45, max(0.2, (legend_height + 12) / view_height))

    def _apply_axis_labels(self) -> None:
        is_share = self.mode in SHARE_MODES
        for line in self._reference_lines:
            line.setVisible(is_share)
        self._show_total_key(self.mode == PlotMode.CORE_AND_TOTAL)
        label = {
            PlotMode.CORE_SHARE: self.tr("Core defence, % of GDP"),
            PlotMode.TOTAL_SHARE: self.tr("Core + related, % of GDP"),
            PlotMode.AMOUNT_NATIONAL: self.tr("Core defence, million national currency"),
            PlotMode.AMOUNT_USD: self.tr(
                "Core defence, million USD (projection at base-year prices and rates)"
            ),
            PlotMode.CORE_AND_TOTAL: self.tr("Core and total, % of GDP"),
        }[self.mode]
        self.plot_item.setLabel("left", label)

    def _show_total_key(self, shown: bool) -> None:
        in_legend = any(sample.item is self._total_key for sample, _label in self.legend.items)
        if shown and not in_legend:
            self.legend.addItem(
                self._total_key, self.tr("dotted: total (core + related up to 1.5%)")
            )
        elif not shown and in_legend:
            self.legend.removeItem(self._total_key)

    # -- data ----------------------------------------------------------------
    def series(
        self, code: str
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(history years, history values, estimate mask, projection years, projection values)."""
        scenario, projection = self.document.scenario, self.document.projection
        row = scenario.row(code)
        dataset = scenario.dataset
        years, shares, estimates = projection.history_share_pct()
        columns = years - int(dataset.history_years[0])
        paths = projection.paths
        n = projection.horizon_col + 1
        projected_years = paths.years[:n]
        if self.mode in SHARE_MODES:
            history = shares[row]
            values = (
                paths.total_share_pct if self.mode == PlotMode.TOTAL_SHARE else paths.core_share_pct
            )
            projected = values[row, :n]
        elif self.mode == PlotMode.AMOUNT_NATIONAL:
            history = dataset.history_matrix("defence_exp_national_million")[row, columns]
            projected = paths.core_budget_mn[row, :n]
        else:
            history = dataset.history_matrix("defence_exp_usd_million_current")[row, columns]
            projected = projection.usd_mn_at_base_prices(paths.core_budget_mn[:, :n])[row]
        return years, history, estimates[row], projected_years, projected

    def total_series(self, code: str) -> tuple[np.ndarray, np.ndarray]:
        """(projection years, countable total share %) when core and total are shown
        together; empty arrays in the other modes (NATO's history has no related part)."""
        if self.mode != PlotMode.CORE_AND_TOTAL:
            return np.empty(0), np.empty(0)
        projection = self.document.projection
        n = projection.horizon_col + 1
        row = self.document.scenario.row(code)
        return projection.paths.years[:n], projection.paths.total_share_pct[row, :n]

    def _update_curves(self, code: str, projection_only: bool = False) -> None:
        years, history, estimates, projected_years, projected = self.series(code)
        curves = self._curves[code]
        if not projection_only:
            curves.history.setData(years, history)
            curves.estimates.setData(years[estimates], history[estimates])
        curves.projection.setData(projected_years, projected)
        if self.mode == PlotMode.CORE_AND_TOTAL or not projection_only:
            # An edit in another mode leaves the (empty) total curve alone.
            curves.total.setData(*self.total_series(code))
        typed = self.override_years(code)
        marked = np.isin(projected_years, typed)
        curves.overrides.setData(projected_years[marked], projected[marked])

    def override_years(self, code: str) -> np.ndarray:
        """Projected years in which the user typed or imported any input for ``code``."""
        scenario = self.document.scenario
        row = scenario.row(code)
        typed = np.zeros(len(scenario.years), dtype=bool)
        for measure in Measure:
            if measure is not Measure.EXCHANGE_RATE:  # moves no plotted path
                typed |= ~np.isnan(scenario.year_inputs(measure)[row])
        return np.asarray(scenario.years)[typed]

    def _on_projected(self, rows: list[int]) -> None:
        if self._horizon_line.value() != self.document.scenario.horizon:
            self._horizon_line.setValue(self.document.scenario.horizon)
            self._refresh_all()
            return
        codes = self.document.scenario.dataset.registry.iso3_codes
        for row in rows:
            if codes[row] in self._curves:
                # An edit never changes NATO's history: repaint only the projection.
                self._update_curves(codes[row], projection_only=True)

    def _refresh_all(self) -> None:
        self._horizon_line.setValue(self.document.scenario.horizon)
        for code in self._curves:
            self._update_curves(code)
        self._fit_view()

    # -- hover read-out --------------------------------------------------------
    def _on_mouse_moved(self, position) -> None:
        if not self._curves or not self.plot_item.sceneBoundingRect().contains(position):
            return
        point = self.plot_item.vb.mapSceneToView(position)
        self.readout.setText(self.readout_at(point.x(), point.y()))
        self.hover_text_changed.emit(self.readout.text())

    def readout_at(self, x: float, y: float) -> str:
        """Text for the point of the visible curves nearest to (year x, value y)."""
        year = round(x)
        best: tuple[float, str, int, float] | None = None
        for code, _curves in self._curves.items():
            years, history, _est, projected_years, projected = self.series(code)
            total_years, total = self.total_series(code)
            candidates = (
                (
                    False,
                    np.concatenate([years, projected_years[1:]]),
                    np.concatenate([history, projected[1:]]),
                ),
                (True, total_years, total),
            )
            for is_total, all_years, all_values in candidates:
                hit = np.nonzero(all_years == year)[0]
                if not len(hit) or np.isnan(all_values[hit[0]]):
                    continue
                distance = abs(all_values[hit[0]] - y)
                if best is None or distance < best[0]:
                    best = (distance, code, year, float(all_values[hit[0]]), is_total)
        if best is None:
            return ""
        _distance, code, year, value, is_total = best
        name = self.document.scenario.dataset.registry.get(code).name(self.language)
        from natoplanner.ui.common.formatting import number, percent

        if self.mode in SHARE_MODES:
            text = percent(value)
            if is_total:
                text = self.tr("total %1").replace("%1", text)
        else:
            currency = (
                "USD"
                if self.mode == PlotMode.AMOUNT_USD
                else self.document.scenario.dataset.registry.get(code).currency
            )
            text = self.tr("%1 mn %2").replace("%1", number(value, 0)).replace("%2", currency)
        if year in self.override_years(code):
            kind = self.tr("projection, with your input for that year")
        else:
            kind = None
        kind = kind or (
            self.tr("projection")
            if year > self.document.scenario.base_year
            else (self.tr("NATO estimate") if year >= 2025 else self.tr("NATO"))
        )
        return f"{name} {year}: {text} ({kind})"
