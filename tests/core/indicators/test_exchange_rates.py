"""The exchange-rate path of current-USD money: relative PPP from NATO's base-year rate,
typed rates where set. Expected values computed here from the CSVs."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from natoplanner.cli import run_command
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.indicators.aggregates import (
    current_core_usd_bn_by_year,
    exchange_rate_label,
    nominal_core_usd_bn,
)
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Measure, Scenario
from natoplanner.io.workbook.files import read_scenario, save_scenario

DATA = Path(__file__).resolve().parents[3] / "data"


def base_rate(iso3: str) -> float:
    """National currency per USD in 2026 implied by NATO's tables (Table 1 / Table 2)."""
    nato = pd.read_csv(DATA / "nato_defence_expenditure.csv")
    row = nato[(nato["iso3"] == iso3) & (nato["year"] == 2026)].iloc[0]
    return row["defence_exp_national_million"] / row["defence_exp_usd_million_current"]


def cpi(iso3: str, year: int) -> float:
    weo = pd.read_csv(DATA / "gdp_forecast.csv")
    rows = weo[(weo["iso3"] == iso3) & (weo["vintage"] == "IMF WEO April 2026")]
    last = int(rows["year"].max())
    return float(rows.set_index("year").loc[min(year, last), "cpi_inflation_pct"])


def ppp_rate(iso3: str, start: float, first: int, last: int) -> float:
    """``start`` moved by relative PPP (the ally's CPI over the US CPI), years first..last."""
    return start * math.prod(
        (1 + cpi(iso3, y) / 100) / (1 + cpi("USA", y) / 100) for y in range(first, last + 1)
    )


def test_relative_ppp_from_natos_base_year_rate():
    projection = Projection(Scenario())
    rates = projection.exchange_rates_per_usd()
    tur, usa = projection.scenario.row("TUR"), projection.scenario.row("USA")
    assert rates[tur, 0] == pytest.approx(base_rate("TUR"), rel=1e-9)
    assert rates[tur, 9] == pytest.approx(ppp_rate("TUR", base_rate("TUR"), 2027, 2035), rel=1e-9)
    assert rates[usa] == pytest.approx(np.ones(rates.shape[1]), abs=1e-12)
    # Current USD: the 2035 budget at the 2035 rate.
    budget = projection.paths.core_budget_mn[tur, 9]
    usd = nominal_core_usd_bn(projection)[tur, 9]
    assert usd == pytest.approx(budget / ppp_rate("TUR", base_rate("TUR"), 2027, 2035) / 1000)


def test_a_typed_rate_holds_and_the_path_continues_from_it():
    scenario = Scenario()
    scenario.set_year_input(Measure.EXCHANGE_RATE, "DEU", 2030, 0.95)
    rates = Projection(scenario).exchange_rates_per_usd()
    deu = scenario.row("DEU")
    assert rates[deu, 3] == pytest.approx(ppp_rate("DEU", base_rate("DEU"), 2027, 2029))
    assert rates[deu, 4] == 0.95
    assert rates[deu, 9] == pytest.approx(ppp_rate("DEU", 0.95, 2031, 2035), rel=1e-9)
    assert exchange_rate_label(scenario) == "relative PPP from the deflator paths; typed for 1 ally"
    # Shares and national amounts do not move.
    before = Projection(Scenario()).paths
    after = Projection(scenario).paths
    assert np.array_equal(before.core_share_pct, after.core_share_pct, equal_nan=True)


def test_the_us_dollar_cannot_be_given_a_rate_and_a_rate_must_be_positive():
    scenario = Scenario()
    with pytest.raises(ScenarioInputError, match="the US dollar is the unit"):
        scenario.set_year_input(Measure.EXCHANGE_RATE, "USA", 2030, 1.1)
    with pytest.raises(ScenarioInputError, match="national currency per USD"):
        scenario.set_year_input(Measure.EXCHANGE_RATE, "DEU", 2030, 0.0)


def test_history_in_current_usd_is_natos_own_figures():
    nato = pd.read_csv(DATA / "nato_defence_expenditure.csv")
    years, usd = current_core_usd_bn_by_year(Projection(Scenario()))
    fra_2019 = nato[(nato["iso3"] == "FRA") & (nato["year"] == 2019)]
    row = Scenario().row("FRA")
    expected = fra_2019["defence_exp_usd_million_current"].iloc[0] / 1000
    assert usd[row, list(years).index(2019)] == pytest.approx(expected)


def test_cli_set_fx_and_alliance_nominal(tmp_path, capsys):
    path = tmp_path / "fx.xlsx"
    save_scenario(Scenario(), path)
    assert run_command(["alliance", str(path), "--csv", "--nominal"]) == 0
    before = pd.read_csv(pd.io.common.StringIO(capsys.readouterr().out))
    assert run_command(["set", str(path), "TUR", "fx.2035=100"]) == 0
    capsys.readouterr()
    assert read_scenario(path).scenario.year_input(Measure.EXCHANGE_RATE, "TUR", 2035) == 100
    assert run_command(["alliance", str(path), "--csv", "--nominal"]) == 0
    after = pd.read_csv(pd.io.common.StringIO(capsys.readouterr().out))
    # Türkiye's 2035 current-USD amount changes by budget/100 - budget/ppp, nothing else.
    budget = Projection(Scenario()).paths.core_budget_mn[Scenario().row("TUR"), 9]
    ppp = ppp_rate("TUR", base_rate("TUR"), 2027, 2035)
    expected_change = (budget / 100 - budget / ppp) / 1000
    pick = (after["aggregate"] == "Europe and Canada") & (after["year"] == 2035)
    change = (
        after.loc[pick, "core_usd_bn_nominal"].iloc[0]
        - before.loc[pick, "core_usd_bn_nominal"].iloc[0]
    )
    assert change == pytest.approx(expected_change, abs=2e-3)  # CSV rounds to 0.001
    same = (after["year"] < 2035) | (after["aggregate"] == "United States")
    assert np.allclose(
        after.loc[same, "core_usd_bn_nominal"], before.loc[same, "core_usd_bn_nominal"]
    )
    assert (after["core_usd_bn"] == before["core_usd_bn"]).all()  # constant prices ignore it
    assert run_command(["set", str(path), "USA", "fx.2030=1.1"]) == 1
    assert "the US dollar is the unit" in capsys.readouterr().err
    assert run_command(["alliance", str(path), "--nominal"]) == 0
    text = capsys.readouterr().out
    assert "exchange rates relative PPP from the deflator paths; typed for 1 ally" in text
    # The text table shows the current-USD column too (the CSV's core_usd_bn_nominal).
    header = next(line for line in text.splitlines() if line.startswith("Aggregate"))
    assert "Current USD bn**" in header
    nato_2035 = next(
        line for line in text.splitlines() if line.startswith("NATO ") and " 2035 " in line
    )
    expected = after.loc[(after["aggregate"] == "NATO") & (after["year"] == 2035)]
    assert f"{expected['core_usd_bn_nominal'].iloc[0]:,.1f}" in nato_2035


def test_a_rate_typed_the_other_way_round_is_questioned_everywhere(tmp_path, capsys):
    """0.025 (USD per lira) for Türkiye, whose path is near 85 lira per USD in 2030: the
    command line and the workbook reader say so, naming the cell; the rate is kept."""
    projection = Projection(Scenario())
    doubt = projection.exchange_rate_doubt("TUR", 2030, 0.025)
    assert doubt is not None and "other way round" in doubt
    assert projection.exchange_rate_doubt("TUR", 2030, 90.0) is None
    path = tmp_path / "inverted.xlsx"
    save_scenario(Scenario(), path)
    assert run_command(["set", str(path), "TUR", "fx.2030=0.025"]) == 0
    out = capsys.readouterr().out
    assert "warning: TUR 2030: 0.025 national currency per USD is far from" in out
    loaded = read_scenario(path)
    assert loaded.scenario.year_input(Measure.EXCHANGE_RATE, "TUR", 2030) == 0.025
    (warning,) = loaded.warnings
    assert warning.sheet == "Assumptions" and "other way round" in warning.message
