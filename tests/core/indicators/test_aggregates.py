"""Alliance aggregates against NATO's published aggregates and a hand calculation.

The reference is computed here from the CSV files with pandas, the way NATO
aggregates: members of each year, each ally's published share (constant 2021
prices) weighted by its GDP at constant 2021 prices and exchange rates (2021
USD GDP chained by NATO's real growth), and Iceland's GDP, which NATO's
aggregate GDP contains, in the denominator.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from natoplanner.core.projection import Projection
from natoplanner.core.scenario import BudgetPolicy, CorePolicy, Scenario

DATA = Path(__file__).resolve().parents[3] / "data"
JOINED = {"MNE": 2017, "MKD": 2020, "FIN": 2023, "SWE": 2024}
PUBLISHED = {"NATO": "NATO total", "Europe and Canada": "NATO Europe and Canada"}


def _real_gdp_2021_prices() -> pd.DataFrame:
    """(ally × year) GDP at constant 2021 prices, USD bn, by hand from the CSV."""
    nato = pd.read_csv(DATA / "nato_defence_expenditure.csv")
    nato = nato[nato["iso3"] != "ISL"]
    current = nato.pivot(index="iso3", columns="year", values="gdp_usd_billion_current")
    growth = nato.pivot(index="iso3", columns="year", values="real_gdp_growth_pct_derived")
    real = pd.DataFrame(index=current.index, columns=current.columns, dtype=float)
    real[2021] = current[2021]
    for year in range(2022, 2027):
        chained = real[year - 1] * (1 + growth[year] / 100)
        # Luxembourg 2023 (GNI break, no growth): same ratio to current USD as the year before.
        real[year] = chained.fillna(real[year - 1] / current[year - 1] * current[year])
    for year in range(2020, 2013, -1):
        real[year] = real[year + 1] / (1 + growth[year + 1] / 100)
    return real


def _hand_shares() -> dict[str, dict[int, float]]:
    nato = pd.read_csv(DATA / "nato_defence_expenditure.csv")
    published = pd.read_csv(DATA / "nato_aggregates.csv")
    shares = nato[nato["iso3"] != "ISL"].pivot(
        index="iso3", columns="year", values="defence_share_gdp_pct"
    )
    current = nato[nato["iso3"] != "ISL"].pivot(
        index="iso3", columns="year", values="gdp_usd_billion_current"
    )
    real = _real_gdp_2021_prices()
    result: dict[str, dict[int, float]] = {name: {} for name in PUBLISHED}
    totals = published[published["aggregate"] == "NATO total"].set_index("year")
    for year in range(2014, 2027):
        members = [code for code in shares.index if year >= JOINED.get(code, 0)]
        iceland = totals.at[year, "gdp_usd_billion_current"] - current.loc[members, year].sum()
        for name in PUBLISHED:
            group = [c for c in members if name == "NATO" or c != "USA"]
            weighted = (shares.loc[group, year] * real.loc[group, year]).sum()
            result[name][year] = weighted / (real.loc[group, year].sum() + iceland)
    return result


@pytest.fixture(scope="module")
def aggregates():
    return Projection(Scenario()).alliance_aggregates()


def test_every_year_2014_2026_reproduces_natos_published_shares(aggregates) -> None:
    published = pd.read_csv(DATA / "nato_aggregates.csv")
    frame = aggregates.frame()
    for name, label in PUBLISHED.items():
        ours = frame[frame["aggregate"] == name].set_index("year")["core_share_pct"]
        theirs = published[published["aggregate"] == label].set_index("year")[
            "defence_share_gdp_pct"
        ]
        for year in range(2014, 2027):
            assert abs(ours[year] - theirs[year]) <= 0.01, (name, year, ours[year], theirs[year])


def test_shares_equal_the_hand_calculation(aggregates) -> None:
    hand = _hand_shares()
    frame = aggregates.frame()
    for name in PUBLISHED:
        ours = frame[frame["aggregate"] == name].set_index("year")["core_share_pct"]
        for year in range(2014, 2027):
            assert ours[year] == pytest.approx(hand[name][year], rel=1e-12), (name, year)


def test_members_of_each_year_are_counted(aggregates) -> None:
    nato = pd.read_csv(DATA / "nato_defence_expenditure.csv")
    frame = aggregates.frame().set_index(["aggregate", "year"])
    for year in (2016, 2019, 2022, 2023, 2024):
        rows = nato[(nato["year"] == year) & (nato["iso3"] != "ISL")]
        rows = rows[[year >= JOINED.get(c, 0) for c in rows["iso3"]]]
        assert (
            frame.loc[("NATO", year), "allies_at_2_pct"]
            == (rows["defence_share_gdp_pct"] >= 2.0 - 1e-9).sum()
        )
    assert len(nato[(nato["year"] == 2022)]) == 32  # Sweden and Finland have rows before joining
    # The base year's money is NATO's own USD figures.
    money_2026 = nato[nato["year"] == 2026]["defence_exp_usd_million_current"].sum() / 1000
    assert frame.loc[("NATO", 2026), "core_usd_bn"] == pytest.approx(money_2026, rel=1e-12)


def test_projection_years_weight_by_real_gdp_growth() -> None:
    """In 2030, holding every share but Germany's: Σ s·W·R / (Σ W·R + Iceland·R_ISL),
    W the 2026 weights and R cumulative IMF real growth 2027–2030."""
    scenario = Scenario()
    scenario.set_core_policy("DEU", CorePolicy(BudgetPolicy.CONSTANT_SHARE, share_pct=3.5))
    ours = Projection(scenario).alliance_aggregates().frame().set_index(["aggregate", "year"])
    nato = pd.read_csv(DATA / "nato_defence_expenditure.csv")
    imf = pd.read_csv(DATA / "gdp_forecast.csv")
    imf = imf[imf["vintage"] == "IMF WEO April 2026"].pivot(
        index="iso3", columns="year", values="real_gdp_growth_pct"
    )
    growth = np.prod([1 + imf[y] / 100 for y in range(2027, 2031)], axis=0)
    growth = pd.Series(growth, index=imf.index)
    real = _real_gdp_2021_prices()[2026]
    shares = nato[(nato["year"] == 2026) & (nato["iso3"] != "ISL")].set_index("iso3")[
        "defence_share_gdp_pct"
    ]
    shares["DEU"] = 3.5
    published = pd.read_csv(DATA / "nato_aggregates.csv")
    total_gdp = published[(published["aggregate"] == "NATO total") & (published["year"] == 2026)][
        "gdp_usd_billion_current"
    ].iloc[0]
    current = nato[(nato["year"] == 2026) & (nato["iso3"] != "ISL")]["gdp_usd_billion_current"]
    iceland = (total_gdp - current.sum()) * growth["ISL"]
    weights = real * growth[real.index]
    expected = (shares[weights.index] * weights).sum() / (weights.sum() + iceland)
    assert ours.loc[("NATO", 2030), "core_share_pct"] == pytest.approx(expected, rel=1e-12)
    europe = weights.drop("USA")
    expected_europe = (shares[europe.index] * europe).sum() / (europe.sum() + iceland)
    assert ours.loc[("Europe and Canada", 2030), "core_share_pct"] == pytest.approx(
        expected_europe, rel=1e-12
    )
