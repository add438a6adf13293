"""Alliance aggregates the way NATO computes them (DESIGN §4).

**Shares.** NATO's aggregate share of GDP is the ratio of the members' sums at
constant prices and exchange rates, which is the mean of the members' published
(constant 2021 prices) shares weighted by their GDP at constant 2021 prices
and exchange rates. The weights here are each ally's 2021 GDP in USD (NATO
Table 2/5, where constant 2021 equals current) chained by NATO's own real GDP
growth (``real_gdp_growth_pct_derived``); at a growth break (Luxembourg's
2023 move to GNI) the weight keeps the previous year's ratio to current-USD
GDP. In projection years the weights grow with each ally's real GDP path
(nominal GDP over the deflator in use) and the shares are the scenario's
anchored shares, so an alliance share moves only when an ally's share or its
weight does.

**Members of each year.** Montenegro counts from 2017, North Macedonia from
2020, Finland from 2023 and Sweden from 2024 (NATO's accession dates; NATO's
tables count an ally in the year it joined).

**Iceland** has no armed forces and no national row in NATO's tables, but
NATO's aggregate GDP includes it: its GDP is the residual of the published
aggregate GDP (``nato_aggregates.csv``, current USD) minus the members' sum,
with zero defence spending; in projection years it grows with Iceland's real
GDP growth from the scenario. (Its weight is in current USD, not 2021 prices:
Iceland is under 0.1% of the alliance's GDP; the effect is below 0.001 pp.)

**Money** is in USD billion at *base-year prices and exchange rates*: an
ally's nominal path is deflated by its own deflator path (the scenario's:
IMF CPI unless overridden) and converted at the base-year rate implied by
NATO's tables. History is NATO's own figures on the same basis: the base-year
current-USD amount moved back by the ally's published share and real GDP
(``D[t] = D_usd[b] · (share[t]/share[b]) · (Y[t]/Y[b])``, Y real GDP), which
is NATO's constant-price series rebased to the base year. Converting
*nominal* national amounts at a fixed rate would make high-inflation
currencies explode (Türkiye passing Germany by 2035).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np

from natoplanner.core.dataset import FIRST_HISTORY_YEAR
from natoplanner.core.scenario import Measure, Scenario

if TYPE_CHECKING:
    import pandas as pd


class Projection(Protocol):
    """What the aggregates read of a projection (``core.projection.Projection``): the
    scenario and its paths (``AllyPaths``, allies × base..2040). A protocol, so this
    module does not import the projection that imports it."""

    scenario: Scenario
    paths: object


#: Year each ally joined after 2014 (NATO, "Member countries"); counted from that year.
ACCESSION_YEAR = {"MNE": 2017, "MKD": 2020, "FIN": 2023, "SWE": 2024}
GROUPS = ("nato", "europe_canada", "usa")
GROUP_NAMES = {"nato": "NATO", "europe_canada": "Europe and Canada", "usa": "United States"}
#: The published aggregate each group is checked against in nato_aggregates.csv.
PUBLISHED_AGGREGATE = {"nato": "NATO total", "europe_canada": "NATO Europe and Canada"}
ICELAND = "ISL"
THRESHOLDS_PCT = {"2": 2.0, "3_5": 3.5, "5": 5.0}
_TOLERANCE_PP = 1e-9


def money_label(base_year: int) -> str:
    """The unit of aggregate money: "USD bn, 2026 prices and exchange rates"."""
    return f"USD bn, {base_year} prices and exchange rates"


@dataclass(frozen=True)
class AllianceAggregates:
    """Aggregates per group (NATO, Europe and Canada, United States) and year.

    ``years`` run from 2014 to the horizon; ``is_projection`` marks years after
    the base year. Arrays in the dicts are per year: shares in % of GDP
    (constant-price GDP weights), money in USD billion at base-year prices and
    exchange rates, counts of allies at or above 2% core, 3.5% core, and 5%
    total with core at 3.5% (members of that year, allies with armed forces).
    """

    base_year: int
    years: np.ndarray
    is_projection: np.ndarray
    core_share_pct: dict[str, np.ndarray]
    total_share_pct: dict[str, np.ndarray]
    core_usd_bn: dict[str, np.ndarray]
    related_usd_bn: dict[str, np.ndarray]
    allies_at: dict[str, dict[str, np.ndarray]]

    @property
    def money_label(self) -> str:
        return money_label(self.base_year)

    def frame(self) -> pd.DataFrame:
        """Tidy frame: one row per aggregate and year (the ``alliance`` command's columns)."""
        import pandas as pd

        parts = []
        for group in GROUPS:
            parts.append(
                pd.DataFrame(
                    {
                        "aggregate": GROUP_NAMES[group],
                        "year": self.years,
                        "core_share_pct": self.core_share_pct[group],
                        "total_share_pct": self.total_share_pct[group],
                        "core_usd_bn": self.core_usd_bn[group],
                        "allies_at_2_pct": self.allies_at["2"][group],
                        "allies_at_3_5_pct": self.allies_at["3_5"][group],
                        "allies_at_5_pct": self.allies_at["5"][group],
                    }
                )
            )
        return pd.concat(parts, ignore_index=True)


def membership(iso3_codes: tuple[str, ...], years: np.ndarray) -> np.ndarray:
    """(allies × years) True where the ally was a member that year."""
    joined = np.array([ACCESSION_YEAR.get(code, 0) for code in iso3_codes])
    return years[None, :] >= joined[:, None]


@functools.cache
def history_real_gdp_usd_bn(dataset) -> np.ndarray:
    """GDP at constant 2021 prices and exchange rates (USD bn), allies × 2014..2026.

    2021 current-USD GDP chained by NATO's real growth; at a missing growth
    (Luxembourg 2023, GNI break) the ratio to current-USD GDP of the year
    before is kept. NaN for Iceland.
    """
    current = dataset.history_matrix("gdp_usd_billion_current")
    growth = dataset.history_matrix("real_gdp_growth_pct_derived")
    anchor = 2021 - FIRST_HISTORY_YEAR
    real = np.full_like(current, np.nan)
    real[:, anchor] = current[:, anchor]
    for j in range(anchor + 1, current.shape[1]):
        chained = real[:, j - 1] * (1 + growth[:, j] / 100)
        kept_ratio = real[:, j - 1] / current[:, j - 1] * current[:, j]
        real[:, j] = np.where(np.isnan(growth[:, j]), kept_ratio, chained)
    for j in range(anchor - 1, -1, -1):
        chained = real[:, j + 1] / (1 + growth[:, j + 1] / 100)
        kept_ratio = real[:, j + 1] / current[:, j + 1] * current[:, j]
        real[:, j] = np.where(np.isnan(growth[:, j + 1]), kept_ratio, chained)
    real.flags.writeable = False
    return real


@functools.cache
def iceland_gdp_usd_bn(dataset) -> np.ndarray:
    """Iceland's GDP (USD bn, current) per year 2014..2026: NATO's published aggregate
    GDP minus the sum of the members' GDP (the aggregate counts Iceland's GDP)."""
    aggregates = dataset.aggregates
    published = aggregates[aggregates["aggregate"] == PUBLISHED_AGGREGATE["nato"]].set_index(
        "year"
    )["gdp_usd_billion_current"]
    years = dataset.history_years
    members = membership(dataset.registry.iso3_codes, years)
    current = dataset.history_matrix("gdp_usd_billion_current")
    members_sum = np.nansum(np.where(members, current, 0.0), axis=0)
    residual = published.reindex(years).to_numpy(dtype=float) - members_sum
    residual.flags.writeable = False
    return residual


def core_usd_bn_at_base_prices(projection: Projection) -> np.ndarray:
    """Each ally's core spending (USD bn at base-year prices and exchange rates),
    allies × base..2040: the nominal budget deflated by the ally's own deflator path,
    converted at the base-year rate implied by NATO's tables."""
    return projection.usd_mn_at_base_prices(projection.paths.core_budget_mn) / 1000


def nominal_core_usd_bn(projection: Projection) -> np.ndarray:
    """Each ally's core spending in *current* USD bn, allies × base..2040, at the
    exchange-rate path (``Projection.exchange_rates_per_usd``: typed rates where the
    user set them, relative purchasing-power parity from each ally's and the US
    deflator paths elsewhere). The view beside the constant-price default."""
    return projection.paths.core_budget_mn / projection.exchange_rates_per_usd() / 1000


def exchange_rate_label(scenario: Scenario) -> str:
    """How the nominal view's exchange rates are set, e.g. "relative PPP from the
    deflator paths; typed for 2 allies"."""
    typed = scenario.allies_with_inputs(Measure.EXCHANGE_RATE)
    label = "relative PPP from the deflator paths"
    if typed:
        label += f"; typed for {typed} {'ally' if typed == 1 else 'allies'}"
    return label


def core_usd_bn_by_year(projection: Projection) -> tuple[np.ndarray, np.ndarray]:
    """Years 2014..horizon and each ally's core spending in USD bn at base-year prices
    and exchange rates (allies × years; NaN for Iceland).

    History: NATO's base-year USD amount moved back by the ally's published
    share and real GDP, ``D_usd[b] · (share[t]/share[b]) · (Y[t]/Y[b])``;
    projection: :func:`core_usd_bn_at_base_prices`.
    """
    scenario = projection.scenario
    dataset = scenario.dataset
    b, h = scenario.base_year, scenario.horizon
    hist_cols = np.arange(FIRST_HISTORY_YEAR, b + 1) - FIRST_HISTORY_YEAR
    real = history_real_gdp_usd_bn(dataset)[:, hist_cols]
    share = dataset.history_matrix("defence_share_gdp_pct")[:, hist_cols]
    usd_b = dataset.history_matrix("defence_exp_usd_million_current")[:, hist_cols[-1]]
    history = usd_b[:, None] / 1000 * (share / share[:, -1:]) * (real / real[:, -1:])
    projected = core_usd_bn_at_base_prices(projection)[:, 1 : h - b + 1]
    return np.arange(FIRST_HISTORY_YEAR, h + 1), np.hstack([history, projected])


def current_core_usd_bn_by_year(projection: Projection) -> tuple[np.ndarray, np.ndarray]:
    """Years 2014..horizon and each ally's core spending in *current* USD bn (allies ×
    years; NaN for Iceland): NATO's own current-USD figures to the base year, then
    :func:`nominal_core_usd_bn` (the exchange-rate path)."""
    scenario = projection.scenario
    b, h = scenario.base_year, scenario.horizon
    history = scenario.dataset.history_matrix("defence_exp_usd_million_current")[
        :, : b - FIRST_HISTORY_YEAR + 1
    ]
    projected = nominal_core_usd_bn(projection)[:, 1 : h - b + 1]
    return np.arange(FIRST_HISTORY_YEAR, h + 1), np.hstack([history / 1000, projected])


def alliance_aggregates(projection: Projection) -> AllianceAggregates:
    """NATO, Europe and Canada, and United States aggregates, 2014 to the horizon."""
    scenario = projection.scenario
    dataset = scenario.dataset
    codes = dataset.registry.iso3_codes
    b, h = scenario.base_year, scenario.horizon
    history_years = np.arange(FIRST_HISTORY_YEAR, b + 1)
    hist_cols = history_years - FIRST_HISTORY_YEAR
    years = np.arange(FIRST_HISTORY_YEAR, h + 1)
    n_proj = h - b
    paths = projection.paths

    # -- weights: GDP at constant 2021 prices (USD bn), allies × years --------
    real_hist = history_real_gdp_usd_bn(dataset)[:, hist_cols]
    prices = projection.price_index()[:, 1 : n_proj + 1]
    real_growth_index = paths.gdp_bn[:, 1 : n_proj + 1] / paths.gdp_bn[:, :1] / prices
    weights = np.hstack([real_hist, real_hist[:, -1:] * real_growth_index])
    iceland = codes.index(ICELAND)
    iceland_hist = iceland_gdp_usd_bn(dataset)[hist_cols]
    iceland_growth = np.cumprod(1 + scenario.effective_growth_pct()[iceland, :n_proj] / 100)
    iceland_weight = np.concatenate([iceland_hist, iceland_hist[-1] * iceland_growth])

    # -- shares and money, allies × years --------------------------------------
    history_share = dataset.history_matrix("defence_share_gdp_pct")[:, hist_cols]
    core_share = np.hstack([history_share, paths.core_share_pct[:, 1 : n_proj + 1]])
    # The scenario's related track starts in the base year (NATO publishes none before).
    total_share = np.hstack([history_share[:, :-1], paths.total_share_pct[:, : n_proj + 1]])
    _years, core_usd_bn = core_usd_bn_by_year(projection)
    fx = scenario.base.fx_per_usd[:, None]
    related_mn = paths.related_share_pct * paths.pp_cost_mn
    related_usd_bn = np.hstack(
        [
            np.zeros_like(history_share[:, :-1]),
            related_mn[:, : n_proj + 1] / projection.price_index()[:, : n_proj + 1] / fx / 1000,
        ]
    )

    members = membership(codes, years) & ~np.isnan(core_share)
    is_us = np.array([code == "USA" for code in codes])
    group_rows = {"nato": np.ones(len(codes), bool), "europe_canada": ~is_us, "usa": is_us}
    counts_iceland = {"nato": True, "europe_canada": True, "usa": False}
    shares: dict[str, np.ndarray] = {}
    totals: dict[str, np.ndarray] = {}
    money: dict[str, np.ndarray] = {}
    related: dict[str, np.ndarray] = {}
    at: dict[str, dict[str, np.ndarray]] = {key: {} for key in THRESHOLDS_PCT}
    with np.errstate(invalid="ignore"):
        core_met = {k: core_share >= v - _TOLERANCE_PP for k, v in THRESHOLDS_PCT.items()}
        core_met["5"] = (total_share >= 5.0 - _TOLERANCE_PP) & core_met["3_5"]
    for group, rows in group_rows.items():
        mask = members & rows[:, None]
        w = np.where(mask, weights, 0.0)
        denominator = w.sum(axis=0) + (iceland_weight if counts_iceland[group] else 0.0)
        shares[group] = (np.where(mask, core_share, 0.0) * w).sum(axis=0) / denominator
        totals[group] = (np.where(mask, total_share, 0.0) * w).sum(axis=0) / denominator
        money[group] = np.where(mask, core_usd_bn, 0.0).sum(axis=0)
        related[group] = np.where(mask, related_usd_bn, 0.0).sum(axis=0)
        for key, met in core_met.items():
            at[key][group] = (met & mask).sum(axis=0)
    return AllianceAggregates(
        base_year=b,
        years=years,
        is_projection=years > b,
        core_share_pct=shares,
        total_share_pct=totals,
        core_usd_bn=money,
        related_usd_bn=related,
        allies_at=at,
    )
