"""Vintages on the command line: ``sources``, ``import --as``, ``check`` on history, ``set``.

- ``natoplanner sources [SCENARIO]``: the vintages and reference series, one
  line each, ``*`` marking those the scenario uses.
- ``natoplanner import SOURCE [--as vintage|reference|inputs]``: a NATO
  edition or WEO file becomes a vintage the scenario uses, a SIPRI or World
  Bank file a reference series; without ``--as`` the file's kind is
  detected and said in one line. Scenario inputs go to cli/importing's
  importer, unchanged.
- ``natoplanner check SOURCE`` on history says what it would become (exit 0).
- ``natoplanner set SCENARIO --gdp-vintage NAME --nato-edition NAME``:
  scenario-wide choices. :func:`add_set_options` and :func:`apply_set_options`
  are the two hooks a per-ally ``set`` command calls to offer them too.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from natoplanner.cli.common import load_scenario
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.indicators.basis import deflator_label
from natoplanner.core.scenario import Scenario
from natoplanner.core.vintages import Contradiction, ReferenceSeries, Vintage, VintageKind
from natoplanner.core.vintages.use import (
    edition_contradictions,
    gdp_contradictions,
    on_dataset,
    switch_edition,
)
from natoplanner.io.errors import FileProblemError
from natoplanner.io.vintages.identify import Identification, SourceKind, identify
from natoplanner.io.vintages.nato_edition import read_nato_edition
from natoplanner.io.vintages.reference import read_reference
from natoplanner.io.vintages.weo import read_weo

SHOWN_CONTRADICTIONS = 20


def register(subparsers: argparse._SubParsersAction) -> None:
    sources = subparsers.add_parser(
        "sources",
        help="list the data vintages and reference series",
        description="List the NATO editions, IMF WEO vintages and reference series available "
        "(bundled and stored in SCENARIO), one line each; * marks those SCENARIO uses.",
    )
    sources.add_argument("scenario", nargs="?", help="scenario workbook (default: the default)")
    sources.set_defaults(handler=run_sources)
    if "set" not in subparsers.choices:  # cli/editing.py's ``set`` offers these itself
        parser = subparsers.add_parser(
            "set",
            help="change a scenario's GDP vintage or NATO edition",
            description="Set scenario-wide choices in SCENARIO.xlsx and save it (or --out).",
        )
        parser.add_argument("scenario", help="scenario workbook (.xlsx)")
        parser.add_argument("--out", metavar="OUT.xlsx", help="write here (default: in place)")
        add_set_options(parser)
        parser.set_defaults(handler=run_set)


# -- set ---------------------------------------------------------------------
def add_set_options(parser: argparse.ArgumentParser) -> None:
    """``--gdp-vintage``, ``--nato-edition``, ``--keep-base-year`` and ``--deflator`` on a
    ``set`` parser."""
    parser.add_argument("--gdp-vintage", metavar="NAME", help="IMF WEO vintage to use")
    parser.add_argument("--nato-edition", metavar="NAME", help="NATO edition to use")
    parser.add_argument(
        "--deflator",
        metavar="SOURCE",
        help="default deflator of every ally: weo (the GDP forecast vintage's CPI, or its "
        "GDP deflator where it has one) or nato_history (NATO's implied GDP deflator, each "
        "year's to the edition's last year, then its ten-year average); typed deflator "
        "years stay",
    )
    parser.add_argument(
        "--keep-base-year",
        action="store_true",
        help="with --nato-edition: keep the base year (default: the edition's last year)",
    )


def apply_set_options(scenario: Scenario, args: argparse.Namespace) -> tuple[Scenario, list[str]]:
    """The scenario after ``--nato-edition``, ``--gdp-vintage`` and ``--deflator``, and one
    line per change."""
    said: list[str] = []
    if args.nato_edition:
        edition = _edition_named(scenario, args.nato_edition)
        if edition.name != scenario.nato_edition:
            switched = switch_edition(scenario, edition, move_base_year=not args.keep_base_year)
            scenario = switched.scenario
            said.append(f"NATO edition: {edition.name}; base year {scenario.base_year}")
            said += [f"  no longer applies: {line}" for line in switched.dropped]
    if args.gdp_vintage:
        names = {n.casefold(): n for n in scenario.dataset.forecast_vintages}
        name = names.get(args.gdp_vintage.casefold())
        if name is None:
            raise ScenarioInputError(
                "GDP forecast vintage",
                f"no vintage named '{args.gdp_vintage}'; available: "
                + ", ".join(scenario.dataset.forecast_vintages),
            )
        scenario.set_gdp_vintage(name)
        said.append(f"GDP forecast: {name}; deflator: {deflator_label(scenario)}")
    if args.deflator:
        scenario.set_deflator_source(args.deflator)
        said.append(f"deflator: {deflator_label(scenario)}")
    return scenario, said


def _edition_named(scenario: Scenario, name: str) -> Vintage:
    editions = scenario.dataset.catalog().of_kind(VintageKind.NATO_EDITION)
    for edition in editions:
        if edition.name.casefold() == name.casefold():
            return edition
    raise ScenarioInputError(
        "NATO edition",
        f"no edition named '{name}'; available: "
        + ", ".join(e.name for e in editions)
        + " (import another with 'natoplanner import FILE --as vintage')",
    )


def run_set(args: argparse.Namespace) -> int:
    scenario, said = apply_set_options(load_scenario(args.scenario), args)
    if not said:
        print(
            "natoplanner set: nothing to change (give --gdp-vintage or --nato-edition)",
            file=sys.stderr,
        )
        return 1
    out = Path(args.out or args.scenario)
    from natoplanner.io.workbook.files import save_scenario

    save_scenario(scenario, out)
    print("\n".join(said))
    print(f"saved {out}")
    return 0


# -- sources -------------------------------------------------------------------
def run_sources(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    used = {v.name for v in scenario.vintages_used()}
    catalog = scenario.dataset.catalog()
    for kind in VintageKind:
        for vintage in catalog.of_kind(kind):
            mark = "*" if vintage.name in used else " "
            print(f"{mark} {vintage.describe()}")
    for reference in catalog.references:
        print(f"* {reference.describe()}")
        print(f"    definitions: {reference.definition}")
    return 0


# -- import and check hooks ------------------------------------------------------
def add_import_options(parser: argparse.ArgumentParser) -> None:
    """``--as``, ``--name`` and ``--accept-implausible`` on ``import`` and ``check``."""
    parser.add_argument(
        "--as",
        dest="import_as",
        choices=[k.value for k in SourceKind],
        help="what the file is (default: detected and said in one line)",
    )
    parser.add_argument("--name", dest="vintage_name", help="name of the vintage or series")
    parser.add_argument(
        "--accept-implausible",
        action="store_true",
        help="use a vintage even when its figures contradict the current ones",
    )


def _routed(args: argparse.Namespace, scenario: Scenario) -> tuple[SourceKind, Identification]:
    found = identify(args.source, scenario.dataset.registry, scenario.base_year)
    wanted = getattr(args, "import_as", None)
    if wanted is None:
        if found.kind != SourceKind.INPUTS:  # scenario inputs: the importer says what it reads
            # On stderr with --csv: stdout then holds only the rows a script reads.
            print(
                f"detected: {found.description}",
                file=sys.stderr if getattr(args, "csv", False) else sys.stdout,
            )
        return found.kind, found
    kind = SourceKind(wanted)
    if kind == SourceKind.VINTAGE and found.kind != SourceKind.VINTAGE:
        raise FileProblemError.at(
            args.source,
            "not a vintage file",
            expected="NATO's edition workbook or an IMF WEO file",
            found=found.description,
        )
    return kind, found


def _read(args: argparse.Namespace, scenario: Scenario, kind: SourceKind, found: Identification):
    registry = scenario.dataset.registry
    name = getattr(args, "vintage_name", None)
    if kind == SourceKind.REFERENCE:
        return read_reference(args.source, registry, name=name)
    if found.reader == "nato_edition":
        return read_nato_edition(args.source, registry, name=name)
    return read_weo(args.source, registry, name=name)


def check_hook(args: argparse.Namespace) -> int | None:
    """``check`` on a vintage or reference file: what it would become (exit 0); else None."""
    scenario = load_scenario(args.into)
    kind, found = _routed(args, scenario)
    if kind == SourceKind.INPUTS:
        return None
    item = _read(args, scenario, kind, found)
    years = f"{item.figures.first_year}-{item.figures.last_year}"
    if isinstance(item, ReferenceSeries):
        allies = len(item.figures.covered(item.measure))
        print(
            f"history from another source: would become reference series '{item.name}' "
            f"({allies} allies, {years}); {item.definition}"
        )
        return 0
    what = "NATO edition" if item.kind == VintageKind.NATO_EDITION else "GDP forecast vintage"
    print(f"would become {what} '{item.name}' ({years}; {item.describe()})")
    for line in _contradiction_lines(_contradictions(scenario, item)):
        print(line)
    return 0


def import_hook(args: argparse.Namespace) -> int | None:
    """``import`` of a vintage or reference file into the scenario; None for scenario inputs."""
    scenario = load_scenario(args.into)
    kind, found = _routed(args, scenario)
    if kind == SourceKind.INPUTS:
        return None
    item = _read(args, scenario, kind, found)
    said: list[str] = []
    if isinstance(item, ReferenceSeries):
        kept = tuple(r for r in scenario.dataset.references if r.name != item.name)
        scenario = on_dataset(scenario, scenario.dataset.with_vintages(references=(*kept, item)))
        allies = len(item.figures.covered(item.measure))
        said.append(f"the scenario now carries reference series '{item.name}' ({allies} allies)")
    else:
        problems = _contradictions(scenario, item)
        if problems and not args.accept_implausible:
            for line in _contradiction_lines(problems):
                print(line)
            print(
                f"natoplanner import: refused: {len(problems)} figure(s) contradict the current "
                "vintage (a unit or scale slip?); check the file, or give --accept-implausible",
                file=sys.stderr,
            )
            return 1
        scenario, said = _use_vintage(scenario, item)
    from natoplanner.io.workbook.files import save_scenario

    save_scenario(scenario, Path(args.out))
    print("\n".join(said))
    print(f"saved {args.out}")
    return 0


def _contradictions(scenario: Scenario, vintage: Vintage) -> list[Contradiction]:
    if vintage.kind == VintageKind.NATO_EDITION:
        return edition_contradictions(scenario.dataset, vintage)
    return gdp_contradictions(scenario.dataset, vintage, scenario.gdp_vintage)


def _contradiction_lines(found: list[Contradiction]) -> list[str]:
    if not found:
        return []
    lines = [f"{len(found)} implausible figure(s) beside the current vintage:"]
    lines += [f"  {c.describe()}" for c in found[:SHOWN_CONTRADICTIONS]]
    if len(found) > SHOWN_CONTRADICTIONS:
        lines.append(f"  … and {len(found) - SHOWN_CONTRADICTIONS} more")
    return lines


def _use_vintage(scenario: Scenario, vintage: Vintage) -> tuple[Scenario, list[str]]:
    catalog = scenario.dataset.catalog()
    if vintage.name in catalog:
        existing = catalog.get(vintage.name)
        if not existing.figures.same_figures(vintage.figures):
            raise FileProblemError.at(
                vintage.provenance.file,
                f"a vintage named '{existing.name}' exists with other figures",
                expected="another name (--name)",
                found=vintage.name,
            )
        vintage = existing
    if vintage.kind == VintageKind.NATO_EDITION:
        if vintage.name == scenario.nato_edition:
            return scenario, [f"the scenario already uses {vintage.name} (same figures)"]
        switched = switch_edition(scenario, vintage, move_base_year=True)
        said = [
            f"the scenario now uses NATO edition '{vintage.name}', base year "
            f"{switched.scenario.base_year}"
        ]
        said += [f"  no longer applies: {line}" for line in switched.dropped]
        return switched.scenario, said
    if not vintage.bundled:
        imported = tuple(
            v
            for v in scenario.dataset.imported_vintages
            if v.kind == VintageKind.IMF_WEO and v.name != vintage.name
        )
        scenario = on_dataset(
            scenario, scenario.dataset.with_vintages(gdp_vintages=(*imported, vintage))
        )
    scenario.set_gdp_vintage(vintage.name)
    same = " (same figures as the bundled vintage)" if vintage.bundled else ""
    return scenario, [
        f"the scenario now uses GDP vintage '{vintage.name}'{same}: {vintage.price_basis}"
    ]
