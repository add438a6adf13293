"""``natoplanner set SCENARIO.xlsx ISO3 KEY=VALUE…``: change one ally's inputs without the window.

Every assignment is checked before anything is written: a bad key or value
prints one line naming the key and what it expects, exits 1, and leaves the
file untouched. The workbook is rewritten atomically (in place, or to
``--out``, which must not exist unless ``--force``).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from dataclasses import replace
from enum import StrEnum
from pathlib import Path

import numpy as np

from natoplanner.cli.vintages import add_set_options, apply_set_options
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import (
    BudgetPolicy,
    Measure,
    RelatedPolicy,
    Scenario,
    Targets,
)
from natoplanner.io.errors import FileProblemError
from natoplanner.io.workbook.files import load_scenario, save_scenario

#: Per-year keys (``budget.2030=…``): the measure and the unit expected.
YEAR_KEYS = {
    "budget": (Measure.CORE_BUDGET, "million national currency"),
    "growth": (Measure.REAL_GROWTH, "real GDP growth in % a year"),
    "deflator": (Measure.DEFLATOR, "GDP deflator in % a year"),
    "gdp": (Measure.NOMINAL_GDP, "billion national currency"),
    "related": (Measure.RELATED_SHARE, "% of GDP"),
    "fx": (Measure.EXCHANGE_RATE, "national currency per USD (current-USD view only)"),
}
#: Keys of the ally's policies and targets, with what each expects.
POLICY_KEYS = {
    "policy": "one of " + ", ".join(k.value for k in BudgetPolicy),
    "rate": "a growth rate in % a year",
    "share": "a share in % of GDP (empty: the base-year share)",
    "target": "a ramp target in % of GDP",
    "year": "a ramp target year",
    "related_policy": "one of " + ", ".join(k.value for k in RelatedPolicy),
    "related_share": "a related share in % of GDP",
    "related_target": "a related ramp target in % of GDP",
    "related_year": "a related ramp target year",
    "core_target": "a core target in % of GDP",
    "total_target": "a total target in % of GDP",
}
_CLEAR = ("", "none", "default")


def register(subparsers: argparse._SubParsersAction) -> None:
    keys = ", ".join(POLICY_KEYS) + ", " + ", ".join(f"{k}.YEAR" for k in YEAR_KEYS)
    parser = subparsers.add_parser(
        "set",
        help="change one ally's inputs in a scenario workbook",
        description="Set inputs of one ally in a scenario workbook. Keys: "
        + keys
        + ". A per-year value left empty (budget.2030=) clears the typed value. Nothing "
        "is written unless every assignment is valid.",
    )
    parser.add_argument("scenario", help="scenario workbook (.xlsx)")
    parser.add_argument("ally", nargs="?", metavar="ISO3", help="ally code, e.g. DEU")
    parser.add_argument("assignments", nargs="*", metavar="KEY=VALUE")
    parser.add_argument("--out", help="write to this workbook instead of changing SCENARIO")
    parser.add_argument("--force", action="store_true", help="replace --out if it exists")
    add_set_options(parser)  # scenario-wide: --gdp-vintage, --nato-edition (cli/vintages)
    parser.set_defaults(handler=run)


class AssignmentError(ScenarioInputError):
    """A KEY=VALUE the command cannot apply; the message names the key and what it expects."""


def _number(key: str, text: str, expected: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise AssignmentError(key, f"expected {expected}, got {text!r}") from None


def _year(key: str, text: str, expected: str) -> int:
    number = _number(key, text, expected)
    if not number.is_integer():
        raise AssignmentError(key, f"expected {expected} (a whole year), got {text!r}")
    return int(number)


def _exchange_rate_doubts(scenario: Scenario, iso3: str) -> list[str]:
    """Why a typed exchange rate of ``iso3`` looks wrong (each rate far from its path)."""
    typed = scenario.year_inputs(Measure.EXCHANGE_RATE)[scenario.row(iso3)]
    if np.isnan(typed).all():
        return []
    projection = Projection(scenario)
    doubts = (
        projection.exchange_rate_doubt(iso3, int(year), float(rate))
        for year, rate in zip(scenario.years, typed, strict=True)
        if not np.isnan(rate)
    )
    return [doubt for doubt in doubts if doubt]


def apply_assignment(scenario: Scenario, iso3: str, assignment: str) -> None:
    """Apply one ``KEY=VALUE`` to ``iso3`` in ``scenario``; raises :class:`AssignmentError`."""
    key, equals, text = assignment.partition("=")
    key, text = key.strip(), text.strip()
    if not equals:
        raise AssignmentError(assignment, "expected KEY=VALUE")
    name, dot, year_text = key.partition(".")
    try:
        if dot:
            _apply_year_input(scenario, iso3, key, name, year_text, text)
        elif key in POLICY_KEYS:
            _apply_policy_key(scenario, iso3, key, text)
        else:
            known = ", ".join(POLICY_KEYS) + ", " + ", ".join(f"{k}.YEAR" for k in YEAR_KEYS)
            raise AssignmentError(key, f"unknown key; expected one of {known}")
    except AssignmentError:
        raise
    except ScenarioInputError as error:
        raise AssignmentError(key, error.message) from None


def _apply_year_input(
    scenario: Scenario, iso3: str, key: str, name: str, year_text: str, text: str
) -> None:
    if name not in YEAR_KEYS:
        raise AssignmentError(
            key,
            "unknown per-year key; expected one of " + ", ".join(f"{k}.YEAR" for k in YEAR_KEYS),
        )
    measure, expected = YEAR_KEYS[name]
    year = _year(key, year_text, f"a projection year after {scenario.base_year}")
    value = None if text.lower() in _CLEAR else _number(key, text, f"a number in {expected}")
    scenario.set_year_input(measure, iso3, year, value)


def _apply_policy_key(scenario: Scenario, iso3: str, key: str, text: str) -> None:
    expected = POLICY_KEYS[key]
    core, related, targets = (
        scenario.core_policy(iso3),
        scenario.related_track(iso3),
        scenario.targets(iso3),
    )
    setters: dict[str, Callable[[], None]] = {
        "policy": lambda: scenario.set_core_policy(
            iso3, replace(core, kind=_policy_word(BudgetPolicy, key, text))
        ),
        "rate": lambda: scenario.set_core_policy(
            iso3, replace(core, rate_pct=_number(key, text, expected))
        ),
        "share": lambda: scenario.set_core_policy(
            iso3,
            replace(
                core, share_pct=None if text.lower() in _CLEAR else _number(key, text, expected)
            ),
        ),
        "target": lambda: scenario.set_core_policy(
            iso3, replace(core, target_pct=_number(key, text, expected))
        ),
        "year": lambda: scenario.set_core_policy(
            iso3, replace(core, target_year=_year(key, text, expected))
        ),
        "related_policy": lambda: scenario.set_related_track(
            iso3, replace(related, kind=_policy_word(RelatedPolicy, key, text))
        ),
        "related_share": lambda: scenario.set_related_track(
            iso3, replace(related, share_pct=_number(key, text, expected))
        ),
        "related_target": lambda: scenario.set_related_track(
            iso3, replace(related, target_pct=_number(key, text, expected))
        ),
        "related_year": lambda: scenario.set_related_track(
            iso3, replace(related, target_year=_year(key, text, expected))
        ),
        "core_target": lambda: scenario.set_targets(
            iso3, Targets(_number(key, text, expected), targets.total_pct)
        ),
        "total_target": lambda: scenario.set_targets(
            iso3, Targets(targets.core_pct, _number(key, text, expected))
        ),
    }
    setters[key]()


def _policy_word(kind: type[StrEnum], key: str, text: str) -> StrEnum:
    """A policy word as the workbook shows it or as the enum spells it ("nominal growth",
    "Nominal-Growth", "nominal_growth"): any case, spaces and hyphens as underscores."""
    word = re.sub(r"[\s\-]+", "_", text.strip().casefold())
    try:
        return kind(word)
    except ValueError:
        raise AssignmentError(key, f"expected {POLICY_KEYS[key]}, got {text!r}") from None


def run(args: argparse.Namespace) -> int:
    source = Path(args.scenario)
    target = Path(args.out) if args.out else source
    if args.out and target.suffix.lower() != ".xlsx":
        raise FileProblemError.at(
            target,
            "scenario workbooks are .xlsx files",
            expected="a name ending in .xlsx",
            found=target.name,
        )
    if args.out and target.exists() and not args.force:
        raise FileProblemError.at(
            target,
            "the file exists; use --force to replace it",
            expected="a new file name",
            found=str(target),
        )
    if args.ally is not None and not args.assignments:
        raise AssignmentError(args.ally, "expected KEY=VALUE assignments after the ally code")
    scenario, said = apply_set_options(load_scenario(source), args)
    if args.ally is None and not said:
        raise AssignmentError(
            "set",
            "nothing to change: give ISO3 KEY=VALUE…, --gdp-vintage, --nato-edition or --deflator",
        )
    if args.ally is not None:
        iso3 = args.ally.strip().upper()
        scenario.row(iso3)  # an unknown ally is one clear line before any change
        for assignment in args.assignments:
            apply_assignment(scenario, iso3, assignment)
        said.append(f"{iso3}: {', '.join(args.assignments)}")
        said += [f"warning: {doubt}" for doubt in _exchange_rate_doubts(scenario, iso3)]
    save_scenario(scenario, target)
    print("\n".join(said))
    print(f"wrote {target}")
    return 0
