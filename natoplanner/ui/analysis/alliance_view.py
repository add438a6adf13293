"""Alliance view (Analysis > Alliance view): ranking, burden sharing and NATO's revisions.

Three tabs over the window's scenario, updated on every edit:

- **Ranking**: allies by core (or total) share of GDP at a chosen year, as
  horizontal bars with the 2%, 3.5% and 5% lines. Years up to the base year
  show NATO's published shares; later years the projection.
- **Burden sharing**: each ally's share of NATO's total core spending in a
  year, and the United States against Europe and Canada over time, all in
  USD at base-year prices and exchange rates, the NATO way (each ally
  deflated by its own deflator path; history from NATO's own USD figures;
  members of each year), so the series move with real budgets, not with
  inflation or the dollar.
- **Revisions**: for one ally, NATO's published share for each year in each
  edition (``core/revisions.py``), so a planner sees how much estimates move.

The figures come from small functions at the top of this module
(:func:`ranking`, :func:`burden_shares`, :func:`us_europe_split`); the
widgets (``alliance_charts.py``, ``alliance_revisions.py``) only draw them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QSize,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
)

from natoplanner.core.dataset import FIRST_HISTORY_YEAR
from natoplanner.core.indicators.aggregates import (
    core_usd_bn_by_year,
    current_core_usd_bn_by_year,
    membership,
)
from natoplanner.core.projection import Projection
from natoplanner.ui.analysis.alliance_charts import (
    EUROPE_COLOUR,
    US_COLOUR,
    HorizontalBars,
    RankingChart,
    SplitChart,
)
from natoplanner.ui.analysis.alliance_revisions import (
    RevisionsPanel,
)
from natoplanner.ui.common.actions import install_window_part
from natoplanner.ui.common.following_window import FollowingWindow
from natoplanner.ui.common.formatting import percent
from natoplanner.ui.common.labels import deflator_text, exchange_rate_text


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


def core_usd_matrix(projection: Projection, current: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Years 2014..horizon and allies × years core spending, million USD at base-year
    prices and exchange rates (or, with ``current``, current USD at the exchange-rate
    path); NaN before an ally joined (members of each year)."""
    by_year = current_core_usd_bn_by_year if current else core_usd_bn_by_year
    years, usd_bn = by_year(projection)
    members = membership(projection.scenario.dataset.registry.iso3_codes, years)
    return years, np.where(members, usd_bn * 1000, np.nan)


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


def burden_shares(
    projection: Projection, year: int, language: str = "en", current: bool = False
) -> pd.DataFrame:
    """Each ally's share of NATO's total core spending in ``year``, largest first.

    Returns
    -------
    DataFrame
        ``iso3``, ``name``, ``core_usd_mn`` (million USD at base-year prices and
        exchange rates, or current USD with ``current``), ``share_of_nato_pct`` (% of
        the NATO total; sums to 100).
    """
    years, usd = core_usd_matrix(projection, current)
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


def us_europe_split(projection: Projection, current: bool = False) -> pd.DataFrame:
    """United States against Europe and Canada, 2014..horizon (USD at base-year prices
    and exchange rates, or current USD with ``current``).

    Returns
    -------
    DataFrame
        ``year``, ``usa_core_usd_mn``, ``europe_canada_core_usd_mn`` (million
        USD), ``usa_share_pct`` (% of the NATO total), ``projected``.
    """
    years, usd = core_usd_matrix(projection, current)
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


# -- the window ------------------------------------------------------------------------
class AllianceView(FollowingWindow):
    """Ranking, burden sharing and revisions for one main window's scenario."""

    def __init__(self, window) -> None:
        super().__init__(window)
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
        self.money_combo = QComboBox(self)
        self.money_combo.setAccessibleName(self.tr("Money in"))
        self.money_combo.addItem(
            self.tr("USD at %1 prices and exchange rates").replace("%1", str(scenario.base_year)),
            False,
        )
        self.money_combo.addItem(self.tr("current USD (exchange-rate path)"), True)
        self.money_combo.setToolTip(
            self.tr(
                "Burden sharing in US dollars at base-year prices and exchange rates (NATO's "
                "way: the series move with real budgets), or in current dollars at each "
                "ally's exchange-rate path: relative purchasing-power parity unless you typed "
                "rates in the year editor's last row"
            )
        )
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
        money_label = QLabel(self.tr("&Money:"), self)
        money_label.setBuddy(self.money_combo)
        for widget in (
            year_label,
            self.year_spin,
            measure_label,
            self.measure_combo,
            money_label,
            self.money_combo,
        ):
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
        self.money_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        window.document.projected.connect(self.schedule_refresh)
        window.document.reset.connect(self.schedule_refresh)
        self.revisions.set_ally(window.year_model.iso3 or "USA")
        self.refresh()

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
        current = bool(self.money_combo.currentData())
        self.burden = burden_shares(projection, year, self.language, current)
        shares = self.burden["share_of_nato_pct"].to_numpy()
        title = (
            self.tr("Share of NATO core spending in %1, % (current USD)")
            if current
            else self.tr(
                "Share of NATO core spending in %1, % (USD at %2 prices and exchange rates)"
            )
        )
        self.burden_chart.set_bars(
            list(self.burden["name"]),
            shares,
            [US_COLOUR if c == "USA" else EUROPE_COLOUR for c in self.burden["iso3"]],
            [percent(s, 1) for s in shares],
            title.replace("%1", str(year)).replace("%2", str(scenario.base_year)),
        )
        self.split = us_europe_split(projection, current)
        self.split_chart.show_split(self.split, scenario.base_year)
        money = (
            self.tr(
                "Amounts in current USD bn: NATO's figures to %2, then each ally's budget at "
                "its exchange-rate path (%4)."
            )
            if current
            else self.tr(
                "Amounts in USD bn at %2 prices and exchange rates (each ally deflated by its "
                "own deflator path: %3)."
            )
        )
        self.caption.setText(
            self.tr(
                "%1: shares up to %2 are NATO's published figures (2025 and 2026 estimates); "
                "later years are this scenario's projection. %5 Members of each year. Iceland "
                "has no armed forces."
            )
            .replace("%5", money)
            .replace("%1", scenario.name)
            .replace("%2", str(scenario.base_year))
            .replace("%3", deflator_text(scenario))
            .replace("%4", exchange_rate_text(scenario))
        )


def install(window) -> None:
    """Analysis > Alliance view."""
    window.alliance_view_action = install_window_part(
        window,
        "alliance_view",
        AllianceView,
        window.tr("&Alliance view"),
        "Ctrl+Shift+A",
        window.tr("Ranking of allies, burden sharing and NATO's revisions"),
        window.analysis_menu,
    )
