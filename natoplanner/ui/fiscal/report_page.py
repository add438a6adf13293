"""The fiscal-room page of the briefing report (ui/analysis/report.py paints it)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from natoplanner.core.fiscal.room import ClauseStatus, fiscal_room
from natoplanner.core.fiscal.rules import is_eu_member
from natoplanner.ui.common.formatting import DASH, number, percent


def _tr(text: str) -> str:
    return QCoreApplication.translate("FiscalReportPage", text)


@dataclass
class ReportTablePage:
    """A page of the report: heading, a table (header row, rows, relative widths), a note."""

    heading: str
    header: list[str]
    rows: list[list[str]]
    widths: list[float]
    note: str


def fiscal_page(document, language: str = "en") -> ReportTablePage:
    """EU allies: baseline share and, per clause year and the year after, inside / outside (pp)."""
    scenario = document.scenario
    room = fiscal_room(document.projection)
    rules = room.rules
    years = [y for y in range(rules.first_year, rules.last_year + 2) if y <= room.years[-1]]
    header = [
        _tr("Ally"),
        _tr("Share %1").replace("%1", str(rules.baseline_year)),
        *[str(y) for y in years],
        _tr("SAFE, EUR bn"),
    ]
    rows = []
    for i, ally in enumerate(scenario.allies):
        if not is_eu_member(ally.iso3):
            continue
        name = ally.name(language)
        cells = [name, percent(room.baseline_share_pct[i])]
        for year in years:
            j = room.column(year)
            status = room.status[i, j]
            if status.applies:
                cells.append(f"{number(room.inside_pp[i, j])} / {number(room.outside_pp[i, j])}")
            elif status is ClauseStatus.NOT_ACTIVATED:
                cells.append(_tr("no clause"))
            else:
                cells.append(DASH)
        cells.append(number(room.safe_allocation_eur_bn[i]))
        rows.append(cells)
    return ReportTablePage(
        heading=_tr("Fiscal room under the EU escape clause, %1–%2 (inside / outside, pp of GDP)")
        .replace("%1", str(rules.first_year))
        .replace("%2", str(rules.last_year)),
        header=header,
        rows=rows,
        widths=[15, 8, *[8] * len(years), 8],
        note=_tr(
            "Increase in the core defence share since %1, split into the part inside the "
            "national escape clause (up to %2% of GDP a year, %3–%4) and the part outside; "
            "after %4 the whole increase is outside. Core shares on NATO's definition; the EU "
            "measures defence on COFOG division 02. 'no clause': not activated for this member "
            "state. Allies outside the EU (Albania, Canada, Iceland, Montenegro, North "
            "Macedonia, Norway, Türkiye, the United Kingdom, the United States): not "
            "applicable. SAFE: the Commission's tentative loan allocation of 9 September 2025. "
            "natoplanner's reading of the Council's rule, not the Commission's assessment."
        )
        .replace("%1", str(rules.baseline_year))
        .replace("%2", number(rules.cap_pct))
        .replace("%3", str(rules.first_year))
        .replace("%4", str(rules.last_year)),
    )
