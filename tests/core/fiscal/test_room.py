"""Escape-clause arithmetic against hand calculations from NATO's table (the bundled CSV).

The expected figures are read straight from ``data/nato_defence_expenditure.csv``
with pandas and combined by the Council's rule as the test states it: the
increase against the 2021 share, up to 1.5 pp inside the clause in 2025-2028,
everything outside after 2028.
"""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.fiscal.room import ClauseStatus, fiscal_room
from natoplanner.core.fiscal.rules import FiscalAssumptions, set_fiscal_assumptions
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Scenario

DATA = Path(__file__).resolve().parents[3] / "data"
CAP = 1.5


def nato_share(iso3: str, year: int) -> float:
    table = pd.read_csv(DATA / "nato_defence_expenditure.csv")
    row = table[(table["iso3"] == iso3) & (table["year"] == year)]
    return float(row["defence_share_gdp_pct"].iloc[0])


def cell(room, array, iso3: str, year: int) -> float:
    return float(array[room.iso3.index(iso3), room.column(year)])


@pytest.fixture(scope="module")
def room():
    return fiscal_room(Projection(Scenario()))


@pytest.mark.parametrize("iso3", ["POL", "DEU"])
@pytest.mark.parametrize("year", [2025, 2026])
def test_increase_split_by_hand_from_the_csv(room, iso3: str, year: int) -> None:
    increase = nato_share(iso3, year) - nato_share(iso3, 2021)
    inside = min(max(increase, 0.0), CAP)
    assert cell(room, room.increase_pp, iso3, year) == pytest.approx(increase, abs=1e-12)
    assert cell(room, room.inside_pp, iso3, year) == pytest.approx(inside, abs=1e-12)
    assert cell(room, room.outside_pp, iso3, year) == pytest.approx(increase - inside, abs=1e-12)
    assert room.status[room.iso3.index(iso3), room.column(year)] is ClauseStatus.ACTIVE


def test_poland_cap_binds_and_germany_is_inside(room) -> None:
    # Poland 2026e 4.68% against 2.19% in 2021: 2.49 pp, of which 1.5 inside.
    poland = nato_share("POL", 2026) - nato_share("POL", 2021)
    assert poland > CAP
    assert cell(room, room.inside_pp, "POL", 2026) == pytest.approx(CAP)
    assert cell(room, room.outside_pp, "POL", 2026) == pytest.approx(poland - CAP)
    germany = nato_share("DEU", 2026) - nato_share("DEU", 2021)
    assert 0 < germany < CAP
    assert cell(room, room.outside_pp, "DEU", 2026) == 0.0


def test_after_the_last_year_the_whole_increase_is_outside(room) -> None:
    # The default scenario holds the 2026 share: 2029 has the 2026 share's increase.
    increase = nato_share("POL", 2026) - nato_share("POL", 2021)
    assert cell(room, room.inside_pp, "POL", 2029) == 0.0
    assert cell(room, room.outside_pp, "POL", 2029) == pytest.approx(increase, abs=1e-9)
    assert room.status[room.iso3.index("POL"), room.column(2029)] is ClauseStatus.ENDED
    described = room.status[0, 0].describe(room.rules)
    assert "not an EU member" in described  # Albania


def test_france_and_non_eu_allies_are_not_applicable(room) -> None:
    france = room.status[room.iso3.index("FRA"), room.column(2026)]
    assert france is ClauseStatus.NOT_ACTIVATED
    assert "not activated" in france.describe(room.rules)
    assert math.isnan(cell(room, room.inside_pp, "FRA", 2026))
    # France's increase is still shown: the planner sees what it would be.
    expected = nato_share("FRA", 2026) - nato_share("FRA", 2021)
    assert cell(room, room.increase_pp, "FRA", 2026) == pytest.approx(expected)
    for iso3 in ("NOR", "GBR", "USA", "CAN", "TUR"):
        status = room.status[room.iso3.index(iso3), room.column(2026)]
        assert status is ClauseStatus.NOT_EU
        assert math.isnan(cell(room, room.outside_pp, iso3, 2026))


def test_edited_rules_move_the_split() -> None:
    scenario = Scenario()
    rules = replace(scenario.fiscal, cap_pct=1.0, last_year=2030)
    rules = rules.with_cofog_baseline("DEU", 1.3).with_covered("FRA", True)
    set_fiscal_assumptions(scenario, rules)
    room = fiscal_room(Projection(scenario))
    increase = nato_share("DEU", 2026) - 1.3  # the typed COFOG-basis baseline
    assert cell(room, room.inside_pp, "DEU", 2026) == pytest.approx(1.0)
    assert cell(room, room.outside_pp, "DEU", 2026) == pytest.approx(increase - 1.0)
    assert room.status[room.iso3.index("DEU"), room.column(2030)] is ClauseStatus.ACTIVE
    assert room.baseline_is_cofog[room.iso3.index("DEU")]
    france = nato_share("FRA", 2026) - nato_share("FRA", 2021)
    assert cell(room, room.inside_pp, "FRA", 2026) == pytest.approx(min(france, 1.0))


def test_money_is_the_pp_times_the_cost_of_a_point(room) -> None:
    table = pd.read_csv(DATA / "nato_defence_expenditure.csv")
    row = table[(table["iso3"] == "POL") & (table["year"] == 2025)].iloc[0]
    cost = row["defence_exp_national_million"] / row["defence_share_gdp_pct"]
    increase = row["defence_share_gdp_pct"] - nato_share("POL", 2021)
    assert cell(room, room.increase_mn, "POL", 2025) == pytest.approx(increase * cost)


@pytest.mark.parametrize(
    "change, field",
    [
        ({"covered": frozenset({"NOR"})}, "escape clause (NOR)"),
        ({"baseline_year": 2025}, "escape clause first year"),
        ({"last_year": 2024}, "escape clause last year"),
        ({"cap_pct": -1.0}, "escape clause cap"),
        ({"baseline_year": 2013}, "escape clause baseline year"),
        ({"cofog_baseline_pct": (("POL", 120.0),)}, "COFOG baseline share (POL)"),
    ],
)
def test_bad_rules_are_refused_naming_the_input(change: dict, field: str) -> None:
    scenario = Scenario()
    before = scenario.fiscal
    with pytest.raises(ScenarioInputError) as caught:
        set_fiscal_assumptions(scenario, replace(before, **change))
    assert caught.value.field == field
    assert scenario.fiscal == before


def test_the_bundled_rules_follow_the_council_decisions() -> None:
    covered = FiscalAssumptions.bundled().covered
    council_2025_07_08 = {
        "BEL", "BGR", "HRV", "CZE", "DNK", "EST", "FIN", "GRC",
        "HUN", "LVA", "LTU", "POL", "PRT", "SVK", "SVN",
    }  # fmt: skip
    assert council_2025_07_08 | {"DEU"} <= covered
    assert not covered & {"FRA", "ITA", "NLD", "NOR", "GBR", "USA"}


def test_first_round_effect_on_net_lending_and_debt_by_hand() -> None:
    from natoplanner.core.scenario import BudgetPolicy, CorePolicy

    scenario = Scenario()
    scenario.set_core_policy(
        "POL", CorePolicy(BudgetPolicy.NOMINAL_GROWTH, rate_pct=10.0)
    )  # a budget that outgrows GDP
    set_fiscal_assumptions(scenario, scenario.fiscal.with_public_finances("POL", -6.5, None))
    projection = Projection(scenario)
    room = fiscal_room(projection)
    i, paths = room.iso3.index("POL"), projection.paths
    share, gdp = paths.core_share_pct[i], paths.gdp_bn[i]
    extra = share - share[0]
    # Δdebt by hand: the extra spending in money, cumulated, over this year's GDP.
    debt_2028 = (extra[1] * gdp[1] + extra[2] * gdp[2]) / gdp[2]
    assert cell(room, room.net_lending_effect_pp, "POL", 2028) == pytest.approx(-extra[2])
    assert cell(room, room.gross_debt_effect_pp, "POL", 2028) == pytest.approx(debt_2028)
    assert cell(room, room.net_lending_pct, "POL", 2028) == pytest.approx(-6.5 - extra[2])
    assert math.isnan(cell(room, room.gross_debt_pct, "POL", 2028))  # no debt figure typed
    assert math.isnan(cell(room, room.net_lending_effect_pp, "POL", 2025))  # before the base
    assert cell(room, room.net_lending_effect_pp, "DEU", 2030) == 0.0  # share held: no effect
