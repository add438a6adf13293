"""View > Escape-clause band: the room inside the EU escape clause, on the path plot.

For the ally being edited (the year editor's ally), when the plot shows core
shares and the clause covers that ally, a pale band runs from its baseline
share to baseline + cap over the clause's years: the part of the curve
inside the band is inside the clause, the part above it outside; after the
last year there is no band (the whole increase is outside). Off by default;
the band's figures come from :func:`natoplanner.core.fiscal.room.fiscal_room`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from natoplanner.core.fiscal.room import ClauseStatus, fiscal_room
from natoplanner.ui.common.actions import make_action
from natoplanner.ui.window.path_plot import PlotMode

BAND_COLOUR = QColor(62, 154, 91, 60)  # the table's "met" green, translucent


class EscapeClauseBand:
    """The band's items on one window's path plot, kept and updated with ``setData``."""

    def __init__(self, window) -> None:
        self.window = window
        self.lower = pg.PlotCurveItem()
        self.upper = pg.PlotCurveItem()
        self.fill = pg.FillBetweenItem(self.lower, self.upper, brush=BAND_COLOUR)
        self.fill.setZValue(-10)  # behind the curves
        self.label = pg.TextItem(color=QColor(40, 110, 60), anchor=(0, 1))
        self.shown = False
        self.iso3: str | None = None

    @property
    def plot_item(self):
        return self.window.plot.plot_item

    def set_shown(self, shown: bool) -> None:
        if shown == self.shown:
            return
        self.shown = shown
        for item in (self.lower, self.upper, self.fill, self.label):
            (self.plot_item.addItem if shown else self.plot_item.removeItem)(item)
        self.update()

    def update(self, *_args) -> None:
        """Redraw for the current ally, rules and plot mode (empty when it does not apply)."""
        if not self.shown:
            return
        window = self.window
        iso3 = window.year_model.iso3
        self.iso3 = None
        x = y_low = y_high = np.empty(0)
        if iso3 is not None and window.plot.mode in (PlotMode.CORE_SHARE, PlotMode.CORE_AND_TOTAL):
            room = fiscal_room(window.document.projection)
            row = room.iso3.index(iso3)
            rules = room.rules
            years = np.arange(rules.first_year, rules.last_year + 1)
            years = years[years <= room.years[-1]]
            active = [room.status[row, room.column(y)] is ClauseStatus.ACTIVE for y in years]
            if years.size and all(active):
                self.iso3 = iso3
                x = np.concatenate([[years[0] - 0.5], years, [years[-1] + 0.5]])
                y_low = np.full(x.shape, room.baseline_share_pct[row])
                y_high = y_low + rules.cap_pct
        self.lower.setData(x, y_low)
        self.upper.setData(x, y_high)
        if self.iso3 is None:
            self.label.setText("")
            return
        name = window.document.scenario.dataset.registry.get(self.iso3).name(window.language)
        self.label.setText(window.tr("inside the EU escape clause: %1").replace("%1", name))
        self.label.setPos(float(x[0]), float(y_high[0]))


def install(window) -> None:
    """View > Escape-clause band (checkable)."""
    band = window.escape_clause_band = EscapeClauseBand(window)
    action = window.escape_clause_band_action = make_action(
        window,
        window.tr("&Escape-clause band on the plot"),
        lambda: band.set_shown(action.isChecked()),
        None,
        window.tr(
            "Shade the room inside the EU escape clause (baseline share + cap, clause years) "
            "for the ally being edited"
        ),
        window.view_menu,
    )
    action.setCheckable(True)
    window.document.projected.connect(band.update)
    window.document.reset.connect(band.update)
    window.year_model.modelReset.connect(band.update)
    window.plot.mode_combo.currentIndexChanged.connect(band.update)
