"""The projection engine: DESIGN §4, vectorised over allies.

Paths are computed for every projection year up to 2040 (the horizon only
shortens the summaries), one year at a time but all allies at once. Only the
allies whose inputs changed since the last projection are recomputed.

Shares are anchored on NATO's published base-year share (constant prices):
``share[t] = share[b] · (B[t]/B[b]) / (GDP[t]/GDP[b])``. A share of ``s`` in
year t therefore costs ``s · k[t]`` million national currency, where
``k[t] = B[b] / share[b] · GDP[t] / GDP[b]`` is the cost of one percentage
point of GDP on NATO's basis. Share-defined policies (constant share, ramp,
the related track) use this, which keeps them consistent with the anchoring.
(DESIGN's ``B[t] = s · GDP[t]`` would ignore both the anchoring and the
million/billion units: holding the Netherlands at its published 2.58% would
show 2.91% on NATO's headline measure, its cash ratio being 2.29%.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from natoplanner.core.dataset import FIRST_HISTORY_YEAR
from natoplanner.core.indicators.aggregates import AllianceAggregates, alliance_aggregates
from natoplanner.core.indicators.path_facts import PathFacts, path_facts
from natoplanner.core.scenario import (
    RELATED_CAP_PCT,
    REVIEW_YEAR,
    BudgetPolicy,
    Measure,
    RelatedPolicy,
    Scenario,
)

if TYPE_CHECKING:
    import pandas as pd

#: A typed exchange rate this many times away from its relative-PPP path is questioned.
EXCHANGE_RATE_DOUBT_FACTOR = 2.0
# Shares are compared with targets after rounding noise of this size.
TOLERANCE_PP = 1e-9
NO_YEAR = 0


@dataclass
class AllyPaths:
    """Paths per ally (rows, registry order) and year (columns base..2040).

    Units: ``gdp_bn`` billion and ``core_budget_mn`` million national
    currency; shares in % of GDP; ``pp_cost_mn`` is the cost in million
    national currency of one percentage point of GDP on NATO's basis.
    """

    years: np.ndarray
    gdp_bn: np.ndarray
    core_budget_mn: np.ndarray
    core_share_pct: np.ndarray
    related_share_pct: np.ndarray
    pp_cost_mn: np.ndarray

    @property
    def counted_related_share_pct(self) -> np.ndarray:
        """Related share that counts toward 5%: at most 1.5% of GDP (Hague: "up to 1.5%")."""
        return np.minimum(self.related_share_pct, RELATED_CAP_PCT)

    @property
    def total_share_pct(self) -> np.ndarray:
        """Countable total: core + min(related, 1.5) (% of GDP)."""
        return self.core_share_pct + self.counted_related_share_pct


def _empty_paths(n_allies: int, years: np.ndarray) -> AllyPaths:
    shape = (n_allies, len(years))
    return AllyPaths(years, *(np.full(shape, np.nan) for _ in range(5)))


def _project_rows(scenario: Scenario, rows: np.ndarray, paths: AllyPaths) -> None:
    """Compute every path for allies ``rows`` in place (all allies at once, year by year).

    Masks and per-year factors are prepared once outside the year loops, and
    the loops skip work no ally needs (no override in a year, no ramp, no
    related track): this keeps a 32-ally projection within its 1 ms budget.
    """
    base = scenario.base
    n_years = len(scenario.years)
    growth_factor = 1 + scenario.effective_growth_pct()[rows] / 100.0
    deflator_factor = 1 + scenario.effective_deflator_pct()[rows] / 100.0
    gdp_override = scenario.year_inputs(Measure.NOMINAL_GDP)[rows]
    budget_override = scenario.year_inputs(Measure.CORE_BUDGET)[rows]
    related_override = scenario.year_inputs(Measure.RELATED_SHARE)[rows]
    gdp_overridden = ~np.isnan(gdp_override)
    budget_overridden = ~np.isnan(budget_override)
    related_overridden = ~np.isnan(related_override)

    gdp = np.empty((len(rows), n_years + 1))
    gdp[:, 0] = base.gdp_bn[rows]
    gdp_override_years = gdp_overridden.any(axis=0)
    for j in range(1, n_years + 1):
        grown = gdp[:, j - 1] * growth_factor[:, j - 1] * deflator_factor[:, j - 1]
        if gdp_override_years[j - 1]:
            grown = np.where(gdp_overridden[:, j - 1], gdp_override[:, j - 1], grown)
        gdp[:, j] = grown

    share_b = base.core_share_pct[rows]
    budget_b = base.core_budget_mn[rows]
    pp_cost = (budget_b / share_b)[:, None] * gdp / gdp[:, :1]

    all_policies = scenario.core_policies
    policies = [all_policies[r] for r in rows]
    kinds = [p.kind for p in policies]
    is_nominal = np.array([k == BudgetPolicy.NOMINAL_GROWTH for k in kinds])
    is_real = np.array([k == BudgetPolicy.REAL_GROWTH for k in kinds])
    is_ramp = np.array([k == BudgetPolicy.RAMP_TO_TARGET for k in kinds])
    uses_share = is_ramp | np.array([k == BudgetPolicy.CONSTANT_SHARE for k in kinds])
    any_growth, any_ramp, any_share = (
        bool((is_nominal | is_real).any()),
        bool(is_ramp.any()),
        bool(uses_share.any()),
    )
    rate_factor = 1 + np.array([p.rate_pct for p in policies]) / 100.0
    held_share = np.array(
        [share_b[i] if p.share_pct is None else p.share_pct for i, p in enumerate(policies)]
    )
    ramp = _Ramp(
        start_share=share_b.copy(),
        start_col=np.zeros(len(rows)),
        target_share=np.array([p.target_pct for p in policies]),
        target_col=np.array([p.target_year - scenario.base_year for p in policies], dtype=float),
        never_cut=True,
    )
    # Growth policies with a last growth year hold the share reached after it.
    hold_col = np.array(
        [np.inf if p.holds_after is None else p.holds_after - scenario.base_year for p in policies]
    )
    any_hold = bool(np.isfinite(hold_col).any())
    budget_override_years = budget_overridden.any(axis=0)
    ramp_restart_years = (budget_overridden & is_ramp[:, None]).any(axis=0)

    budget = np.empty_like(gdp)
    budget[:, 0] = budget_b
    for j in range(1, n_years + 1):
        # EXPLICIT: the last amount holds until the next one typed.
        value = budget[:, j - 1]
        if any_growth:
            grown = value * rate_factor
            if any_hold:
                held = value / pp_cost[:, j - 1] * pp_cost[:, j]
                grown = np.where(j > hold_col, held, grown)
            real_grown = grown * deflator_factor[:, j - 1]
            if any_hold:
                real_grown = np.where(j > hold_col, grown, real_grown)
            value = np.where(is_nominal, grown, np.where(is_real, real_grown, value))
        if any_share:
            share = np.where(is_ramp, ramp.share_at(j), held_share) if any_ramp else held_share
            value = np.where(uses_share, share * pp_cost[:, j], value)
        if budget_override_years[j - 1]:
            value = np.where(budget_overridden[:, j - 1], budget_override[:, j - 1], value)
        budget[:, j] = value
        # "The policy continues from the overridden value": a ramp restarts
        # from the share the override implies; growth policies already do.
        if ramp_restart_years[j - 1]:
            ramp.restart(budget_overridden[:, j - 1] & is_ramp, j, budget[:, j] / pp_cost[:, j])

    all_tracks = scenario.related_tracks
    tracks = [all_tracks[r] for r in rows]
    related_kinds = [t.kind for t in tracks]
    related = np.zeros_like(gdp)
    if any(k != RelatedPolicy.NOT_SET for k in related_kinds) or related_overridden.any():
        related_const = np.array([k == RelatedPolicy.CONSTANT_SHARE for k in related_kinds])
        related_is_ramp = np.array([k == RelatedPolicy.RAMP_TO_TARGET for k in related_kinds])
        related_start = np.array([t.share_pct for t in tracks])
        related_ramp = _Ramp(
            start_share=related_start.copy(),
            start_col=np.zeros(len(rows)),
            target_share=np.array([t.target_pct for t in tracks]),
            target_col=np.array([t.target_year - scenario.base_year for t in tracks], dtype=float),
        )
        related[:, 0] = np.where(related_const | related_is_ramp, related_start, 0.0)
        for j in range(1, n_years + 1):
            by_policy = np.where(
                related_const,
                related_start,
                np.where(related_is_ramp, related_ramp.share_at(j), 0.0),
            )
            override = related_override[:, j - 1]
            overridden = related_overridden[:, j - 1]
            related[:, j] = np.where(overridden, override, by_policy)
            related_ramp.restart(overridden & related_is_ramp, j, override)

    paths.gdp_bn[rows] = gdp
    paths.core_budget_mn[rows] = budget
    paths.core_share_pct[rows] = budget / pp_cost
    paths.related_share_pct[rows] = related
    paths.pp_cost_mn[rows] = pp_cost


@dataclass
class _Ramp:
    """Linear share paths from (start_col, start_share) to (target_col, target_share)."""

    start_share: np.ndarray
    start_col: np.ndarray
    target_share: np.ndarray
    target_col: np.ndarray
    # A core ramp never cuts (DESIGN §4): from above its target it holds its share.
    never_cut: bool = False

    def share_at(self, col: int) -> np.ndarray:
        span = self.target_col - self.start_col
        ahead = span > 0
        fraction = np.where(ahead, (col - self.start_col) / np.where(ahead, span, 1.0), 1.0)
        fraction = np.minimum(np.maximum(fraction, 0.0), 1.0)
        target = (
            np.maximum(self.target_share, self.start_share) if self.never_cut else self.target_share
        )
        return self.start_share + (target - self.start_share) * fraction

    def restart(self, mask: np.ndarray, col: int, share: np.ndarray) -> None:
        self.start_col = np.where(mask, col, self.start_col)
        self.start_share = np.where(mask, share, self.start_share)


class Projection:
    """The projection of one scenario, kept up to date incrementally.

    Call :meth:`update` after changing inputs: it recomputes only the allies
    whose inputs changed since its last update (per-ally revisions kept by the
    scenario, so several projections can follow one scenario). Per-ally
    summaries and alliance totals are derived from the paths on demand.
    """

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.paths = _empty_paths(
            len(scenario.allies), np.arange(scenario.base_year, scenario.years[-1] + 1)
        )
        self._has_data = ~np.isnan(scenario.base.core_share_pct)
        # Revision of each ally's inputs when its paths were last computed
        # (-1: never). Compared with the scenario's own per-ally revisions, so
        # this projection never depends on another consuming "changed" marks.
        self._row_revision = np.full(len(scenario.allies), -1, dtype=np.int64)
        self.update()

    def update(self) -> list[int]:
        """Recompute the allies whose inputs changed; returns their rows."""
        current = self.scenario.row_revisions.copy()
        changed = (current > self._row_revision) & self._has_data
        rows = [int(r) for r in np.flatnonzero(changed)]
        if rows:
            _project_rows(self.scenario, np.asarray(rows), self.paths)
        self._row_revision = current
        return rows

    # -- convenient slices ---------------------------------------------------
    @property
    def horizon_col(self) -> int:
        return self.scenario.horizon - self.scenario.base_year

    @property
    def years(self) -> np.ndarray:
        """Years base..horizon."""
        return self.paths.years[: self.horizon_col + 1]

    def _until_horizon(self, array: np.ndarray) -> np.ndarray:
        return array[:, : self.horizon_col + 1]

    @property
    def has_target_path(self) -> np.ndarray:
        """False for allies without NATO figures (Iceland: no armed forces)."""
        return self._has_data

    def core_targets_pct(self) -> np.ndarray:
        return np.array([t.core_pct for t in self.scenario.all_targets])

    def total_targets_pct(self) -> np.ndarray:
        return np.array([t.total_pct for t in self.scenario.all_targets])

    def fx_per_usd(self) -> np.ndarray:
        """National currency per USD in the base year (implied by NATO's tables), per ally."""
        return self.scenario.base.fx_per_usd

    def price_index(self) -> np.ndarray:
        """Deflator index (base year = 1), allies × base..2040, from the scenario's deflator
        path (IMF CPI unless overridden): divides a nominal amount into base-year prices."""
        deflator = self.scenario.effective_deflator_pct()
        index = np.ones((deflator.shape[0], deflator.shape[1] + 1))
        index[:, 1:] = np.cumprod(1 + deflator / 100, axis=1)
        return index

    def exchange_rates_per_usd(self) -> np.ndarray:
        """National currency per USD, allies × base..2040: the base-year rate NATO's tables
        imply, then each year the rate the user typed, else the year before's moved by
        relative purchasing-power parity, ``fx[t] = fx[t-1] · (P[t]/P[t-1]) / (P_US[t]/P_US[t-1])``
        (P the deflator index of the ally and of the United States); a path continues from
        a typed year. For current-USD money only (``aggregates.nominal_core_usd_bn``)."""
        return self._exchange_rates(self._relative_ppp_step())

    def _exchange_rates(self, step: np.ndarray) -> np.ndarray:
        typed = self.scenario.year_inputs(Measure.EXCHANGE_RATE)
        rates = np.empty((step.shape[0], step.shape[1] + 1))
        rates[:, 0] = self.fx_per_usd()
        for j in range(step.shape[1]):
            rates[:, j + 1] = np.where(np.isnan(typed[:, j]), rates[:, j] * step[:, j], typed[:, j])
        return rates

    def _relative_ppp_step(self) -> np.ndarray:
        """Allies × projection years: (1 + d[t]) / (1 + d_US[t]), the yearly move of a rate."""
        prices = self.price_index()
        us_prices = prices[self.scenario.row("USA")]
        return (prices[:, 1:] / prices[:, :-1]) / (us_prices[1:] / us_prices[:-1])[None, :]

    def exchange_rate_doubt(self, iso3: str, year: int, rate: float) -> str | None:
        """Why a rate typed for ``iso3`` in ``year`` (national currency per USD) looks
        wrong, or None: more than :data:`EXCHANGE_RATE_DOUBT_FACTOR` times away from the
        year before's rate moved by relative PPP (this tool's heuristic; a rate typed
        the other way round, USD per unit, is far outside it)."""
        row, col = self.scenario.row(iso3), self.scenario.column(year)
        step = self._relative_ppp_step()
        # Column ``col`` of the rates is the year before (column 0 is the base year).
        expected = self._exchange_rates(step)[row, col] * step[row, col]
        factor = EXCHANGE_RATE_DOUBT_FACTOR
        if not np.isfinite(expected) or expected / factor <= rate <= expected * factor:
            return None
        return (
            f"{iso3} {year}: {rate:g} national currency per USD is far from {expected:.4g}, "
            f"the rate of {year - 1} moved by relative PPP (this tool's check: more than "
            f"{factor:g} times away); was it typed the other way round (USD per unit)?"
        )

    def usd_mn_at_base_prices(self, national_mn: np.ndarray) -> np.ndarray:
        """Million national currency (allies × years from the base year) as million USD at
        base-year prices and exchange rates: deflated by each ally's own price index, then
        converted at its base-year rate (so high inflation does not pass for money)."""
        n = national_mn.shape[1]
        return national_mn / self.price_index()[:, :n] / self.fx_per_usd()[:, None]

    # -- per-ally indicators -----------------------------------------------
    def core_gap_pp(self) -> np.ndarray:
        """Target minus core share (percentage points; positive = short), base..horizon."""
        return self.core_targets_pct()[:, None] - self._until_horizon(self.paths.core_share_pct)

    def total_gap_pp(self) -> np.ndarray:
        return self.total_targets_pct()[:, None] - self._until_horizon(self.paths.total_share_pct)

    def gap_mn(self, gap_pp: np.ndarray) -> np.ndarray:
        """A gap in pp turned into million national currency on NATO's basis."""
        return gap_pp * self._until_horizon(self.paths.pp_cost_mn)

    def first_year_met(self, shares_pct: np.ndarray, targets_pct: np.ndarray) -> np.ndarray:
        """First year base..horizon with share ≥ target, or 0 (never / no data)."""
        met = self._until_horizon(shares_pct) >= targets_pct[:, None] - TOLERANCE_PP
        first = np.where(met.any(axis=1), self.years[met.argmax(axis=1)], NO_YEAR)
        return np.where(self._has_data, first, NO_YEAR)

    def required_growth_pct(self) -> tuple[np.ndarray, np.ndarray]:
        """Constant annual budget growth (nominal, real; % a year) meeting the core target at H.

        ``r = ((s*/share[b]) · (GDP[H]/GDP[b]))^(1/(H-b)) - 1``;
        real = (1+r)/(1+p̄) - 1 with 1+p̄ the geometric mean of 1+p over b+1..H.
        """
        paths, h = self.paths, self.horizon_col
        ratio = (self.core_targets_pct() / paths.core_share_pct[:, 0]) * (
            paths.gdp_bn[:, h] / paths.gdp_bn[:, 0]
        )
        nominal = ratio ** (1.0 / h) - 1.0
        deflators = 1.0 + self.scenario.effective_deflator_pct()[:, :h] / 100.0
        mean_deflator = np.exp(np.log(deflators).mean(axis=1))
        real = (1.0 + nominal) / mean_deflator - 1.0
        return nominal * 100.0, real * 100.0

    def path_facts(self) -> list[PathFacts]:
        """The three facts of each core path toward its core target by the horizon.

        Reached by the horizon (the Hague year 2035 by default); incremental;
        part of the needed increase done by the 2029 review beside the linear
        path's part, back-loaded only below the scenario's threshold (this
        tool's heuristic). See :mod:`natoplanner.core.indicators.path_facts`.
        """
        scenario = self.scenario
        return path_facts(
            self._until_horizon(self.paths.core_share_pct),
            scenario.base_year,
            self.core_targets_pct(),
            np.full(len(scenario.allies), scenario.horizon),
            REVIEW_YEAR,
            scenario.backload_fraction,
            self._has_data,
        )

    def total_met(self) -> np.ndarray:
        """(allies × base..horizon) True where the 5% total is met: the countable total
        core + min(related, 1.5) at or above the total target *and* core at or above
        the core target (DESIGN §4)."""
        with np.errstate(invalid="ignore"):
            total = self._until_horizon(self.paths.total_share_pct)
            core = self._until_horizon(self.paths.core_share_pct)
            return (total >= self.total_targets_pct()[:, None] - TOLERANCE_PP) & (
                core >= self.core_targets_pct()[:, None] - TOLERANCE_PP
            )

    def related_above_cap(self) -> np.ndarray:
        """Per ally, True when the related share exceeds 1.5% of GDP in any year to the
        horizon (shown, warned about, not counted)."""
        related = self._until_horizon(self.paths.related_share_pct)
        return (related > RELATED_CAP_PCT + TOLERANCE_PP).any(axis=1)

    # -- tables ------------------------------------------------------------
    def summary(self, language: str = "en") -> pd.DataFrame:
        """One row per ally at the horizon (index iso3). Shares in %, growth in % a year."""
        import pandas as pd

        columns = self.summary_columns(language)
        # English sentences only here (command line, workbooks): the window
        # words the facts itself, so summary_columns does not build them.
        columns["path_note"] = [facts.describe() for facts in columns["path_facts"]]
        for name in ("first_year_core", "first_year_total"):
            years = columns[name]
            columns[name] = pd.array(np.where(years == NO_YEAR, None, years), dtype="Int64")
        return pd.DataFrame(
            columns, index=pd.Index(self.scenario.dataset.registry.iso3_codes, name="iso3")
        )

    def summary_columns(self, language: str = "en") -> dict[str, np.ndarray | list]:
        """The columns of :meth:`summary` as plain arrays and lists, in registry order.

        First years are ``NO_YEAR`` (0) where the target is never met. The
        window reads this on every edit; building a DataFrame would double the cost.
        """
        paths, h = self.paths, self.horizon_col
        nominal, real = self.required_growth_pct()
        facts = self.path_facts()
        first_core = self.first_year_met(paths.core_share_pct, self.core_targets_pct())
        total_met = self.total_met()
        first_total = np.where(
            total_met.any(axis=1) & self._has_data, self.years[total_met.argmax(axis=1)], NO_YEAR
        )
        core_gap = self.core_gap_pp()[:, h]
        return {
            "name": [a.name(language) for a in self.scenario.allies],
            "base_core_share_pct": paths.core_share_pct[:, 0],
            "horizon_core_share_pct": paths.core_share_pct[:, h],
            "horizon_related_share_pct": paths.related_share_pct[:, h],
            "horizon_total_share_pct": paths.total_share_pct[:, h],
            "core_target_pct": self.core_targets_pct(),
            "total_target_pct": self.total_targets_pct(),
            "core_gap_pp": core_gap,
            "core_gap_mn": self.gap_mn(self.core_gap_pp())[:, h],
            "core_gap_usd_mn": self.usd_mn_at_base_prices(self.gap_mn(self.core_gap_pp()))[:, h],
            "total_gap_pp": self.total_gap_pp()[:, h],
            "first_year_core": first_core,
            "first_year_total": first_total,
            "required_nominal_growth_pct": nominal,
            "required_real_growth_pct": real,
            "core_policy": [p.describe() for p in self.scenario.core_policies],
            "related_track": [t.describe() for t in self.scenario.related_tracks],
            "path_facts": facts,
            "related_above_cap": self.related_above_cap(),
        }

    def ally_years(self) -> pd.DataFrame:
        """Tidy frame, one row per ally × year base..horizon, with units in column names."""
        import pandas as pd

        paths, n = self.paths, self.horizon_col + 1
        n_allies = len(self.scenario.allies)
        usd = self.usd_mn_at_base_prices
        core_gap = self.core_gap_pp()
        total_gap = self.total_gap_pp()
        return pd.DataFrame(
            {
                "iso3": np.repeat(self.scenario.dataset.registry.iso3_codes, n),
                "year": np.tile(self.years, n_allies),
                "gdp_bn": paths.gdp_bn[:, :n].ravel(),
                "core_budget_mn": paths.core_budget_mn[:, :n].ravel(),
                "core_budget_usd_mn": usd(paths.core_budget_mn[:, :n]).ravel(),
                "core_share_pct": paths.core_share_pct[:, :n].ravel(),
                "related_share_pct": paths.related_share_pct[:, :n].ravel(),
                "total_share_pct": paths.total_share_pct[:, :n].ravel(),
                "core_gap_pp": core_gap.ravel(),
                "core_gap_mn": self.gap_mn(core_gap).ravel(),
                "core_gap_usd_mn": usd(self.gap_mn(core_gap)).ravel(),
                "total_gap_pp": total_gap.ravel(),
                "total_gap_mn": self.gap_mn(total_gap).ravel(),
                "total_gap_usd_mn": usd(self.gap_mn(total_gap)).ravel(),
            }
        )

    def alliance(self) -> pd.DataFrame:
        """Alliance aggregates per year base..horizon (see :meth:`alliance_columns`)."""
        import pandas as pd

        return pd.DataFrame(self.alliance_columns())

    def alliance_aggregates(self) -> AllianceAggregates:
        """NATO, Europe and Canada, United States, 2014..horizon, the NATO way
        (:mod:`natoplanner.core.indicators.aggregates`)."""
        return alliance_aggregates(self)

    def alliance_columns(self) -> dict[str, np.ndarray]:
        """Aggregates per year base..horizon as arrays.

        ``{group}_core_usd_mn`` and ``{group}_related_usd_mn``: million USD at
        base-year prices and exchange rates; ``{group}_core_share_pct`` and
        ``{group}_total_share_pct`` (% of GDP) weighted by GDP at constant 2021
        prices and exchange rates, Iceland's GDP included as NATO counts it.
        Counts: allies at or above 2% and 3.5% core, and at 5% total with core
        at 3.5% (the 31 allies with armed forces).
        """
        aggregates = self.alliance_aggregates()
        keep = aggregates.years >= self.scenario.base_year
        columns: dict[str, np.ndarray] = {"year": aggregates.years[keep]}
        for group in ("nato", "europe_canada", "usa"):
            columns[f"{group}_core_usd_mn"] = aggregates.core_usd_bn[group][keep] * 1000
            columns[f"{group}_related_usd_mn"] = aggregates.related_usd_bn[group][keep] * 1000
            columns[f"{group}_core_share_pct"] = aggregates.core_share_pct[group][keep]
            columns[f"{group}_total_share_pct"] = aggregates.total_share_pct[group][keep]
        columns["allies_at_2pct"] = aggregates.allies_at["2"]["nato"][keep]
        # Counted against the Hague thresholds, not an ally's own target.
        columns["allies_at_3_5pct"] = aggregates.allies_at["3_5"]["nato"][keep]
        # 5% counts only with core at 3.5% too (DESIGN §4: 3.5 + 1.5).
        columns["allies_at_5pct_total"] = aggregates.allies_at["5"]["nato"][keep]
        return columns

    def history_share_pct(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """NATO's published core shares 2014..base year: (years, shares, is_estimate)."""
        dataset = self.scenario.dataset
        years = np.arange(FIRST_HISTORY_YEAR, self.scenario.base_year + 1)
        cols = years - FIRST_HISTORY_YEAR
        shares = dataset.history_matrix("defence_share_gdp_pct")[:, cols]
        estimates = dataset.history_matrix("is_estimate")[:, cols].astype(bool)
        return years, shares, estimates
