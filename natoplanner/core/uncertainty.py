"""Monte Carlo over real GDP growth (and optionally the deflator).

Each draw replaces the scenario's real growth ``g[a, t]`` (% a year) by
``g[a, t] + σ[a, t] · z`` with ``z`` standard normal, independent across
draws, allies and years; with ``draw_deflator`` the deflator gets its own
independent draws the same way. The budget policies then run as in the core
(:mod:`natoplanner.core.batch`): share-based policies follow GDP, so their
core share does not move; fixed-money policies (nominal growth, explicit
amounts) and real growth see their share fall when GDP grows faster. Typed
nominal GDP amounts are kept in every draw. The related track is a share of
GDP and does not move either, so total = core draw + the related share as set.

Default spread (``σ``): per ally, the root mean square of the revisions of
the IMF WEO forecast between the April 2025 and October 2025 vintages,
``σ[a] = sqrt(mean over years (Oct[a, y] - Apr[a, y])²)`` over the forecast
years both vintages hold (2025-2030), the same in every projection year. A
six-month revision measures how much the forecast moves on news, which
understates the full forecast error; a planner can set a wider spread. Where
an ally has no pair of forecasts, or the IMF did not revise it at all (all
revisions exactly zero, e.g. Montenegro's growth), the spread falls back to
:data:`FALLBACK_GROWTH_SPREAD_PP` (0.3 pp) or
:data:`FALLBACK_DEFLATOR_SPREAD_PP` (0.5 pp): the root mean square of all
revisions of the 32 allies pooled (0.28 and 0.51 pp), rounded.

Draws come from numpy's SFC64 generator seeded by ``SeedSequence(seed)``
(one child stream for growth, one for the deflator), drawn in chunks in
draw order, so results depend only on the seed and the number of draws, not
on the chunk size.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from natoplanner.core.batch import batch_inputs, core_share_paths
from natoplanner.core.dataset import Dataset
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.projection import TOLERANCE_PP, Projection
from natoplanner.core.scenario import Scenario

REVISION_VINTAGES = ("IMF WEO April 2025", "IMF WEO October 2025")
FALLBACK_GROWTH_SPREAD_PP = 0.3
FALLBACK_DEFLATOR_SPREAD_PP = 0.5
PERCENTILES = (10, 25, 50, 75, 90)
DEFAULT_SEED = 20250625  # the Hague summit
DEFAULT_DRAWS = 10_000

_FORECAST_COLUMNS = {"growth": "real_gdp_growth_pct", "deflator": "cpi_inflation_pct"}
_FALLBACKS = {"growth": FALLBACK_GROWTH_SPREAD_PP, "deflator": FALLBACK_DEFLATOR_SPREAD_PP}


class MonteCarloCancelled(Exception):
    """Raised when the caller's ``is_cancelled`` returned True between chunks."""


def revision_spread_table(dataset: Dataset) -> pd.DataFrame:
    """Default spreads per ally from IMF forecast revisions (index iso3, registry order).

    Columns: ``growth_spread_pp`` and ``deflator_spread_pp`` (percentage
    points of % a year), ``growth_source`` and ``deflator_source``
    ("revisions" or "fallback"), ``n_revisions`` (forecast years in both
    vintages).
    """
    return _revision_spreads(dataset).copy()


# A dataset is read-only once loaded; the table costs ~20 ms to build.
@functools.lru_cache(maxsize=4)
def _revision_spreads(dataset: Dataset) -> pd.DataFrame:
    forecasts = dataset.forecasts
    older, newer = (
        forecasts[forecasts["vintage"] == v].set_index(["iso3", "year"]) for v in REVISION_VINTAGES
    )
    frame = pd.DataFrame(index=pd.Index(dataset.registry.iso3_codes, name="iso3"))
    for measure, column in _FORECAST_COLUMNS.items():
        revision = (newer[column] - older[column]).dropna()
        by_ally = revision.groupby(level="iso3")
        rms = np.sqrt((revision**2).groupby(level="iso3").mean()).reindex(frame.index)
        counts = by_ally.size().reindex(frame.index).fillna(0).astype(int)
        usable = rms.notna() & (rms > 0)
        frame[f"{measure}_spread_pp"] = rms.where(usable, _FALLBACKS[measure])
        frame[f"{measure}_source"] = np.where(usable, "revisions", "fallback")
        frame["n_revisions"] = counts
    return frame


def default_spread_pp(scenario: Scenario, measure: str = "growth") -> np.ndarray:
    """Default σ (pp) per ally × projection year (``scenario.years``) for "growth" or "deflator"."""
    per_ally = _revision_spreads(scenario.dataset)[f"{measure}_spread_pp"].to_numpy()
    return np.repeat(per_ally[:, None], len(scenario.years), axis=1)


@dataclass(frozen=True)
class MonteCarloSettings:
    """How to draw.

    ``growth_spread_pp`` / ``deflator_spread_pp``: σ in percentage points,
    a scalar or an array (allies × ``scenario.years``); None for the default
    from IMF revisions. ``chunk_draws`` draws are simulated between two
    progress reports and cancellation checks.
    """

    n_draws: int = DEFAULT_DRAWS
    seed: int = DEFAULT_SEED
    growth_spread_pp: float | np.ndarray | None = None
    draw_deflator: bool = False
    deflator_spread_pp: float | np.ndarray | None = None
    chunk_draws: int = 2_500


@dataclass(frozen=True)
class MonteCarloResult:
    """Percentile bands and target probabilities.

    ``core_share_pct`` and ``total_share_pct`` have shape (allies,
    len(PERCENTILES), len(years)) in % of GDP; years run base..horizon (the
    base year is NATO's figure, the same in every draw). Rows follow the
    registry; Iceland's are NaN. ``prob_core`` / ``prob_total``: share of
    draws (0-1) meeting each ally's core / total target at the horizon.
    ``horizon_core_draws_pct``: core share at the horizon per draw (draws ×
    allies), for probabilities at other targets.
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

    def probability_core_at_least(self, target_pct: float | np.ndarray) -> np.ndarray:
        """Share of draws (0-1) with core share ≥ ``target_pct`` at the horizon, per ally."""
        return _share_of_draws_at_least(self.horizon_core_draws_pct, target_pct)

    def probability_total_at_least(self, target_pct: float | np.ndarray) -> np.ndarray:
        """Share of draws (0-1) with total share ≥ ``target_pct`` at the horizon, per ally."""
        return self.probability_core_at_least(np.asarray(target_pct) - self.horizon_related_pct)

    def band(self, iso3: str, measure: str = "core") -> pd.DataFrame:
        """Percentiles of one ally's core or total share (% of GDP), one row per year."""
        row = self.iso3.index(iso3)
        values = (self.core_share_pct if measure == "core" else self.total_share_pct)[row]
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


def _drawn_pct(
    mean_pct: np.ndarray, sigma_pp: np.ndarray, rng: np.random.Generator, n_draws: int
) -> np.ndarray:
    """``mean + σ·z``, year-major ``(years, draws, allies)``; z drawn as (draws, allies, years)."""
    noise = rng.standard_normal((n_draws, *mean_pct.shape)).transpose(2, 0, 1)
    drawn = np.empty(noise.shape)
    np.multiply(sigma_pp.T[:, None, :], noise, out=drawn)
    drawn += mean_pct.T[:, None, :]
    return drawn


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


def run_monte_carlo(
    scenario: Scenario,
    settings: MonteCarloSettings | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> MonteCarloResult:
    """Percentiles of core and total share and target probabilities under GDP uncertainty.

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
    if settings.n_draws < 1 or settings.chunk_draws < 1:
        raise ScenarioInputError("draws", "the number of draws and the chunk size must be ≥ 1")
    scenario = scenario.copy()
    projection = Projection(scenario)
    n_years = scenario.horizon - scenario.base_year
    inputs = batch_inputs(scenario, n_years)
    rows = inputs.rows
    growth_spread = _spread(settings.growth_spread_pp, scenario, "growth")
    deflator_spread = (
        _spread(settings.deflator_spread_pp, scenario, "deflator")
        if settings.draw_deflator
        else None
    )
    growth_sigma = growth_spread[rows, :n_years]
    growth_streams = np.random.SeedSequence(settings.seed).spawn(2)
    growth_rng = np.random.Generator(np.random.SFC64(growth_streams[0]))
    deflator_rng = np.random.Generator(np.random.SFC64(growth_streams[1]))

    # Deviations from the central path, stored in single precision with the
    # draws last so the sort runs on contiguous rows. Deviations are tenths of
    # a point, so float32 keeps them to ~1e-8 pp, and a zero deviation (zero
    # spread) stays exactly zero. Horizon shares stay in double precision.
    n_allies, n_draws = len(scenario.allies), settings.n_draws
    central = projection.paths.core_share_pct[rows, 1 : n_years + 1]
    deviations = np.empty((len(rows), n_years, n_draws), dtype=np.float32)
    horizon_core = np.full((n_draws, n_allies), np.nan)
    for start in range(0, n_draws, settings.chunk_draws):
        if is_cancelled is not None and is_cancelled():
            raise MonteCarloCancelled(f"cancelled after {start} of {n_draws} draws")
        stop = min(start + settings.chunk_draws, n_draws)
        growth = _drawn_pct(inputs.growth_pct, growth_sigma, growth_rng, stop - start)
        deflator = None
        if deflator_spread is not None:
            deflator = _drawn_pct(
                inputs.deflator_pct, deflator_spread[rows, :n_years], deflator_rng, stop - start
            )
        shares = core_share_paths(inputs, growth, deflator)
        deviations[:, :, start:stop] = (shares[1:] - central.T[:, None, :]).transpose(2, 0, 1)
        horizon_core[start:stop, rows] = shares[-1]
        if progress is not None:
            progress(stop, n_draws)
    deviations.sort(axis=-1)

    core = np.full((n_allies, len(PERCENTILES), n_years + 1), np.nan)
    core[rows, :, 0] = projection.paths.core_share_pct[rows, :1]
    core[rows, :, 1:] = central[:, None, :] + _sorted_percentiles(deviations, PERCENTILES)
    related = projection.paths.related_share_pct[:, : n_years + 1]
    core_targets = projection.core_targets_pct()
    total_targets = projection.total_targets_pct()
    return MonteCarloResult(
        iso3=tuple(a.iso3 for a in scenario.allies),
        years=projection.years.copy(),
        percentiles=PERCENTILES,
        core_share_pct=core,
        total_share_pct=core + related[:, None, :],
        prob_core=_share_of_draws_at_least(horizon_core, core_targets),
        prob_total=_share_of_draws_at_least(horizon_core, total_targets - related[:, -1]),
        core_targets_pct=core_targets,
        total_targets_pct=total_targets,
        horizon_core_draws_pct=horizon_core,
        horizon_related_pct=related[:, -1],
        growth_spread_pp=growth_spread,
        deflator_spread_pp=deflator_spread,
        n_draws=settings.n_draws,
        seed=settings.seed,
    )
