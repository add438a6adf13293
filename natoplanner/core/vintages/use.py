"""Using a vintage: is it plausible beside the current one, and switching editions.

A new release revises figures; a file read in the wrong unit contradicts
them. :func:`gdp_contradictions` and :func:`edition_contradictions` list the
figures of a new vintage that differ from the current ones by more than the
plausibility bounds of :mod:`natoplanner.core.vintages` (this tool's
heuristic), so the caller can ask before using it.
"""

from __future__ import annotations

from dataclasses import dataclass

from natoplanner.core.dataset import Dataset
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.scenario import MEASURE_LABELS, Measure, Scenario
from natoplanner.core.vintages import (
    CPI_INFLATION_PCT,
    NOMINAL_GDP_BN,
    REAL_GROWTH_PCT,
    Contradiction,
    Vintage,
    VintageKind,
    contradictions,
)


def gdp_contradictions(dataset: Dataset, vintage: Vintage, current: str) -> list[Contradiction]:
    """Figures of GDP ``vintage`` that contradict the GDP vintage ``current`` or NATO's GDP.

    Growth and CPI are compared with ``current`` for the years both
    forecast; nominal GDP (billion national currency), where given, with
    NATO's GDP for the years NATO's edition covers.
    """
    found = contradictions(
        vintage.figures,
        dataset.gdp_vintage(current).figures,
        measures={
            m: m
            for m in (REAL_GROWTH_PCT, CPI_INFLATION_PCT)
            if m in vintage.figures.values and m in dataset.gdp_vintage(current).figures.values
        },
    )
    if NOMINAL_GDP_BN in vintage.figures.values:
        found += contradictions(
            vintage.figures,
            dataset.edition_vintage.figures,
            measures={NOMINAL_GDP_BN: "gdp_national_billion_derived"},
        )
    return found


def edition_contradictions(dataset: Dataset, edition: Vintage) -> list[Contradiction]:
    """Figures of NATO ``edition`` that contradict the dataset's edition, year by year."""
    if edition.kind != VintageKind.NATO_EDITION:
        raise ValueError(f"'{edition.name}' is not a NATO edition")
    return contradictions(edition.figures, dataset.edition_vintage.figures)


@dataclass(frozen=True)
class EditionSwitch:
    """The scenario on another NATO edition, and the inputs that no longer apply."""

    scenario: Scenario
    dropped: tuple[str, ...]


def switch_edition(scenario: Scenario, edition: Vintage, *, move_base_year: bool) -> EditionSwitch:
    """``scenario``'s inputs on NATO ``edition`` (a new Scenario; the old one is untouched).

    Parameters
    ----------
    scenario : Scenario
    edition : Vintage
        A NATO edition (bundled or imported).
    move_base_year : bool
        Start projections from the edition's last year (the user agreed);
        otherwise keep the scenario's base year.

    Returns
    -------
    EditionSwitch
        The new scenario and, in words, each input that no longer applies: a
        year override at or before the new base year (that year is now NATO
        history), a target year at or before it (the policy falls back to the
        default). Everything else is kept.
    """
    dataset = scenario.dataset.with_vintages(edition=edition)
    base_year = dataset.last_data_year if move_base_year else scenario.base_year
    dropped: list[str] = []
    if base_year > dataset.last_data_year:
        dropped.append(
            f"base year {base_year}: the edition ends in {dataset.last_data_year}, "
            f"so projections start from {dataset.last_data_year}"
        )
        base_year = dataset.last_data_year
    moved = Scenario(
        dataset,
        base_year=base_year,
        horizon=max(scenario.horizon, base_year + 1),
        gdp_vintage=scenario.gdp_vintage,
        deflator_source=scenario.deflator_source,
        name=scenario.name,
    )
    moved.notes = scenario.notes
    moved.set_backload_fraction(scenario.backload_fraction)
    moved.fiscal = scenario.fiscal  # the escape-clause rules are no NATO figures
    for iso3 in (ally.iso3 for ally in scenario.allies):
        policy = scenario.core_policy(iso3)
        try:
            moved.set_core_policy(iso3, policy)
        except ScenarioInputError:
            dropped.append(
                f"{iso3} core policy '{policy.describe()}': target year not after {base_year}"
            )
        track = scenario.related_track(iso3)
        try:
            moved.set_related_track(iso3, track)
        except ScenarioInputError:
            dropped.append(
                f"{iso3} related spending '{track.describe()}': target year not after {base_year}"
            )
        moved.set_targets(iso3, scenario.targets(iso3))
        for measure in Measure:
            for year in scenario.years:
                value = scenario.year_input(measure, iso3, int(year))
                if value is None:
                    continue
                if year <= base_year:
                    dropped.append(f"{iso3} {MEASURE_LABELS[measure]} {year}: now NATO history")
                else:
                    moved.set_year_input(measure, iso3, int(year), value)
    return EditionSwitch(moved, tuple(dropped))


def on_dataset(scenario: Scenario, dataset: Dataset) -> Scenario:
    """A new scenario with ``scenario``'s inputs on ``dataset`` (same edition and base year).

    For adding an imported GDP vintage or reference series; use
    :func:`switch_edition` to change NATO edition.
    """
    moved = Scenario(
        dataset,
        base_year=scenario.base_year,
        horizon=scenario.horizon,
        gdp_vintage=scenario.gdp_vintage,
        name=scenario.name,
    )
    moved.restore(scenario.state())
    return moved
