"""What Data > Sources does to the open scenario, each as one undo step.

Import a vintage or reference file (asking before an implausible vintage is
used, and before an edition moves the base year), use a vintage, remove an
imported one. File > Import and a dropped file come here when the file is a
vintage or reference series (:func:`import_source`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from natoplanner.core.scenario import Scenario
from natoplanner.core.vintages import ReferenceSeries, Vintage, VintageKind
from natoplanner.core.vintages.use import (
    edition_contradictions,
    gdp_contradictions,
    on_dataset,
    switch_edition,
)
from natoplanner.io.errors import FileProblemError
from natoplanner.io.vintages.identify import SourceKind, identify
from natoplanner.io.vintages.nato_edition import read_nato_edition
from natoplanner.io.vintages.reference import read_reference
from natoplanner.io.vintages.weo import read_weo
from natoplanner.ui.sources.commands import SwapScenario

SHOWN = 12


def _tr(text: str) -> str:
    return QCoreApplication.translate("Sources", text)


def import_source(window, path: Path) -> bool:
    """Import ``path`` when it is a vintage or reference file; False for scenario inputs.

    Problems are shown to the user (file, sheet, cell); nothing changes then.
    """
    scenario = window.document.scenario
    found = identify(path, scenario.dataset.registry, scenario.base_year)
    if found.kind == SourceKind.INPUTS:
        return False
    registry = scenario.dataset.registry
    title = _tr("Import a data source")
    try:
        if found.kind == SourceKind.REFERENCE:
            item: Vintage | ReferenceSeries = read_reference(path, registry)
        elif found.reader == "nato_edition":
            item = read_nato_edition(path, registry)
        else:
            item = read_weo(path, registry)
    except FileProblemError as error:
        window.prompts.error(title, "\n".join(str(p) for p in error.problems[:SHOWN]))
        return True
    if isinstance(item, ReferenceSeries):
        add_reference(window, item)
    else:
        use_vintage(window, item)
    return True


def add_reference(window, series: ReferenceSeries) -> None:
    """Add (or replace, by name) a reference series: one undo step."""
    document = window.document
    scenario = document.scenario
    kept = tuple(r for r in scenario.dataset.references if r.name != series.name)
    moved = on_dataset(scenario, scenario.dataset.with_vintages(references=(*kept, series)))
    document.push(
        SwapScenario(document, moved, _tr("Add reference series %1").replace("%1", series.name))
    )


def use_vintage(window, vintage: Vintage) -> bool:
    """Make the open scenario use ``vintage`` (asking where needed); True if it does."""
    document = window.document
    scenario = document.scenario
    title = _tr("Use a data vintage")
    catalog = scenario.dataset.catalog()
    if vintage.name in catalog and catalog.get(vintage.name) is not vintage:
        existing = catalog.get(vintage.name)
        if not existing.figures.same_figures(vintage.figures):
            window.prompts.error(
                title,
                _tr(
                    "A vintage named %1 exists with other figures; rename the file's vintage."
                ).replace("%1", existing.name),
            )
            return False
        vintage = existing
    if vintage.kind == VintageKind.NATO_EDITION:
        return _use_edition(window, vintage)
    if vintage.name == scenario.gdp_vintage:
        return True
    found = gdp_contradictions(scenario.dataset, vintage, scenario.gdp_vintage)
    if found and not _accept(window, title, found):
        return False
    moved: Scenario = scenario
    if not vintage.bundled and vintage.name not in scenario.dataset.forecast_vintages:
        imported = tuple(
            v for v in scenario.dataset.imported_vintages if v.kind != VintageKind.NATO_EDITION
        )
        moved = on_dataset(
            scenario, scenario.dataset.with_vintages(gdp_vintages=(*imported, vintage))
        )
    else:
        moved = scenario.copy()
    moved.set_gdp_vintage(vintage.name)
    document.push(
        SwapScenario(document, moved, _tr("Use %1 GDP forecasts").replace("%1", vintage.name))
    )
    return True


def _use_edition(window, edition: Vintage) -> bool:
    document = window.document
    scenario = document.scenario
    title = _tr("Use a NATO edition")
    if edition.name == scenario.nato_edition:
        window.prompts.information(
            title, _tr("The scenario already uses %1.").replace("%1", edition.name)
        )
        return True
    found = edition_contradictions(scenario.dataset, edition)
    if found and not _accept(window, title, found):
        return False
    move = edition.last_year != scenario.base_year and window.prompts.confirm(
        title,
        _tr("Move the base year from %1 to %2, the last year of %3?")
        .replace("%1", str(scenario.base_year))
        .replace("%2", str(edition.last_year))
        .replace("%3", edition.name),
    )
    switched = switch_edition(scenario, edition, move_base_year=move)
    document.push(
        SwapScenario(document, switched.scenario, _tr("Use %1").replace("%1", edition.name))
    )
    if switched.dropped:
        window.prompts.information(
            title,
            _tr("These inputs no longer apply and were left out:")
            + "\n"
            + "\n".join(f"• {line}" for line in switched.dropped),
        )
    return True


def _accept(window, title: str, found) -> bool:
    lines = "\n".join(f"• {c.describe()}" for c in found[:SHOWN])
    more = (
        ""
        if len(found) <= SHOWN
        else "\n" + _tr("… and %1 more").replace("%1", str(len(found) - SHOWN))
    )
    return window.prompts.confirm(
        title,
        _tr(
            "%1 figures differ implausibly from the current vintage (a unit or scale slip?):"
        ).replace("%1", str(len(found)))
        + "\n"
        + lines
        + more
        + "\n\n"
        + _tr("Use this vintage anyway?"),
    )


def remove_source(window, name: str) -> bool:
    """Remove an imported vintage or reference series the scenario does not use."""
    document = window.document
    scenario = document.scenario
    title = _tr("Remove a data source")
    dataset = scenario.dataset
    references = tuple(r for r in dataset.references if r.name != name)
    if len(references) != len(dataset.references):
        moved = on_dataset(scenario, dataset.with_vintages(references=references))
    else:
        catalog = dataset.catalog()
        vintage = catalog.get(name)
        if vintage.bundled:
            window.prompts.error(
                title, _tr("%1 ships with natoplanner and cannot be removed.").replace("%1", name)
            )
            return False
        if name in (scenario.gdp_vintage, scenario.nato_edition):
            window.prompts.error(
                title,
                _tr("The scenario uses %1: choose another vintage first.").replace("%1", name),
            )
            return False
        kept = tuple(
            v
            for v in dataset.imported_vintages
            if v.kind != VintageKind.NATO_EDITION and v.name != name
        )
        moved = on_dataset(scenario, dataset.with_vintages(gdp_vintages=kept))
    document.push(SwapScenario(document, moved, _tr("Remove %1").replace("%1", name)))
    return True
