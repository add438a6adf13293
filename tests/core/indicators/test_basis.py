"""What a share is measured against: Luxembourg's GNI, the Netherlands' two bases."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from natoplanner.core.indicators.basis import deflator_label, share_bases
from natoplanner.core.scenario import Measure, Scenario

DATA = Path(__file__).resolve().parents[3] / "data"


def test_luxembourg_gni_and_netherlands_both_shares() -> None:
    nato = pd.read_csv(DATA / "nato_defence_expenditure.csv")
    nld = nato[(nato["iso3"] == "NLD") & (nato["year"] == 2026)].iloc[0]
    # Cash ÷ GDP by hand: NATO Table 2 USD over Table 5 USD GDP.
    cash = nld["defence_exp_usd_million_current"] / nld["gdp_usd_billion_current"] / 10
    bases = {b.iso3: b for b in share_bases(Scenario())}
    assert bases["NLD"].headline_share_pct == 2.58
    assert round(bases["NLD"].cash_share_pct, 2) == round(cash, 2) == 2.29
    assert "2.58%" in bases["NLD"].describe() and "2.29%" in bases["NLD"].describe()
    assert bases["LUX"].denominator == "GNI" and "GNI" in bases["LUX"].describe()
    flagged = {b.iso3 for b in bases.values() if b.describe()}
    assert flagged == {"LUX", "NLD"}


def test_deflator_label_names_the_vintage_and_typed_years() -> None:
    scenario = Scenario()
    assert deflator_label(scenario) == "IMF WEO April 2026 CPI (stand-in for the GDP deflator)"
    scenario.set_gdp_vintage("IMF WEO October 2025")
    scenario.set_year_input(Measure.DEFLATOR, "DEU", 2030, 2.0)
    label = deflator_label(scenario)
    assert label.startswith("IMF WEO October 2025 CPI") and "typed deflator for 1 ally" in label
    assert np.isfinite(scenario.effective_deflator_pct()).all()
