"""Briefing report: File > Export > Briefing report (PDF)…

A4 pages written with Qt's own :class:`QPdfWriter` and :class:`QPainter` (no
network, no external tool), in the UI language:

1. title page: scenario name, date, data sources and edition, assumptions in
   brief (policies that differ from the default, own targets, typed inputs,
   GDP vintage, horizon) and the alliance figures of the alliance strip;
2. the path plot of the selected allies and the ranking chart;
3. the summary table of all 32 allies, split across pages with its header
   repeated.

Two steps: :func:`~natoplanner.ui.analysis.report_content.build_report`
reads the scenario and renders the charts to images on the GUI thread (widgets
live there); :func:`paint_report` lays that snapshot out page by page (with the
page cursor and tables of :mod:`natoplanner.ui.analysis.report_pages`) and can
run on a worker thread (:mod:`natoplanner.ui.shell.background`), so the window
stays responsive. This module also holds the menu action.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject
from PySide6.QtGui import QAction, QPageLayout, QPageSize, QPainter, QPdfWriter

from natoplanner.ui.analysis.report_content import (
    DEFAULT_REPORT_ALLIES,
    ReportContent,
    build_report,
)
from natoplanner.ui.analysis.report_pages import PdfPages, draw_table
from natoplanner.ui.common.file_errors import write_error_text
from natoplanner.ui.shell import settings
from natoplanner.ui.window.document import ScenarioDocument

PDF_FILTER = "PDF documents (*.pdf)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("BriefingReport", text)


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
    pages = PdfPages(writer, painter, content.footer)

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
        draw_table(
            pages,
            ["", *content.alliance_table[0][1:]],
            content.alliance_table[1:],
            [40, 12, 12],
            size=9,
        )

        step(35, _tr("Charts"))
        pages.y += 3 * pages.mm
        # The heading stays with its plot; the plot shrinks to 60% rather than move on.
        heading = pages.text_height(content.path_heading, 12.5, bold=True) + 2 * pages.mm
        pages.ensure(heading + 0.6 * 100 * pages.mm)
        pages.text(content.path_heading, 12.5, bold=True)
        pages.image(content.path_image, max_height_mm=100, min_fraction=0.6)
        pages.new_page()
        pages.text(content.ranking_heading, 12.5, bold=True)
        pages.image(content.ranking_image, max_height_mm=pages.remaining() / pages.mm - 2)

        step(65, _tr("Summary table"))
        pages.new_page()
        pages.text(content.table_heading, 12.5, bold=True)
        note = pages.text_height(content.table_note, 7.5) + 4 * pages.mm
        draw_table(
            pages,
            content.table_header,
            content.table_rows,
            content.table_widths,
            content.highlight_rows,
            min_size=6.0,
            keep_after=note,
        )
        pages.y += 2 * pages.mm
        pages.text(content.table_note, 7.5, colour="#333333")
        for page in content.extra_pages:
            pages.new_page()
            pages.text(page.heading, 12.5, bold=True)
            note = pages.text_height(page.note, 7.5) + 4 * pages.mm
            draw_table(
                pages, page.header, page.rows, page.widths, size=7.5, min_size=6.0, keep_after=note
            )
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
class ReportNotWritten(Exception):
    """The PDF could not be written; the text says where and why (shown as is)."""


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

        def job(progress, cancelled) -> int:
            if not path.parent.is_dir():  # QPdfWriter would fail without a word
                raise ReportNotWritten(write_error_text(path, FileNotFoundError(path.parent)))
            try:
                return paint_report(content, path, progress, cancelled)
            except OSError as error:
                raise ReportNotWritten(write_error_text(path, error)) from error

        self.task = run_in_background(
            window,
            job,
            done,
            title=self.tr("Writing the briefing report"),
            status_bar=window.statusBar(),  # the user may keep working meanwhile
        )
        return self.task


def install(window) -> None:
    window.report_exporter = ReportExporter(window)
