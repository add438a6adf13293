"""Using a vintage: is it plausible beside the current one, and switching editions.

A new release revises figures; a file read in the wrong unit contradicts
them. :func:`gdp_contradictions` and :func:`edition_contradictions` list the
figures of a new vintage that differ from the current ones by more than the
plausibility bounds of :mod:`natoplanner.core.vintages` (this tool's
heuristic), so the caller can ask before using it.
"""

from __future__ import annotations

from natoplanner.core.dataset import Dataset
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
