"""What the briefing report shows, snapshot on the GUI thread: text, tables and chart images.

:func:`build_report` reads the scenario (assumptions in brief, the alliance figures, the summary
table of every ally, the fiscal-room page) and renders the path plot and the ranking chart to
images, so the PDF can be painted from plain data on any thread.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPoint, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from natoplanner.core.scenario import CorePolicy, Measure, RelatedTrack, Targets
from natoplanner.ui.common.formatting import DASH, number, percent
from natoplanner.ui.common.labels import (
    core_policy_label,
    data_label,
    deflator_text,
    path_facts_short,
    related_policy_label,
)
from natoplanner.ui.fiscal.report_page import ReportTablePage, fiscal_page
from natoplanner.ui.window.document import ScenarioDocument

#: Allies plotted when none is selected in the window.
DEFAULT_REPORT_ALLIES = ("POL", "DEU", "FRA", "GBR", "USA")
#: Chart images are rendered at this many device pixels per widget pixel (sharp on paper).
IMAGE_SCALE = 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("BriefingReport", text)


@dataclass
class ReportContent:
    """Everything the PDF shows, as plain text, images and rows (no live objects)."""

    title: str
    subtitle: str
    footer: str  # "%1" = page number
    sections: list[tuple[str, list[str]]]  # heading, paragraphs (bullets start with "• ")
    alliance_table: list[list[str]]  # header row then rows
    path_heading: str
    path_image: QImage
    ranking_heading: str
    ranking_image: QImage
    table_heading: str
    table_header: list[str]
    table_rows: list[list[str]]
    table_widths: list[float]  # relative column widths
    table_note: str
    highlight_rows: set[int] = field(default_factory=set)
    extra_pages: list[ReportTablePage] = field(default_factory=list)


def build_report(
    document: ScenarioDocument, allies: list[str] | None = None, language: str = "en"
) -> ReportContent:
    """Snapshot ``document`` for the report; renders the charts (GUI thread only)."""
    scenario, projection = document.scenario, document.projection
    registry = scenario.dataset.registry
    codes = [
        c for c in (allies or DEFAULT_REPORT_ALLIES) if projection.has_target_path[scenario.row(c)]
    ]
    b, h = scenario.base_year, scenario.horizon
    locale = QLocale()
    today = locale.toString(QDate.currentDate(), QLocale.FormatType.LongFormat)

    sources = [
        _tr(
            'Defence spending: %1 (NATO, "Defence Expenditure of NATO Countries"); 2025 and '
            "2026 are NATO "
            "estimates. Shares of GDP on NATO's basis (constant 2021 prices)."
        ).replace("%1", data_label(scenario.nato_edition)),
        _tr("GDP: %1 real growth; after the last forecast year the last values are held.").replace(
            "%1", data_label(scenario.gdp_vintage)
        ),
        _tr("Deflator: %1.").replace("%1", deflator_text(scenario)),
        _tr(
            "US dollars at %1 prices and exchange rates (NATO's tables). Iceland has no armed "
            "forces. Related spending (up to 1.5% of GDP) is not published by NATO: it is an "
            "assumption of this scenario."
        ).replace("%1", str(b)),
    ]
    sources += [  # other sources' history shown beside NATO's (Data > Sources)
        _tr("Reference series %1 (%2), not NATO's figures: %3")
        .replace("%1", series.name)
        .replace("%2", series.publisher)
        .replace("%3", series.definition)
        for series in scenario.dataset.references
    ]
    assumptions = [
        "• "
        + _tr("Base year %1 (NATO data to %2); horizon %3; 2029 review.")
        .replace("%1", str(b))
        .replace("%2", str(scenario.dataset.last_data_year))
        .replace("%3", str(h)),
        "• "
        + _tr(
            "Unless listed below, every ally holds its %1 core share of GDP and sets no "
            "related spending; "
            "targets are the Hague 3.5% core and 5% total."
        ).replace("%1", str(b)),
    ]
    assumptions += _policy_lines(scenario, language)
    if scenario.notes.strip():
        assumptions.append("• " + _tr("Notes: %1").replace("%1", scenario.notes.strip()))

    alliance = projection.alliance()
    first, last = alliance.iloc[0], alliance.iloc[-1]
    alliance_table = [
        [_tr("Alliance"), str(b), str(h)],
        *[
            [label, fmt(first[column]), fmt(last[column])]
            for label, column, fmt in (
                (_tr("NATO core defence, % of GDP"), "nato_core_share_pct", percent),
                (_tr("NATO core + related, % of GDP"), "nato_total_share_pct", percent),
                (
                    _tr("NATO core spending, billion USD"),
                    "nato_core_usd_mn",
                    lambda v: number(v / 1000, 0),
                ),
                (_tr("United States, % of GDP"), "usa_core_share_pct", percent),
                (_tr("Europe and Canada, % of GDP"), "europe_canada_core_share_pct", percent),
                (
                    _tr("Allies at or above 2% core (of 31)"),
                    "allies_at_2pct",
                    lambda v: str(int(v)),
                ),
                (
                    _tr("Allies at or above 3.5% core (of 31)"),
                    "allies_at_3_5pct",
                    lambda v: str(int(v)),
                ),
                (
                    _tr("Allies at or above 5% total (of 31)"),
                    "allies_at_5pct_total",
                    lambda v: str(int(v)),
                ),
            )
        ],
    ]

    path_image = _render_path_plot(document, codes, language)
    ranking_image = _render_ranking(document, language)
    header, rows, widths, highlight = _summary_table(document, language)
    names = ", ".join(registry.get(c).name(language) for c in codes)
    return ReportContent(
        title=scenario.name,
        subtitle=_tr("Briefing on the path to the Hague commitment · %1").replace("%1", today),
        footer=_tr("natoplanner · %1 · %2 · page %3")
        .replace("%1", scenario.name)
        .replace("%2", today),
        sections=[
            (_tr("Data sources and edition"), sources),
            (_tr("Assumptions in brief"), assumptions),
        ],
        alliance_table=alliance_table,
        path_heading=_tr("Core defence share of GDP: %1 (NATO figures to %2, then this scenario)")
        .replace("%1", names)
        .replace("%2", str(b)),
        path_image=path_image,
        ranking_heading=_tr("Allies ranked by core share of GDP in %1").replace("%1", str(h)),
        ranking_image=ranking_image,
        table_heading=_tr("Summary of all allies at the horizon %1").replace("%1", str(h)),
        table_header=header,
        table_rows=rows,
        table_widths=widths,
        table_note=_tr(
            "Core = core defence share of GDP (%); Total = core + related (%); gap in "
            "percentage points "
            "to the ally's core target; need = constant nominal budget growth (% a year) that "
            "reaches it "
            "by %1; path: three facts, no verdict (the Hague declaration sets no number): "
            "✓/✗ %1 = the core target reached by %1 or not; 'falls' and a year = the share "
            "falls before reaching it; a%/b% = the part of the needed increase done by the "
            "2029 review / a linear path's part; 'back-loaded' below %2 of the linear part is "
            "this tool's heuristic. Total counts related spending up to 1.5% of GDP (⚠: "
            "related above 1.5%, the excess not counted), and 5% is met only with core at its "
            "target."
        )
        .replace("%1", str(h))
        .replace("%2", percent(100 * document.scenario.backload_fraction, 0)),
        highlight_rows=highlight,
        extra_pages=[fiscal_page(document, language)],
    )


def _policy_lines(scenario, language: str) -> list[str]:
    lines: list[str] = []
    default_core, default_related, default_targets = CorePolicy(), RelatedTrack(), Targets()
    for ally in scenario.allies:
        if ally.no_armed_forces:
            continue
        name = ally.name(language)
        parts = []
        core = scenario.core_policy(ally.iso3)
        if core != default_core:
            parts.append(_tr("core budget: %1").replace("%1", core_policy_label(core)))
        related = scenario.related_track(ally.iso3)
        if related != default_related:
            parts.append(_tr("related: %1").replace("%1", related_policy_label(related)))
        targets = scenario.targets(ally.iso3)
        if targets != default_targets:
            parts.append(
                _tr("own targets %1% core, %2% total")
                .replace("%1", f"{targets.core_pct:g}")
                .replace("%2", f"{targets.total_pct:g}")
            )
        if parts:
            lines.append(f"• {name}: " + "; ".join(parts))
    typed = []
    for measure in Measure:
        inputs = scenario.year_inputs(measure)
        rows = [i for i in range(len(scenario.allies)) if (~_isnan(inputs[i])).any()]
        if rows:
            count = sum(int((~_isnan(inputs[i])).sum()) for i in rows)
            names = ", ".join(scenario.allies[i].name(language) for i in rows[:6]) + (
                " …" if len(rows) > 6 else ""
            )
            typed.append(
                _tr("%1 typed for %2 year(s): %3")
                .replace("%1", _measure_label(measure))
                .replace("%2", str(count))
                .replace("%3", names)
            )
    lines += ["• " + line for line in typed]
    if not lines:
        lines.append("• " + _tr("No policy, target or year differs from the default scenario."))
    return lines


def _isnan(values):
    import numpy as np

    return np.isnan(values)


def _measure_label(measure: Measure) -> str:
    return {
        Measure.REAL_GROWTH: _tr("Real GDP growth (%)"),
        Measure.DEFLATOR: _tr("GDP deflator (%)"),
        Measure.NOMINAL_GDP: _tr("Nominal GDP (billion national currency)"),
        Measure.CORE_BUDGET: _tr("Core budget (million national currency)"),
        Measure.RELATED_SHARE: _tr("Related spending (% of GDP)"),
        Measure.EXCHANGE_RATE: _tr("Exchange rate (national currency per USD)"),
    }[measure]


def _summary_table(document: ScenarioDocument, language: str):
    projection, scenario = document.projection, document.scenario
    summary = projection.summary(language)
    b, h = scenario.base_year, scenario.horizon
    header = [
        _tr("Ally"),
        _tr("Core %1").replace("%1", str(b)),
        _tr("Core %1").replace("%1", str(h)),
        _tr("Total %1").replace("%1", str(h)),
        _tr("Gap, pp"),
        _tr("At target"),
        _tr("Need, %/yr"),
        _tr("Budget policy"),
        _tr("Path"),
    ]
    rows, highlight = [], set()
    for i, (iso3, row) in enumerate(summary.iterrows()):
        if not projection.has_target_path[scenario.row(iso3)]:
            rows.append(
                [row["name"], DASH, DASH, DASH, DASH, DASH, DASH, _tr("no armed forces"), DASH]
            )
            continue
        first = row["first_year_core"]
        gap = row["core_gap_pp"]
        rows.append(
            [
                row["name"],
                percent(row["base_core_share_pct"]),
                percent(row["horizon_core_share_pct"]),
                percent(row["horizon_total_share_pct"])
                + (" ⚠" if row["related_above_cap"] else ""),
                number(gap, 2) if gap > 1e-9 else _tr("met"),
                DASH
                if first is None
                or (isinstance(first, float) and math.isnan(first))
                or str(first) == "<NA>"
                else str(first),
                number(row["required_nominal_growth_pct"], 1),
                core_policy_label(scenario.core_policy(iso3)),
                path_facts_short(row["path_facts"]),
            ]
        )
        if row["horizon_core_share_pct"] >= row["core_target_pct"] - 1e-9:
            highlight.add(i)
    widths = [15, 8, 8, 8, 7, 7, 7, 18, 26]
    return header, rows, widths, highlight


def render_widget(widget: QWidget, size: QSize) -> QImage:
    """``widget`` drawn at ``size`` (logical pixels) into a sharp image, without showing it."""
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.resize(size)
    widget.show()
    QApplication.processEvents()
    image = QImage(size * IMAGE_SCALE, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(IMAGE_SCALE)
    image.fill(QColor("white"))
    painter = QPainter(image)
    widget.render(painter, QPoint())
    painter.end()
    widget.hide()
    return image


def _render_path_plot(document: ScenarioDocument, codes: list[str], language: str) -> QImage:
    from natoplanner.ui.window.path_plot import PathPlot

    plot = PathPlot(document, language)
    try:
        plot.mode_combo.hide()
        plot.readout.hide()
        for child in plot.findChildren(QWidget):
            if child.__class__.__name__ == "QLabel":
                child.hide()
        plot.set_allies(codes)
        return render_widget(plot, QSize(760, 400))
    finally:
        plot.deleteLater()


def _render_ranking(document: ScenarioDocument, language: str) -> QImage:
    from natoplanner.ui.analysis.alliance_charts import RankingChart
    from natoplanner.ui.analysis.alliance_view import ranking

    horizon = document.scenario.horizon
    chart = RankingChart()
    try:
        chart.show_ranking(ranking(document.projection, horizon, False, language), horizon, False)
        return render_widget(chart, QSize(760, 900))
    finally:
        chart.deleteLater()
