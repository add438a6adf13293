"""Core share paths for many GDP paths at once (Monte Carlo draws, solver trials).

:mod:`natoplanner.core.projection` runs each scenario once; uncertainty
analysis and the growth solver need the same core paths for thousands of
alternative GDP paths. This module runs the projection's recursion over
years on ``(draws × allies)`` arrays, with the scenario's budget policies and
overrides, and reproduces ``Projection`` exactly (same operations in the same
order) when given the scenario's own growth and deflator.

Which policies react to GDP:

- ``constant_share`` and ``ramp_to_target`` set the budget from the share,
  ``B[t] = s[t] · k[t]`` with ``k[t] ∝ GDP[t]``: the core share does not move
  with GDP (the budget does);
- ``nominal_growth`` and ``explicit`` fix the budget in money: a higher GDP
  lowers the share;
- ``real_growth`` grows the budget with the deflator: the share falls with
  real growth and does not move with the deflator;
- a typed budget override fixes the amount for its year; a ramp restarts from
  the share that amount implies, which then depends on GDP;
- a typed nominal GDP override fixes GDP in its year whatever the growth.

The related track is a share of GDP in every policy, so it never reacts to
GDP; callers take it from the deterministic projection.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from natoplanner.core.projection import _Ramp
from natoplanner.core.scenario import BudgetPolicy, Measure, Scenario


@dataclass(frozen=True)
class BatchInputs:
    """What the recursion needs for allies ``rows`` over ``n_years`` projection years.

    Arrays are per ally (``rows`` order) or per ally × projection year
    (``base+1 .. base+n_years``). Units: growth and deflator in % a year, GDP
    in billion and budgets in million national currency, shares in % of GDP.
    """

    rows: np.ndarray
    n_years: int
    growth_pct: np.ndarray
    deflator_pct: np.ndarray
    gdp_override_bn: np.ndarray
    budget_override_mn: np.ndarray
    base_gdp_bn: np.ndarray
    base_budget_mn: np.ndarray
    base_share_pct: np.ndarray
    kind: np.ndarray
    rate: np.ndarray
    held_share_pct: np.ndarray
    ramp_target_pct: np.ndarray
    ramp_target_col: np.ndarray
    hold_col: np.ndarray  # growth policies: after this column the share is held (inf: never)

    @property
    def is_share_based(self) -> np.ndarray:
        """Policies that set the budget from a share (the share ignores GDP)."""
        return (self.kind == BudgetPolicy.CONSTANT_SHARE) | (
            self.kind == BudgetPolicy.RAMP_TO_TARGET
        )


def batch_inputs(scenario: Scenario, n_years: int, rows: np.ndarray | None = None) -> BatchInputs:
    """Collect the scenario's inputs for allies ``rows`` (default: all with NATO data).

    Parameters
    ----------
    scenario : Scenario
    n_years : int
        Projection years to cover, from ``base_year + 1`` (1 .. 2040 - base).
    rows : array of int, optional
        Ally positions (registry order). Allies without NATO data (Iceland)
        have no path and must not be passed.
    """
    if rows is None:
        rows = np.flatnonzero(~np.isnan(scenario.base.core_share_pct))
    rows = np.asarray(rows, dtype=int)
    base = scenario.base
    policies = [scenario.core_policies[r] for r in rows]
    share_b = base.core_share_pct[rows]
    return BatchInputs(
        rows=rows,
        n_years=n_years,
        growth_pct=scenario.effective_growth_pct()[rows, :n_years],
        deflator_pct=scenario.effective_deflator_pct()[rows, :n_years],
        gdp_override_bn=scenario.year_inputs(Measure.NOMINAL_GDP)[rows, :n_years],
        budget_override_mn=scenario.year_inputs(Measure.CORE_BUDGET)[rows, :n_years],
        base_gdp_bn=base.gdp_bn[rows],
        base_budget_mn=base.core_budget_mn[rows],
        base_share_pct=share_b,
        kind=np.array([p.kind for p in policies]),
        rate=np.array([p.rate_pct for p in policies]) / 100.0,
        held_share_pct=np.array(
            [share_b[i] if p.share_pct is None else p.share_pct for i, p in enumerate(policies)]
        ),
        ramp_target_pct=np.array([p.target_pct for p in policies]),
        ramp_target_col=np.array(
            [p.target_year - scenario.base_year for p in policies], dtype=float
        ),
        hold_col=np.array(
            [
                np.inf if p.holds_after is None else p.holds_after - scenario.base_year
                for p in policies
            ]
        ),
    )


def core_share_paths(
    inputs: BatchInputs,
    growth_pct: np.ndarray,
    deflator_pct: np.ndarray | None = None,
    budgets_out: np.ndarray | None = None,
) -> np.ndarray:
    """Core share (% of GDP) for each GDP path, year-major: ``(n_years + 1, draws, allies)``.

    Parameters
    ----------
    inputs : BatchInputs
    growth_pct : array ``(n_years, draws, allies)``
        Real GDP growth (% a year) for each draw, year-major like the result.
    deflator_pct : array ``(n_years, draws, allies)``, optional
        GDP deflator (% a year); the scenario's when omitted.

    budgets_out : array ``(n_years + 1, draws, allies)``, optional
        Filled with the core budget (million national currency) of each draw.

    Row 0 is NATO's base-year share (to the last bit). Equals ``Projection``
    paths exactly when given the scenario's own growth and deflator.
    """
    n_draws = growth_pct.shape[1]
    shape = (n_draws, len(inputs.rows))
    growth_factor = 1 + growth_pct / 100.0
    if deflator_pct is None:
        deflator_factor = (1 + inputs.deflator_pct / 100.0).T[:, None, :]
    else:
        deflator_factor = 1 + deflator_pct / 100.0
    kind = inputs.kind
    is_real = kind == BudgetPolicy.REAL_GROWTH
    grows = (kind == BudgetPolicy.NOMINAL_GROWTH) | is_real
    budget_factor = np.where(grows, 1 + inputs.rate, 1.0)  # explicit: the last amount holds
    share_based = inputs.is_share_based
    is_ramp = kind == BudgetPolicy.RAMP_TO_TARGET
    ramp = _Ramp(
        start_share=inputs.base_share_pct.copy(),
        start_col=np.zeros(len(inputs.rows)),
        target_share=inputs.ramp_target_pct,
        target_col=inputs.ramp_target_col,
        never_cut=True,  # as in Projection: a core ramp never cuts
    )
    cost_per_pp_at_base = inputs.base_budget_mn / inputs.base_share_pct
    gdp0 = inputs.base_gdp_bn
    any_hold = bool(np.isfinite(inputs.hold_col).any())
    pp_cost = cost_per_pp_at_base * gdp0 / gdp0

    shares = np.empty((inputs.n_years + 1, *shape))
    # As in Projection: B[b] / k[b], which can differ from share[b] in the last bit.
    shares[0] = inputs.base_budget_mn / (cost_per_pp_at_base * gdp0 / gdp0)
    gdp = np.broadcast_to(gdp0, shape)
    budget = np.broadcast_to(inputs.base_budget_mn, shape)
    if budgets_out is not None:
        budgets_out[0] = budget
    for j in range(1, inputs.n_years + 1):
        gdp = gdp * growth_factor[j - 1] * deflator_factor[j - 1]
        gdp_override = inputs.gdp_override_bn[:, j - 1]
        if not np.isnan(gdp_override).all():
            gdp = np.where(np.isnan(gdp_override), gdp, gdp_override)
        previous_pp_cost = pp_cost
        pp_cost = cost_per_pp_at_base * gdp / gdp0

        by_policy = budget * budget_factor
        if is_real.any():
            by_policy = np.where(is_real, by_policy * deflator_factor[j - 1], by_policy)
        if any_hold:  # as in Projection: after its last growth year, the share is held
            held = budget / previous_pp_cost * pp_cost
            by_policy = np.where(grows & (j > inputs.hold_col), held, by_policy)
        if share_based.any():
            policy_share = np.where(is_ramp, ramp.share_at(j), inputs.held_share_pct)
            by_policy = np.where(share_based, policy_share * pp_cost, by_policy)
        override = inputs.budget_override_mn[:, j - 1]
        overridden = ~np.isnan(override)
        budget = np.where(overridden, override, by_policy) if overridden.any() else by_policy
        if (overridden & is_ramp).any():
            ramp.restart(overridden & is_ramp, j, budget / pp_cost)
        np.divide(budget, pp_cost, out=shares[j])
        if budgets_out is not None:
            budgets_out[j] = budget
    return shares
