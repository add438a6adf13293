"""``natoplanner check`` and ``natoplanner import``: spreadsheets into scenarios.

``check SOURCE`` prints what would be imported and lists every problem on
stderr (file, sheet, cell, expected, found); ``--csv`` prints one row per
planned cell instead: ``iso3, year, measure, value, unit, source_cell``,
the value in its measure's own unit after conversion.

``import SOURCE --out OUT.xlsx`` applies the figures to the default scenario
(or ``--into SCENARIO.xlsx``) and saves the result.

The exit contract, the same for both:

- an error (a figure that would be lost or misread: invalid cells, unknown
  names holding figures, several candidate value columns, implausible units)
  → exit 1, and ``import`` writes nothing; ``--partial`` writes the valid
  cells anyway (not when the whole table is in doubt);
- warnings only → exit 0, each listed on stderr;
- nothing importable → exit 1.

A natoplanner scenario workbook is not a data table: ``check`` and ``import``
say so and offer ``--into`` (work on it) or ``--scenario-inputs`` (copy its
typed inputs into the target scenario).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from natoplanner.cli.common import add_strict_option, load_scenario, refuse_overwrite, terminal_text
from natoplanner.cli.vintages import add_import_options, check_hook, import_hook
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.scenario import Scenario
from natoplanner.io.errors import FileProblemError
from natoplanner.io.sources.detect import SourceMeasure, Unit
from natoplanner.io.sources.importer import ImportPreview, apply_plan, plan_file
from natoplanner.io.sources.plan import MEASURE_UNITS, Change, plan_from_scenario
from natoplanner.io.sources.tabular import cell_address, read_table

#: Problems listed one per line; the rest are counted (a 200,000-row file can hold many).
MAX_LISTED = 500


def register(subparsers: argparse._SubParsersAction) -> None:
    for name, help_text in (
        ("check", "show what a spreadsheet would import and every problem found"),
        ("import", "import a spreadsheet's figures into a scenario workbook"),
    ):
        parser = subparsers.add_parser(name, help=help_text, description=help_text)
        add_source_arguments(parser)
        parser.add_argument(
            "--into",
            metavar="SCENARIO.xlsx",
            help="scenario to import into (default: the default scenario)",
        )
        add_import_options(parser)  # vintages and reference series (cli/vintages.py)
        add_strict_option(parser)  # warnings of the --into workbook
        parser.add_argument(
            "--scenario-inputs",
            action="store_true",
            help="SOURCE is a natoplanner scenario workbook: take its typed inputs",
        )
        if name == "import":
            parser.add_argument(
                "--out", required=True, metavar="OUT.xlsx", help="scenario workbook to write"
            )
            parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
            parser.add_argument(
                "--partial",
                action="store_true",
                help="write the valid cells even when other cells have errors",
            )
            parser.set_defaults(handler=run_import)
        else:
            parser.add_argument(
                "--csv",
                action="store_true",
                help="one row per planned cell: iso3,year,measure,value,unit,source_cell",
            )
            parser.set_defaults(handler=run_check)


def add_source_arguments(parser: argparse.ArgumentParser) -> None:
    """SOURCE and the options that say how to read it (shared by check and import)."""
    parser.add_argument("source", help="the .xlsx, .xls, .ods or .csv file to read")
    parser.add_argument("--sheet", help="sheet to read (default: the one with the most allies)")
    parser.add_argument(
        "--column",
        help="value column of a long table: its letter (C) or heading (default: the one "
        "column of figures; several → you must choose)",
    )
    parser.add_argument(
        "--measure",
        choices=[m.value for m in SourceMeasure],
        help="what the figures are (default: from the value column's header)",
    )
    parser.add_argument(
        "--unit", choices=[u.value for u in Unit], help="their unit (default: detected)"
    )


# -- reading ---------------------------------------------------------------------
class _Stop(Exception):
    """A refusal already explained on stderr; the command exits with ``code``."""

    def __init__(self, code: int = 1) -> None:
        super().__init__(code)
        self.code = code


def _fail(args: argparse.Namespace, message: str) -> int:
    print(f"natoplanner {args.command}: {message}", file=sys.stderr)
    return 1


def plan_source(args: argparse.Namespace, scenario: Scenario) -> ImportPreview:
    """Read and preview SOURCE as the options say; every failure is a FileProblemError.

    Raises
    ------
    FileProblemError
        For any file that cannot be read, including failures no reader
        foresaw (a message naming the file, never a traceback).
    ValueError
        For a --unit that does not fit --measure.
    """
    try:
        return plan_file(
            args.source,
            scenario,
            sheet=args.sheet,
            column=args.column,
            measure=args.measure,
            unit=args.unit,
        )
    except (FileProblemError, ScenarioInputError, ValueError):
        raise
    except (Exception, MemoryError) as error:  # noqa: BLE001 - a damaged file must not crash
        raise FileProblemError.at(
            args.source,
            "the file cannot be read",
            expected="a readable spreadsheet or CSV file",
            found=f"{type(error).__name__}: {error}",
        ) from None


def _refuse_scenario_workbook(args: argparse.Namespace) -> None:
    """A scenario workbook is opened or its inputs taken, never read as a data table."""
    if args.scenario_inputs or Path(args.source).suffix.lower() not in (".xlsx", ".xlsm"):
        return
    try:
        is_scenario = read_table(args.source).is_scenario_workbook
    except FileProblemError:
        return  # plan_source reports what is wrong with the file
    if is_scenario:
        name = Path(args.source).name
        _fail(
            args,
            f"{name} is a natoplanner scenario workbook, not a table of figures: open it "
            f"(natoplanner summary {name}, or --into {name} to import into it), or copy its "
            f"typed inputs with --scenario-inputs",
        )
        raise _Stop(1)


def _scenario_inputs(args: argparse.Namespace, scenario: Scenario) -> list[Change]:
    from natoplanner.io.workbook.files import load_scenario as load_workbook

    source = load_workbook(Path(args.source))
    return plan_from_scenario(source, scenario, Path(args.source).name)


# -- reporting -------------------------------------------------------------------
def describe(preview: ImportPreview) -> str:
    """The report ``check`` prints: file and settings, then the plan summary."""
    s = preview.settings
    lines = [
        f"file: {Path(preview.table.path).name}",
        f"sheet: {s.sheet} (of {', '.join(preview.table.sheet_names)})",
        f"layout: {s.layout.value}, header row {s.header_row + 1}, "
        f"country column {cell_address(0, s.country_column)[:-1]}"
        + (
            f", value column {cell_address(0, s.value_column)[:-1]}"
            if s.value_column is not None
            else ""
        ),
        f"measure: {s.measure.value} = {s.measure.label}",
        f"unit: {s.unit.value} = {s.unit.label}",
        "",
        preview.plan.summary(),
    ]
    return "\n".join(lines)


def report_problems(args: argparse.Namespace, preview: ImportPreview) -> None:
    """Every problem on stderr, errors first, one line each."""
    problems = preview.plan.problems()
    for problem in problems[:MAX_LISTED]:
        print(f"{problem.severity}: {terminal_text(problem)}", file=sys.stderr)
    if len(problems) > MAX_LISTED:
        print(f"… and {len(problems) - MAX_LISTED:,} more problems", file=sys.stderr)
    errors = sum(p.severity == "error" for p in problems)
    if errors:
        print(
            f"natoplanner {args.command}: {errors} error(s): figures of the file would be "
            f"lost or misread",
            file=sys.stderr,
        )


def write_cells_csv(preview: ImportPreview) -> None:
    """One row per planned cell, in the measure's own unit after conversion."""
    measure = preview.settings.measure
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["iso3", "year", "measure", "value", "unit", "source_cell"])
    for change in preview.plan.changes:
        value = change.in_measure_unit if change.in_measure_unit is not None else change.value
        writer.writerow(
            [
                change.iso3,
                change.year,
                measure.value,
                repr(float(value)),
                MEASURE_UNITS[measure],
                change.source,
            ]
        )


# -- commands --------------------------------------------------------------------
def run_check(args: argparse.Namespace) -> int:
    try:
        # A scenario workbook first: it is neither a table nor a vintage.
        _refuse_scenario_workbook(args)
        if not args.scenario_inputs and (routed := check_hook(args)) is not None:
            return routed  # a vintage or reference file
        scenario = load_scenario(args.into, args)
        if args.scenario_inputs:
            changes = _scenario_inputs(args, scenario)
            print(f"{len(changes)} typed inputs in {Path(args.source).name}")
            return 0 if changes else 1
        preview = plan_source(args, scenario)
    except _Stop as stop:
        return stop.code
    except ValueError as error:  # --unit that does not fit --measure
        return _fail(args, str(error))
    if args.csv:
        write_cells_csv(preview)
    else:
        print(describe(preview))
    report_problems(args, preview)
    if preview.plan.has_errors:
        return 1
    if not preview.plan.importable:
        return _fail(args, "not importable: no value could be matched to an ally and a year")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from natoplanner.io.locks import refuse_if_open_elsewhere
    from natoplanner.io.workbook.files import require_workbook_name

    out = Path(args.out)
    require_workbook_name(out)
    refuse_if_open_elsewhere(out)
    refuse_overwrite(out, args.force, inputs=[args.source, *([args.into] if args.into else [])])
    try:
        # A scenario workbook first: it is neither a table nor a vintage.
        _refuse_scenario_workbook(args)
        if not args.scenario_inputs and (routed := import_hook(args)) is not None:
            return routed  # a vintage or reference file
        scenario = load_scenario(args.into, args)
        if args.scenario_inputs:
            changes = _scenario_inputs(args, scenario)
            return _write(args, scenario, changes, f"{len(changes)} typed inputs copied")
        preview = plan_source(args, scenario)
    except _Stop as stop:
        return stop.code
    except ValueError as error:
        return _fail(args, str(error))
    plan = preview.plan
    print(describe(preview))
    report_problems(args, preview)
    if plan.blocking:
        return _fail(args, "the table itself is in doubt (see above); nothing written")
    if plan.has_errors and not args.partial:
        return _fail(args, "nothing written; fix the cells above, or use --partial")
    if not plan.importable:
        return _fail(args, "nothing to import; nothing written")
    summary = apply_plan(scenario, plan)
    return _write(args, scenario, None, summary)


def _write(
    args: argparse.Namespace, scenario: Scenario, changes: list[Change] | None, summary: str
) -> int:
    from natoplanner.io.workbook.files import save_scenario

    if changes is not None:
        if not changes:
            return _fail(args, "no typed inputs in the scenario workbook; nothing written")
        for change in changes:
            scenario.set_year_input(change.measure, change.iso3, change.year, change.value)
    save_scenario(scenario, Path(args.out))
    print(summary)
    print(f"saved {args.out}")
    return 0
