"""``natoplanner summary``: every ally's path at the horizon, as a table or CSV."""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from natoplanner.cli.common import add_strict_option, format_table, load_scenario, terminal_text
from natoplanner.core.indicators.aggregates import core_usd_bn_at_base_prices, money_label
from natoplanner.core.indicators.basis import deflator_label, share_bases
from natoplanner.core.projection import Projection


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "summary",
        help="print each ally's core and total share at the horizon",
        description="One row per ally: base-year core share, core and total share at the horizon, "
        "first year at the core target, required nominal budget growth, core spending at "
        "base-year prices and exchange rates, and the path facts (target reached, incremental, "
        "part of the increase by 2029 beside the linear path's, back-loaded below the "
        "scenario's threshold: this tool's heuristic); then alliance totals.",
    )
    parser.add_argument(
        "scenario", nargs="?", help="scenario workbook (.xlsx); default scenario if omitted"
    )
    parser.add_argument("--horizon", type=int, help="last projected year (up to 2040)")
    parser.add_argument("--csv", action="store_true", help="machine-readable CSV with a header row")
    add_strict_option(parser)
    parser.set_defaults(handler=run)


def summary_frame(projection: Projection) -> pd.DataFrame:
    """The summary columns, named with their units."""
    summary = projection.summary()
    horizon = projection.scenario.horizon
    base = projection.scenario.base_year
    h = projection.horizon_col
    facts = pd.DataFrame([f.record() for f in summary["path_facts"]], index=summary.index)
    bases = share_bases(projection.scenario)
    notes = [
        "; ".join(
            part
            for part in (
                note,
                "related above 1.5% of GDP: the excess is not counted" if above else "",
                basis.describe(),
            )
            if part
        )
        for note, above, basis in zip(
            summary["path_note"], summary["related_above_cap"], bases, strict=True
        )
    ]
    return pd.DataFrame(
        {
            "iso3": summary.index,
            "name": summary["name"],
            f"core_share_{base}_pct": summary["base_core_share_pct"].round(2),
            f"core_share_{horizon}_pct": summary["horizon_core_share_pct"].round(2),
            f"total_share_{horizon}_pct": summary["horizon_total_share_pct"].round(2),
            "first_year_core_target": summary["first_year_core"],
            "required_nominal_growth_pct_per_year": summary["required_nominal_growth_pct"].round(2),
            f"core_usd_bn_{horizon}": core_usd_bn_at_base_prices(projection)[:, h].round(3),
            "reaches_target": facts["reaches_target"],
            "incremental": facts["incremental"],
            "share_of_increase_by_2029_pct": facts["share_of_increase_by_review_pct"],
            "linear_share_of_increase_by_2029_pct": facts["linear_share_of_increase_by_review_pct"],
            "back_loaded": facts["back_loaded"],
            "note": notes,
        }
    ).reset_index(drop=True)


def alliance_lines(projection: Projection) -> list[str]:
    alliance = projection.alliance().iloc[-1]
    scenario = projection.scenario
    horizon = scenario.horizon
    return [
        f"NATO total {horizon}: core {alliance['nato_core_share_pct']:.2f}% of GDP, "
        f"total {alliance['nato_total_share_pct']:.2f}%, "
        f"core spending {alliance['nato_core_usd_mn'] / 1000:,.0f} "
        f"({money_label(scenario.base_year)})",
        f"Europe and Canada {horizon}: core {alliance['europe_canada_core_share_pct']:.2f}%; "
        f"United States: core {alliance['usa_core_share_pct']:.2f}%",
        # iloc[-1] turns the row into floats; counts print as whole numbers.
        f"Allies at >= 2%: {int(alliance['allies_at_2pct'])}, "
        f"at >= 3.5% core: {int(alliance['allies_at_3_5pct'])}, "
        f"at >= 5% total with core >= 3.5%: {int(alliance['allies_at_5pct_total'])} "
        "(of 31 with armed forces)",
        f"Path facts: back-loaded means below {scenario.backload_fraction:.0%} of the linear "
        "path's part of the increase by 2029 (this tool's heuristic, a scenario setting).",
    ]


def run(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario, args)
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
        f"USD bn {scenario.horizon}*",
        "Reached",
        "Incremental",
        "By 2029 %",
        "Linear %",
        "Back-loaded",
    ]
    print(
        f"{terminal_text(scenario.name)} — {scenario.nato_edition}; GDP: {scenario.gdp_vintage}; "
        f"base {scenario.base_year}, horizon {scenario.horizon}"
    )
    print(format_table(text_rows, header))
    print(f"* {money_label(scenario.base_year)}; deflator: {deflator_label(scenario)}")
    for basis in share_bases(scenario):
        if basis.describe():
            print(f"{basis.iso3}: {basis.describe()}")
    print()
    print("\n".join(alliance_lines(projection)))
    return 0
