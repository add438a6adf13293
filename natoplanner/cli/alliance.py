"""``natoplanner alliance``: NATO, Europe and Canada, and United States aggregates by year."""

from __future__ import annotations

import argparse
import sys

import numpy as np

from natoplanner.cli.common import format_table, load_scenario
from natoplanner.core.dataset import FIRST_HISTORY_YEAR
from natoplanner.core.indicators.aggregates import (
    current_core_usd_bn_by_year,
    exchange_rate_label,
    membership,
)
from natoplanner.core.indicators.basis import deflator_label
from natoplanner.core.projection import Projection


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "alliance",
        help="print alliance aggregates per year, 2014 to the horizon",
        description="One row per aggregate (NATO, Europe and Canada, United States) and year "
        "from 2014 to the horizon, the NATO way: members of each year (Montenegro from 2017, "
        "North Macedonia 2020, Finland 2023, Sweden 2024); shares weighted by GDP at constant "
        "prices with Iceland's GDP in the denominator; core spending in USD bn at base-year "
        "prices and exchange rates (NATO's figures to the base year, then the scenario "
        "deflated by each ally's own deflator path). Total counts related spending up to "
        "1.5%% of GDP; allies at 5%% also need core at 3.5%%.",
    )
    parser.add_argument(
        "scenario", nargs="?", help="scenario workbook (.xlsx); default scenario if omitted"
    )
    parser.add_argument("--csv", action="store_true", help="machine-readable CSV with a header row")
    parser.add_argument(
        "--nominal",
        action="store_true",
        help="add core_usd_bn_nominal: current USD bn at the exchange-rate path after the "
        "base year: rates typed with 'set FILE ISO3 fx.YEAR=RATE' (national currency per "
        "USD), relative PPP (each ally's deflator against the US deflator) from the year "
        "before elsewhere",
    )
    parser.set_defaults(handler=run)


def _nominal_column(projection: Projection, frame) -> list[float]:
    """Current USD bn per aggregate and year: NATO's own figures to the base year, then
    the exchange-rate path (:func:`current_core_usd_bn_by_year`); members of each year."""
    codes = projection.scenario.dataset.registry.iso3_codes
    years, usd = current_core_usd_bn_by_year(projection)
    usd = np.where(membership(codes, years), usd, 0.0)
    usd = np.nan_to_num(usd)
    is_us = np.array([code == "USA" for code in codes])
    groups = {"NATO": ~np.zeros_like(is_us), "Europe and Canada": ~is_us, "United States": is_us}
    by_group = {name: usd[mask].sum(axis=0) for name, mask in groups.items()}
    return [
        float(by_group[name][year - FIRST_HISTORY_YEAR])
        for name, year in zip(frame["aggregate"], frame["year"], strict=True)
    ]


def run(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    projection = Projection(scenario)
    aggregates = projection.alliance_aggregates()
    frame = aggregates.frame()
    if args.nominal:
        frame["core_usd_bn_nominal"] = _nominal_column(projection, frame)
    if args.csv:
        digits = {"core_share_pct": 4, "total_share_pct": 4}
        digits |= {"core_usd_bn": 3, "core_usd_bn_nominal": 3}
        frame.round(digits).to_csv(sys.stdout, index=False, lineterminator="\n")
        return 0
    rows = [
        [
            row.aggregate,
            str(row.year),
            f"{row.core_share_pct:.2f}",
            f"{row.total_share_pct:.2f}",
            f"{row.core_usd_bn:,.1f}",
            *([f"{row.core_usd_bn_nominal:,.1f}"] if args.nominal else []),
            str(row.allies_at_2_pct),
            str(row.allies_at_3_5_pct),
            str(row.allies_at_5_pct),
        ]
        for row in frame.itertuples(index=False)
    ]
    header = ["Aggregate", "Year", "Core %", "Total %", "Core USD bn*"]
    header += ["Current USD bn**"] if args.nominal else []
    header += ["At 2%", "At 3.5%", "At 5%"]
    print(
        f"{scenario.name}: NATO figures to {scenario.base_year}, then the scenario "
        f"(horizon {scenario.horizon})"
    )
    print(format_table(rows, header, right_align_from=1))
    print(f"* {aggregates.money_label}; deflator: {deflator_label(scenario)}")
    if args.nominal:
        print(
            f"** current USD: NATO's figures to {scenario.base_year}, then exchange rates "
            f"{exchange_rate_label(scenario)}"
        )
    return 0
