"""Analysis > Uncertainty (Monte Carlo)…: fan chart and the chance of meeting the targets.

The draws run in :func:`natoplanner.core.uncertainty.run_monte_carlo` on a
copy of the scenario, off the GUI thread (:mod:`natoplanner.ui.shell.background`),
with progress and cancel. The result shows as

- a fan chart on the window's path plot: for each selected ally, the
  p10–p90 band (light) and the p25–p75 band (darker) of the core share (or
  the total share when the plot shows it), in the colour of the ally's
  curve. Bands are removed when the user clears them, when the selected
  allies change, or when the scenario changes (they would be stale);
- a table per ally: the probability (%) of meeting its core target (3.5%
  unless set otherwise) and total target (5%) at the horizon.

The model (joint, persistent, correlated draws; NATO's base-year revisions;
money bands for share-defined plans) is described to the user in the dialog
(its ``model_text`` note) and in :mod:`natoplanner.core.uncertainty`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from natoplanner.core.scenario import Scenario
from natoplanner.core.spreads.forecast_errors import documented_errors
from natoplanner.core.spreads.shocks import REVISION_VINTAGES, shock_library
from natoplanner.core.uncertainty import (
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    MAX_DRAWS,
    MonteCarloResult,
    MonteCarloSettings,
    run_monte_carlo,
)
from natoplanner.ui.common.actions import make_action, show_window_part
from natoplanner.ui.common.formatting import number, percent
from natoplanner.ui.common.labels import data_label
from natoplanner.ui.common.models import ReadOnlyTableModel
from natoplanner.ui.common.screen import grow_to_show_rows
from natoplanner.ui.shell.background import BackgroundTask, run_in_background
from natoplanner.ui.window.path_plot import SHARE_MODES, PathPlot, PlotMode

RawValueRole = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()  # the invalid index: the parent of every row of a table model
#: Band opacity (0-255): the outer p10–p90 band lighter than the inner p25–p75 band.
OUTER_ALPHA, INNER_ALPHA, EDGE_ALPHA = 90, 160, 200
#: Progress reports per run (the chunk size never changes the numbers).
PROGRESS_STEPS = 20


def monte_carlo_job(scenario: Scenario, settings: MonteCarloSettings):
    """A :mod:`~natoplanner.ui.shell.background` job running the draws on ``scenario`` (a copy)."""

    def job(progress, cancelled) -> MonteCarloResult:
        def report(done: int, total: int) -> None:
            progress(
                100 * done // total,
                _tr("%1 of %2 draws")
                .replace("%1", number(done, 0))
                .replace("%2", number(total, 0)),
            )

        return run_monte_carlo(scenario, settings, progress=report, is_cancelled=cancelled)

    return job


def _tr(text: str) -> str:
    return QCoreApplication.translate("Uncertainty", text)


# -- fan chart ----------------------------------------------------------------
@dataclass
class _Band:
    curves: list[pg.PlotCurveItem]
    fills: list[pg.FillBetweenItem]


class FanChart:
    """p10–p90 and p25–p75 bands on a :class:`PathPlot`, one pair per ally."""

    def __init__(self, plot: PathPlot) -> None:
        self.plot = plot
        self._bands: dict[str, _Band] = {}

    @property
    def codes(self) -> list[str]:
        """Allies whose bands are on the plot."""
        return list(self._bands)

    @property
    def fill_items(self) -> list[pg.FillBetweenItem]:
        return [fill for band in self._bands.values() for fill in band.fills]

    def show(self, result: MonteCarloResult, codes: list[str]) -> None:
        """Draw bands for ``codes`` (allies with a curve on the plot) in the plotted share."""
        self.clear()
        if self.plot.mode not in SHARE_MODES:
            return
        values = (
            result.total_share_pct
            if self.plot.mode == PlotMode.TOTAL_SHARE
            else result.core_share_pct
        )
        low_q, mid_low_q, mid_high_q, high_q = (
            result.percentiles.index(q) for q in (10, 25, 75, 90)
        )
        for code in codes:
            curves = self.plot._curves.get(code)
            if curves is None:
                continue
            shares = values[result.iso3.index(code)]
            if np.isnan(shares).all():
                continue
            colour = QColor(curves.colour)
            band = _Band([], [])
            # The 10th and 90th percentiles are also drawn as thin lines: a band of
            # 0.3 pp is a few pixels high at the default zoom (0-8% of GDP).
            edge_colour = QColor(colour)
            edge_colour.setAlpha(EDGE_ALPHA)
            for lower, upper, alpha, pen in (
                (low_q, high_q, OUTER_ALPHA, pg.mkPen(edge_colour, width=1)),
                (mid_low_q, mid_high_q, INNER_ALPHA, None),
            ):
                edges = [pg.PlotCurveItem(result.years, shares[q], pen=pen) for q in (lower, upper)]
                fill_colour = QColor(colour)
                fill_colour.setAlpha(alpha)
                fill = pg.FillBetweenItem(edges[0], edges[1], brush=pg.mkBrush(fill_colour))
                fill.setZValue(-5)  # behind the curves and reference lines
                self.plot.plot_item.addItem(fill)
                if pen is not None:
                    for edge in edges:
                        edge.setZValue(-4)
                        self.plot.plot_item.addItem(edge)
                band.curves.extend(edges)
                band.fills.append(fill)
            self._bands[code] = band

    def clear(self) -> None:
        for band in self._bands.values():
            for item in (*band.fills, *band.curves):
                if item.scene() is not None:
                    self.plot.plot_item.removeItem(item)
        self._bands.clear()


# -- probability table ------------------------------------------------------------
class ProbabilityModel(ReadOnlyTableModel):
    """Per ally: median core share at the horizon and the chance of meeting each target."""

    COLUMNS = 6

    def __init__(self, registry, language: str = "en", parent=None) -> None:
        super().__init__(parent)
        self.registry, self.language = registry, language
        self.result: MonteCarloResult | None = None
        self._rows: list[int] = []

    def set_result(self, result: MonteCarloResult | None) -> None:
        self.beginResetModel()
        self.result = result
        self._rows = (
            []
            if result is None
            else [i for i in range(len(result.iso3)) if not np.isnan(result.prob_core[i])]
        )
        self.endResetModel()

    def iso3_at(self, row: int) -> str:
        assert self.result is not None
        return self.result.iso3[self._rows[row]]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        year = str(int(self.result.years[-1])) if self.result is not None else ""
        headers = (
            (self.tr("Ally"), self.tr("Ally")),
            (
                self.tr("Core %1\np10–p90 (% GDP)").replace("%1", year),
                self.tr(
                    "Core share at the horizon: 10th and 90th percentile of the draws, % of GDP"
                ),
            ),
            (self.tr("Core target\n(% GDP)"), self.tr("The ally's core target, % of GDP")),
            (
                self.tr("P(core ≥ target)\n(%)"),
                self.tr("Share of draws meeting the core target at the horizon, %"),
            ),
            (
                self.tr("Total target\n(% GDP)"),
                self.tr("The ally's total target (core + related), % of GDP"),
            ),
            (
                self.tr("P(total ≥ target)\n(%)"),
                self.tr("Share of draws meeting the total target at the horizon, %"),
            ),
        )
        if role == Qt.ItemDataRole.DisplayRole:
            return headers[section][0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return headers[section][1]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid() or self.result is None:
            return None
        r, column, i = self.result, index.column(), self._rows[index.row()]
        raw = (
            r.iso3[i],
            float(r.core_share_pct[i, 2, -1]),
            float(r.core_targets_pct[i]),
            float(r.prob_core[i] * 100),
            float(r.total_targets_pct[i]),
            float(r.prob_total[i] * 100),
        )[column]
        if role in (RawValueRole, Qt.ItemDataRole.UserRole):
            return raw if column else self.registry.get(raw).name(self.language)
        if role == Qt.ItemDataRole.DisplayRole:
            match column:
                case 0:
                    return self.registry.get(raw).name(self.language)
                case 1:
                    low, high = r.core_share_pct[i, 0, -1], r.core_share_pct[i, 4, -1]
                    return f"{percent(low)} – {percent(high)}"
                case 3 | 5:
                    return percent(raw, 1)
                case _:
                    return percent(raw)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return self.tr("Median %1").replace("%1", percent(raw))
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# -- the dialog -------------------------------------------------------------------------
class UncertaintyDialog(QDialog):
    """Monte Carlo settings, run/cancel, fan chart and probability table for one window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.document = window.document
        self.fan = FanChart(window.plot)
        self.result: MonteCarloResult | None = None
        self.task: BackgroundTask | None = None
        self._stale = False
        self._fan_wanted = False  # the user wants bands; kept across plot-mode switches
        # Edits since the dialog opened; a run is stale if it changed meanwhile
        # (the progress dialog is not modal: the user may keep editing).
        self._revision = self._run_revision = 0
        self.setWindowTitle(self.tr("Uncertainty (Monte Carlo)"))
        self.setModal(False)

        older, newer = (data_label(v) for v in REVISION_VINTAGES)
        floor = documented_errors().year_ahead_floor_pp
        self.documented_radio = QRadioButton(
            self.tr("documented forecast errors (IMF evaluation, European Commission)"), self
        )
        self.documented_radio.setToolTip(
            self.tr(
                "The IMF's revision vectors (correlated, persistent) scaled, year by year, to "
                "what published evaluations show growth forecasts miss by that many years "
                "ahead: at least %1 pp a year (√(π/2) × the European Commission's year-ahead "
                "mean absolute error, 0.86 pp, 1969–2005) and the IMF's own average miss at "
                "that horizon (IMF Independent Evaluation Office 2014, Table A2.1: up to 1.62 pp "
                "for Italy). A lower bound: see data/SOURCES.md §8."
            ).replace("%1", number(floor, 2))
        )
        self.documented_radio.setChecked(True)
        self.revision_radio = QRadioButton(
            self.tr("the IMF's own revisions, every WEO pair (the latest: %1 → %2)")
            .replace("%1", older)
            .replace("%2", newer),
            self,
        )
        self.revision_radio.setToolTip(
            self.tr(
                "Whole vectors of the 32 allies' revisions, bootstrapped: a bad year for one "
                "ally is a bad year for most, as in the data. A six-month revision understates "
                "the full forecast error: narrower than the documented errors for most allies."
            )
        )
        self.constant_radio = QRadioButton(self.tr("constant"), self)
        self.spread_spin = QDoubleSpinBox(self)
        self.spread_spin.setRange(0.0, 10.0)
        self.spread_spin.setDecimals(2)
        self.spread_spin.setSingleStep(0.1)
        self.spread_spin.setValue(1.0)
        self.spread_spin.setSuffix(self.tr(" pp"))
        self.spread_spin.setAccessibleName(self.tr("Constant spread, percentage points"))
        self.spread_spin.setToolTip(
            self.tr(
                "Root mean square of each ally's yearly shock to real GDP growth (and to the "
                "deflator, if drawn); the shocks stay correlated across allies and persistent"
            )
        )
        self.spread_spin.setEnabled(False)
        self.constant_radio.toggled.connect(self.spread_spin.setEnabled)
        constant = QHBoxLayout()
        constant.addWidget(self.constant_radio)
        constant.addWidget(self.spread_spin)
        constant.addStretch(1)
        self.draws_spin = QSpinBox(self)
        self.draws_spin.setRange(100, MAX_DRAWS)
        self.draws_spin.setSingleStep(1000)
        self.draws_spin.setValue(DEFAULT_DRAWS)
        self.draws_spin.setGroupSeparatorShown(True)
        self.draws_spin.setAccessibleName(self.tr("Number of draws"))
        self.seed_spin = QSpinBox(self)
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setValue(DEFAULT_SEED)
        self.seed_spin.setAccessibleName(self.tr("Random seed"))
        self.seed_spin.setToolTip(
            self.tr("The same seed and number of draws give the same results")
        )
        self.deflator_check = QCheckBox(self.tr("also draw the deflator (CPI)"), self)
        self.deflator_check.setToolTip(
            self.tr(
                "The IMF's CPI revisions of the same vintage pair and year as the growth "
                "shock (drawn together), or the constant above"
            )
        )
        self.model_text = QLabel(
            self.tr(
                "Model: each draw picks, year by year, one of the IMF's revision vectors "
                "(all allies together, random sign), scaled to the spread chosen above, and "
                "carries it on with persistence "
                "ρ = %1 measured in the same data, so the spread grows with the horizon; NATO's "
                "base-year share is revised as its past estimates were (2023e–2025e to the "
                "2026 edition). Money-defined plans get a band on their share; share-defined "
                "plans (constant share, ramp) get it on the money they need. Alliance counts "
                "and shares come from the same joint draws."
            ).replace("%1", number(shock_library(self.document.scenario.dataset).persistence, 2)),
            self,
        )
        self.model_text.setWordWrap(True)

        for spin in (self.draws_spin, self.seed_spin):
            spin.setMaximumWidth(160)
        form = QFormLayout()
        form.addRow(self.tr("Spread of real GDP growth:"), self.documented_radio)
        form.addRow("", self.revision_radio)
        form.addRow("", constant)
        form.addRow(self.tr("Draws:"), self.draws_spin)
        form.addRow(self.tr("Seed:"), self.seed_spin)
        form.addRow("", self.deflator_check)
        form.addRow(self.model_text)

        self.model = ProbabilityModel(
            self.document.scenario.dataset.registry, window.language, self
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(RawValueRole)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setAccessibleName(self.tr("Probability of meeting the targets"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        self.run_button = QPushButton(self.tr("&Run"), self)
        self.run_button.setDefault(True)
        self.draw_button = QPushButton(self.tr("&Draw fan chart"), self)
        self.draw_button.setToolTip(self.tr("Show the bands for the allies selected in the table"))
        self.clear_button = QPushButton(self.tr("C&lear fan chart"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in (self.run_button, self.draw_button, self.clear_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        self.table_title = QLabel(self)
        layout.addLayout(form)
        layout.addWidget(self.table_title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self.run_button.clicked.connect(self.run)
        self.draw_button.clicked.connect(self.draw_fan)
        self.clear_button.clicked.connect(self.clear_fan)
        window.allies_panel.view.selectionModel().selectionChanged.connect(
            lambda *_a: self.clear_fan()
        )
        window.plot.mode_combo.currentIndexChanged.connect(lambda _i: self._redraw_if_shown())
        self.document.projected.connect(self._on_scenario_changed)
        self.document.reset.connect(self._on_scenario_changed)
        self._update_controls()
        self.resize(880, 640)

    # -- settings ------------------------------------------------------------------
    def settings(self) -> MonteCarloSettings:
        """The draws the user asked for (σ None = the default from IMF revisions)."""
        spread = self.spread_spin.value() if self.constant_radio.isChecked() else None
        n_draws = self.draws_spin.value()
        return MonteCarloSettings(
            n_draws=n_draws,
            seed=self.seed_spin.value(),
            growth_spread_pp=spread,
            scale="documented" if self.documented_radio.isChecked() else "revisions",
            draw_deflator=self.deflator_check.isChecked(),
            deflator_spread_pp=spread,
            chunk_draws=max(n_draws // PROGRESS_STEPS, 100),
        )

    # -- running -------------------------------------------------------------------
    @property
    def is_running(self) -> bool:
        return self.task is not None and self.task.is_running

    def run(self) -> BackgroundTask | None:
        """Start the draws off the GUI thread (on a copy of the scenario)."""
        if self.is_running:
            return self.task
        settings = self.settings()
        self._run_revision = self._revision
        self.status.setText(self.tr("Running %1 draws…").replace("%1", number(settings.n_draws, 0)))
        self.task = run_in_background(
            self,
            monte_carlo_job(self.document.scenario.copy(), settings),
            on_done=self._on_done,
            on_error=self._on_error,
            on_cancelled=self._on_cancelled,
            title=self.tr("Monte Carlo"),
        )
        self._update_controls()
        return self.task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _on_done(self, result: MonteCarloResult) -> None:
        self.result, self._stale = result, self._revision != self._run_revision
        self.model.set_result(result)
        grow_to_show_rows(self, self.view)  # every ally's row, as far as the screen allows
        self.table_title.setText(
            self.tr(
                "<b>Chance of meeting the targets in %1</b> (share of draws, every ally)"
            ).replace("%1", str(int(result.years[-1])))
        )
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        if self.constant_radio.isChecked():
            spread = self.tr("σ = %1 pp").replace("%1", number(self.spread_spin.value()))
        elif self.documented_radio.isChecked():
            spread = self.tr("joint draws scaled to documented forecast errors")
        else:
            spread = self.tr("joint draws of the IMF's revisions")
        self.status.setText(
            self.tr(
                "%1 draws, seed %2, %3%4. Bands: p10–p90 (light) and p25–p75 (dark) "
                "around each selected ally's path."
            )
            .replace("%1", number(result.n_draws, 0))
            .replace("%2", str(result.seed))
            .replace("%3", spread)
            .replace(
                "%4", self.tr(", deflator drawn") if result.deflator_spread_pp is not None else ""
            )
        )
        if self._stale:
            self.status.setText(
                self.tr(
                    "The scenario changed during the run: these results are for the scenario "
                    "as it was when you pressed Run. Run again for current results."
                )
            )
        self.draw_fan()
        self._update_controls()

    def _on_error(self, message: str) -> None:
        self.status.setText(self.tr("The Monte Carlo run failed: %1").replace("%1", message))
        self.window_.prompts.error(self.tr("Monte Carlo"), message)
        self._update_controls()

    def _on_cancelled(self) -> None:
        self.status.setText(self.tr("Cancelled; no results changed."))
        self._update_controls()

    # -- fan chart -------------------------------------------------------------------
    def draw_fan(self) -> None:
        """Bands for the allies plotted in the window (the selected allies)."""
        if self.result is not None and not self._stale:
            self._fan_wanted = True
            self.fan.show(self.result, self.window_.plot.allies)
        self._update_controls()

    def clear_fan(self) -> None:
        self._fan_wanted = False
        self.fan.clear()
        self._update_controls()

    def _redraw_if_shown(self) -> None:
        # Bands exist for shares only; switching back to a share mode shows them again.
        if self._fan_wanted:
            self.draw_fan()

    def _on_scenario_changed(self, *_args) -> None:
        self._revision += 1
        if self.result is None:
            return
        self._stale = True
        self.clear_fan()
        self.status.setText(
            self.tr("The scenario changed since this run: run again for current results.")
        )
        self._update_controls()

    def _update_controls(self) -> None:
        running = self.is_running
        self.run_button.setEnabled(not running)
        self.draw_button.setEnabled(not running and self.result is not None and not self._stale)
        self.clear_button.setEnabled(bool(self.fan.codes))

    def closeEvent(self, event) -> None:
        self.cancel()
        super().closeEvent(event)


def open_uncertainty(window) -> UncertaintyDialog:
    """Show the window's Monte Carlo dialog (one per window; keeps its last result)."""
    return show_window_part(window, "uncertainty_dialog", UncertaintyDialog)


def install(window: QWidget) -> None:
    """Add Analysis > Uncertainty (Monte Carlo)…."""
    tip = _tr(
        "Draw GDP growth many times: fan chart and the chance of meeting 3.5% core and 5% total"
    )
    window.uncertainty_action = make_action(
        window,
        _tr("&Uncertainty (Monte Carlo)…"),
        lambda: open_uncertainty(window),
        "Ctrl+Shift+U",
        tip,
        window.analysis_menu,
    )


__all__ = ["FanChart", "ProbabilityModel", "UncertaintyDialog", "install", "open_uncertainty"]
