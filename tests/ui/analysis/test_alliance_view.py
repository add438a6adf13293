"""Alliance view: ranking, burden sharing and revisions against NATO's published tables.

Expected values are read from the bundled CSV files directly (NATO 2026
edition; NATO's aggregates table; the vintages file), not from the code
under test.
"""

from __future__ import annotations

import csv
from importlib import resources

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from natoplanner.core.scenario import BudgetPolicy, CorePolicy, Measure
from natoplanner.ui.analysis.alliance_view import AllianceView
from natoplanner.ui.window.commands import SetYearInput, set_core_policy


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("natoplanner.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _open(window) -> AllianceView:
    window.alliance_view_action.trigger()
    view = window.alliance_view
    assert view.isVisible()
    return view


def test_ranking_2026_starts_with_lithuania_and_leaves_out_iceland(window):
    view = _open(window)
    view.year_spin.setValue(2026)
    view.measure_combo.setCurrentIndex(0)  # core share
    chart = view.ranking_chart
    # NATO 2026 edition, Table 3: Lithuania 5.33% (2026e), the highest.
    published = {
        r["name"]: float(r["defence_share_gdp_pct"])
        for r in _rows("nato_defence_expenditure.csv")
        if r["year"] == "2026" and r["defence_share_gdp_pct"]
    }
    assert chart.names[0] == "Lithuania"
    assert chart.values[0] == pytest.approx(5.33)
    assert max(published, key=published.get) == "Lithuania"
    assert "Iceland" not in chart.names
    assert len(chart.names) == 31
    assert sorted(chart.values, reverse=True) == list(chart.values)
    assert dict(zip(chart.names, chart.values, strict=True)) == pytest.approx(published)
    axis = chart.plot_item.getAxis("left")
    assert axis._tickLevels[0][0] == (0, "Lithuania")
    # Every name fits: pyqtgraph hides axis labels wider than the axis.
    widest = QFontMetrics(chart.font()).horizontalAdvance("North Macedonia")
    assert axis.width() >= widest


def test_ranking_follows_an_edit_in_the_projection(window, qtbot):
    view = _open(window)
    view.year_spin.setValue(2035)
    ramp = CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_pct=6.0, target_year=2030)
    window.document.push(set_core_policy(window.document, "DEU", ramp))
    qtbot.waitUntil(lambda: view.ranking_chart.names[0] == "Germany", timeout=2000)
    assert view.ranking_chart.values[0] == pytest.approx(6.0)


def test_burden_shares_sum_to_100_and_match_nato_aggregates(window):
    view = _open(window)
    view.year_spin.setValue(2026)
    burden = view.burden
    assert burden["share_of_nato_pct"].sum() == pytest.approx(100.0, abs=1e-9)
    assert "ISL" not in set(burden["iso3"])
    # In the base year, USD at base-year rates are NATO's current USD: the US share
    # is (NATO total - Europe and Canada) / NATO total from NATO's aggregates table.
    aggregates = {
        r["aggregate"]: float(r["defence_exp_usd_million_current"])
        for r in _rows("nato_aggregates.csv")
        if r["year"] == "2026"
    }
    nato, europe = aggregates["NATO total"], aggregates["NATO Europe and Canada"]
    us_share = 100 * (nato - europe) / nato
    assert burden.iloc[0]["iso3"] == "USA"
    assert burden.iloc[0]["share_of_nato_pct"] == pytest.approx(us_share, abs=0.01)
    split = view.split.set_index("year")
    assert split.at[2026, "usa_share_pct"] == pytest.approx(us_share, abs=0.01)
    assert split.at[2026, "europe_canada_core_usd_mn"] == pytest.approx(europe, rel=1e-4)
    assert list(split.index) == list(range(2014, 2036))
    for year in (2014, 2030, 2035):
        view.year_spin.setValue(year)
        assert view.burden["share_of_nato_pct"].sum() == pytest.approx(100.0, abs=1e-9)
    assert "United States' share of NATO core spending" in view.split_chart.readout.text()


def test_current_usd_money_follows_natos_figures_and_a_typed_rate(window):
    """Current USD: NATO's current-USD aggregates to 2026; a typed Turkish rate moves the
    Europe + Canada amount in that year by Türkiye's budget at the new rate, nothing else."""
    view = _open(window)
    combo = view.money_combo
    combo.setCurrentIndex(combo.findData(True))
    split = view.split.set_index("year")
    europe_2019 = next(
        float(r["defence_exp_usd_million_current"])
        for r in _rows("nato_aggregates.csv")
        if r["year"] == "2019" and r["aggregate"] == "NATO Europe and Canada"
    )
    # NATO's 2019 aggregate counts its members of 2019 (not Finland and Sweden).
    assert split.at[2019, "europe_canada_core_usd_mn"] == pytest.approx(europe_2019, rel=1e-4)
    assert "current USD" in view.caption.text() and "relative PPP" in view.caption.text()
    before = split.at[2033, "europe_canada_core_usd_mn"]
    scenario = window.document.scenario
    budget = window.document.projection.paths.core_budget_mn[scenario.row("TUR"), 2033 - 2026]
    old_rate = window.document.projection.exchange_rates_per_usd()[scenario.row("TUR"), 7]
    window.document.push(SetYearInput(window.document, Measure.EXCHANGE_RATE, "TUR", 2033, 90.0))
    view.refresh()
    after = view.split.set_index("year")
    expected = before + budget / 90.0 - budget / old_rate
    assert after.at[2033, "europe_canada_core_usd_mn"] == pytest.approx(expected, rel=1e-9)
    assert after.at[2032, "europe_canada_core_usd_mn"] == pytest.approx(
        split.at[2032, "europe_canada_core_usd_mn"], rel=1e-12
    )
    assert "typed for 1 ally" in view.caption.text()
    window.undo_action.trigger()
    combo.setCurrentIndex(combo.findData(False))
    assert "prices and exchange rates" in view.caption.text()


def test_revisions_for_the_united_states_2024(window, qtmodeltester):
    view = _open(window)
    view.tabs.setCurrentWidget(view.revisions)
    view.revisions.set_ally("USA")
    model = view.revisions.model
    qtmodeltester.check(model)
    expected = {
        r["vintage"]: float(r["defence_share_gdp_pct"])
        for r in _rows("nato_share_gdp_vintages.csv")
        if r["iso3"] == "USA" and r["year"] == "2024"
    }
    assert expected == {"ed2024": 3.38, "ed2025": 3.21, "ed2026": 3.30, "sgar2025": 3.3}
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "2024")
    shown = {}
    for column in range(1, model.columnCount() - 1):
        vintage = model.vintages()[column - 1]
        value = model.raw_value(row, column)
        if value == value:  # not NaN
            shown[vintage] = value
    assert shown == pytest.approx(expected)
    # What the user reads: the 2024 edition's estimate, marked "e", with its source.
    ed2024 = model.index(row, model.vintages().index("ed2024") + 1)
    assert ed2024.data() == "3.38% e"
    assert "Graphic News" in ed2024.data(Qt.ItemDataRole.ToolTipRole)
    spread = model.index(row, model.columnCount() - 1)
    assert float(spread.data()) == pytest.approx(3.38 - 3.21)
    assert len(view.revisions._curves) == len(model.vintages())

    view.revisions.editions_only.setChecked(True)
    assert "sgar2025" not in model.vintages()
