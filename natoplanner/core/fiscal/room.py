"""Fiscal room under the national escape clause, per ally and year.

For an ally covered by the clause, in year t:

- increase[t] = core share[t] − baseline share (percentage points of GDP),
  the core share on NATO's basis (NATO's figure up to the base year, the
  projection after it) and the baseline share COFOG-basis where the user
  typed one, else NATO's share of the baseline year;
- in the clause's years: inside[t] = min(max(increase, 0), cap) and
  outside[t] = max(increase, 0) − inside[t];
- after its last year the clause no longer shelters anything: inside = 0 and
  outside = max(increase, 0) ("the cliff");
- before its first year, and for allies the clause does not cover, inside
  and outside are empty and the status says why.

Money = pp × the cost of one point of GDP on NATO's basis (million national
currency). This is the tool's reading of the Council's rule on the figures
it has: the Commission assesses the deviation on the net expenditure path,
with COFOG data, which this does not reproduce.

First-round effect on the public finances (a stated simplification): the
extra core spending above the baseline path (the base-year share held) is
financed by borrowing, nothing else changes. Net lending falls by
extra[t] = share[t] − share[b] points of GDP; gross debt rises by the
cumulated extra spending over GDP: Δdebt[t] = (Δdebt[t-1]·GDP[t-1] +
extra[t]·GDP[t]) / GDP[t]. With a typed base-year net lending and debt the
levels are the base-year ratio held plus the effect (other things equal).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

import numpy as np

from natoplanner.core.dataset import FIRST_HISTORY_YEAR
from natoplanner.core.fiscal.rules import FiscalAssumptions, eu_facts, is_eu_member

if TYPE_CHECKING:
    import pandas as pd

    from natoplanner.core.projection import Projection


class ClauseStatus(StrEnum):
    """Where one ally-year stands against the escape clause."""

    ACTIVE = "active"
    ENDED = "ended"
    BEFORE = "before"
    NOT_EU = "not_eu"
    NOT_ACTIVATED = "not_activated"
    NO_DATA = "no_data"

    def describe(self, rules: FiscalAssumptions) -> str:
        """The status in English, as the CLI prints it ("active", or why it does not apply)."""
        match self:
            case ClauseStatus.ACTIVE:
                return "active"
            case ClauseStatus.ENDED:
                return f"ended {rules.last_year}: whole increase outside the clause"
            case ClauseStatus.BEFORE:
                return f"before the clause (from {rules.first_year})"
            case ClauseStatus.NOT_EU:
                return "not applicable: not an EU member state"
            case ClauseStatus.NOT_ACTIVATED:
                return "not applicable: escape clause not activated for this member state"
            case ClauseStatus.NO_DATA:
                return "not applicable: no armed forces, no NATO figures"
        raise AssertionError(self)

    @property
    def applies(self) -> bool:
        """True when inside/outside figures exist (active or ended)."""
        return self in (ClauseStatus.ACTIVE, ClauseStatus.ENDED)


@dataclass(frozen=True)
class FiscalRoom:
    """Escape-clause arithmetic per ally (rows, registry order) and year (columns).

    Units: shares and pp in % of GDP; ``*_mn`` in million national currency.
    ``inside_pp``/``outside_pp`` are NaN where the clause does not apply.
    """

    rules: FiscalAssumptions
    iso3: tuple[str, ...]
    years: np.ndarray
    core_share_pct: np.ndarray
    baseline_share_pct: np.ndarray
    baseline_is_cofog: np.ndarray
    increase_pp: np.ndarray
    inside_pp: np.ndarray
    outside_pp: np.ndarray
    pp_cost_mn: np.ndarray
    status: np.ndarray  # of ClauseStatus, allies × years
    safe_allocation_eur_bn: np.ndarray
    core_budget_mn: np.ndarray  # NATO basis, million national currency
    bridge_ratio: np.ndarray  # NATO ÷ national budget per ally (NaN: none)
    net_lending_effect_pp: np.ndarray  # allies × years, NaN before the base year
    gross_debt_effect_pp: np.ndarray
    net_lending_pct: np.ndarray  # levels, NaN without typed base-year figures
    gross_debt_pct: np.ndarray

    @property
    def core_budget_law_mn(self) -> np.ndarray:
        """The core budget in budget-law terms (NATO basis ÷ the bridge ratio); NaN without."""
        return self.core_budget_mn / self.bridge_ratio[:, None]

    @property
    def increase_mn(self) -> np.ndarray:
        return self.increase_pp * self.pp_cost_mn

    @property
    def inside_mn(self) -> np.ndarray:
        return self.inside_pp * self.pp_cost_mn

    @property
    def outside_mn(self) -> np.ndarray:
        return self.outside_pp * self.pp_cost_mn

    def column(self, year: int) -> int:
        """Position of ``year`` in :attr:`years`."""
        return int(year) - int(self.years[0])

    def frame(self, last_year: int | None = None) -> pd.DataFrame:
        """One row per ally and year (to ``last_year``), the CLI's columns."""
        import pandas as pd

        end = len(self.years) if last_year is None else self.column(last_year) + 1
        n_years = end
        baseline = self.rules.baseline_year
        rows = np.repeat(np.arange(len(self.iso3)), n_years)
        cols = np.tile(np.arange(n_years), len(self.iso3))
        return pd.DataFrame(
            {
                "iso3": np.array(self.iso3)[rows],
                "year": self.years[cols],
                "core_share_pct": self.core_share_pct[rows, cols],
                f"share_{baseline}_pct": self.baseline_share_pct[rows],
                f"increase_vs_{baseline}_pp": self.increase_pp[rows, cols],
                "inside_clause_pp": self.inside_pp[rows, cols],
                "outside_clause_pp": self.outside_pp[rows, cols],
                "clause": [s.describe(self.rules) for s in self.status[rows, cols]],
                "baseline_basis": np.where(self.baseline_is_cofog[rows], "COFOG 02", "NATO"),
            }
        )


def first_fiscal_year(rules: FiscalAssumptions, base_year: int) -> int:
    """First year shown: the clause's first year, or the base year if that comes first."""
    return min(rules.first_year, base_year)


def fiscal_room(projection: Projection, rules: FiscalAssumptions | None = None) -> FiscalRoom:
    """The escape-clause split of ``projection``'s core shares (see the module docstring).

    Parameters
    ----------
    projection : Projection
        Brought up to date here.
    rules : FiscalAssumptions, optional
        The scenario's own (``scenario.fiscal``) by default.
    """
    projection.update()
    scenario = projection.scenario
    rules = rules if rules is not None else scenario.fiscal
    dataset = scenario.dataset
    base = scenario.base_year
    start = first_fiscal_year(rules, base)
    years = np.arange(start, int(projection.paths.years[-1]) + 1)
    codes = tuple(a.iso3 for a in scenario.allies)
    n = len(codes)

    share_history = dataset.history_matrix("defence_share_gdp_pct")
    spend_history = dataset.history_matrix("defence_exp_national_million")
    past = slice(start - FIRST_HISTORY_YEAR, base - FIRST_HISTORY_YEAR)
    core_share = np.hstack([share_history[:, past], projection.paths.core_share_pct])
    pp_cost = np.hstack(
        [spend_history[:, past] / share_history[:, past], projection.paths.pp_cost_mn]
    )
    core_budget = np.hstack([spend_history[:, past], projection.paths.core_budget_mn])

    nato_baseline = share_history[:, rules.baseline_year - FIRST_HISTORY_YEAR]
    cofog = np.array([np.nan if (v := rules.cofog_baseline(c)) is None else v for c in codes])
    is_cofog = ~np.isnan(cofog)
    baseline = np.where(is_cofog, cofog, nato_baseline)
    increase = core_share - baseline[:, None]

    status = np.empty((n, len(years)), dtype=object)
    in_years = (years >= rules.first_year) & (years <= rules.last_year)
    for i, iso3 in enumerate(codes):
        if not is_eu_member(iso3):
            status[i, :] = ClauseStatus.NOT_EU
        elif iso3 not in rules.covered:
            status[i, :] = ClauseStatus.NOT_ACTIVATED
        elif np.isnan(core_share[i]).all():
            status[i, :] = ClauseStatus.NO_DATA
        else:
            for j, year in enumerate(years):
                status[i, j] = (
                    ClauseStatus.ACTIVE
                    if in_years[j]
                    else ClauseStatus.ENDED
                    if year > rules.last_year
                    else ClauseStatus.BEFORE
                )
    active = np.vectorize(lambda s: s is ClauseStatus.ACTIVE, otypes=[bool])(status)
    ended = np.vectorize(lambda s: s is ClauseStatus.ENDED, otypes=[bool])(status)
    positive = np.maximum(increase, 0.0)
    inside = np.where(active, np.minimum(positive, rules.cap_pct), np.where(ended, 0.0, np.nan))
    outside = np.where(active | ended, positive - np.nan_to_num(inside), np.nan)
    effects = _public_finance_effects(projection, rules, start, years)
    facts = eu_facts()
    safe = np.array(
        [
            np.nan
            if (f := facts.get(c)) is None or f.safe_allocation_eur_bn is None
            else f.safe_allocation_eur_bn
            for c in codes
        ]
    )
    return FiscalRoom(
        rules,
        codes,
        years,
        core_share,
        baseline,
        is_cofog,
        increase,
        inside,
        outside,
        pp_cost,
        status,
        safe,
        core_budget,
        np.array([np.nan if (r := rules.bridge(c)) is None else r for c in codes]),
        *effects,
    )


def _public_finance_effects(
    projection: Projection, rules: FiscalAssumptions, start: int, years: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(Δ net lending, Δ gross debt, net lending, gross debt), pp or % of GDP, allies × years."""
    paths = projection.paths
    share, gdp = paths.core_share_pct, paths.gdp_bn
    extra = share - share[:, :1]
    debt_effect = np.zeros_like(extra)
    for j in range(1, extra.shape[1]):
        debt_effect[:, j] = (debt_effect[:, j - 1] * gdp[:, j - 1] + extra[:, j] * gdp[:, j]) / gdp[
            :, j
        ]
    base_finances = np.array(
        [rules.public_finances(a.iso3) for a in projection.scenario.allies], dtype=float
    ).reshape(-1, 2)
    lending = base_finances[:, :1] - extra
    debt = base_finances[:, 1:] + debt_effect
    before = np.full((extra.shape[0], projection.scenario.base_year - start), np.nan)
    lending_effect = 0.0 - extra  # 0 - x: no negative zero in the base year
    return tuple(np.hstack([before, a]) for a in (lending_effect, debt_effect, lending, debt))
