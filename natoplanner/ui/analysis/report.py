"""Briefing report: File > Export > Briefing report (PDF)…

A4 pages written with Qt's own :class:`QPdfWriter` and :class:`QPainter` (no
network, no external tool), in the UI language:

1. title page: scenario name, date, data sources and edition, assumptions in
   brief (policies that differ from the default, own targets, typed inputs,
   GDP vintage, horizon) and the alliance figures of the alliance strip;
2. the path plot of the selected allies and the ranking chart;
3. the summary table of all 32 allies, split across pages with its header
   repeated.

Two steps: :func:`build_report` reads the scenario and renders the charts to
images on the GUI thread (widgets live there); :func:`paint_report` writes the
PDF from that snapshot and can run on a worker thread
(:mod:`natoplanner.ui.shell.background`), so the window stays responsive.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QMarginsF,
    QObject,
    QPoint,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtWidgets import QApplication, QWidget

from natoplanner.core.scenario import CorePolicy, Measure, RelatedTrack, Targets
from natoplanner.ui.common.formatting import DASH, number, percent
from natoplanner.ui.common.labels import (
    core_policy_label,
    data_label,
    path_facts_short,
    related_policy_label,
)
from natoplanner.ui.fiscal.report_page import ReportTablePage, fiscal_page
from natoplanner.ui.shell import settings
from natoplanner.ui.window.document import ScenarioDocument

PDF_FILTER = "PDF documents (*.pdf)"
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


# -- content (GUI thread) ------------------------------------------------------------
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
        _tr(
            "GDP: %1 real growth and CPI inflation (CPI stands in for the GDP deflator); after "
            "the last "
            "forecast year the last values are held."
        ).replace("%1", data_label(scenario.gdp_vintage)),
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


# -- painting (any thread) ------------------------------------------------------------
class _Pages:
    """A cursor over A4 pages: space left, new page with footer, text blocks."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, footer: str) -> None:
        self.writer, self.painter, self.footer = writer, painter, footer
        self.rect = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
        self.rect.moveTo(0, 0)
        self.mm = writer.resolution() / 25.4
        self.footer_height = 8 * self.mm
        self.number = 1
        self.y = 0.0

    @property
    def bottom(self) -> float:
        return self.rect.height() - self.footer_height

    def remaining(self) -> float:
        return self.bottom - self.y

    def finish_page(self) -> None:
        painter = self.painter
        painter.setFont(_font(7.5))
        painter.setPen(QColor("#555555"))
        footer_rect = QRectF(0, self.rect.height() - 5 * self.mm, self.rect.width(), 5 * self.mm)
        painter.drawText(
            footer_rect,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            self.footer.replace("%3", str(self.number)),
        )
        painter.setPen(QColor("black"))

    def new_page(self) -> None:
        self.finish_page()
        self.writer.newPage()
        self.number += 1
        self.y = 0.0

    def ensure(self, height: float) -> None:
        if height > self.remaining() and self.y > 0:
            self.new_page()

    def text(
        self,
        text: str,
        size: float,
        bold: bool = False,
        space_after_mm: float = 2.0,
        indent_mm: float = 0.0,
        colour: str = "black",
    ) -> None:
        painter = self.painter
        painter.setFont(_font(size, bold))
        indent = indent_mm * self.mm
        width = self.rect.width() - indent
        flags = int(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        )
        bounds = painter.boundingRect(QRectF(0, 0, width, 1e6), flags, text)
        self.ensure(bounds.height())
        painter.setPen(QColor(colour))
        painter.drawText(QRectF(indent, self.y, width, bounds.height()), flags, text)
        painter.setPen(QColor("black"))
        self.y += bounds.height() + space_after_mm * self.mm

    def image(self, image: QImage, max_height_mm: float | None = None) -> None:
        width = self.rect.width()
        aspect = image.height() / image.width()
        height = width * aspect
        if max_height_mm is not None and height > max_height_mm * self.mm:
            height = max_height_mm * self.mm
            width = height / aspect
        self.ensure(height)
        self.painter.drawImage(
            QRectF((self.rect.width() - width) / 2, self.y, width, height), image
        )
        self.y += height + 4 * self.mm


def _font(size_pt: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(size_pt)
    font.setBold(bold)
    # No "fi"/"fl" ligatures: readers' search and copy then find "Briefing", not "Brieﬁng".
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def _table(
    pages: _Pages,
    header: list[str],
    rows: list[list[str]],
    widths: list[float],
    highlight: set[int] = frozenset(),
    size: float = 7.5,
    on_row: Callable[[], None] | None = None,
) -> None:
    """A table with wrapped cells; its header is repeated at the top of every page it reaches."""
    painter, mm = pages.painter, pages.mm
    total = sum(widths)
    columns = [w / total * pages.rect.width() for w in widths]
    padding = 1.2 * mm
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)

    def row_height(cells: list[str], bold: bool) -> float:
        painter.setFont(_font(size, bold))
        heights = [
            painter.boundingRect(QRectF(0, 0, w - 2 * padding, 1e6), flags, c).height()
            for c, w in zip(cells, columns, strict=True)
        ]
        return max(heights) + 2 * padding

    def draw_row(cells: list[str], height: float, bold: bool, fill: QColor | None) -> None:
        painter.setFont(_font(size, bold))
        if fill is not None:
            painter.fillRect(QRectF(0, pages.y, pages.rect.width(), height), fill)
        x = 0.0
        for cell, width in zip(cells, columns, strict=True):
            painter.drawText(
                QRectF(x + padding, pages.y + padding, width - 2 * padding, height), flags, cell
            )
            x += width
        painter.setPen(QPen(QColor("#BBBBBB"), 0.2 * mm))
        painter.drawLine(0, pages.y + height, pages.rect.width(), pages.y + height)
        painter.setPen(QColor("black"))
        pages.y += height

    header_height = row_height(header, True)
    header_fill = QColor("#DCE3EC")
    target_fill = QColor("#E3F1E6")
    pages.ensure(header_height * 3)
    draw_row(header, header_height, True, header_fill)
    for i, cells in enumerate(rows):
        height = row_height(cells, False)
        if height > pages.remaining():
            pages.new_page()
            draw_row(header, header_height, True, header_fill)
        draw_row(cells, height, False, target_fill if i in highlight else None)
        if on_row is not None:
            on_row()


def paint_report(
    content: ReportContent,
    path: str | Path,
    progress: Callable[[int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write ``content`` as an A4 PDF at ``path``; returns the number of pages.

    Safe on a worker thread (only QPdfWriter, QPainter and QImage). Writes to
    a temporary file next to ``path`` and replaces it at the end, so a
    cancelled or failed export leaves any earlier report intact.
    """
    from natoplanner.ui.shell.background import JobCancelled

    path = Path(path)
    partial = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(partial))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(16, 14, 16, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(300)
    writer.setTitle(content.title)
    writer.setCreator("natoplanner")
    painter = QPainter(writer)
    pages = _Pages(writer, painter, content.footer)

    def step(percent: int, message: str) -> None:
        if cancelled is not None and cancelled():
            raise JobCancelled()
        if progress is not None:
            progress(percent, message)

    try:
        step(5, _tr("Title page"))
        pages.text(content.title, 22, bold=True, space_after_mm=1)
        pages.text(content.subtitle, 11, space_after_mm=6, colour="#333333")
        for heading, paragraphs in content.sections:
            pages.text(heading, 12.5, bold=True, space_after_mm=1.5)
            for paragraph in paragraphs:
                pages.text(
                    paragraph,
                    9,
                    space_after_mm=1.2,
                    indent_mm=2 if paragraph.startswith("•") else 0,
                )
            pages.y += 3 * pages.mm
        pages.text(content.alliance_table[0][0], 12.5, bold=True, space_after_mm=1.5)
        _table(
            pages,
            ["", *content.alliance_table[0][1:]],
            content.alliance_table[1:],
            [40, 12, 12],
            size=9,
        )

        step(35, _tr("Charts"))
        pages.y += 3 * pages.mm
        pages.ensure(105 * pages.mm)  # heading and plot together
        pages.text(content.path_heading, 12.5, bold=True)
        pages.image(content.path_image, max_height_mm=100)
        pages.new_page()
        pages.text(content.ranking_heading, 12.5, bold=True)
        pages.image(content.ranking_image, max_height_mm=pages.remaining() / pages.mm - 2)

        step(65, _tr("Summary table"))
        pages.new_page()
        pages.text(content.table_heading, 12.5, bold=True)
        _table(
            pages,
            content.table_header,
            content.table_rows,
            content.table_widths,
            content.highlight_rows,
        )
        pages.y += 2 * pages.mm
        pages.text(content.table_note, 7.5, colour="#333333")
        for page in content.extra_pages:
            pages.new_page()
            pages.text(page.heading, 12.5, bold=True)
            _table(pages, page.header, page.rows, page.widths, size=7.5)
            pages.y += 2 * pages.mm
            pages.text(page.note, 7.5, colour="#333333")
        pages.finish_page()
    except BaseException:
        painter.end()
        del writer
        partial.unlink(missing_ok=True)
        raise
    painter.end()
    del painter, writer  # flushes and closes the file
    partial.replace(path)
    step(100, _tr("Done"))
    return pages.number


def write_report(
    document: ScenarioDocument,
    path: str | Path,
    allies: list[str] | None = None,
    language: str = "en",
) -> int:
    """Build and write the report on the calling (GUI) thread; returns the page count."""
    return paint_report(build_report(document, allies, language), path)


# -- the action -----------------------------------------------------------------------
class ReportExporter(QObject):
    """File > Export > Briefing report (PDF)… for one window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.task = None
        self.last_path: Path | None = None
        self.action = QAction(self.tr("&Briefing report (PDF)…"), window)
        self.action.setStatusTip(
            self.tr("Write an A4 briefing: assumptions, alliance figures, charts, summary table")
        )
        self.action.triggered.connect(lambda: self.export())
        window.export_menu.addAction(self.action)

    def export(self, path: Path | None = None):
        """Ask where (unless ``path``), snapshot on this thread, write the PDF in the background."""
        window = self.window
        document = window.document
        if path is None:
            folder = settings.export_folder(document.path)
            path = window.prompts.save_path(
                str(folder / f"{document.scenario.name} briefing.pdf"), self.tr(PDF_FILTER)
            )
            if path is None:
                return None
        path = Path(path)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        from natoplanner.ui.shell.background import run_in_background

        allies = window.allies_panel.selected_iso3() or list(DEFAULT_REPORT_ALLIES)
        content = build_report(document, allies, window.language)

        def done(pages: int) -> None:
            self.last_path = path
            settings.remember_export(path)
            window.statusBar().showMessage(
                self.tr("Briefing report written: %1 (%2 pages)")
                .replace("%1", str(path))
                .replace("%2", str(pages)),
                8000,
            )

        self.task = run_in_background(
            window,
            lambda progress, cancelled: paint_report(content, path, progress, cancelled),
            done,
            title=self.tr("Writing the briefing report"),
            status_bar=window.statusBar(),  # the user may keep working meanwhile
        )
        return self.task


def install(window) -> None:
    window.report_exporter = ReportExporter(window)
