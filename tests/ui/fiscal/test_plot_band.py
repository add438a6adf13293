"""View > Escape-clause band: the shaded room for the edited ally, by hand from NATO's table."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from natoplanner.ui.window.path_plot import PlotMode

DATA = Path(__file__).resolve().parents[3] / "data"


def share(iso3: str, year: int) -> float:
    table = pd.read_csv(DATA / "nato_defence_expenditure.csv")
    return float(
        table[(table["iso3"] == iso3) & (table["year"] == year)]["defence_share_gdp_pct"].iloc[0]
    )


def test_band_for_poland_then_none_for_france_and_in_money(window, qtbot) -> None:
    band = window.escape_clause_band
    assert band.fill not in window.plot.plot_item.items  # off by default
    window.escape_clause_band_action.trigger()
    assert band.fill in window.plot.plot_item.items
    window.allies_panel.select_iso3(["POL"])
    qtbot.waitUntil(lambda: band.iso3 == "POL")
    x, low = band.lower.getData()
    _, high = band.upper.getData()
    assert x.min() == pytest.approx(2024.5) and x.max() == pytest.approx(2028.5)
    assert np.allclose(low, share("POL", 2021)) and np.allclose(high, share("POL", 2021) + 1.5)
    assert "Poland" in band.label.toPlainText()
    window.allies_panel.select_iso3(["FRA"])  # clause not activated: no band
    qtbot.waitUntil(lambda: band.iso3 is None)
    assert band.lower.getData()[0] is None or len(band.lower.getData()[0]) == 0
    window.allies_panel.select_iso3(["DEU"])
    qtbot.waitUntil(lambda: band.iso3 == "DEU")
    window.plot.set_mode(PlotMode.AMOUNT_NATIONAL)
    window.plot.mode_combo.setCurrentIndex(
        window.plot.mode_combo.findData(PlotMode.AMOUNT_NATIONAL)
    )
    qtbot.waitUntil(lambda: band.iso3 is None)  # shares only
    window.escape_clause_band_action.trigger()
    assert band.fill not in window.plot.plot_item.items
