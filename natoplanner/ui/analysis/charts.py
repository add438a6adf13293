"""Shared pieces of the analysis charts: palette-aware plot widgets and the target lines.

The compare view, the alliance view and the briefing report draw the same
2%, 3.5% and 5% lines and use the same scenario colours and line styles, so a
chart reads the same in every window and on paper.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from natoplanner.core.scenario import CORE_TARGET_PCT, GUIDELINE_PCT, TOTAL_TARGET_PCT
from natoplanner.ui.window.path_plot import CURVE_COLOURS

#: One line style per compared scenario (with one colour each), so scenarios
#: stay apart in grey-scale print and for colour-blind readers.
SCENARIO_STYLES = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotDotLine,
)


def scenario_pen(position: int, width: float = 2.0):
    """Pen of the ``position``-th compared scenario (colour and dash pattern both differ)."""
    colour = CURVE_COLOURS[position % len(CURVE_COLOURS)]
    style = SCENARIO_STYLES[position % len(SCENARIO_STYLES)]
    return pg.mkPen(colour, width=width, style=style)


def foreground() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorRole.WindowText)


def make_plot_widget(parent: QWidget | None, accessible_name: str) -> pg.PlotWidget:
    """A plot on the palette's base colour with readable axes and no context menu."""
    palette = QGuiApplication.palette()
    widget = pg.PlotWidget(parent, background=palette.color(QPalette.ColorRole.Base))
    widget.setAccessibleName(accessible_name)
    item = widget.getPlotItem()
    item.setMenuEnabled(False)
    item.hideButtons()
    colour = foreground()
    for axis in ("left", "bottom"):
        item.getAxis(axis).setTextPen(colour)
        item.getAxis(axis).setPen(colour)
    return widget


def add_target_lines(plot_item: pg.PlotItem, vertical: bool = False) -> list[pg.InfiniteLine]:
    """The 2% guideline and the Hague 3.5% core and 5% total lines.

    ``vertical`` for charts whose value axis is horizontal (ranking bars).
    """
    colour = foreground()
    translate = QCoreApplication.translate
    lines = []
    for value, label, style in (
        (GUIDELINE_PCT, translate("Charts", "2% guideline"), Qt.PenStyle.DotLine),
        (CORE_TARGET_PCT, translate("Charts", "3.5% core"), Qt.PenStyle.DashLine),
        (TOTAL_TARGET_PCT, translate("Charts", "5% total"), Qt.PenStyle.DashDotLine),
    ):
        # Vertical lines (ranking, y inverted): label at the top, right of the line.
        position = 0.01 if vertical else 0.985
        anchors = [(0, 0), (0, 0)] if vertical else [(1, 1), (1, 1)]
        line = pg.InfiniteLine(
            pos=value,
            angle=90 if vertical else 0,
            movable=False,
            pen=pg.mkPen(colour, width=1, style=style),
            label=label,
            labelOpts={"position": position, "color": colour, "anchors": anchors},
        )
        plot_item.addItem(line, ignoreBounds=False)
        lines.append(line)
    return lines
