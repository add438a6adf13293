"""``natoplanner uncertainty``: Monte Carlo bands and probabilities, per ally and alliance."""

from __future__ import annotations

import argparse
import sys

import numpy as np
import pandas as pd

from natoplanner.cli.common import format_table, load_scenario
from natoplanner.core.scenario import CORE_TARGET_PCT
from natoplanner.core.uncertainty import (
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    SCALES,
    MonteCarloResult,
    MonteCarloSettings,
    run_monte_carlo,
)

QUANTILES = (10, 50, 90)
SCALE_WORDS = {
    "documented": "IMF revision vectors scaled to documented forecast errors (IEO 2014, EC 2007)",
    "revisions": "the IMF's six-month revisions as they are",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "uncertainty",
        help="Monte Carlo: bands of core share and budget, chance of meeting the core target",
        description="Joint draws of real GDP growth (bootstrapped vectors of the IMF's own "
        "forecast revisions, every WEO vintage pair: correlated across allies, persistent "
        "across years) and of NATO's revision of the base-year share. Per ally: p10/p50/p90 "
        "of the core share (%% of GDP) and of the core budget (million national currency) in "
        "the year, and the chance (%%) of meeting its core target; then the alliance rows "
        "NATO and EUROPE_CANADA (share weighted the NATO way; budget columns in million USD "
        "at base-year prices and exchange rates; chance of a 3.5%% aggregate; count of "
        "allies at 3.5%%).",
    )
    parser.add_argument(
        "scenario", nargs="?", help="scenario workbook (.xlsx); default scenario if omitted"
    )
    parser.add_argument("--draws", type=int, default=DEFAULT_DRAWS, help="number of draws")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument("--year", type=int, help="year of the bands (default: the horizon)")
    parser.add_argument("--csv", action="store_true", help="machine-readable CSV with a header row")
    parser.add_argument(
        "--scale",
        choices=SCALES,
        default="documented",
        help="spread of the growth shocks: documented (default: scaled year by year to "
        "published forecast-error statistics, at least 1.08 pp a year; data/SOURCES.md §8) "
        "or revisions (the IMF's six-month revisions as they are: narrower for most allies)",
    )
    parser.set_defaults(handler=run)


def uncertainty_frame(result: MonteCarloResult) -> pd.DataFrame:
    """Rows per ally with NATO data, then NATO and EUROPE_CANADA, at the result's last year."""
    col = len(result.years) - 1
    year = int(result.years[-1])
    positions = [result.percentiles.index(q) for q in QUANTILES]
    rows = []
    for i, iso3 in enumerate(result.iso3):
        if np.isnan(result.prob_core[i]):
            continue
        rows.append(
            {
                "iso3": iso3,
                "year": year,
                **{
                    f"core_share_p{q}": result.core_share_pct[i, p, col]
                    for q, p in zip(QUANTILES, positions, strict=True)
                },
                **{
                    f"core_budget_p{q}_mn": result.core_budget_mn[i, p, col]
                    for q, p in zip(QUANTILES, positions, strict=True)
                },
                "probability_core_target_pct": 100.0 * result.prob_core[i],
            }
        )
    draws = result.alliance_draws
    for code, group in (("NATO", "nato"), ("EUROPE_CANADA", "europe_canada")):
        share = draws[f"{group}_core_share_pct"]
        money_mn = draws[f"{group}_core_usd_bn"] * 1000
        count = draws[f"allies_at_3_5_{group}"]
        rows.append(
            {
                "iso3": code,
                "year": year,
                **{f"core_share_p{q}": np.percentile(share, q) for q in QUANTILES},
                **{f"core_budget_p{q}_mn": np.percentile(money_mn, q) for q in QUANTILES},
                "probability_core_target_pct": 100.0
                * float((share >= CORE_TARGET_PCT - 1e-9).mean()),
                **{f"allies_at_3_5_p{q}": np.percentile(count, q) for q in QUANTILES},
            }
        )
    return pd.DataFrame(rows)


def run(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    if args.year is not None:
        scenario.set_horizon(args.year)
    settings = MonteCarloSettings(n_draws=args.draws, seed=args.seed, scale=args.scale)
    result = run_monte_carlo(scenario, settings)
    frame = uncertainty_frame(result)
    if args.csv:
        frame.round(4).to_csv(sys.stdout, index=False, lineterminator="\n")
        return 0
    print(
        f"{scenario.name}: {result.n_draws:,} joint draws, seed {result.seed}, "
        f"{int(result.years[-1])}; persistence of revisions ρ = {result.persistence:.2f}; "
        f"spread: {SCALE_WORDS[args.scale]}"
    )
    text = [
        [
            row.iso3,
            f"{row.core_share_p10:.2f}",
            f"{row.core_share_p50:.2f}",
            f"{row.core_share_p90:.2f}",
            f"{row.core_budget_p10_mn:,.0f}",
            f"{row.core_budget_p90_mn:,.0f}",
            f"{row.probability_core_target_pct:.0f}",
        ]
        for row in frame.itertuples(index=False)
    ]
    header = ["ISO3", "Core p10 %", "p50 %", "p90 %", "Budget p10 mn", "p90 mn", "P(target) %"]
    print(format_table(text, header, right_align_from=1))
    nato = frame[frame["iso3"] == "NATO"].iloc[0]
    print(
        f"Allies at 3.5% core: p10 {nato.allies_at_3_5_p10:.0f}, p50 {nato.allies_at_3_5_p50:.0f}, "
        f"p90 {nato.allies_at_3_5_p90:.0f}. Budgets: million national currency; alliance rows: "
        f"million USD at {scenario.base_year} prices and exchange rates."
    )
    return 0
