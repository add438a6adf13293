"""The "Announced national plans" scenario: governments' published defence commitments.

Each plan is one row of ``data/announced_plans.csv`` (statement, date,
publisher, URL, and the conversion used), cited in SOURCES.md §6. All the
plans found are stated as shares of GDP, read on NATO's basis (the
conversion column says where that is an assumption); an ally without a
published plan keeps the default (its base-year share held). The scenario's
notes list every plan and its source, so the workbook carries them.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass

from natoplanner.core.dataset import Dataset
from natoplanner.core.resources import data_path
from natoplanner.core.scenario import BudgetPolicy, CorePolicy, Scenario, Targets

ANNOUNCED_NAME = "Announced national plans"


@dataclass(frozen=True)
class AnnouncedPlan:
    """One government's stated plan, as the template applies it."""

    iso3: str
    policy: CorePolicy
    core_target_pct: float | None
    statement: str
    date: str
    publisher: str
    url: str
    conversion: str

    def describe(self) -> str:
        """One line for the scenario's notes: ally, policy, statement, source."""
        return (
            f"{self.iso3}: {self.policy.describe()} — {self.statement} ({self.publisher}, "
            f"{self.date}; {self.url}; conversion: {self.conversion})"
        )


def _number(text: str) -> float | None:
    return float(text) if text.strip() else None


@functools.cache
def announced_plans() -> tuple[AnnouncedPlan, ...]:
    """The bundled plans, in file order."""
    with data_path("announced_plans.csv").open("r", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    plans = []
    for row in rows:
        kind = BudgetPolicy(row["core_policy"])
        default = CorePolicy()
        policy = CorePolicy(
            kind=kind,
            share_pct=_number(row["share_pct"]),
            target_pct=_number(row["target_pct"]) or default.target_pct,
            target_year=int(row["target_year"]) if row["target_year"] else default.target_year,
        )
        plans.append(
            AnnouncedPlan(
                row["iso3"],
                policy,
                _number(row["core_target_pct"]),
                row["statement"],
                row["date"],
                row["publisher"],
                row["url"],
                row["conversion"],
            )
        )
    return tuple(plans)


def announced_scenario(dataset: Dataset | None = None) -> Scenario:
    """A new scenario with every announced plan applied (see the module docstring)."""
    scenario = Scenario(dataset, name=ANNOUNCED_NAME)
    lines = [
        "Governments' published defence plans (sources: data/SOURCES.md §6). Allies not "
        "listed hold their base-year share. Poland's 2027 draft budget was not found."
    ]
    for plan in announced_plans():
        scenario.set_core_policy(plan.iso3, plan.policy)
        if plan.core_target_pct is not None:
            total = scenario.targets(plan.iso3).total_pct
            scenario.set_targets(plan.iso3, Targets(plan.core_target_pct, total))
        lines.append(plan.describe())
    scenario.notes = "\n".join(lines)
    return scenario


#: Scenario templates by the name ``natoplanner new --template NAME`` takes.
TEMPLATES = {"announced": announced_scenario}
