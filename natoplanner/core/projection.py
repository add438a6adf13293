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
from enum import StrEnum
from typing import TYPE_CHECKING

import numpy as np

from natoplanner.core.dataset import FIRST_HISTORY_YEAR
from natoplanner.core.scenario import (
    CORE_TARGET_PCT,
    GUIDELINE_PCT,
    REVIEW_YEAR,
    TOTAL_TARGET_PCT,
    BudgetPolicy,
    Measure,
    RelatedPolicy,
    Scenario,
)

if TYPE_CHECKING:
    import pandas as pd

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
    def total_share_pct(self) -> np.ndarray:
        return self.core_share_pct + self.related_share_pct


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
    )
    budget_override_years = budget_overridden.any(axis=0)
    ramp_restart_years = (budget_overridden & is_ramp[:, None]).any(axis=0)

    budget = np.empty_like(gdp)
    budget[:, 0] = budget_b
    for j in range(1, n_years + 1):
        # EXPLICIT: the last amount holds until the next one typed.
        value = budget[:, j - 1]
        if any_growth:
            grown = value * rate_factor
            value = np.where(
                is_nominal, grown, np.where(is_real, grown * deflator_factor[:, j - 1], value)
            )
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

    def share_at(self, col: int) -> np.ndarray:
        span = self.target_col - self.start_col
        ahead = span > 0
        fraction = np.where(ahead, (col - self.start_col) / np.where(ahead, span, 1.0), 1.0)
        fraction = np.minimum(np.maximum(fraction, 0.0), 1.0)
        return self.start_share + (self.target_share - self.start_share) * fraction

    def restart(self, mask: np.ndarray, col: int, share: np.ndarray) -> None:
        self.start_col = np.where(mask, col, self.start_col)
        self.start_share = np.where(mask, share, self.start_share)


class Flag(StrEnum):
    """Why a path is not a credible, incremental path."""

    NO_PATH = "no_path"
    NOT_REACHED = "not_reached"
    FALLS = "falls"
    BACKLOADED = "backloaded"


@dataclass(frozen=True)
class CredibilityIssue:
    """One reason a path is flagged: the target (% of GDP), a year, or the
    fraction of the needed increase done by the 2029 review."""

    flag: Flag
    target_pct: float | None = None
    year: int | None = None
    fraction: float | None = None

    def describe(self) -> str:
        """The issue in English (the UI words it in the interface language)."""
        match self.flag:
            case Flag.NO_PATH:
                return "no armed forces: no target path"
            case Flag.NOT_REACHED:
                return f"does not reach {self.target_pct:g}% by {self.year}"
            case Flag.FALLS:
                return f"share falls in {self.year}"
            case Flag.BACKLOADED:
                return f"only {self.fraction:.0%} of the increase by the {self.year} review"
        raise AssertionError(self.flag)


def describe_issues(issues: tuple[CredibilityIssue, ...]) -> str:
    """One path's issues in English ("" for a credible path)."""
    return "; ".join(issue.describe() for issue in issues)


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
        return self.scenario.base.fx_per_usd

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

    def credibility(self) -> tuple[np.ndarray, list[str]]:
        """Whether each core path is a credible, incremental path, and why not (English).

        See :meth:`credibility_issues`; the reasons here are its issues in words.
        """
        credible, issues = self.credibility_issues()
        return credible, [describe_issues(found) for found in issues]

    def credibility_issues(self) -> tuple[np.ndarray, list[tuple[CredibilityIssue, ...]]]:
        """Whether each core path is credible and incremental, and the issues found.

        A path is flagged when it does not reach the core target by the
        horizon, when its share falls in any year before reaching the target,
        or when more than half of the needed increase is left to the years
        after the 2029 review (Hague declaration; DESIGN §4). Issues are data,
        so a user interface can word them in its own language.
        """
        shares = self._until_horizon(self.paths.core_share_pct)
        targets = self.core_targets_pct()
        years = self.years
        review_col = min(max(REVIEW_YEAR - self.scenario.base_year, 0), self.horizon_col)
        # All allies at once; only the flagged ones get issues.
        with np.errstate(invalid="ignore"):
            met = shares >= targets[:, None] - TOLERANCE_PP
            reached = met.any(axis=1)
            first = np.where(reached, met.argmax(axis=1), shares.shape[1] - 1)
            falls = np.diff(shares, axis=1) < -TOLERANCE_PP
            falls &= np.arange(1, shares.shape[1])[None, :] <= first[:, None]
            needed = targets - shares[:, 0]
            done = shares[:, review_col] - shares[:, 0]
            backloaded = (needed > TOLERANCE_PP) & (done < 0.5 * needed - TOLERANCE_PP)
        has_falls = falls.any(axis=1)
        credible = self._has_data & reached & ~has_falls & ~backloaded
        issues: list[tuple[CredibilityIssue, ...]] = []
        for i in range(len(shares)):
            if not self._has_data[i]:
                issues.append((CredibilityIssue(Flag.NO_PATH),))
                continue
            found = []
            if not reached[i]:
                found.append(CredibilityIssue(Flag.NOT_REACHED, float(targets[i]), int(years[-1])))
            if has_falls[i]:
                found.append(CredibilityIssue(Flag.FALLS, year=int(years[falls[i].argmax() + 1])))
            if backloaded[i]:
                share_done = max(float(done[i]), 0.0) / float(needed[i])
                found.append(
                    CredibilityIssue(Flag.BACKLOADED, year=REVIEW_YEAR, fraction=share_done)
                )
            issues.append(tuple(found))
        return credible, issues

    # -- tables ------------------------------------------------------------
    def summary(self, language: str = "en") -> pd.DataFrame:
        """One row per ally at the horizon (index iso3). Shares in %, growth in % a year."""
        import pandas as pd

        columns = self.summary_columns(language)
        # English sentences only here (command line, workbooks): the window
        # words the issues itself, so summary_columns does not build them.
        columns["credibility_note"] = [describe_issues(f) for f in columns["credibility_issues"]]
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
        credible, issues = self.credibility_issues()
        first_core = self.first_year_met(paths.core_share_pct, self.core_targets_pct())
        first_total = self.first_year_met(paths.total_share_pct, self.total_targets_pct())
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
            "core_gap_usd_mn": self.gap_mn(self.core_gap_pp())[:, h] / self.fx_per_usd(),
            "total_gap_pp": self.total_gap_pp()[:, h],
            "first_year_core": first_core,
            "first_year_total": first_total,
            "required_nominal_growth_pct": nominal,
            "required_real_growth_pct": real,
            "core_policy": [p.describe() for p in self.scenario.core_policies],
            "related_track": [t.describe() for t in self.scenario.related_tracks],
            "credible": credible,
            "credibility_issues": issues,
        }

    def ally_years(self) -> pd.DataFrame:
        """Tidy frame, one row per ally × year base..horizon, with units in column names."""
        import pandas as pd

        paths, n = self.paths, self.horizon_col + 1
        n_allies = len(self.scenario.allies)
        fx = self.fx_per_usd()[:, None]
        core_gap = self.core_gap_pp()
        total_gap = self.total_gap_pp()
        return pd.DataFrame(
            {
                "iso3": np.repeat(self.scenario.dataset.registry.iso3_codes, n),
                "year": np.tile(self.years, n_allies),
                "gdp_bn": paths.gdp_bn[:, :n].ravel(),
                "core_budget_mn": paths.core_budget_mn[:, :n].ravel(),
                "core_budget_usd_mn": (paths.core_budget_mn[:, :n] / fx).ravel(),
                "core_share_pct": paths.core_share_pct[:, :n].ravel(),
                "related_share_pct": paths.related_share_pct[:, :n].ravel(),
                "total_share_pct": paths.total_share_pct[:, :n].ravel(),
                "core_gap_pp": core_gap.ravel(),
                "core_gap_mn": self.gap_mn(core_gap).ravel(),
                "core_gap_usd_mn": (self.gap_mn(core_gap) / fx).ravel(),
                "total_gap_pp": total_gap.ravel(),
                "total_gap_mn": self.gap_mn(total_gap).ravel(),
                "total_gap_usd_mn": (self.gap_mn(total_gap) / fx).ravel(),
            }
        )

    def alliance(self) -> pd.DataFrame:
        """Alliance aggregates per year base..horizon, in USD at base-year exchange rates.

        Shares are GDP-weighted means of the allies' anchored shares, so they
        stay on NATO's basis. Counts cover the 31 allies with armed forces.
        """
        import pandas as pd

        return pd.DataFrame(self.alliance_columns())

    def alliance_columns(self) -> dict[str, np.ndarray]:
        """The columns of :meth:`alliance` as arrays (years base..horizon)."""
        paths, n = self.paths, self.horizon_col + 1
        fx = self.fx_per_usd()[:, None]
        has = self._has_data
        gdp_usd_bn = (paths.gdp_bn[:, :n] / fx)[has]
        core_usd_mn = (paths.core_budget_mn[:, :n] / fx)[has]
        related_usd_mn = (paths.related_share_pct[:, :n] * paths.pp_cost_mn[:, :n] / fx)[has]
        core = paths.core_share_pct[:, :n][has]
        total = paths.total_share_pct[:, :n][has]
        is_us = np.array([a.iso3 == "USA" for a in self.scenario.allies])[has]
        groups = {"nato": np.ones_like(is_us), "europe_canada": ~is_us, "usa": is_us}
        columns: dict[str, np.ndarray] = {"year": self.years}
        for group, mask in groups.items():
            weights = gdp_usd_bn[mask]
            columns[f"{group}_core_usd_mn"] = core_usd_mn[mask].sum(axis=0)
            columns[f"{group}_related_usd_mn"] = related_usd_mn[mask].sum(axis=0)
            columns[f"{group}_gdp_usd_bn"] = weights.sum(axis=0)
            columns[f"{group}_core_share_pct"] = (core[mask] * weights).sum(axis=0) / weights.sum(
                axis=0
            )
            columns[f"{group}_total_share_pct"] = (total[mask] * weights).sum(axis=0) / weights.sum(
                axis=0
            )
        columns["allies_at_2pct"] = (core >= GUIDELINE_PCT - TOLERANCE_PP).sum(axis=0)
        # Counted against the Hague thresholds, not an ally's own target.
        columns["allies_at_3_5pct"] = (core >= CORE_TARGET_PCT - TOLERANCE_PP).sum(axis=0)
        columns["allies_at_5pct_total"] = (total >= TOTAL_TARGET_PCT - TOLERANCE_PP).sum(axis=0)
        return columns

    def history_share_pct(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """NATO's published core shares 2014..base year: (years, shares, is_estimate)."""
        dataset = self.scenario.dataset
        years = np.arange(FIRST_HISTORY_YEAR, self.scenario.base_year + 1)
        cols = years - FIRST_HISTORY_YEAR
        shares = dataset.history_matrix("defence_share_gdp_pct")[:, cols]
        estimates = dataset.history_matrix("is_estimate")[:, cols].astype(bool)
        return years, shares, estimates
