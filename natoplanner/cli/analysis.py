"""``natoplanner goalseek`` and ``natoplanner compare``.

``goalseek`` prints the constant budget growth an ally needs to reach a core
(or total) target by a year, and the budgets year by year; ``compare``
prints the difference table of two or more scenario workbooks.
"""

from __future__ import annotations

import argparse
import sys

import numpy as np
import pandas as pd

from natoplanner.cli.common import add_strict_option, format_table, load_scenario, terminal_text
from natoplanner.core.compare import ScenarioComparison, compare_scenarios
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.goalseek import (
    GoalPath,
    GoalSeekResult,
    TargetMeasure,
    goal_seek,
    goal_seek_below_target,
)
from natoplanner.core.indicators.basis import deflator_label
from natoplanner.core.scenario import Scenario


def register(subparsers: argparse._SubParsersAction) -> None:
    seek = subparsers.add_parser(
        "goalseek",
        help="constant budget growth needed to reach a target share by a year",
        description="For each ally: the constant nominal and real growth of the core defence "
        "budget that reaches the target share of GDP in the target year, the budget in each "
        "year (million national currency), the value at the 2029 review and the path's facts. "
        "After the target year the share reached is held (--keep-growing: the budget keeps "
        "growing); --ramp answers with a linear share ramp instead. An ally already at the "
        "target is 'met', with the growth that holds its share. A total target counts related "
        "spending up to 1.5%% of GDP and needs core at its own target.",
    )
    seek.add_argument(
        "scenario", nargs="?", help="scenario workbook (.xlsx); default scenario if omitted"
    )
    who = seek.add_mutually_exclusive_group(required=True)
    who.add_argument("--ally", help="ally code(s) or name(s), comma-separated, e.g. POL,DEU")
    who.add_argument("--all-below", action="store_true", help="every ally below the target")
    seek.add_argument("--target", type=float, help="target in %% of GDP (default: each ally's own)")
    seek.add_argument("--by", type=int, help="target year (default: the scenario's horizon)")
    seek.add_argument(
        "--total", action="store_true", help="target the total (core + related) share"
    )
    seek.add_argument(
        "--ramp", action="store_true", help="answer with a linear share ramp to the target"
    )
    seek.add_argument(
        "--keep-growing",
        action="store_true",
        help="keep growing at the same rate after the target year (default: hold the share)",
    )
    seek.add_argument("--csv", action="store_true", help="CSV, one row per ally and year")
    add_strict_option(seek)
    seek.set_defaults(handler=run_goalseek)

    compare = subparsers.add_parser(
        "compare",
        help="difference table of two or more scenario workbooks",
        description="Per ally and for the alliance, at the reference scenario's horizon: core and "
        "total share, core budget and first year at target in each scenario, and the "
        "difference of each scenario against the reference.",
    )
    compare.add_argument(
        "scenarios", nargs="+", metavar="SCENARIO", help="scenario workbooks (.xlsx)"
    )
    compare.add_argument(
        "--reference", type=int, default=1, help="position of the reference (1 = first)"
    )
    compare.add_argument(
        "--year", type=int, help="comparison year (default: the reference's horizon)"
    )
    compare.add_argument("--csv", action="store_true", help="the full table as CSV")
    add_strict_option(compare)
    compare.set_defaults(handler=run_compare)


# -- goalseek ------------------------------------------------------------------
def _allies(scenario: Scenario, text: str) -> list[str]:
    codes = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        ally = scenario.dataset.registry.match(part)
        if ally is None:
            suggestion = scenario.dataset.registry.suggest(part)
            hint = f" (did you mean {suggestion.iso3}, {suggestion.name_en}?)" if suggestion else ""
            raise ScenarioInputError("--ally", f"unknown ally '{part}'{hint}")
        codes.append(ally.iso3)
    return codes


def goalseek_frame(results: list[GoalSeekResult]) -> pd.DataFrame:
    """One row per ally and year, units in the column names."""
    frames = []
    for result in results:
        frame = result.budget_frame()
        frame.insert(0, "currency", result.currency)
        frame.insert(0, "iso3", result.iso3)
        frame["target_pct"] = result.target_pct
        frame["target_year"] = result.target_year
        frame["measure"] = str(result.measure)
        frame["nominal_growth_pct_per_year"] = result.nominal_growth_pct
        frame["real_growth_pct_per_year"] = result.real_growth_pct
        frame["path"] = str(result.path)
        frame["met_in_base_year"] = "yes" if result.met_in_base_year else "no"
        for key, value in result.facts.record().items():
            frame[key.replace("_by_review_", "_by_2029_")] = value
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def _result_lines(result: GoalSeekResult) -> list[str]:
    what = "core" if result.measure == TargetMeasure.CORE else "total (core + related)"
    lines = [
        f"{result.name} ({result.iso3}): {what} {result.target_pct:g}% of GDP "
        f"by {result.target_year}",
        (
            f"  met: at or above the target in {result.years[0]}; the growth that holds its share: "
            if result.met_in_base_year
            else "  required constant core budget growth: "
        )
        + f"nominal {result.nominal_growth_pct:.2f}% a year, "
        f"real {result.real_growth_pct:.2f}% a year",
        f"  as the scenario stands: {result.current_share_pct:.2f}% in {result.target_year}"
        + (" (already met)" if result.already_met else ""),
    ]
    if result.measure == TargetMeasure.TOTAL:
        lines.append(
            f"  core share needed in {result.target_year}: "
            f"{result.required_core_share_pct:.2f}% of GDP"
        )
    if result.checkpoint_year is not None:
        lines.append(
            f"  {result.checkpoint_year} review checkpoint: "
            f"core {result.checkpoint_share_pct:.2f}% of GDP, "
            f"budget {result.checkpoint_budget_mn:,.0f} million {result.currency}"
        )
    rows = [
        [str(year), f"{budget:,.0f}", f"{core:.2f}", f"{total:.2f}"]
        for year, budget, core, total in zip(
            result.years,
            result.core_budget_mn,
            result.core_share_pct,
            result.total_share_pct,
            strict=True,
        )
    ]
    header = ["Year", f"Core budget (million {result.currency})", "Core % of GDP", "Total % of GDP"]
    table = format_table(rows, header, right_align_from=1)
    lines += ["  " + line for line in table.splitlines()]
    lines.append(f"  path: {result.facts.describe()}")
    lines.append(f"  apply: {result.change.describe()}")
    return lines


def run_goalseek(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario, args)
    measure = TargetMeasure.TOTAL if args.total else TargetMeasure.CORE
    path = GoalPath.LINEAR_RAMP if args.ramp else GoalPath.CONSTANT_GROWTH
    options = {"path": path, "keep_growing": args.keep_growing}
    if args.all_below:
        results = goal_seek_below_target(scenario, args.target, args.by, measure, **options)
    else:
        codes = _allies(scenario, args.ally)
        results = goal_seek(scenario, codes, args.target, args.by, measure, **options)
    if args.csv:
        if results:
            goalseek_frame(results).to_csv(sys.stdout, index=False, lineterminator="\n")
        return 0
    print(
        f"{terminal_text(scenario.name)} — {scenario.nato_edition}; GDP: {scenario.gdp_vintage}; "
        f"deflator (real growth): {deflator_label(scenario)}; base {scenario.base_year}"
    )
    if not results:
        print("No ally is below the target.")
        return 0
    for result in results:
        print()
        print("\n".join(_result_lines(result)))
    return 0


# -- compare -------------------------------------------------------------------
def _cell(value: float, digits: int = 2, signed: bool = False) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "—"
    return f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"


def comparison_text(comparison: ScenarioComparison) -> str:
    """Readable table: shares (% of GDP), budget differences (million USD), first years."""
    values, diffs = comparison.values, comparison.differences
    others = [n for n in comparison.names if n != comparison.reference]
    shown = {n: terminal_text(n) for n in comparison.names}
    header = ["ISO3", "Ally"]
    header += [f"Core % [{shown[n]}]" for n in comparison.names]
    header += [f"Δ core pp [{shown[n]}]" for n in others]
    header += [f"Total % [{shown[n]}]" for n in comparison.names]
    header += [f"Δ total pp [{shown[n]}]" for n in others]
    header += [f"Δ budget USD mn [{shown[n]}]" for n in others]
    header += [f"1st yr core [{shown[n]}]" for n in comparison.names]
    rows = []
    for iso3 in values.index:
        row = [iso3, comparison.row_names[iso3]]
        row += [_cell(values.at[iso3, ("core_share_pct", n)]) for n in comparison.names]
        row += [_cell(diffs.at[iso3, ("core_share_pct", n)], signed=True) for n in others]
        row += [_cell(values.at[iso3, ("total_share_pct", n)]) for n in comparison.names]
        row += [_cell(diffs.at[iso3, ("total_share_pct", n)], signed=True) for n in others]
        row += [
            _cell(diffs.at[iso3, ("core_budget_usd_mn", n)], digits=0, signed=True) for n in others
        ]
        row += [_cell(values.at[iso3, ("first_year_core", n)], digits=0) for n in comparison.names]
        rows.append(row)
    return format_table(rows, header)


def run_compare(args: argparse.Namespace) -> int:
    if len(args.scenarios) < 2:
        raise ScenarioInputError("scenarios", "give at least two scenario workbooks to compare")
    scenarios = [load_scenario(path, args) for path in args.scenarios]
    comparison = compare_scenarios(scenarios, reference=args.reference - 1, year=args.year)
    if args.csv:
        comparison.table().to_csv(sys.stdout, index=False, lineterminator="\n")
        return 0
    print(
        f"Comparison at {comparison.year} against '{comparison.reference}' — "
        f"{scenarios[0].nato_edition}; "
        f"shares in % of GDP, differences in percentage points (pp); budgets in million USD "
        f"at base-year prices and exchange rates; first year at each ally's own core target"
    )
    for name, path in zip(comparison.names, args.scenarios, strict=True):
        print(f"  {terminal_text(name)}: {terminal_text(path)}")
    print(comparison_text(comparison))
    return 0
