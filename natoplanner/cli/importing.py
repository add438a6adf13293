"""``natoplanner check`` and ``natoplanner import``: spreadsheets into scenarios.

``check SOURCE`` prints what would be imported and every problem found
(file, sheet, cell, expected, found); exit 0 when something can be imported,
1 when not. ``import SOURCE --out OUT.xlsx`` applies the figures to the
default scenario (or ``--into SCENARIO.xlsx``) and saves the result.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from natoplanner.cli.common import load_scenario
from natoplanner.cli.vintages import add_import_options, check_hook, import_hook
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.scenario import Scenario
from natoplanner.io.sources.detect import SourceMeasure, Unit
from natoplanner.io.sources.importer import ImportPreview, apply_plan, plan_file
from natoplanner.io.sources.tabular import cell_address


def register(subparsers: argparse._SubParsersAction) -> None:
    for name, help_text in (
        ("check", "show what a spreadsheet would import and every problem found"),
        ("import", "import a spreadsheet's figures into a scenario workbook"),
    ):
        parser = subparsers.add_parser(name, help=help_text, description=help_text)
        parser.add_argument("source", help="the .xlsx, .xls, .ods or .csv file to read")
        parser.add_argument("--sheet", help="sheet to read (default: the one with the most allies)")
        parser.add_argument(
            "--measure",
            choices=[m.value for m in SourceMeasure],
            help="what the figures are (default: detected)",
        )
        parser.add_argument(
            "--unit", choices=[u.value for u in Unit], help="their unit (default: detected)"
        )
        parser.add_argument(
            "--into",
            metavar="SCENARIO.xlsx",
            help="scenario to import into (default: the default scenario)",
        )
        add_import_options(parser)  # vintages and reference series (cli/vintages.py)
        if name == "import":
            parser.add_argument(
                "--out", required=True, metavar="OUT.xlsx", help="scenario workbook to write"
            )
            parser.set_defaults(handler=run_import)
        else:
            parser.set_defaults(handler=run_check)


def _preview(args: argparse.Namespace) -> tuple[Scenario, ImportPreview | None]:
    scenario = load_scenario(args.into)
    try:
        return scenario, plan_file(
            args.source, scenario, sheet=args.sheet, measure=args.measure, unit=args.unit
        )
    except ScenarioInputError:
        raise
    except ValueError as error:  # --unit that does not fit --measure
        _fail(args, str(error))
        return scenario, None


def _fail(args: argparse.Namespace, message: str) -> int:
    print(f"natoplanner {args.command}: {message}", file=sys.stderr)
    return 1


def describe(preview: ImportPreview) -> str:
    """The report ``check`` prints: file and settings, plan summary, problems."""
    s = preview.settings
    lines = [
        f"file: {Path(preview.table.path).name}",
        f"sheet: {s.sheet} (of {', '.join(preview.table.sheet_names)})",
        f"layout: {s.layout.value}, header row {s.header_row + 1}, "
        f"country column {cell_address(0, s.country_column)[:-1]}",
        f"measure: {s.measure.value} = {s.measure.label}",
        f"unit: {s.unit.value} = {s.unit.label}",
        "",
        preview.plan.summary(),
    ]
    problems = preview.plan.problems()
    if problems:
        lines += ["", f"{len(problems)} problem(s):"] + [f"  {p.severity}: {p}" for p in problems]
    return "\n".join(lines)


def run_check(args: argparse.Namespace) -> int:
    if (routed := check_hook(args)) is not None:  # a vintage or reference file
        return routed
    _, preview = _preview(args)
    if preview is None:
        return 1
    print(describe(preview))
    if not preview.plan.importable:
        print(
            "\nnot importable: no value could be matched to an ally and a projection year",
            file=sys.stderr,
        )
        return 1
    return 0


def run_import(args: argparse.Namespace) -> int:
    if (routed := import_hook(args)) is not None:  # a vintage or reference file
        return routed
    scenario, preview = _preview(args)
    if preview is None:
        return 1
    if not preview.plan.importable:
        print(describe(preview))
        return _fail(args, "nothing to import; nothing written")
    summary = apply_plan(scenario, preview.plan)
    from natoplanner.io.workbook.files import save_scenario

    save_scenario(scenario, Path(args.out))
    print(summary)
    problems = preview.plan.problems()
    for problem in problems:
        print(f"  {problem.severity}: {problem}")
    print(f"saved {args.out}")
    return 0
