"""Reference series in tooltips: what other sources say for one ally and year."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from natoplanner.core.vintages import SHARE_GDP_PCT, ReferenceSeries
from natoplanner.ui.common.formatting import number, percent


def reference_lines(
    references: tuple[ReferenceSeries, ...], iso3: str, year: int, measure: str
) -> str:
    """Lines "SIPRI …: 2.15% (another source's definition)" for ``measure`` ("" if none)."""
    lines = []
    for series in references:
        if series.measure != measure:
            continue
        value = series.figures.value(measure, iso3, year)
        if math.isnan(value):
            continue
        shown = percent(value) if measure == SHARE_GDP_PCT else f"{number(value, 0)} mn"
        lines.append(
            QCoreApplication.translate(
                "ReferenceCurves", "%1: %2 in %3 (another source's definition, not NATO's)"
            )
            .replace("%1", series.name)
            .replace("%2", shown)
            .replace("%3", str(year))
        )
    return "\n".join(lines)
