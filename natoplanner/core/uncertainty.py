"""Monte Carlo over real GDP growth, the deflator and NATO's base-year estimate.

**The joint model (default).** What moves the paths is drawn jointly, so a
bad year for one ally is, as in the data, a bad year for most:

- *Shocks across allies* are whole vectors of the IMF's own forecast
  revisions, bootstrapped: every pair of consecutive WEO vintages in
  ``gdp_forecast.csv`` (April 2025 → October 2025 and the latest, October
  2025 → April 2026) and every year both forecast gives one vector of the
  32 allies' revisions (real growth and CPI together). A draw picks a vector
  and a sign (so the central path stays the scenario's), which keeps the
  correlation across allies (78% of allies revised 2026 the same way in the
  latest pair). An ally the IMF never revised (Montenegro's growth) takes the
  vector's cross-ally mean, the common part of that revision.
- *Persistence across years:* the yearly shock follows
  ``e[t] = ρ e[t-1] + √(1-ρ²) v[t]``, ``ρ`` the correlation of consecutive
  years' revisions in the same data (0.53 and 0.60 for the two pairs; pooled,
  :func:`revision_persistence`). The spread of the GDP *level*, and so of
  shares and money, grows with the horizon.
- *NATO's base-year estimate* (the 2026e share every path is anchored on)
  moves between editions: vectors of the revisions from an edition's
  estimate to NATO's latest figure (``nato_share_gdp_vintages.csv``: 2023e
  in the 2023 edition, 2024e in 2024 and 2025, 2025e in 2025; RMS
  0.10–0.32 pp) are bootstrapped the same way. A revision δ multiplies the
  shares of money-defined plans by ``(s_b+δ)/s_b`` and divides the money a
  share-defined plan needs by the same factor.

So for a share-defined plan (constant share, ramp) the band is on the money
it needs, not on a share that cannot move; for money-defined plans (growth,
explicit amounts) it is on the share.

**Scale.** The vectors are six-month revisions, which understate the full
forecast error (pooled RMS 0.2-0.3 pp a year). By default (``scale=
"documented"``) each ally's shocks are rescaled, year by year, to the
documented spread of growth forecast errors that many years ahead
(:mod:`natoplanner.core.spreads.forecast_errors`: at least √(π/2) × the European
Commission's year-ahead mean absolute error, 1.08 pp, and the IMF's own
average miss at that horizon, IEO 2014 Table A2.1, up to 1.62 pp for Italy
five years ahead); ``scale="revisions"`` keeps the revisions as they are;
``MonteCarloSettings.growth_spread_pp`` sets any spread (pp, per ally and
year). Deflator shocks keep the revisions' scale (no published deflator
error statistic is transcribed).

**The independent model** (``model="independent"``) is the earlier one:
``g + σ·z`` with z standard normal, independent across draws, allies and
years, σ per ally from :func:`natoplanner.core.spreads.shocks.revision_spread_table`;
kept for comparison (the alliance-count distribution is much narrower under it).

Draws come from numpy's SFC64 generator seeded by ``SeedSequence(seed)``,
drawn in chunks in draw order, so results depend only on the seed and the
number of draws, not on the chunk size.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from natoplanner.core.batch import batch_inputs, core_share_paths
from natoplanner.core.dataset import FIRST_HISTORY_YEAR
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.indicators.aggregates import (
    history_real_gdp_usd_bn,
    iceland_gdp_usd_bn,
)
from natoplanner.core.projection import TOLERANCE_PP, Projection
from natoplanner.core.scenario import CORE_TARGET_PCT, RELATED_CAP_PCT, BudgetPolicy, Scenario
from natoplanner.core.spreads.forecast_errors import documented_spread_pp
from natoplanner.core.spreads.shocks import (
    default_spread_pp,
    shock_library,
)

PERCENTILES = (10, 25, 50, 75, 90)
DEFAULT_SEED = 20250625  # the Hague summit
DEFAULT_DRAWS = 10_000
#: Most draws in one run (the dialog's limit too): 200,000 take about 5 s and under 1 GB.
MAX_DRAWS = 200_000
MODELS = ("joint", "independent")
#: How the growth shocks are scaled: documented forecast errors, or the revisions.
SCALES = ("documented", "revisions")


class MonteCarloCancelled(Exception):
    """Raised when the caller's ``is_cancelled`` returned True between chunks."""


# -- settings and results ------------------------------------------------------------------
@dataclass(frozen=True)
class MonteCarloSettings:
    """How to draw.

    ``model``: "joint" (bootstrapped revision vectors, persistent and correlated)
    or "independent" (normal, independent). ``growth_spread_pp`` /
    ``deflator_spread_pp``: σ in percentage points, a scalar or an array (allies
    × ``scenario.years``); None for the revisions as they are. In the joint
    model a σ rescales each ally's shocks to that root mean square.
    ``base_year_revision``: draw NATO's revision of the base-year share (joint
    model). ``correlated=False`` draws each ally's vector on its own (the same
    spreads without the correlation across allies; for comparison). ``scale``
    (when ``growth_spread_pp`` is None): "documented" (forecast-error
    statistics, :mod:`natoplanner.core.spreads.forecast_errors`) or "revisions".
    ``chunk_draws`` draws are simulated between two progress reports.
    """

    n_draws: int = DEFAULT_DRAWS
    seed: int = DEFAULT_SEED
    growth_spread_pp: float | np.ndarray | None = None
    draw_deflator: bool = False
    deflator_spread_pp: float | np.ndarray | None = None
    chunk_draws: int = 2_500
    model: str = "joint"
    base_year_revision: bool = True
    correlated: bool = True
    scale: str = "documented"


@dataclass(frozen=True)
class MonteCarloResult:
    """Percentile bands and target probabilities.

    ``core_share_pct``, ``total_share_pct`` (% of GDP) and ``core_budget_mn``
    (million national currency) have shape (allies, len(PERCENTILES),
    len(years)); years run base..horizon. Rows follow the registry; Iceland's
    are NaN. ``prob_core`` / ``prob_total``: share of draws (0-1) meeting each
    ally's core / total target at the horizon (total: core + min(related, 1.5)
    with core at its target). ``horizon_core_draws_pct``: core share at the
    horizon per draw (draws × allies). ``alliance_draws``: per draw at the
    horizon, ``nato_core_share_pct``, ``europe_canada_core_share_pct``
    (GDP-weighted the NATO way), ``nato_core_usd_bn``,
    ``europe_canada_core_usd_bn`` (base-year prices and exchange rates) and
    ``allies_at_3_5_nato`` / ``allies_at_3_5_europe_canada`` (counts).
    """

    iso3: tuple[str, ...]
    years: np.ndarray
    percentiles: tuple[int, ...]
    core_share_pct: np.ndarray
    total_share_pct: np.ndarray
    prob_core: np.ndarray
    prob_total: np.ndarray
    core_targets_pct: np.ndarray
    total_targets_pct: np.ndarray
    horizon_core_draws_pct: np.ndarray
    horizon_related_pct: np.ndarray
    growth_spread_pp: np.ndarray
    deflator_spread_pp: np.ndarray | None
    n_draws: int
    seed: int
    core_budget_mn: np.ndarray | None = None
    alliance_draws: dict[str, np.ndarray] = field(default_factory=dict)
    model: str = "joint"
    persistence: float = 0.0

    def probability_core_at_least(self, target_pct: float | np.ndarray) -> np.ndarray:
        """Share of draws (0-1) with core share ≥ ``target_pct`` at the horizon, per ally."""
        return _share_of_draws_at_least(self.horizon_core_draws_pct, target_pct)

    def probability_total_at_least(self, target_pct: float | np.ndarray) -> np.ndarray:
        """Share of draws (0-1) with the countable total ≥ ``target_pct`` at the horizon."""
        counted = np.minimum(self.horizon_related_pct, RELATED_CAP_PCT)
        return self.probability_core_at_least(np.asarray(target_pct) - counted)

    def band(self, iso3: str, measure: str = "core") -> pd.DataFrame:
        """Percentiles of one ally's core or total share (% of GDP), or of its core
        budget (``measure="budget"``, million national currency), one row per year."""
        row = self.iso3.index(iso3)
        values = {
            "core": self.core_share_pct,
            "total": self.total_share_pct,
            "budget": self.core_budget_mn,
        }[measure][row]
        frame = pd.DataFrame(values.T, columns=[f"p{q}" for q in self.percentiles])
        frame.insert(0, "year", self.years)
        return frame

    def percentile_frame(self) -> pd.DataFrame:
        """Tidy frame: iso3, year, measure ("core"/"total"), p10..p90 (% of GDP)."""
        parts = []
        for measure, values in (("core", self.core_share_pct), ("total", self.total_share_pct)):
            n_allies, n_q, n_years = values.shape
            part = pd.DataFrame(
                values.transpose(0, 2, 1).reshape(-1, n_q),
                columns=[f"p{q}" for q in self.percentiles],
            )
            part.insert(0, "measure", measure)
            part.insert(0, "year", np.tile(self.years, n_allies))
            part.insert(0, "iso3", np.repeat(self.iso3, n_years))
            parts.append(part)
        return pd.concat(parts, ignore_index=True)

    def probability_table(self) -> pd.DataFrame:
        """Per ally: targets (% of GDP) and probability (0-1) of meeting them at the horizon."""
        return pd.DataFrame(
            {
                "core_target_pct": self.core_targets_pct,
                "prob_core": self.prob_core,
                "total_target_pct": self.total_targets_pct,
                "prob_total": self.prob_total,
            },
            index=pd.Index(self.iso3, name="iso3"),
        )


# -- drawing -------------------------------------------------------------------------------
def _drawn_pct(
    mean_pct: np.ndarray, sigma_pp: np.ndarray, rng: np.random.Generator, n_draws: int
) -> np.ndarray:
    """``mean + σ·z``, year-major ``(years, draws, allies)``; z drawn as (draws, allies, years)."""
    noise = rng.standard_normal((n_draws, *mean_pct.shape)).transpose(2, 0, 1)
    drawn = np.empty(noise.shape)
    np.multiply(sigma_pp.T[:, None, :], noise, out=drawn)
    drawn += mean_pct.T[:, None, :]
    return drawn


def _persistent_shocks(
    vectors: np.ndarray, picks: np.ndarray, signs: np.ndarray, rho: float
) -> np.ndarray:
    """AR(1) of bootstrapped vectors, year-major ``(years, draws, allies)``.

    ``picks`` and ``signs`` are (draws, years): the vector and the sign of each
    year's innovation, the same for every ally; or (draws, years, allies) to draw
    each ally on its own. ``e[t] = ρ e[t-1] + √(1-ρ²) v[t]``, ``e[1] = v[1]``.
    """
    # Year by year on (draws × allies) slices: one pass over memory, no big temporaries.
    n_years, n_draws = picks.shape[1], picks.shape[0]
    shocks = np.empty((n_years, n_draws, vectors.shape[1]))
    scale = np.sqrt(1.0 - rho * rho)
    allies = np.arange(vectors.shape[1])
    for t in range(n_years):
        if picks.ndim == 3:  # one pick per ally: same marginals, no correlation across allies
            innovation = vectors[picks[:, t], allies]
            innovation *= signs[:, t]
        else:
            innovation = vectors[picks[:, t]]
            innovation *= signs[:, t, None]
        if t == 0:
            shocks[0] = innovation
        else:
            np.multiply(shocks[t - 1], rho, out=shocks[t])
            innovation *= scale
            shocks[t] += innovation
    return shocks


def _cumulative_index(pct: np.ndarray) -> np.ndarray:
    """Π (1 + x/100) over the years of a year-major ``(years, draws, allies)`` array."""
    index = 1 + pct[0] / 100.0
    for t in range(1, len(pct)):
        index *= 1 + pct[t] / 100.0
    return index


def _sorted_percentiles(sorted_values: np.ndarray, percentiles: tuple[int, ...]) -> np.ndarray:
    """Percentiles along the last (sorted) axis, linear interpolation as numpy's default.

    Returns shape ``(rows, len(percentiles), years)`` in double precision.
    """
    n = sorted_values.shape[-1]
    result = []
    for q in percentiles:
        position = (n - 1) * q / 100.0
        low = int(np.floor(position))
        high = min(low + 1, n - 1)
        below = sorted_values[..., low].astype(float)
        above = sorted_values[..., high].astype(float)
        result.append(below + (above - below) * (position - low))
    return np.stack(result, axis=1)


def _share_of_draws_at_least(draws_pct: np.ndarray, target_pct: float | np.ndarray) -> np.ndarray:
    met = draws_pct >= np.asarray(target_pct) - TOLERANCE_PP
    return np.where(np.isnan(draws_pct[0]), np.nan, met.mean(axis=0))


def _spread(value: float | np.ndarray | None, scenario: Scenario, measure: str) -> np.ndarray:
    shape = (len(scenario.allies), len(scenario.years))
    if value is None:
        return default_spread_pp(scenario, measure)
    spread = (
        np.broadcast_to(np.asarray(value, dtype=float), shape)
        if np.ndim(value) == 0
        else np.asarray(value, dtype=float)
    )
    if spread.shape != shape or not np.isfinite(spread).all() or (spread < 0).any():
        raise ScenarioInputError(
            f"{measure} spread", f"expected finite values ≥ 0 pp, one per ally and year {shape}"
        )
    return spread


class _Draws:
    """Random streams, one per kind of number drawn, so that drawing in chunks gives
    the same numbers in the same order whatever the chunk size."""

    def __init__(self, seed: int) -> None:
        streams = [
            np.random.Generator(np.random.SFC64(child))
            for child in np.random.SeedSequence(seed).spawn(6)
        ]
        self.growth, self.deflator = streams[0], streams[1]  # the independent model
        self.picks, self.signs = streams[2], streams[3]  # the joint model's vectors
        self.base_picks, self.base_signs = streams[4], streams[5]  # NATO's revisions


def run_monte_carlo(
    scenario: Scenario,
    settings: MonteCarloSettings | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> MonteCarloResult:
    """Percentiles of core share, total share and core budget, and target probabilities.

    Parameters
    ----------
    scenario : Scenario
        Left unchanged (a copy is projected); years run base..horizon.
    settings : MonteCarloSettings, optional
    progress : callable(done_draws, total_draws), optional
        Called after each chunk of draws (from the calling thread).
    is_cancelled : callable() -> bool, optional
        Checked before each chunk; True raises :class:`MonteCarloCancelled`.
    """
    settings = settings or MonteCarloSettings()
    if not 1 <= settings.n_draws <= MAX_DRAWS:
        raise ScenarioInputError(
            "draws", f"must be between 1 and {MAX_DRAWS:,}, got {settings.n_draws:,}"
        )
    if settings.chunk_draws < 1:
        raise ScenarioInputError("draws", "the chunk size must be ≥ 1")
    if settings.seed < 0:
        raise ScenarioInputError("seed", f"must be a whole number ≥ 0, got {settings.seed}")
    if settings.model not in MODELS:
        raise ScenarioInputError("model", f"expected one of {', '.join(MODELS)}")
    if settings.scale not in SCALES:
        raise ScenarioInputError("scale", f"expected one of {', '.join(SCALES)}")
    scenario = scenario.copy()
    projection = Projection(scenario)
    n_years = scenario.horizon - scenario.base_year
    inputs = batch_inputs(scenario, n_years)
    rows = inputs.rows
    joint = settings.model == "joint"
    library = shock_library(scenario.dataset) if joint else None
    growth_spread = _spread(settings.growth_spread_pp, scenario, "growth")
    documented = settings.growth_spread_pp is None and settings.scale == "documented"
    if documented:
        growth_spread = documented_spread_pp(scenario, growth_spread)
    deflator_spread = (
        _spread(settings.deflator_spread_pp, scenario, "deflator")
        if settings.draw_deflator
        else None
    )
    draws = _Draws(settings.seed)
    if joint:
        growth_vectors, deflator_vectors, rho, scale_growth, scale_deflator = _joint_setup(
            library, settings, growth_spread, deflator_spread, rows, n_years, documented
        )

    n_allies, n_draws = len(scenario.allies), settings.n_draws
    paths = projection.paths
    central = paths.core_share_pct[rows, 1 : n_years + 1]
    central_budget = paths.core_budget_mn[rows, 1 : n_years + 1]
    # Only the allies whose share (or money) can move are sorted: a share-defined plan
    # without typed budgets holds its share in every draw, a fixed-money plan its money.
    share_based = inputs.is_share_based
    typed_budget = ~np.isnan(inputs.budget_override_mn).all(axis=1)
    moving_share = np.flatnonzero(~share_based | typed_budget)
    is_real = inputs.kind == BudgetPolicy.REAL_GROWTH
    moving_money = np.flatnonzero(share_based | (is_real & settings.draw_deflator))
    deviations = np.empty((len(moving_share), n_years, n_draws), dtype=np.float32)
    budget_deviations = np.empty((len(moving_money), n_years, n_draws), dtype=np.float32)
    horizon_core = np.full((n_draws, n_allies), np.nan)
    horizon_budget = np.empty((n_draws, len(rows)))
    horizon_real = np.empty((n_draws, len(rows)))
    horizon_prices = np.empty((n_draws, len(rows)))
    budgets = np.empty((n_years + 1, settings.chunk_draws, len(rows)))
    central_t = central.T[:, None, :]
    central_budget_t = central_budget.T[:, None, :]
    central_prices = np.prod(1 + inputs.deflator_pct / 100.0, axis=1)[None, :]
    for start in range(0, n_draws, settings.chunk_draws):
        if is_cancelled is not None and is_cancelled():
            raise MonteCarloCancelled(f"cancelled after {start} of {n_draws} draws")
        stop = min(start + settings.chunk_draws, n_draws)
        size = stop - start
        if joint:
            shape = (size, n_years) if settings.correlated else (size, n_years, len(rows))
            picks = draws.picks.integers(len(growth_vectors), size=shape)
            signs = draws.signs.integers(2, size=shape) * 2.0 - 1.0
            growth = _persistent_shocks(growth_vectors, picks, signs, rho)
            growth *= scale_growth.T[:, None, :]
            growth += inputs.growth_pct.T[:, None, :]
            deflator = None
            if deflator_spread is not None:
                deflator = _persistent_shocks(deflator_vectors, picks, signs, rho)
                deflator *= scale_deflator.T[:, None, :]
                deflator += inputs.deflator_pct.T[:, None, :]
            factor = _base_revision_factor(library, settings, inputs, draws, size)
        else:
            growth = _drawn_pct(
                inputs.growth_pct, growth_spread[rows, :n_years], draws.growth, size
            )
            deflator = None
            if deflator_spread is not None:
                deflator = _drawn_pct(
                    inputs.deflator_pct, deflator_spread[rows, :n_years], draws.deflator, size
                )
            factor = np.ones((size, len(rows)))
        chunk_budgets = budgets[:, :size]
        shares = core_share_paths(inputs, growth, deflator, budgets_out=chunk_budgets)
        # NATO revises the base-year share: money-defined plans' shares move with it,
        # share-defined plans' money moves against it.
        if joint and settings.base_year_revision:
            shares[1:] *= np.where(share_based, 1.0, factor)[None]
            chunk_budgets[1:] /= np.where(share_based, factor, 1.0)[None]
        shares[1:] -= central_t
        chunk_budgets[1:] -= central_budget_t
        deviations[:, :, start:stop] = shares[1:, :, moving_share].transpose(2, 0, 1)
        budget_deviations[:, :, start:stop] = chunk_budgets[1:, :, moving_money].transpose(2, 0, 1)
        horizon_core[start:stop, rows] = shares[-1] + central_t[-1]
        horizon_budget[start:stop] = chunk_budgets[-1] + central_budget_t[-1]
        horizon_real[start:stop] = _cumulative_index(growth)
        horizon_prices[start:stop] = (
            central_prices if deflator is None else _cumulative_index(deflator)
        )
        if progress is not None:
            progress(stop, n_draws)
    deviations.sort(axis=-1)
    budget_deviations.sort(axis=-1)

    core = np.full((n_allies, len(PERCENTILES), n_years + 1), np.nan)
    core[rows, :, 0] = paths.core_share_pct[rows, :1]
    core[rows, :, 1:] = central[:, None, :]
    core[rows[moving_share], :, 1:] += _sorted_percentiles(deviations, PERCENTILES)
    budget = np.full((n_allies, len(PERCENTILES), n_years + 1), np.nan)
    budget[rows, :, 0] = paths.core_budget_mn[rows, :1]
    budget[rows, :, 1:] = central_budget[:, None, :]
    budget[rows[moving_money], :, 1:] += _sorted_percentiles(budget_deviations, PERCENTILES)
    related = paths.related_share_pct[:, : n_years + 1]
    counted = np.minimum(related, RELATED_CAP_PCT)
    core_targets = projection.core_targets_pct()
    total_targets = projection.total_targets_pct()
    needed_for_total = np.maximum(core_targets, total_targets - counted[:, -1])
    return MonteCarloResult(
        iso3=tuple(a.iso3 for a in scenario.allies),
        years=projection.years.copy(),
        percentiles=PERCENTILES,
        core_share_pct=core,
        total_share_pct=core + counted[:, None, :],
        prob_core=_share_of_draws_at_least(horizon_core, core_targets),
        prob_total=_share_of_draws_at_least(horizon_core, needed_for_total),
        core_targets_pct=core_targets,
        total_targets_pct=total_targets,
        horizon_core_draws_pct=horizon_core,
        horizon_related_pct=related[:, -1],
        growth_spread_pp=growth_spread,
        deflator_spread_pp=deflator_spread,
        n_draws=settings.n_draws,
        seed=settings.seed,
        core_budget_mn=budget,
        alliance_draws=_alliance_draws(
            scenario, rows, horizon_core[:, rows], horizon_budget, horizon_real, horizon_prices
        ),
        model=settings.model,
        persistence=library.persistence if library is not None else 0.0,
    )


def _joint_setup(library, settings, growth_spread, deflator_spread, rows, n_years, documented):
    """Vectors for the drawn allies, ρ, and the per-ally × year scales (growth rescaled
    to ``growth_spread`` when chosen or ``documented``)."""
    growth_vectors = library.growth_pp[:, rows]
    deflator_vectors = library.deflator_pp[:, rows]

    def scale(vectors: np.ndarray, chosen, spread) -> np.ndarray:
        if chosen is None or spread is None:
            return np.ones((len(rows), n_years))
        rms = np.sqrt((vectors**2).mean(axis=0))
        wanted = spread[rows, :n_years]
        return np.where(rms[:, None] > 0, wanted / np.where(rms > 0, rms, 1.0)[:, None], 0.0)

    return (
        growth_vectors,
        deflator_vectors,
        library.persistence,
        scale(growth_vectors, True if documented else settings.growth_spread_pp, growth_spread),
        scale(deflator_vectors, settings.deflator_spread_pp, deflator_spread),
    )


def _base_revision_factor(library, settings, inputs, draws: _Draws, size: int) -> np.ndarray:
    """(draws × allies) factor ``(s_b + δ) / s_b`` for NATO's base-year revision."""
    if not settings.base_year_revision or len(library.base_share_pp) == 0:
        return np.ones((size, len(inputs.rows)))
    vectors = library.base_share_pp[:, inputs.rows]
    shape = size if settings.correlated else (size, len(inputs.rows))
    picks = draws.base_picks.integers(len(vectors), size=shape)
    signs = draws.base_signs.integers(2, size=shape) * 2.0 - 1.0
    if settings.correlated:
        delta = vectors[picks] * signs[:, None]
    else:
        delta = vectors[picks, np.arange(len(inputs.rows))] * signs
    return np.maximum(inputs.base_share_pct + delta, 0.0) / inputs.base_share_pct


def _alliance_draws(
    scenario: Scenario,
    rows: np.ndarray,
    core_pct: np.ndarray,
    budget_mn: np.ndarray,
    real_index: np.ndarray,
    price_index: np.ndarray,
) -> dict[str, np.ndarray]:
    """NATO and Europe + Canada at the horizon for each draw, the NATO way: shares
    weighted by base-year real GDP (constant prices) grown by the draw's real growth,
    Iceland's GDP in the denominator; money at base-year prices and exchange rates."""
    dataset = scenario.dataset
    col = scenario.base_year - FIRST_HISTORY_YEAR
    weights = history_real_gdp_usd_bn(dataset)[rows, col][None, :] * real_index
    iceland_row = dataset.registry.iso3_codes.index("ISL")
    iceland = iceland_gdp_usd_bn(dataset)[col] * np.prod(
        1
        + scenario.effective_growth_pct()[iceland_row, : scenario.horizon - scenario.base_year]
        / 100.0
    )
    usd_bn = budget_mn / price_index / scenario.base.fx_per_usd[rows][None, :] / 1000.0
    is_us = np.array([scenario.allies[r].iso3 == "USA" for r in rows])
    result: dict[str, np.ndarray] = {}
    for group, mask in (("nato", np.ones_like(is_us)), ("europe_canada", ~is_us)):
        w = weights[:, mask]
        result[f"{group}_core_share_pct"] = (core_pct[:, mask] * w).sum(axis=1) / (
            w.sum(axis=1) + iceland
        )
        result[f"{group}_core_usd_bn"] = usd_bn[:, mask].sum(axis=1)
        result[f"allies_at_3_5_{group}"] = (
            core_pct[:, mask] >= CORE_TARGET_PCT - TOLERANCE_PP
        ).sum(axis=1)
    return result
