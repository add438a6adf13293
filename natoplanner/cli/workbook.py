"""``natoplanner new OUT.xlsx``: write the default scenario as a workbook to edit."""

from __future__ import annotations

import argparse
from pathlib import Path

from natoplanner.cli.common import refuse_overwrite, terminal_text
from natoplanner.core.fiscal.announced import TEMPLATES
from natoplanner.core.scenario import Scenario
from natoplanner.io.locks import refuse_if_open_elsewhere
from natoplanner.io.workbook.files import require_workbook_name, save_scenario


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new",
        help="write the default scenario to a new workbook",
        description="Write the default scenario (every ally holds its base-year share; IMF WEO "
        "growth and inflation) as an .xlsx workbook: edit its 'Assumptions' sheet in Excel or "
        "LibreOffice, then read it with 'natoplanner summary FILE'.",
    )
    parser.add_argument("out", help="workbook to create (.xlsx)")
    parser.add_argument(
        "--horizon", type=int, help="last projected year (default 2035, up to 2040)"
    )
    parser.add_argument("--name", help="scenario name (default: 'Default scenario')")
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    parser.add_argument(
        "--template",
        choices=sorted(TEMPLATES),
        help="start from a template: 'announced' = governments' announced plans (sources in "
        "the workbook's notes)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.out)
    require_workbook_name(path)
    refuse_if_open_elsewhere(path)
    refuse_overwrite(path, args.force)
    scenario = TEMPLATES[args.template]() if args.template else Scenario()
    if args.horizon is not None:
        scenario.set_horizon(args.horizon)
    if args.name is not None:
        scenario.name = args.name
    save_scenario(scenario, path)
    print(
        f"wrote {terminal_text(path)} ({terminal_text(scenario.name)}; base {scenario.base_year}, "
        f"horizon {scenario.horizon})"
    )
    return 0
