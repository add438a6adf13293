"""Monte Carlo over GDP growth: exactness at zero spread, statistics checked by hand."""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest

from natoplanner.core.goalseek import apply_changes, goal_seek_below_target
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import (
    BudgetPolicy,
    CorePolicy,
    Measure,
    RelatedPolicy,
    RelatedTrack,
    Scenario,
)
from natoplanner.core.spreads.shocks import revision_spread_table, shock_library
from natoplanner.core.uncertainty import (
    PERCENTILES,
    MonteCarloCancelled,
    MonteCarloSettings,
    run_monte_carlo,
)
from tests.core import hand_calc as hand


def mixed_scenario() -> Scenario:
    """Every kind of policy and override, so every branch of the recursion runs."""
    scenario = Scenario()
    scenario.set_core_policy("POL", CorePolicy(BudgetPolicy.NOMINAL_GROWTH, rate_pct=5.0))
    scenario.set_core_policy("DEU", CorePolicy(BudgetPolicy.REAL_GROWTH, rate_pct=3.0))
    scenario.set_core_policy(
        "FRA", CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2032)
    )
    scenario.set_core_policy("ITA", CorePolicy(BudgetPolicy.EXPLICIT))
    scenario.set_core_policy("NLD", CorePolicy(BudgetPolicy.CONSTANT_SHARE, share_pct=3.0))
    scenario.set_year_input(Measure.CORE_BUDGET, "FRA", 2029, 80_000.0)
    scenario.set_year_input(Measure.CORE_BUDGET, "ITA", 2028, 45_000.0)
    scenario.set_year_input(Measure.NOMINAL_GDP, "GBR", 2030, 4_000.0)
    scenario.set_year_input(Measure.REAL_GROWTH, "ESP", 2028, -1.0)
    scenario.set_related_track("ESP", RelatedTrack(RelatedPolicy.RAMP_TO_TARGET, 0.5, 1.5, 2030))
    return scenario


def _revisions_by_hand() -> pd.DataFrame:
    """Both consecutive vintage pairs' revisions (newer − older), straight from the CSV."""
    forecasts = hand.forecasts()
    columns = ["real_gdp_growth_pct", "cpi_inflation_pct"]
    vintages = ["IMF WEO April 2025", "IMF WEO October 2025", "IMF WEO April 2026"]
    frames = []
    for older, newer in zip(vintages, vintages[1:], strict=False):
        old = forecasts[forecasts["vintage"] == older].set_index(["iso3", "year"])[columns]
        new = forecasts[forecasts["vintage"] == newer].set_index(["iso3", "year"])[columns]
        frame = (new - old.reindex(new.index)).dropna()
        frame["pair"] = newer
        frames.append(frame)
    return pd.concat(frames)


def test_default_spread_is_the_rms_of_imf_revisions_both_pairs() -> None:
    revision = _revisions_by_hand()
    table = revision_spread_table(Scenario().dataset)
    usa = revision.loc["USA"]
    assert len(usa) == 6 + 5  # 2025-2030 (Apr → Oct 2025) and 2026-2030 (Oct 2025 → Apr 2026)
    assert table.at["USA", "n_revisions"] == 11
    assert table.at["USA", "growth_spread_pp"] == pytest.approx(
        math.sqrt((usa["real_gdp_growth_pct"] ** 2).mean())
    )
    assert table.at["USA", "deflator_spread_pp"] == pytest.approx(
        math.sqrt((usa["cpi_inflation_pct"] ** 2).mean())
    )
    assert table.at["USA", "growth_source"] == "revisions"
    # The IMF left Montenegro's growth unrevised from April to October 2025 and revised
    # it in April 2026: the pooled spread uses both, so no fallback is needed.
    mne = revision.loc["MNE"]
    assert (mne[mne["pair"] == "IMF WEO October 2025"]["real_gdp_growth_pct"] == 0).all()
    assert table.at["MNE", "growth_spread_pp"] == pytest.approx(
        math.sqrt((mne["real_gdp_growth_pct"] ** 2).mean())
    )
    assert table.at["MNE", "growth_source"] == "revisions"


def test_persistence_and_vectors_come_from_the_data() -> None:
    revision = _revisions_by_hand()
    first, second = [], []
    for _pair, frame in revision.groupby("pair"):
        table = frame["real_gdp_growth_pct"].unstack("year")
        years = sorted(table.columns)
        for a, b in zip(years, years[1:], strict=False):
            first.extend(table[a])
            second.extend(table[b])
    rho = np.corrcoef(first, second)[0, 1]
    library = shock_library(Scenario().dataset)
    assert library.persistence == pytest.approx(rho, abs=1e-12)
    assert 0.5 < rho < 0.65  # revisions persist from one year to the next
    # One vector per (pair, year): 6 + 5; Germany's 2026 revision in the latest pair.
    assert library.growth_pp.shape == (11, 32)
    germany = revision.loc[("DEU", 2026)]
    latest = germany[germany["pair"] == "IMF WEO April 2026"]["real_gdp_growth_pct"].iloc[0]
    row = library.labels.index("IMF WEO October 2025 → IMF WEO April 2026, 2026")
    assert library.growth_pp[row, Scenario().row("DEU")] == pytest.approx(latest)
    # NATO's estimate revisions: 2023e (2023 edition), 2024e (2024 and 2025), 2025e (2025).
    vintages = pd.read_csv(hand.DATA / "nato_share_gdp_vintages.csv")
    latest_nato = vintages[vintages["vintage"] == "ed2026"].set_index(["iso3", "year"])
    usa_2024 = latest_nato.at[("USA", 2024), "defence_share_gdp_pct"]
    old = vintages[(vintages["vintage"] == "ed2024") & (vintages["iso3"] == "USA")]
    assert library.base_share_pp.shape[0] == 4
    assert round(usa_2024 - old["defence_share_gdp_pct"].iloc[0], 10) in set(
        library.base_share_pp[:, Scenario().row("USA")].round(10)
    )


def test_zero_spread_equals_the_deterministic_projection() -> None:
    scenario = mixed_scenario()
    settings = MonteCarloSettings(
        n_draws=64,
        growth_spread_pp=0.0,
        draw_deflator=True,
        deflator_spread_pp=0.0,
        chunk_draws=25,
        base_year_revision=False,
    )
    result = run_monte_carlo(scenario, settings)
    paths = Projection(scenario.copy()).paths
    n = scenario.horizon - scenario.base_year + 1
    has = ~np.isnan(paths.core_share_pct[:, 0])
    for q in range(len(PERCENTILES)):
        assert np.array_equal(result.core_share_pct[has, q], paths.core_share_pct[has, :n])
        assert np.array_equal(result.total_share_pct[has, q], paths.total_share_pct[has, :n])
    assert np.isnan(result.core_share_pct[~has]).all()  # Iceland
    met = paths.core_share_pct[has, n - 1] >= result.core_targets_pct[has] - 1e-9
    assert np.array_equal(result.prob_core[has], met.astype(float))
    assert np.array_equal(
        result.horizon_core_draws_pct[:, has], np.tile(paths.core_share_pct[has, n - 1], (64, 1))
    )


def test_one_year_percentiles_and_probability_by_hand() -> None:
    # Poland, budget +5% nominal in 2027: share = 4.68·1.05 / ((1+g)(1+p)),
    # falling in g, so its p10 is at g's p90 (mean + 1.2816σ) and so on.
    scenario = Scenario(horizon=2027)
    scenario.set_core_policy("POL", CorePolicy(BudgetPolicy.NOMINAL_GROWTH, rate_pct=5.0))
    sigma = 1.0
    mean_g, p = hand.growth_pct("POL", 2027), hand.cpi_pct("POL", 2027)

    def share(g: float) -> float:
        return 4.68 * 1.05 / ((1 + g / 100) * (1 + p / 100))

    target = share(mean_g + sigma)  # met when g ≤ mean + σ: probability Φ(1)
    scenario.set_targets("POL", scenario.targets("POL").__class__(core_pct=target, total_pct=5.0))
    result = run_monte_carlo(
        scenario, MonteCarloSettings(growth_spread_pp=sigma, model="independent")
    )
    band = result.band("POL").set_index("year").loc[2027]
    for q in PERCENTILES:
        z = NormalDist().inv_cdf(1 - q / 100)
        assert band[f"p{q}"] == pytest.approx(share(mean_g + z * sigma), abs=0.005)
    row = result.iso3.index("POL")
    assert result.prob_core[row] == pytest.approx(NormalDist().cdf(1.0), abs=0.015)
    assert result.band("POL").at[0, "p10"] == 4.68  # the base year is NATO's figure


def test_probabilities_are_monotone_in_the_target() -> None:
    scenario = Scenario()
    for ally in scenario.allies:
        if ally.iso3 != "ISL":
            scenario.set_core_policy(
                ally.iso3, CorePolicy(BudgetPolicy.NOMINAL_GROWTH, rate_pct=7.0)
            )
    result = run_monte_carlo(scenario, MonteCarloSettings(n_draws=4000, growth_spread_pp=1.5))
    targets = np.linspace(1.0, 6.0, 51)
    core = np.array([result.probability_core_at_least(t) for t in targets])
    total = np.array([result.probability_total_at_least(t) for t in targets])
    has = ~np.isnan(core[0])
    assert has.sum() == 31
    assert np.all(np.diff(core[:, has], axis=0) <= 0) and np.all(
        np.diff(total[:, has], axis=0) <= 0
    )
    assert core[0, has].max() == 1.0 and core[-1, has].min() == 0.0
    assert (core[:, has] > 0).any() & ((core[:, has] > 0) & (core[:, has] < 1)).any()
    # Bands are ordered p10 ≤ p25 ≤ … ≤ p90.
    assert np.all(np.diff(result.core_share_pct[has], axis=1) >= 0)


def test_seed_reproducibility_and_chunk_size() -> None:
    scenario = mixed_scenario()
    first = run_monte_carlo(scenario, MonteCarloSettings(n_draws=3000, seed=7, draw_deflator=True))
    again = run_monte_carlo(
        scenario, MonteCarloSettings(n_draws=3000, seed=7, draw_deflator=True, chunk_draws=700)
    )
    other = run_monte_carlo(scenario, MonteCarloSettings(n_draws=3000, seed=8, draw_deflator=True))
    assert np.array_equal(first.core_share_pct, again.core_share_pct, equal_nan=True)
    assert np.array_equal(first.prob_core, again.prob_core, equal_nan=True)
    pol = first.iso3.index("POL")
    assert not np.array_equal(first.core_share_pct[pol], other.core_share_pct[pol])


def test_which_policies_react_to_gdp_and_deflator() -> None:
    scenario = mixed_scenario()
    width = {}
    for label, settings in {
        "growth": MonteCarloSettings(n_draws=2000, growth_spread_pp=0.8, base_year_revision=False),
        "deflator": MonteCarloSettings(
            n_draws=2000,
            growth_spread_pp=0.0,
            draw_deflator=True,
            deflator_spread_pp=0.8,
            base_year_revision=False,
        ),
    }.items():
        result = run_monte_carlo(scenario, settings)
        width[label] = pd.Series(
            result.core_share_pct[:, -1, -1] - result.core_share_pct[:, 0, -1], index=result.iso3
        )
    # Fixed money (nominal growth, explicit) reacts to both; real growth only to real GDP;
    # share-based policies to neither; the ramp restarted from a typed budget in 2029
    # reaches its 2032 target whatever GDP does.
    for iso3 in ("POL", "ITA"):
        assert width["growth"][iso3] > 0.05 and width["deflator"][iso3] > 0.05
    assert width["growth"]["DEU"] > 0.05 and width["deflator"]["DEU"] < 1e-9
    for iso3 in ("NLD", "ESP", "USA", "FRA", "GBR"):
        assert width["growth"][iso3] < 1e-9 and width["deflator"][iso3] < 1e-9


def test_progress_and_cancellation() -> None:
    scenario = mixed_scenario()
    reports: list[tuple[int, int]] = []
    run_monte_carlo(
        scenario,
        MonteCarloSettings(n_draws=1000, chunk_draws=300),
        progress=lambda done, total: reports.append((done, total)),
    )
    assert reports == [(300, 1000), (600, 1000), (900, 1000), (1000, 1000)]
    reports.clear()
    with pytest.raises(MonteCarloCancelled):
        run_monte_carlo(
            scenario,
            MonteCarloSettings(n_draws=1000, chunk_draws=300),
            progress=lambda done, total: reports.append((done, total)),
            is_cancelled=lambda: len(reports) >= 1,
        )
    assert reports == [(300, 1000)]


def test_correlation_across_allies_widens_the_alliance_count() -> None:
    """Every ally below 3.5% on the growth that reaches exactly 3.5% in 2035: the count
    at 3.5% spreads much more when allies are revised together (as in the data) than
    with the same spreads drawn ally by ally."""
    scenario = Scenario()
    apply_changes(scenario, [r.change for r in goal_seek_below_target(scenario)])
    counts = {}
    for correlated in (True, False):
        settings = MonteCarloSettings(n_draws=4000, correlated=correlated)
        counts[correlated] = run_monte_carlo(scenario, settings).alliance_draws[
            "allies_at_3_5_nato"
        ]
    assert counts[True].std() > 1.4 * counts[False].std()
    p10, p90 = np.percentile(counts[True], [10, 90])
    q10, q90 = np.percentile(counts[False], [10, 90])
    assert p90 - p10 > q90 - q10
    # The same marginals: each ally's chance of 3.5% hardly moves.
    assert abs(counts[True].mean() - counts[False].mean()) < 0.5


def test_share_defined_plans_have_a_band_on_money() -> None:
    """Poland holds 4.68%: its share never moves, the money it needs does (GDP draws and
    NATO's revision of the base-year share); the p50 sits near the central budget."""
    scenario = Scenario()
    result = run_monte_carlo(scenario, MonteCarloSettings(n_draws=4000))
    share = result.band("POL")
    assert (share["p90"] - share["p10"]).abs().max() < 1e-9
    money = result.band("POL", "budget").set_index("year")
    central = Projection(scenario.copy()).paths.core_budget_mn[scenario.row("POL"), 9]
    assert money.at[2035, "p10"] < central < money.at[2035, "p90"]
    assert (money.at[2035, "p90"] - money.at[2035, "p10"]) / central > 0.05
    assert abs(money.at[2035, "p50"] / central - 1) < 0.02
    assert money.at[2026, "p10"] == money.at[2026, "p90"]  # the base year is NATO's figure


def test_nato_base_year_revision_moves_money_defined_shares() -> None:
    """At zero GDP spread, Germany's fixed-money share in 2035 takes exactly the values
    share·(s_b + δ)/s_b, δ = ± NATO's estimate revisions for Germany."""
    scenario = Scenario()
    scenario.set_core_policy("DEU", CorePolicy(BudgetPolicy.NOMINAL_GROWTH, rate_pct=4.0))
    result = run_monte_carlo(scenario, MonteCarloSettings(n_draws=3000, growth_spread_pp=0.0))
    row = scenario.row("DEU")
    central = Projection(scenario.copy()).paths.core_share_pct[row, 9]
    deltas = shock_library(scenario.dataset).base_share_pp[:, row]
    expected = {round(central * (2.69 + sign * d) / 2.69, 9) for d in deltas for sign in (1, -1)}
    found = set(np.round(result.horizon_core_draws_pct[:, row], 9))
    assert found <= expected and len(found) >= 4
