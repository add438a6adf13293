"""The projection engine against independent hand calculations on real allies.

The reference numbers here are computed in the test, year by year, straight
from the bundled CSV files (NATO 2026 edition, IMF WEO April 2026) with the
rules of DESIGN §4 — never with the engine's helpers:

- GDP[t] = GDP[t-1]·(1+g[t])·(1+p[t]), g and p the IMF real growth and CPI,
  held at their 2031 values afterwards;
- share[t] = share[b]·(B[t]/B[b])/(GDP[t]/GDP[b]), anchored on NATO's
  published base-year share.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.indicators.aggregates import core_usd_bn_at_base_prices
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import (
    BudgetPolicy,
    CorePolicy,
    Measure,
    RelatedPolicy,
    RelatedTrack,
    Scenario,
    Targets,
)

DATA = Path(__file__).resolve().parents[2] / "data"
BASE = 2026
VINTAGE = "IMF WEO April 2026"


# -- the independent reference ---------------------------------------------
class Reference:
    """Hand calculation of one ally's paths from the CSV files, one year at a time."""

    nato = pd.read_csv(DATA / "nato_defence_expenditure.csv")
    imf = pd.read_csv(DATA / "gdp_forecast.csv")

    def __init__(self, iso3: str, vintage: str = VINTAGE) -> None:
        row = self.nato[(self.nato["iso3"] == iso3) & (self.nato["year"] == BASE)].iloc[0]
        self.iso3 = iso3
        self.share_b = float(row["defence_share_gdp_pct"])
        self.budget_b = float(row["defence_exp_national_million"])
        self.gdp_b = float(row["gdp_national_billion_derived"])
        self.fx = float(row["defence_exp_national_million"]) / float(
            row["defence_exp_usd_million_current"]
        )
        forecast = self.imf[(self.imf["iso3"] == iso3) & (self.imf["vintage"] == vintage)]
        self._forecast = forecast.set_index("year")
        self.last_forecast_year = int(forecast["year"].max())

    def growth_pct(self, year: int) -> float:
        return float(self._forecast.loc[min(year, self.last_forecast_year), "real_gdp_growth_pct"])

    def cpi_pct(self, year: int) -> float:
        return float(self._forecast.loc[min(year, self.last_forecast_year), "cpi_inflation_pct"])

    def gdp(
        self, last_year: int = 2040, growth=None, deflator=None, overrides=None
    ) -> dict[int, float]:
        growth = growth or {}
        deflator = deflator or {}
        overrides = overrides or {}
        gdp = {BASE: self.gdp_b}
        for year in range(BASE + 1, last_year + 1):
            g = growth.get(year, self.growth_pct(year))
            p = deflator.get(year, self.cpi_pct(year))
            gdp[year] = overrides.get(year, gdp[year - 1] * (1 + g / 100) * (1 + p / 100))
        return gdp

    def share(self, budget: float, year: int, gdp: dict[int, float]) -> float:
        return self.share_b * (budget / self.budget_b) / (gdp[year] / self.gdp_b)

    def budget_for_share(self, share: float, year: int, gdp: dict[int, float]) -> float:
        return share / self.share_b * self.budget_b * gdp[year] / self.gdp_b


@pytest.fixture(scope="module")
def scenario_template() -> Scenario:
    return Scenario()


@pytest.fixture
def scenario(scenario_template: Scenario) -> Scenario:
    return scenario_template.copy()


def ally_row(projection: Projection, iso3: str) -> int:
    return projection.scenario.row(iso3)


def col(year: int) -> int:
    return year - BASE


def path_of(projection: Projection, attribute: str, iso3: str) -> dict[int, float]:
    values = getattr(projection.paths, attribute)[ally_row(projection, iso3)]
    return {int(y): float(v) for y, v in zip(projection.paths.years, values, strict=True)}


# -- defaults and GDP ------------------------------------------------------
def test_default_scenario_settings(scenario: Scenario) -> None:
    assert scenario.base_year == 2026
    assert scenario.horizon == 2035
    assert scenario.gdp_vintage == VINTAGE
    assert list(scenario.years) == list(range(2027, 2041))
    projection = Projection(scenario)
    assert list(projection.years) == list(range(2026, 2036))
    assert list(projection.paths.years) == list(range(2026, 2041))


@pytest.mark.parametrize("iso3", ["DEU", "USA", "POL", "TUR"])
def test_gdp_recursion_with_imf_growth_and_cpi(scenario: Scenario, iso3: str) -> None:
    reference = Reference(iso3)
    expected = reference.gdp()
    got = path_of(Projection(scenario), "gdp_bn", iso3)
    for year in range(BASE, 2041):
        assert got[year] == pytest.approx(expected[year], rel=1e-12), year
    # A figure by hand for Germany's first step: 2027 growth 1.183%, CPI 2.295%.
    if iso3 == "DEU":
        assert got[2027] == pytest.approx(4626.757 * 1.01183 * 1.02295, rel=1e-9)


def test_older_vintage_changes_gdp(scenario: Scenario) -> None:
    scenario.set_gdp_vintage("IMF WEO October 2025")
    expected = Reference("DEU", "IMF WEO October 2025").gdp()
    got = path_of(Projection(scenario), "gdp_bn", "DEU")
    for year in range(BASE, 2041):
        assert got[year] == pytest.approx(expected[year], rel=1e-12), year


# -- policies --------------------------------------------------------------
def test_poland_constant_share_stays_at_its_2026_share(scenario: Scenario) -> None:
    projection = Projection(scenario)
    shares = path_of(projection, "core_share_pct", "POL")
    assert all(share == pytest.approx(4.68, abs=1e-12) for share in shares.values())
    reference = Reference("POL")
    gdp = reference.gdp()
    budgets = path_of(projection, "core_budget_mn", "POL")
    for year in range(BASE, 2041):
        # constant share: the budget grows exactly with nominal GDP
        assert budgets[year] == pytest.approx(reference.budget_b * gdp[year] / gdp[BASE], rel=1e-12)


def test_netherlands_share_stays_on_natos_basis_not_the_cash_ratio(scenario: Scenario) -> None:
    """DESIGN's B = s·GDP would hold the cash ratio; NATO's headline share differs for NLD.

    NATO Table 3 gives the Netherlands 2.58% in 2026; Table 2 ÷ Table 5 gives
    2.29% (flagged in SOURCES.md). Holding 2.58% must keep the headline at
    2.58%, so the budget grows with nominal GDP from NATO's own 2026 amount.
    """
    table = pd.read_csv(
        Path(__file__).resolve().parents[2] / "data" / "nato_defence_expenditure.csv"
    )
    row = table[(table["iso3"] == "NLD") & (table["year"] == BASE)].iloc[0]
    cash_ratio_pct = (
        row["defence_exp_usd_million_current"] / (row["gdp_usd_billion_current"] * 1000) * 100
    )
    assert row["defence_share_gdp_pct"] == 2.58 and round(cash_ratio_pct, 2) == 2.29
    scenario.set_core_policy("NLD", CorePolicy(kind=BudgetPolicy.CONSTANT_SHARE, share_pct=2.58))
    projection = Projection(scenario)
    shares = path_of(projection, "core_share_pct", "NLD")
    budgets = path_of(projection, "core_budget_mn", "NLD")
    gdp = Reference("NLD").gdp()
    for year in range(BASE + 1, 2041):
        assert shares[year] == pytest.approx(2.58, abs=1e-12)
        expected = row["defence_exp_national_million"] * gdp[year] / gdp[BASE]
        assert budgets[year] == pytest.approx(expected, rel=1e-12)


def test_constant_share_at_another_level(scenario: Scenario) -> None:
    scenario.set_core_policy("ESP", CorePolicy(kind=BudgetPolicy.CONSTANT_SHARE, share_pct=2.1))
    projection = Projection(scenario)
    reference = Reference("ESP")
    gdp = reference.gdp()
    budgets = path_of(projection, "core_budget_mn", "ESP")
    shares = path_of(projection, "core_share_pct", "ESP")
    assert shares[BASE] == 2.00 and budgets[BASE] == reference.budget_b
    for year in range(BASE + 1, 2041):
        assert budgets[year] == pytest.approx(reference.budget_for_share(2.1, year, gdp), rel=1e-12)
        assert shares[year] == pytest.approx(2.1, abs=1e-12)


def test_germany_ramp_reaches_exactly_3_5_in_2035_linearly(scenario: Scenario) -> None:
    scenario.set_core_policy(
        "DEU", CorePolicy(kind=BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2035)
    )
    projection = Projection(scenario)
    shares = path_of(projection, "core_share_pct", "DEU")
    assert shares[2026] == 2.69
    assert shares[2035] == pytest.approx(3.5, abs=1e-12)
    step = (3.5 - 2.69) / 9  # 0.09 pp a year
    for year in range(2027, 2036):
        assert shares[year] == pytest.approx(2.69 + step * (year - 2026), abs=1e-12), year
        assert shares[year] - shares[year - 1] == pytest.approx(0.09, abs=1e-12)
    for year in range(2036, 2041):
        assert shares[year] == pytest.approx(3.5, abs=1e-12)  # held after the target year
    reference = Reference("DEU")
    gdp = reference.gdp()
    budgets = path_of(projection, "core_budget_mn", "DEU")
    assert budgets[2035] == pytest.approx(reference.budget_for_share(3.5, 2035, gdp), rel=1e-12)
    assert projection.summary().loc["DEU", "first_year_core"] == 2035


def test_nominal_growth_budget(scenario: Scenario) -> None:
    scenario.set_core_policy("FRA", CorePolicy(kind=BudgetPolicy.NOMINAL_GROWTH, rate_pct=6.0))
    projection = Projection(scenario)
    reference = Reference("FRA")
    gdp = reference.gdp()
    budgets = path_of(projection, "core_budget_mn", "FRA")
    shares = path_of(projection, "core_share_pct", "FRA")
    budget = reference.budget_b
    for year in range(BASE + 1, 2041):
        budget *= 1.06
        assert budgets[year] == pytest.approx(budget, rel=1e-12), year
        assert shares[year] == pytest.approx(reference.share(budget, year, gdp), rel=1e-12), year


def test_real_growth_budget(scenario: Scenario) -> None:
    scenario.set_core_policy("ITA", CorePolicy(kind=BudgetPolicy.REAL_GROWTH, rate_pct=3.0))
    projection = Projection(scenario)
    reference = Reference("ITA")
    gdp = reference.gdp()
    budgets = path_of(projection, "core_budget_mn", "ITA")
    budget = reference.budget_b
    for year in range(BASE + 1, 2041):
        budget *= 1.03 * (1 + reference.cpi_pct(year) / 100)
        assert budgets[year] == pytest.approx(budget, rel=1e-12), year
        shares = path_of(projection, "core_share_pct", "ITA")
        assert shares[year] == pytest.approx(reference.share(budget, year, gdp), rel=1e-12)


def test_explicit_amounts_hold_until_the_next_one(scenario: Scenario) -> None:
    scenario.set_core_policy("NOR", CorePolicy(kind=BudgetPolicy.EXPLICIT))
    amounts = {2027: 160_000.0, 2030: 200_000.0, 2033: 150_000.0}
    for year, amount in amounts.items():
        scenario.set_year_input(Measure.CORE_BUDGET, "NOR", year, amount)
    projection = Projection(scenario)
    reference = Reference("NOR")
    gdp = reference.gdp()
    budgets = path_of(projection, "core_budget_mn", "NOR")
    shares = path_of(projection, "core_share_pct", "NOR")
    expected = reference.budget_b
    for year in range(BASE + 1, 2041):
        expected = amounts.get(year, expected)
        assert budgets[year] == expected, year
        assert shares[year] == pytest.approx(reference.share(expected, year, gdp), rel=1e-12)
    assert scenario.year_input(Measure.CORE_BUDGET, "NOR", 2030) == 200_000.0
    assert scenario.year_input(Measure.CORE_BUDGET, "NOR", 2031) is None


def test_override_wins_and_growth_policy_continues_from_it(scenario: Scenario) -> None:
    scenario.set_core_policy("CAN", CorePolicy(kind=BudgetPolicy.NOMINAL_GROWTH, rate_pct=5.0))
    scenario.set_year_input(Measure.CORE_BUDGET, "CAN", 2029, 90_000.0)
    budgets = path_of(Projection(scenario), "core_budget_mn", "CAN")
    budget = Reference("CAN").budget_b
    for year in range(BASE + 1, 2041):
        budget = 90_000.0 if year == 2029 else budget * 1.05
        assert budgets[year] == pytest.approx(budget, rel=1e-12), year


def test_required_growth_matches_formula_and_reproduces_target(scenario: Scenario) -> None:
    projection = Projection(scenario)
    nominal_pct, real_pct = projection.required_growth_pct()
    for iso3 in ("DEU", "ESP", "USA", "POL", "TUR"):
        reference = Reference(iso3)
        gdp = reference.gdp()
        r = ((3.5 / reference.share_b) * (gdp[2035] / gdp[BASE])) ** (1 / 9) - 1
        log_mean = sum(math.log(1 + reference.cpi_pct(y) / 100) for y in range(2027, 2036)) / 9
        real = (1 + r) / math.exp(log_mean) - 1
        row = scenario.row(iso3)
        assert nominal_pct[row] == pytest.approx(100 * r, rel=1e-10), iso3
        assert real_pct[row] == pytest.approx(100 * real, rel=1e-10), iso3

        # Applied as a nominal-growth policy, it lands exactly on 3.5% in 2035.
        trial = scenario.copy()
        trial.set_core_policy(
            iso3, CorePolicy(kind=BudgetPolicy.NOMINAL_GROWTH, rate_pct=float(nominal_pct[row]))
        )
        assert path_of(Projection(trial), "core_share_pct", iso3)[2035] == pytest.approx(
            3.5, abs=1e-9
        )
        # ... and the real rate, applied as a real-growth policy, does too.
        trial.set_core_policy(
            iso3, CorePolicy(kind=BudgetPolicy.REAL_GROWTH, rate_pct=float(real_pct[row]))
        )
        assert path_of(Projection(trial), "core_share_pct", iso3)[2035] == pytest.approx(
            3.5, abs=1e-9
        )


def test_required_growth_for_own_target_and_horizon(scenario: Scenario) -> None:
    scenario.set_targets("ESP", Targets(core_pct=2.1, total_pct=2.1))
    scenario.set_horizon(2030)
    nominal_pct, _ = Projection(scenario).required_growth_pct()
    reference = Reference("ESP")
    gdp = reference.gdp()
    r = ((2.1 / 2.00) * (gdp[2030] / gdp[BASE])) ** (1 / 4) - 1
    assert nominal_pct[scenario.row("ESP")] == pytest.approx(100 * r, rel=1e-10)


# -- alliance aggregates -----------------------------------------------------
def test_alliance_totals_at_base_year_prices_and_exchange_rates(scenario: Scenario) -> None:
    scenario.set_core_policy(
        "DEU", CorePolicy(kind=BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2030)
    )
    projection = Projection(scenario)
    alliance = projection.alliance().set_index("year")
    assert list(alliance.index) == list(range(2026, 2036))

    # The base year is NATO's own table: allies' USD spending sums to 1,809,913
    # (NATO publishes 1,809,915 after its own rounding).
    assert alliance.loc[2026, "nato_core_usd_mn"] == pytest.approx(1_809_913, abs=1e-6)
    assert alliance.loc[2026, "usa_core_usd_mn"] == pytest.approx(1_032_849, abs=1e-6)
    assert alliance.loc[2026, "europe_canada_core_usd_mn"] == pytest.approx(777_064, abs=1e-6)
    # NATO's published aggregate shares (2.86 and 2.53), to its rounding.
    assert alliance.loc[2026, "nato_core_share_pct"] == pytest.approx(2.86, abs=0.005)
    assert alliance.loc[2026, "europe_canada_core_share_pct"] == pytest.approx(2.53, abs=0.005)
    assert alliance.loc[2026, "usa_core_share_pct"] == pytest.approx(3.17, abs=1e-12)

    # Every year by hand: money deflated by each ally's CPI path and converted
    # at the base-year rate; shares weighted by GDP at constant prices, which
    # grow with real GDP from the base year (checked in tests/core/indicators).
    registry_codes = scenario.dataset.registry.iso3_codes
    armed = [code for code in registry_codes if code != "ISL"]
    references = {code: Reference(code) for code in armed}
    base_weighted = alliance.loc[2026, "nato_core_share_pct"]
    for year in range(2027, 2036):
        total_usd = europe_usd = 0.0
        counts = {2.0: 0, 3.5: 0}
        for code, reference in references.items():
            gdp = reference.gdp(2035)
            if code == "DEU":
                share = 2.69 + (3.5 - 2.69) * min(year - BASE, 4) / 4
            else:
                share = reference.share_b
            prices = np.prod([1 + reference.cpi_pct(t) / 100 for t in range(BASE + 1, year + 1)])
            budget_usd = reference.budget_for_share(share, year, gdp) / prices / reference.fx
            total_usd += budget_usd
            europe_usd += 0.0 if code == "USA" else budget_usd
            for threshold in counts:
                counts[threshold] += share >= threshold - 1e-9
        assert alliance.loc[year, "nato_core_usd_mn"] == pytest.approx(total_usd, rel=1e-12)
        assert alliance.loc[year, "europe_canada_core_usd_mn"] == pytest.approx(
            europe_usd, rel=1e-12
        )
        assert alliance.loc[year, "allies_at_2pct"] == counts[2.0]
        assert alliance.loc[year, "allies_at_3_5pct"] == counts[3.5]
    # With no ally changing its share, the alliance share moves only with real
    # growth differences: a few hundredths of a point over nine years, where
    # converting nominal amounts at 2026 rates drifted Europe + Canada by 0.06 pp.
    held = Projection(Scenario()).alliance().set_index("year")
    drift = held["europe_canada_core_share_pct"] - held.loc[2026, "europe_canada_core_share_pct"]
    assert drift.abs().max() < 0.03
    assert base_weighted == pytest.approx(held.loc[2026, "nato_core_share_pct"], abs=1e-12)
    # NATO's 2026 table: all but Slovenia at 2%; GRC, POL, LVA, EST, LTU at
    # 3.5%; EST and LTU (core alone) at 5% total.
    assert alliance.loc[
        2026, ["allies_at_2pct", "allies_at_3_5pct", "allies_at_5pct_total"]
    ].tolist() == [30, 5, 2]
    assert alliance.loc[2030, "allies_at_3_5pct"] == 6  # Germany joins in 2030


def test_turkiye_at_2026_prices_grows_with_real_gdp_not_inflation(scenario: Scenario) -> None:
    """Holding its share, Türkiye's spending at 2026 prices and exchange rates is its
    2026 USD figure times its cumulative real GDP growth (about 67 bn by 2035)."""
    projection = Projection(scenario)
    reference = Reference("TUR")
    nato = Reference.nato
    usd_2026 = float(
        nato[(nato["iso3"] == "TUR") & (nato["year"] == BASE)][
            "defence_exp_usd_million_current"
        ].iloc[0]
    )
    real = np.prod([1 + reference.growth_pct(t) / 100 for t in range(BASE + 1, 2036)])
    summary_usd_bn = projection.alliance_aggregates()
    tur = core_usd_bn_at_base_prices(projection)[scenario.row("TUR"), col(2035)]
    assert tur == pytest.approx(usd_2026 * real / 1000, rel=1e-12)
    deu = core_usd_bn_at_base_prices(projection)[scenario.row("DEU"), col(2035)]
    assert tur < deu / 2  # never "NATO's second spender"
    assert summary_usd_bn.money_label == "USD bn, 2026 prices and exchange rates"


def test_related_track_adds_to_total_and_alliance(scenario: Scenario) -> None:
    scenario.set_related_track(
        "DEU",
        RelatedTrack(
            kind=RelatedPolicy.RAMP_TO_TARGET, share_pct=0.5, target_pct=1.5, target_year=2030
        ),
    )
    scenario.set_related_track(
        "POL", RelatedTrack(kind=RelatedPolicy.CONSTANT_SHARE, share_pct=0.4)
    )
    projection = Projection(scenario)
    related = path_of(projection, "related_share_pct", "DEU")
    for year in range(2026, 2041):
        expected = 0.5 + 1.0 * min(year - BASE, 4) / 4
        assert related[year] == pytest.approx(expected, abs=1e-12), year
    total = path_of(projection, "total_share_pct", "POL")
    assert all(value == pytest.approx(4.68 + 0.4, abs=1e-12) for value in total.values())
    assert path_of(projection, "related_share_pct", "FRA")[2030] == 0.0  # not set
    summary = projection.summary()
    assert summary.loc["POL", "first_year_total"] == 2026  # 5.08% ≥ 5%
    assert pd.isna(summary.loc["DEU", "first_year_total"])  # 2.69 + 1.5 < 5
    alliance = projection.alliance().set_index("year")
    reference = Reference("POL")
    gdp = reference.gdp(2035)
    deu = Reference("DEU")
    deu_gdp = deu.gdp(2035)

    def prices(ref: Reference) -> float:
        return float(np.prod([1 + ref.cpi_pct(t) / 100 for t in range(BASE + 1, 2034)]))

    expected_usd = reference.budget_for_share(0.4, 2033, gdp) / reference.fx / prices(
        reference
    ) + deu.budget_for_share(1.5, 2033, deu_gdp) / deu.fx / prices(deu)
    assert alliance.loc[2033, "nato_related_usd_mn"] == pytest.approx(expected_usd, rel=1e-12)
    assert alliance.loc[2026, "allies_at_5pct_total"] == 3  # EST, LTU and now POL


def test_related_counts_up_to_1_5_and_5_pct_needs_core_at_target(scenario: Scenario) -> None:
    """Spain at 2.0% core + 3.0% related is not at 5%: related counts up to 1.5%
    (3.5%), and core is below 3.5% anyway. Related above 1.5% is flagged."""
    scenario.set_related_track(
        "ESP", RelatedTrack(kind=RelatedPolicy.CONSTANT_SHARE, share_pct=3.0)
    )
    # Lithuania 5.33% core + 0.5% related: core alone already carries 5%.
    scenario.set_related_track(
        "LTU", RelatedTrack(kind=RelatedPolicy.CONSTANT_SHARE, share_pct=0.5)
    )
    # Germany 3.0% core + 2.0% related = 5.0 counted as 4.5, and core short of 3.5.
    scenario.set_core_policy("DEU", CorePolicy(kind=BudgetPolicy.CONSTANT_SHARE, share_pct=3.0))
    scenario.set_related_track(
        "DEU", RelatedTrack(kind=RelatedPolicy.CONSTANT_SHARE, share_pct=2.0)
    )
    projection = Projection(scenario)
    summary = projection.summary()
    assert summary.loc["ESP", "horizon_total_share_pct"] == pytest.approx(2.0 + 1.5, abs=1e-12)
    assert summary.loc["ESP", "horizon_related_share_pct"] == pytest.approx(3.0, abs=1e-12)
    assert pd.isna(summary.loc["ESP", "first_year_total"])
    assert summary.loc["LTU", "horizon_total_share_pct"] == pytest.approx(5.83, abs=1e-12)
    assert summary.loc["LTU", "first_year_total"] == 2026
    assert summary.loc["DEU", "horizon_total_share_pct"] == pytest.approx(4.5, abs=1e-12)
    assert pd.isna(summary.loc["DEU", "first_year_total"])
    assert bool(summary.loc["ESP", "related_above_cap"]) and bool(
        summary.loc["DEU", "related_above_cap"]
    )
    assert not summary.loc["LTU", "related_above_cap"]
    # A 5% total met only with core at its target: Spain at its own 2.1% core
    # target with 2.9% counted... cannot count more than 1.5, so 3.6 < 5.
    scenario.set_targets("ESP", Targets(core_pct=2.0, total_pct=3.5))
    summary = Projection(scenario).summary()
    assert summary.loc["ESP", "first_year_total"] == 2026  # 2.0 core ≥ 2.0, 3.5 counted


# -- first year met and credibility -------------------------------------------
def test_first_year_met(scenario: Scenario) -> None:
    scenario.set_core_policy(
        "DEU", CorePolicy(kind=BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2031)
    )
    scenario.set_targets("ESP", Targets(core_pct=2.1, total_pct=2.1))
    scenario.set_core_policy(
        "ESP", CorePolicy(kind=BudgetPolicy.RAMP_TO_TARGET, target_pct=2.1, target_year=2029)
    )
    summary = Projection(scenario).summary()
    assert summary.loc["DEU", "first_year_core"] == 2031
    assert summary.loc["ESP", "first_year_core"] == 2029
    assert summary.loc["POL", "first_year_core"] == 2026
    assert summary.loc["LTU", "first_year_core"] == 2026
    assert pd.isna(summary.loc["FRA", "first_year_core"])  # constant 2.22% never gets there


def facts_of(projection: Projection, iso3: str):
    return projection.path_facts()[projection.scenario.row(iso3)]


def test_front_loaded_ramp_facts(scenario: Scenario) -> None:
    # Ramp to 3.5% by 2030: 3/4 of the increase done by the 2029 review.
    scenario.set_core_policy(
        "DEU", CorePolicy(kind=BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2030)
    )
    facts = facts_of(Projection(scenario), "DEU")
    assert facts.reaches_target and facts.incremental and not facts.back_loaded
    assert facts.share_of_increase_by_review == pytest.approx(3 / 4, abs=1e-12)
    assert facts.linear_share_of_increase == pytest.approx(3 / 9, abs=1e-12)


def test_germany_linear_ramp_is_not_back_loaded(scenario: Scenario) -> None:
    """The textbook incremental path: 3/9 of the increase by 2029, as linear."""
    scenario.set_core_policy(
        "DEU", CorePolicy(kind=BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2035)
    )
    projection = Projection(scenario)
    facts = facts_of(projection, "DEU")
    shares = path_of(projection, "core_share_pct", "DEU")
    done = (shares[2029] - 2.69) / (3.5 - 2.69)
    assert done == pytest.approx(3 / 9, abs=1e-12)
    assert facts.share_of_increase_by_review == pytest.approx(done, abs=1e-12)
    assert facts.reaches_target and facts.incremental and not facts.back_loaded
    # Not even at a strict threshold: a linear path is never flagged.
    scenario.set_backload_fraction(1.0)
    assert not facts_of(Projection(scenario), "DEU").back_loaded
    assert facts.describe() == (
        "reaches 3.5% by 2035; incremental; 33% of the increase by 2029 (linear path: 33%)"
    )


def test_back_loaded_only_below_the_threshold(scenario: Scenario) -> None:
    # 1% nominal growth to 2029, then typed amounts that reach 3.5% in 2035.
    reference = Reference("DEU")
    gdp = reference.gdp()
    scenario.set_core_policy("DEU", CorePolicy(kind=BudgetPolicy.NOMINAL_GROWTH, rate_pct=4.0))
    scenario.set_year_input(
        Measure.CORE_BUDGET, "DEU", 2035, reference.budget_for_share(3.5, 2035, gdp)
    )
    projection = Projection(scenario)
    shares = path_of(projection, "core_share_pct", "DEU")
    done = (shares[2029] - 2.69) / (3.5 - 2.69)
    facts = facts_of(projection, "DEU")
    assert facts.share_of_increase_by_review == pytest.approx(done, abs=1e-12)
    # 4% nominal growth barely beats nominal GDP: under half of linear (3/9).
    assert done < 0.5 * 3 / 9
    assert facts.back_loaded and "back-loaded" in facts.describe()
    scenario.set_backload_fraction(done * 9 / 3 - 0.01)  # a looser threshold: not flagged
    assert not facts_of(Projection(scenario), "DEU").back_loaded


def test_falling_path_is_not_incremental(scenario: Scenario) -> None:
    # A cut in 2027, then enough money from 2028 to reach 3.5% early.
    reference = Reference("DEU")
    gdp = reference.gdp()
    scenario.set_core_policy(
        "DEU", CorePolicy(kind=BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2028)
    )
    scenario.set_year_input(Measure.CORE_BUDGET, "DEU", 2027, 120_000.0)
    projection = Projection(scenario)
    shares = path_of(projection, "core_share_pct", "DEU")
    assert shares[2027] == pytest.approx(reference.share(120_000.0, 2027, gdp), rel=1e-12)
    assert shares[2027] < 2.69
    assert shares[2028] == pytest.approx(3.5, abs=1e-12)
    facts = facts_of(projection, "DEU")
    assert facts.reaches_target and not facts.incremental
    assert facts.first_year_falls == 2027
    assert "share falls in 2027" in facts.describe()


def test_a_tiny_needed_increase_gets_no_timing(scenario: Scenario) -> None:
    """Denmark, 3.49% in 2026 (NATO 2026e), needs 0.01 pp: a constant-growth plan that dips
    first read "-119% of the increase by 2029". Under 0.1 pp no timing is reported."""
    reference = Reference("DNK")
    assert reference.share_b == pytest.approx(3.49)
    gdp = reference.gdp()
    # Hold the 2026 budget to 2029 (the share dips as GDP grows), then reach 3.5% in 2035.
    scenario.set_core_policy("DNK", CorePolicy(kind=BudgetPolicy.NOMINAL_GROWTH, rate_pct=0.0))
    scenario.set_year_input(
        Measure.CORE_BUDGET, "DNK", 2035, reference.budget_for_share(3.5, 2035, gdp)
    )
    facts = facts_of(Projection(scenario), "DNK")
    assert facts.reaches_target and not facts.incremental
    assert facts.small_increase and facts.share_of_increase_by_review is None
    assert not facts.back_loaded
    assert facts.record()["share_of_increase_by_review_pct"] is None
    assert facts.describe() == (
        "reaches 3.5% by 2035; share falls in 2027; "
        "needs less than 0.1 pp more: timing not reported (this tool's heuristic)"
    )
    # Germany needs 0.81 pp: its timing is reported as before.
    assert not facts_of(Projection(scenario), "DEU").small_increase


def test_default_scenario_says_does_not_reach_once(scenario: Scenario) -> None:
    """Holding today's share: "does not reach", not also "0% of the increase by 2029"."""
    facts = facts_of(Projection(scenario), "FRA")
    assert not facts.reaches_target and facts.incremental
    assert facts.share_of_increase_by_review is None and not facts.back_loaded
    assert facts.describe() == "does not reach 3.5% by 2035; incremental"
    assert facts.record()["share_of_increase_by_review_pct"] is None


def test_poland_ramp_to_3_5_keeps_its_4_68(scenario: Scenario) -> None:
    """A ramp never cuts: Poland (4.68% in NATO's 2026 table) and Lithuania (5.33%)
    "ramping to 3.5%" keep their shares; no required cut is shown as a path."""
    for iso3 in ("POL", "LTU"):
        scenario.set_core_policy(
            iso3, CorePolicy(kind=BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2035)
        )
    projection = Projection(scenario)
    for iso3, share in (("POL", 4.68), ("LTU", 5.33)):
        shares = path_of(projection, "core_share_pct", iso3)
        assert all(value == pytest.approx(share, abs=1e-12) for value in shares.values()), iso3
        assert facts_of(projection, iso3).already_met
    # The explicit way to cut: hold a lower share.
    scenario.set_core_policy("POL", CorePolicy(kind=BudgetPolicy.CONSTANT_SHARE, share_pct=3.5))
    assert path_of(Projection(scenario), "core_share_pct", "POL")[2030] == pytest.approx(3.5)


def test_growth_until_a_year_then_holds_the_share(scenario: Scenario) -> None:
    reference = Reference("DEU")
    gdp = reference.gdp()
    scenario.set_core_policy(
        "DEU", CorePolicy(kind=BudgetPolicy.NOMINAL_GROWTH, rate_pct=10.0, growth_until=2029)
    )
    shares = path_of(Projection(scenario), "core_share_pct", "DEU")
    share_2029 = reference.share(reference.budget_b * 1.1**3, 2029, gdp)
    assert shares[2029] == pytest.approx(share_2029, rel=1e-12)
    for year in range(2030, 2041):
        assert shares[year] == pytest.approx(share_2029, rel=1e-12), year


# -- edge cases --------------------------------------------------------------
def test_iceland_has_no_path(scenario: Scenario) -> None:
    scenario.set_core_policy("ISL", CorePolicy(kind=BudgetPolicy.NOMINAL_GROWTH, rate_pct=3.0))
    projection = Projection(scenario)
    row = scenario.row("ISL")
    for attribute in ("gdp_bn", "core_budget_mn", "core_share_pct", "total_share_pct"):
        assert np.isnan(getattr(projection.paths, attribute)[row]).all(), attribute
    summary = projection.summary()
    assert pd.isna(summary.loc["ISL", "first_year_core"])
    assert not summary.loc["ISL", "path_facts"].has_path
    assert "no armed forces" in summary.loc["ISL", "path_note"]
    alliance = projection.alliance()
    assert not alliance.isna().any().any()  # Iceland's NaNs never leak into totals
    assert (alliance["allies_at_2pct"] <= 31).all()


def test_horizon_2040(scenario: Scenario) -> None:
    scenario.set_horizon(2040)
    scenario.set_core_policy(
        "DEU", CorePolicy(kind=BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2040)
    )
    projection = Projection(scenario)
    assert list(projection.years) == list(range(2026, 2041))
    assert list(projection.alliance()["year"]) == list(range(2026, 2041))
    assert projection.summary().loc["DEU", "horizon_core_share_pct"] == pytest.approx(
        3.5, abs=1e-12
    )
    reference = Reference("DEU")
    gdp = reference.gdp(2040)  # 2032-2040 at IMF's 2031 rates
    assert path_of(projection, "gdp_bn", "DEU")[2040] == pytest.approx(gdp[2040], rel=1e-12)
    nominal_pct, _ = projection.required_growth_pct()
    fra = Reference("FRA")
    fra_gdp = fra.gdp(2040)
    r = ((3.5 / 2.22) * (fra_gdp[2040] / fra_gdp[BASE])) ** (1 / 14) - 1
    assert nominal_pct[scenario.row("FRA")] == pytest.approx(100 * r, rel=1e-10)


def test_target_already_met_in_base_year(scenario: Scenario) -> None:
    projection = Projection(scenario)
    summary = projection.summary()
    for iso3, share in (("POL", 4.68), ("LTU", 5.33)):
        assert summary.loc[iso3, "first_year_core"] == 2026
        assert summary.loc[iso3, "core_gap_pp"] == pytest.approx(
            3.5 - share, abs=1e-12
        )  # negative: ahead
        facts = facts_of(projection, iso3)
        assert facts.reaches_target and facts.incremental and facts.already_met
    assert summary.loc["LTU", "first_year_total"] == 2026
    # Required growth below nominal GDP growth: the budget may grow more slowly.
    reference = Reference("POL")
    gdp = reference.gdp()
    gdp_growth = (gdp[2035] / gdp[BASE]) ** (1 / 9) - 1
    assert summary.loc["POL", "required_nominal_growth_pct"] < 100 * gdp_growth


def test_zero_growth(scenario: Scenario) -> None:
    for year in scenario.years:
        scenario.set_year_input(Measure.REAL_GROWTH, "DEU", int(year), 0.0)
        scenario.set_year_input(Measure.DEFLATOR, "DEU", int(year), 0.0)
    scenario.set_core_policy("DEU", CorePolicy(kind=BudgetPolicy.NOMINAL_GROWTH, rate_pct=0.0))
    projection = Projection(scenario)
    gdp = path_of(projection, "gdp_bn", "DEU")
    shares = path_of(projection, "core_share_pct", "DEU")
    assert all(value == Reference("DEU").gdp_b for value in gdp.values())
    assert all(value == pytest.approx(2.69, abs=1e-12) for value in shares.values())
    nominal_pct, real_pct = projection.required_growth_pct()
    r = (3.5 / 2.69) ** (1 / 9) - 1
    assert nominal_pct[scenario.row("DEU")] == pytest.approx(100 * r, rel=1e-10)
    assert real_pct[scenario.row("DEU")] == pytest.approx(100 * r, rel=1e-10)  # no inflation


def test_negative_growth(scenario: Scenario) -> None:
    growth = {year: -2.0 for year in range(2027, 2041)}
    deflator = {year: -1.0 for year in range(2027, 2041)}
    for year in range(2027, 2041):
        scenario.set_year_input(Measure.REAL_GROWTH, "ITA", year, growth[year])
        scenario.set_year_input(Measure.DEFLATOR, "ITA", year, deflator[year])
    scenario.set_core_policy("ITA", CorePolicy(kind=BudgetPolicy.REAL_GROWTH, rate_pct=-1.0))
    projection = Projection(scenario)
    reference = Reference("ITA")
    gdp = reference.gdp(growth=growth, deflator=deflator)
    budgets = path_of(projection, "core_budget_mn", "ITA")
    shares = path_of(projection, "core_share_pct", "ITA")
    budget = reference.budget_b
    for year in range(2027, 2041):
        budget *= 0.99 * 0.99
        assert gdp[year] == pytest.approx(gdp[year - 1] * 0.98 * 0.99, rel=1e-12)
        assert path_of(projection, "gdp_bn", "ITA")[year] == pytest.approx(gdp[year], rel=1e-12)
        assert budgets[year] == pytest.approx(budget, rel=1e-12)
        assert shares[year] == pytest.approx(reference.share(budget, year, gdp), rel=1e-12)
    # Budget falls 1.99%/yr, GDP 2.98%/yr: the share rises a little.
    assert shares[2035] > 2.10
    assert scenario.effective_growth_pct()[scenario.row("ITA")][0] == -2.0


def test_override_in_the_middle_of_a_ramp(scenario: Scenario) -> None:
    scenario.set_core_policy(
        "DEU", CorePolicy(kind=BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2035)
    )
    reference = Reference("DEU")
    gdp = reference.gdp()
    override_mn = reference.budget_for_share(3.2, 2030, gdp)  # 3.2% of GDP in 2030
    scenario.set_year_input(Measure.CORE_BUDGET, "DEU", 2030, override_mn)
    projection = Projection(scenario)
    shares = path_of(projection, "core_share_pct", "DEU")
    budgets = path_of(projection, "core_budget_mn", "DEU")
    for year in range(2027, 2030):  # before the override: the original ramp
        assert shares[year] == pytest.approx(2.69 + 0.09 * (year - 2026), abs=1e-12)
    assert budgets[2030] == override_mn
    assert shares[2030] == pytest.approx(3.2, abs=1e-12)
    for year in range(2031, 2036):  # restarts from 3.2% toward 3.5% in 2035
        assert shares[year] == pytest.approx(3.2 + 0.3 * (year - 2030) / 5, abs=1e-12), year
        assert budgets[year] == pytest.approx(
            reference.budget_for_share(shares[year], year, gdp), rel=1e-12
        )
    assert shares[2040] == pytest.approx(3.5, abs=1e-12)


def test_gdp_override(scenario: Scenario) -> None:
    reference = Reference("POL")
    overrides = {2030: 5_000.0}
    gdp = reference.gdp(overrides=overrides)
    scenario.set_year_input(Measure.NOMINAL_GDP, "POL", 2030, 5_000.0)
    scenario.set_core_policy("POL", CorePolicy(kind=BudgetPolicy.NOMINAL_GROWTH, rate_pct=4.0))
    projection = Projection(scenario)
    got = path_of(projection, "gdp_bn", "POL")
    shares = path_of(projection, "core_share_pct", "POL")
    budget = reference.budget_b
    for year in range(2027, 2041):
        budget *= 1.04
        assert got[year] == pytest.approx(gdp[year], rel=1e-12), year
        assert shares[year] == pytest.approx(reference.share(budget, year, gdp), rel=1e-12)
    assert got[2031] == pytest.approx(
        5_000.0 * (1 + reference.growth_pct(2031) / 100) * (1 + reference.cpi_pct(2031) / 100)
    )
    # Clearing it puts the IMF path back.
    scenario.set_year_input(Measure.NOMINAL_GDP, "POL", 2030, None)
    projection.update()
    assert path_of(projection, "gdp_bn", "POL")[2030] == pytest.approx(
        reference.gdp()[2030], rel=1e-12
    )


def test_gaps_in_money(scenario: Scenario) -> None:
    projection = Projection(scenario)
    summary = projection.summary()
    reference = Reference("ESP")
    gdp = reference.gdp()
    gap_mn = reference.budget_for_share(3.5, 2035, gdp) - reference.budget_for_share(2.0, 2035, gdp)
    assert summary.loc["ESP", "core_gap_pp"] == pytest.approx(1.5, abs=1e-12)
    assert summary.loc["ESP", "core_gap_mn"] == pytest.approx(gap_mn, rel=1e-12)
    # In USD at base-year prices and exchange rates: deflated by Spain's own CPI path
    # (2027..2035), then converted at NATO's 2026 rate.
    prices = math.prod(1 + reference.cpi_pct(year) / 100 for year in range(BASE + 1, 2036))
    assert prices > 1.15  # nine years of about 2% inflation: not a rounding matter
    usd = gap_mn / prices / reference.fx
    assert summary.loc["ESP", "core_gap_usd_mn"] == pytest.approx(usd, rel=1e-12)
    frame = projection.ally_years().set_index(["iso3", "year"])
    assert frame.loc[("ESP", 2035), "core_gap_usd_mn"] == pytest.approx(usd, rel=1e-12)
    budget = reference.budget_for_share(2.0, 2035, gdp) / prices / reference.fx
    assert frame.loc[("ESP", 2035), "core_budget_usd_mn"] == pytest.approx(budget, rel=1e-12)


# -- incremental recompute ---------------------------------------------------
def assert_same_paths(left: Projection, right: Projection) -> None:
    for attribute in (
        "gdp_bn",
        "core_budget_mn",
        "core_share_pct",
        "related_share_pct",
        "pp_cost_mn",
    ):
        np.testing.assert_allclose(
            getattr(left.paths, attribute),
            getattr(right.paths, attribute),
            rtol=0,
            atol=0,
            equal_nan=True,
            err_msg=attribute,
        )
    pd.testing.assert_frame_equal(left.summary(), right.summary())
    pd.testing.assert_frame_equal(left.alliance(), right.alliance())


def test_only_the_touched_ally_is_recomputed(scenario: Scenario) -> None:
    projection = Projection(scenario)
    scenario.set_year_input(Measure.CORE_BUDGET, "EST", 2030, 2_000.0)
    assert projection.update() == [scenario.row("EST")]
    assert projection.update() == []
    scenario.set_gdp_vintage("IMF WEO April 2025")
    assert len(projection.update()) == 31  # every ally but Iceland


def test_second_projection_of_the_same_scenario_is_complete(scenario: Scenario) -> None:
    # Regression: the first projection used to consume the scenario's
    # "changed" marks, so a second Projection of the same scenario computed
    # nothing and held NaN paths for every ally.
    first = Projection(scenario)
    second = Projection(scenario)
    assert not np.isnan(second.paths.core_share_pct[scenario.row("POL")]).any()
    assert_same_paths(first, second)
    # Both keep following edits.
    scenario.set_core_policy("DEU", CorePolicy(kind=BudgetPolicy.RAMP_TO_TARGET, target_year=2030))
    first.update()
    second.update()
    assert_same_paths(first, second)
    assert path_of(second, "core_share_pct", "DEU")[2030] == pytest.approx(3.5, abs=1e-12)


ISO3 = ["DEU", "POL", "FRA", "USA", "EST", "ISL", "TUR", "MNE"]
YEAR = st.integers(min_value=2027, max_value=2040)
edit = st.one_of(
    st.tuples(
        st.just("growth"), st.sampled_from(ISO3), YEAR, st.one_of(st.none(), st.floats(-5, 8))
    ),
    st.tuples(
        st.just("deflator"), st.sampled_from(ISO3), YEAR, st.one_of(st.none(), st.floats(-2, 30))
    ),
    st.tuples(
        st.just("gdp"), st.sampled_from(ISO3), YEAR, st.one_of(st.none(), st.floats(1, 50_000))
    ),
    st.tuples(
        st.just("budget"),
        st.sampled_from(ISO3),
        YEAR,
        st.one_of(st.none(), st.floats(0, 2_000_000)),
    ),
    st.tuples(
        st.just("related"), st.sampled_from(ISO3), YEAR, st.one_of(st.none(), st.floats(0, 1.5))
    ),
    st.tuples(
        st.just("policy"),
        st.sampled_from(ISO3),
        st.sampled_from(list(BudgetPolicy)),
        st.floats(-5, 15),
        st.floats(0.5, 6),
        YEAR,
    ),
    st.tuples(
        st.just("track"),
        st.sampled_from(ISO3),
        st.sampled_from(list(RelatedPolicy)),
        st.floats(0, 1.5),
        YEAR,
    ),
    st.tuples(st.just("targets"), st.sampled_from(ISO3), st.floats(1, 5), st.floats(2, 7)),
    st.tuples(
        st.just("vintage"),
        st.sampled_from(["IMF WEO April 2026", "IMF WEO October 2025", "IMF WEO April 2025"]),
    ),
    st.tuples(st.just("horizon"), st.integers(2027, 2040)),
)
MEASURE_OF = {
    "growth": Measure.REAL_GROWTH,
    "deflator": Measure.DEFLATOR,
    "gdp": Measure.NOMINAL_GDP,
    "budget": Measure.CORE_BUDGET,
    "related": Measure.RELATED_SHARE,
}


def apply_edit(scenario: Scenario, change: tuple) -> None:
    kind, *args = change
    if kind in MEASURE_OF:
        iso3, year, value = args
        scenario.set_year_input(MEASURE_OF[kind], iso3, year, value)
    elif kind == "policy":
        iso3, policy_kind, rate, share, year = args
        scenario.set_core_policy(
            iso3,
            CorePolicy(
                kind=policy_kind, rate_pct=rate, share_pct=share, target_pct=share, target_year=year
            ),
        )
    elif kind == "track":
        iso3, track_kind, share, year = args
        scenario.set_related_track(
            iso3, RelatedTrack(kind=track_kind, share_pct=share, target_year=year)
        )
    elif kind == "targets":
        iso3, core, total = args
        scenario.set_targets(iso3, Targets(core, total))
    elif kind == "vintage":
        scenario.set_gdp_vintage(args[0])
    else:
        scenario.set_horizon(args[0])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=st.lists(edit, min_size=1, max_size=12))
def test_incremental_recompute_equals_projection_from_scratch(
    scenario_template: Scenario, edits: list
) -> None:
    scenario = scenario_template.copy()
    incremental = Projection(scenario)
    for change in edits:
        apply_edit(scenario, change)
        incremental.update()
    from_scratch = Projection(scenario.copy())
    assert_same_paths(incremental, from_scratch)
    # Undo everything: back to the default scenario's paths.
    scenario.restore(scenario_template.state())
    incremental.update()
    assert_same_paths(incremental, Projection(scenario_template.copy()))


# -- bad input -----------------------------------------------------------------
def test_unknown_ally_code(scenario: Scenario) -> None:
    with pytest.raises(ScenarioInputError) as caught:
        scenario.set_year_input(Measure.CORE_BUDGET, "XYZ", 2030, 100.0)
    assert caught.value.field == "ally"
    assert "'XYZ'" in str(caught.value)
    with pytest.raises(ScenarioInputError, match="Germany"):
        scenario.set_core_policy("DEX", CorePolicy())  # suggests the closest ally


@pytest.mark.parametrize("horizon", [2025, 2026, 2041, 2050, "2030", 2030.0, None])
def test_bad_horizon(scenario: Scenario, horizon: object) -> None:
    with pytest.raises(ScenarioInputError) as caught:
        scenario.set_horizon(horizon)  # type: ignore[arg-type]
    assert caught.value.field == "horizon"
    assert scenario.horizon == 2035


def test_bad_scenario_construction() -> None:
    with pytest.raises(ScenarioInputError, match="horizon"):
        Scenario(horizon=2041)
    with pytest.raises(ScenarioInputError, match="base year"):
        Scenario(base_year=2030)
    with pytest.raises(ScenarioInputError, match="vintage"):
        Scenario(gdp_vintage="IMF WEO April 2019")


@pytest.mark.parametrize(
    ("measure", "value", "field_words"),
    [
        (Measure.NOMINAL_GDP, -100.0, "nominal GDP"),
        (Measure.NOMINAL_GDP, 0.0, "nominal GDP"),
        (Measure.CORE_BUDGET, -1.0, "core defence budget"),
        (Measure.CORE_BUDGET, float("nan"), "core defence budget"),
        (Measure.CORE_BUDGET, float("inf"), "core defence budget"),
        (Measure.CORE_BUDGET, "12 000", "core defence budget"),
        (Measure.REAL_GROWTH, -100.0, "real GDP growth"),
        (Measure.DEFLATOR, "2%", "deflator"),
        (Measure.RELATED_SHARE, -0.5, "related spending"),
        (Measure.RELATED_SHARE, True, "related spending"),
    ],
)
def test_bad_year_values_name_the_input(
    scenario: Scenario, measure: Measure, value: object, field_words: str
) -> None:
    before = scenario.state()
    with pytest.raises(ScenarioInputError) as caught:
        scenario.set_year_input(measure, "DEU", 2030, value)  # type: ignore[arg-type]
    assert field_words in caught.value.field
    assert "DEU" in caught.value.field and "2030" in caught.value.field
    assert scenario.year_input(measure, "DEU", 2030) is None  # nothing stored
    assert scenario.inputs_equal(_scenario_with(before))


def _scenario_with(state) -> Scenario:
    scenario = Scenario()
    scenario.restore(state)
    return scenario


@pytest.mark.parametrize("year", [2026, 2041, "2030", 2030.5])
def test_bad_year(scenario: Scenario, year: object) -> None:
    with pytest.raises(ScenarioInputError, match="year"):
        scenario.set_year_input(Measure.CORE_BUDGET, "DEU", year, 100.0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("policy", "words"),
    [
        (CorePolicy(kind=BudgetPolicy.NOMINAL_GROWTH, rate_pct=float("nan")), "growth rate"),
        (CorePolicy(kind=BudgetPolicy.NOMINAL_GROWTH, rate_pct="3"), "growth rate"),  # type: ignore[arg-type]
        (CorePolicy(kind=BudgetPolicy.CONSTANT_SHARE, share_pct=-1.0), "share"),
        (CorePolicy(kind=BudgetPolicy.RAMP_TO_TARGET, target_year=2026), "target year"),
        (CorePolicy(kind=BudgetPolicy.RAMP_TO_TARGET, target_year=2045), "target year"),
        (CorePolicy(kind="spend more"), "kind"),  # type: ignore[arg-type]
    ],
)
def test_bad_core_policy(scenario: Scenario, policy: CorePolicy, words: str) -> None:
    with pytest.raises(ScenarioInputError) as caught:
        scenario.set_core_policy("POL", policy)
    assert "POL" in caught.value.field and words in caught.value.field
    assert scenario.core_policy("POL") == CorePolicy()


def test_bad_related_track_and_targets(scenario: Scenario) -> None:
    with pytest.raises(ScenarioInputError, match="related spending \\(DEU\\)"):
        scenario.set_related_track(
            "DEU", RelatedTrack(kind=RelatedPolicy.CONSTANT_SHARE, share_pct=-1.0)
        )
    with pytest.raises(ScenarioInputError, match="related spending \\(DEU\\) kind"):
        scenario.set_related_track("DEU", RelatedTrack(kind="lots"))  # type: ignore[arg-type]
    with pytest.raises(ScenarioInputError, match="core target \\(ESP\\)"):
        scenario.set_targets("ESP", Targets(core_pct=0.0))
    with pytest.raises(ScenarioInputError, match="total target \\(ESP\\)"):
        scenario.set_targets("ESP", Targets(total_pct=float("nan")))


def test_base_year_2024_projects_2025_gdp_as_nato_published_it() -> None:
    """Years NATO covers but the IMF vintage does not (2025 in April 2026) use NATO's growth.

    Real growth from NATO's constant-price GDP and the deflator implied by its
    current-price GDP, so a projection from 2024 lands on NATO's 2025e GDP.
    """
    table = pd.read_csv(
        Path(__file__).resolve().parents[2] / "data" / "nato_defence_expenditure.csv"
    )
    gdp = table.set_index(["iso3", "year"])["gdp_national_billion_derived"]
    scenario = Scenario(base_year=2024)
    projection = Projection(scenario)
    for iso3 in ("DEU", "POL", "USA", "FRA"):
        row = scenario.row(iso3)
        assert projection.paths.gdp_bn[row, 1] == pytest.approx(gdp[(iso3, 2025)], rel=1e-9)
    # 2026 and later come from the IMF vintage itself (Germany 2026: 0.791%, CPI 2.651%).
    row = scenario.row("DEU")
    assert scenario.effective_growth_pct()[row, 1] == 0.791
    assert scenario.effective_deflator_pct()[row, 1] == 2.651
