"""``natoplanner summary``: every ally's path at the horizon, as a table or CSV."""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from natoplanner.cli.common import format_table, load_scenario
from natoplanner.core.projection import Projection


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "summary",
        help="print each ally's core and total share at the horizon",
        description="One row per ally: base-year core share, core and total share at the horizon, "
        "first year at the core target, required nominal budget growth, credible-path flag; "
        "then alliance totals.",
    )
    parser.add_argument(
        "scenario", nargs="?", help="scenario workbook (.xlsx); default scenario if omitted"
    )
    parser.add_argument("--horizon", type=int, help="last projected year (up to 2040)")
    parser.add_argument("--csv", action="store_true", help="machine-readable CSV with a header row")
    parser.set_defaults(handler=run)


def summary_frame(projection: Projection) -> pd.DataFrame:
    """The summary columns, named with their units."""
    summary = projection.summary()
    horizon = projection.scenario.horizon
    base = projection.scenario.base_year
    return pd.DataFrame(
        {
            "iso3": summary.index,
            "name": summary["name"],
            f"core_share_{base}_pct": summary["base_core_share_pct"].round(2),
            f"core_share_{horizon}_pct": summary["horizon_core_share_pct"].round(2),
            f"total_share_{horizon}_pct": summary["horizon_total_share_pct"].round(2),
            "first_year_core_target": summary["first_year_core"],
            "required_nominal_growth_pct_per_year": summary["required_nominal_growth_pct"].round(2),
            "credible_path": summary["credible"].map({True: "yes", False: "no"}),
            "note": summary["credibility_note"],
        }
    ).reset_index(drop=True)


def alliance_lines(projection: Projection) -> list[str]:
    alliance = projection.alliance().iloc[-1]
    horizon = projection.scenario.horizon
    return [
        f"NATO total {horizon}: core {alliance['nato_core_share_pct']:.2f}% of GDP, "
        f"total {alliance['nato_total_share_pct']:.2f}%, "
        f"core spending USD {alliance['nato_core_usd_mn'] / 1000:,.0f} bn "
        f"(base-year exchange rates)",
        f"Europe and Canada {horizon}: core {alliance['europe_canada_core_share_pct']:.2f}%; "
        f"United States: core {alliance['usa_core_share_pct']:.2f}%",
        # iloc[-1] turns the row into floats; counts print as whole numbers.
        f"Allies at >= 2%: {int(alliance['allies_at_2pct'])}, "
        f"at >= 3.5% core: {int(alliance['allies_at_3_5pct'])}, "
        f"at >= 5% total: {int(alliance['allies_at_5pct_total'])} (of 31 with armed forces)",
    ]


def run(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    if args.horizon is not None:
        scenario.set_horizon(args.horizon)
    projection = Projection(scenario)
    frame = summary_frame(projection)
    if args.csv:
        frame.to_csv(sys.stdout, index=False, lineterminator="\n")
        return 0
    text_rows = [
        ["—" if pd.isna(v) else (f"{v:.2f}" if isinstance(v, float) else str(v)) for v in row]
        for row in frame.drop(columns="note").itertuples(index=False)
    ]
    header = [
        "ISO3",
        "Ally",
        f"Core {scenario.base_year} %",
        f"Core {scenario.horizon} %",
        f"Total {scenario.horizon} %",
        "First yr 3.5",
        "Req. growth %/yr",
        "Credible",
    ]
    print(
        f"{scenario.name} — {scenario.nato_edition}; GDP: {scenario.gdp_vintage}; "
        f"base {scenario.base_year}, horizon {scenario.horizon}"
    )
    print(format_table(text_rows, header))
    print()
    print("\n".join(alliance_lines(projection)))
    return 0
