"""The default deflator's source: the GDP forecast vintage, or NATO's implied GDP deflator.

Expected values are computed here from ``nato_defence_expenditure.csv`` and
``gdp_forecast.csv`` with pandas, not taken from the code under test.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.indicators.basis import deflator_label
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import DeflatorSource, Measure, Scenario

DATA = Path(__file__).resolve().parents[3] / "data"


def nato_implied_deflator_pct(iso3: str) -> pd.Series:
    """NATO's implied GDP deflator by year: nominal GDP growth over real growth (%)."""
    nato = pd.read_csv(DATA / "nato_defence_expenditure.csv")
    ally = nato[nato["iso3"] == iso3].set_index("year").sort_index()
    nominal = ally["gdp_national_billion_derived"]
    real = ally["real_gdp_growth_pct_derived"]
    return ((nominal / nominal.shift(1)) / (1 + real / 100) - 1) * 100


def geometric_mean_pct(values: pd.Series) -> float:
    values = values.dropna()
    return (math.prod(1 + v / 100 for v in values) ** (1 / len(values)) - 1) * 100


@pytest.fixture(scope="module")
def nato_scenario() -> Scenario:
    scenario = Scenario()
    scenario.set_deflator_source(DeflatorSource.NATO_HISTORY)
    return scenario


def test_after_the_edition_every_year_takes_natos_ten_year_average(nato_scenario):
    deu = nato_implied_deflator_pct("DEU")
    average = geometric_mean_pct(deu.loc[2017:2026])
    row = nato_scenario.row("DEU")
    assert nato_scenario.effective_deflator_pct()[row, :] == pytest.approx(average, abs=1e-9)
    assert 3.0 < average < 3.3  # German prices 2017-2026: about 3.15% a year
    # Luxembourg's 2023 GNI break has no figure: the average is of its other nine years.
    lux = nato_implied_deflator_pct("LUX").loc[2017:2026]
    assert lux.isna().sum() == 1
    lux_row = nato_scenario.row("LUX")
    assert nato_scenario.effective_deflator_pct()[lux_row, 0] == pytest.approx(
        geometric_mean_pct(lux), abs=1e-9
    )


def test_years_nato_covers_take_natos_own_figure_with_an_earlier_base_year():
    scenario = Scenario(base_year=2024, deflator_source=DeflatorSource.NATO_HISTORY)
    pol = nato_implied_deflator_pct("POL")
    row = scenario.row("POL")
    assert scenario.effective_deflator_pct()[row, 0] == pytest.approx(pol[2025], abs=1e-9)
    assert scenario.effective_deflator_pct()[row, 1] == pytest.approx(pol[2026], abs=1e-9)
    later = geometric_mean_pct(pol.loc[2017:2026])
    assert scenario.effective_deflator_pct()[row, 2] == pytest.approx(later, abs=1e-9)


def test_iceland_without_a_nato_row_keeps_the_vintages_cpi(nato_scenario):
    weo = pd.read_csv(DATA / "gdp_forecast.csv")
    isl = weo[(weo["iso3"] == "ISL") & (weo["vintage"] == "IMF WEO April 2026")]
    cpi_2027 = isl.set_index("year").loc[2027, "cpi_inflation_pct"]
    row = nato_scenario.row("ISL")
    assert nato_scenario.effective_deflator_pct()[row, 0] == pytest.approx(cpi_2027)


def test_nominal_gdp_grows_by_real_growth_and_natos_deflator(nato_scenario):
    nato = pd.read_csv(DATA / "nato_defence_expenditure.csv")
    gdp_2026 = nato[(nato["iso3"] == "DEU") & (nato["year"] == 2026)][
        "gdp_national_billion_derived"
    ].iloc[0]
    weo = pd.read_csv(DATA / "gdp_forecast.csv")
    growth_2027 = weo[
        (weo["iso3"] == "DEU") & (weo["vintage"] == "IMF WEO April 2026") & (weo["year"] == 2027)
    ]["real_gdp_growth_pct"].iloc[0]
    deflator = geometric_mean_pct(nato_implied_deflator_pct("DEU").loc[2017:2026])
    expected = gdp_2026 * (1 + growth_2027 / 100) * (1 + deflator / 100)
    paths = Projection(nato_scenario).paths
    assert paths.gdp_bn[nato_scenario.row("DEU"), 1] == pytest.approx(expected, rel=1e-9)


def test_typed_deflator_years_stay_and_undo_state_keeps_the_source():
    scenario = Scenario()
    scenario.set_year_input(Measure.DEFLATOR, "TUR", 2030, 12.0)
    before = scenario.state()
    scenario.set_deflator_source("nato_history")
    row, col = scenario.row("TUR"), scenario.column(2030)
    assert scenario.effective_deflator_pct()[row, col] == 12.0
    # Türkiye's other years take NATO's 2017-2026 average, about 35% a year.
    assert scenario.effective_deflator_pct()[row, col + 1] == pytest.approx(
        geometric_mean_pct(nato_implied_deflator_pct("TUR").loc[2017:2026])
    )
    after = scenario.state()
    scenario.restore(before)
    assert scenario.deflator_source is DeflatorSource.WEO
    weo_default = scenario.default_deflator_pct().copy()
    scenario.restore(after)
    assert scenario.deflator_source is DeflatorSource.NATO_HISTORY
    assert not np.allclose(scenario.default_deflator_pct(), weo_default)
    assert scenario.copy().deflator_source is DeflatorSource.NATO_HISTORY
    assert not scenario.inputs_equal(Scenario())


def test_an_unknown_source_is_refused_naming_the_choices():
    with pytest.raises(ScenarioInputError) as caught:
        Scenario().set_deflator_source("gdp deflator")
    assert caught.value.field == "deflator" and "weo, nato_history" in caught.value.message


def test_the_label_names_natos_deflator_and_its_years(nato_scenario):
    assert deflator_label(nato_scenario) == (
        "NATO implied GDP deflator (each year's to 2026, then the 2017-2026 average; "
        "IMF WEO April 2026 where NATO has none)"
    )
