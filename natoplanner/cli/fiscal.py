"""``natoplanner fiscal``: the escape-clause split of each ally's increase since the baseline."""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from natoplanner.cli.common import format_table, load_scenario
from natoplanner.core.fiscal.bridge import FISCAL_YEAR_NOTES
from natoplanner.core.fiscal.room import FiscalRoom, fiscal_room
from natoplanner.core.projection import Projection

BASIS_NOTE = (
    "Core shares on NATO's definition. The EU measures defence on COFOG division 02 "
    "(general government), not on NATO's definition: the baseline share is NATO's unless a "
    "COFOG-basis share was typed (column baseline_basis). Budget-law amounts = NATO basis ÷ the "
    "bridge ratio (SOURCES.md §6); Canada, the UK and the US report fiscal years to NATO "
    "(column fiscal_year). Net lending and debt: first-round effect of the extra core "
    "spending above the base-year share, borrowed; levels only where a base-year figure was "
    "typed (IMF WEO figures are not bundled)."
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "fiscal",
        help="print the EU escape-clause split of each ally's defence increase",
        description="One row per ally and year: core share, the baseline-year share, the "
        "increase against it, the part inside the national escape clause's cap and the part "
        "outside it, and whether the clause applies (or why not). " + BASIS_NOTE,
    )
    parser.add_argument(
        "scenario", nargs="?", help="scenario workbook (.xlsx); default scenario if omitted"
    )
    parser.add_argument("--horizon", type=int, help="last year shown (up to 2040)")
    parser.add_argument("--csv", action="store_true", help="machine-readable CSV with a header row")
    parser.set_defaults(handler=run)


def fiscal_frame(room: FiscalRoom, last_year: int) -> pd.DataFrame:
    """The CLI's rows: the issue's columns first, then money and SAFE (units in the names)."""
    frame = room.frame(last_year)
    n_years = room.column(last_year) + 1
    frame["increase_mn_national"] = room.increase_mn[:, :n_years].ravel()
    frame["outside_clause_mn_national"] = room.outside_mn[:, :n_years].ravel()
    frame["safe_tentative_allocation_eur_bn"] = room.safe_allocation_eur_bn.repeat(n_years)
    frame["core_budget_mn_nato"] = room.core_budget_mn[:, :n_years].ravel()
    frame["nato_to_national_ratio"] = room.bridge_ratio.repeat(n_years)
    frame["core_budget_mn_budget_law"] = room.core_budget_law_mn[:, :n_years].ravel()
    frame["fiscal_year"] = [FISCAL_YEAR_NOTES.get(iso3, "calendar year") for iso3 in frame["iso3"]]
    for column, values in (
        ("net_lending_effect_pp", room.net_lending_effect_pp),
        ("gross_debt_effect_pp", room.gross_debt_effect_pp),
        ("net_lending_pct", room.net_lending_pct),
        ("gross_debt_pct", room.gross_debt_pct),
    ):
        frame[column] = values[:, :n_years].ravel()
    return frame


def run(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    if args.horizon is not None:
        scenario.set_horizon(args.horizon)
    room = fiscal_room(Projection(scenario))
    frame = fiscal_frame(room, scenario.horizon)
    if args.csv:
        frame.round(4).to_csv(sys.stdout, index=False, lineterminator="\n")
        return 0
    rules = room.rules
    print(
        f"{scenario.name} — national escape clause {rules.first_year}–{rules.last_year}, "
        f"cap {rules.cap_pct:g}% of GDP a year, increase against {rules.baseline_year}"
    )
    print(BASIS_NOTE)
    figures = frame.iloc[:, :7]
    text_rows = [
        ["—" if pd.isna(v) else (f"{v:.2f}" if isinstance(v, float) else str(v)) for v in row]
        for row in figures.itertuples(index=False)
    ]
    header = [
        "ISO3",
        "Year",
        "Core %",
        f"{rules.baseline_year} %",
        "Increase pp",
        "Inside pp",
        "Outside pp",
    ]
    lines = format_table(text_rows, header, right_align_from=1).split("\n")
    clauses = ["Clause", "------", *frame["clause"]]
    width = max(len(line) for line in lines)
    pairs = zip(lines, clauses, strict=True)
    print("\n".join(f"{line.ljust(width)}  {clause}" for line, clause in pairs))
    return 0
