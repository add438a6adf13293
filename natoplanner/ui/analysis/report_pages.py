"""Painting the briefing report on A4 pages (any thread): the page cursor with its footer, text
blocks, images, and tables whose header repeats on every page they reach.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPdfWriter, QPen


class PdfPages:
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
        """Where the footer starts (device pixels from the top of the printable area)."""
        return self.rect.height() - self.footer_height

    def remaining(self) -> float:
        """Height left on this page above the footer (device pixels)."""
        return self.bottom - self.y

    def finish_page(self) -> None:
        """Paint this page's footer (its number replaces "%3")."""
        painter = self.painter
        painter.setFont(report_font(7.5))
        painter.setPen(QColor("#555555"))
        footer_rect = QRectF(0, self.rect.height() - 5 * self.mm, self.rect.width(), 5 * self.mm)
        painter.drawText(
            footer_rect,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            self.footer.replace("%3", str(self.number)),
        )
        painter.setPen(QColor("black"))

    def new_page(self) -> None:
        """Finish this page and start the next at its top."""
        self.finish_page()
        self.writer.newPage()
        self.number += 1
        self.y = 0.0

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` fits on this one (or this page is empty)."""
        if height > self.remaining() and self.y > 0:
            self.new_page()

    def text_height(
        self, text: str, size: float, bold: bool = False, indent_mm: float = 0.0
    ) -> float:
        """Height (device pixels) of ``text`` wrapped at the page width, not drawn."""
        self.painter.setFont(report_font(size, bold))
        width = self.rect.width() - indent_mm * self.mm
        return self.painter.boundingRect(QRectF(0, 0, width, 1e6), _WRAP, text).height()

    def text(
        self,
        text: str,
        size: float,
        bold: bool = False,
        space_after_mm: float = 2.0,
        indent_mm: float = 0.0,
        colour: str = "black",
    ) -> None:
        """A wrapped text block at the cursor (``size`` in points), then ``space_after_mm``."""
        painter = self.painter
        painter.setFont(report_font(size, bold))
        indent = indent_mm * self.mm
        width = self.rect.width() - indent
        flags = _WRAP
        bounds = painter.boundingRect(QRectF(0, 0, width, 1e6), flags, text)
        self.ensure(bounds.height())
        painter.setPen(QColor(colour))
        painter.drawText(QRectF(indent, self.y, width, bounds.height()), flags, text)
        painter.setPen(QColor("black"))
        self.y += bounds.height() + space_after_mm * self.mm

    def image(
        self, image: QImage, max_height_mm: float | None = None, min_fraction: float = 1.0
    ) -> None:
        """``image`` centred at full width (or at most ``max_height_mm`` high).

        When it does not fit below the cursor but ``min_fraction`` of its height does,
        it is drawn smaller on this page rather than leaving the page mostly empty.
        """
        width = self.rect.width()
        aspect = image.height() / image.width()
        height = width * aspect
        if max_height_mm is not None and height > max_height_mm * self.mm:
            height = max_height_mm * self.mm
            width = height / aspect
        room = self.remaining() - 4 * self.mm
        if height > room >= min_fraction * height:
            height, width = room, room / aspect
        self.ensure(height)
        self.painter.drawImage(
            QRectF((self.rect.width() - width) / 2, self.y, width, height), image
        )
        self.y += height + 4 * self.mm


_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


def report_font(size_pt: float, bold: bool = False) -> QFont:
    """The report's font: DejaVu Sans at ``size_pt`` points, without ligatures."""
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(size_pt)
    font.setBold(bold)
    # No "fi"/"fl" ligatures: readers' search and copy then find "Briefing", not "Brieﬁng".
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def draw_table(
    pages: PdfPages,
    header: list[str],
    rows: list[list[str]],
    widths: list[float],
    highlight: set[int] = frozenset(),
    size: float = 7.5,
    on_row: Callable[[], None] | None = None,
    min_size: float | None = None,
    keep_after: float = 0.0,
) -> None:
    """A table with wrapped cells; its header is repeated at the top of every page it reaches.

    With ``min_size`` the font shrinks (in quarter points, not below ``min_size``) until
    the whole table and ``keep_after`` (device pixels: the note below it) fit in the
    space left on the page, so a few rows never spill onto a page of their own; when
    even ``min_size`` does not fit, the table runs on at ``size`` over several pages.
    """
    painter, mm = pages.painter, pages.mm
    total = sum(widths)
    columns = [w / total * pages.rect.width() for w in widths]
    padding = 1.2 * mm
    flags = _WRAP

    def row_height(cells: list[str], bold: bool, font_size: float) -> float:
        painter.setFont(report_font(font_size, bold))
        heights = [
            painter.boundingRect(QRectF(0, 0, w - 2 * padding, 1e6), flags, c).height()
            for c, w in zip(cells, columns, strict=True)
        ]
        return max(heights) + 2 * padding

    def words_fit(cells: list[str], bold: bool, font_size: float) -> bool:
        """No word wider than its column (Qt would cut it: "Objecti" for "Objectif")."""
        painter.setFont(report_font(font_size, bold))
        metrics = painter.fontMetrics()
        return all(
            metrics.horizontalAdvance(word) <= width - 2 * padding
            for cell, width in zip(cells, columns, strict=True)
            for word in cell.split()
        )

    def draw_row(
        cells: list[str], height: float, bold: bool, fill: QColor | None, font_size: float
    ) -> None:
        painter.setFont(report_font(font_size, bold))
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

    def smaller(start: float, floor: float) -> list[float]:
        """``start``, then a quarter point less each time, down to ``floor``."""
        return [start - 0.25 * step for step in range(int((start - floor) / 0.25) + 1)]

    def table_height(font_size: float) -> float:
        return sum(row_height(cells, False, font_size) for cells in [header, *rows])

    if min_size is not None:
        size = next(
            (
                s
                for s in smaller(size, min_size)
                if table_height(s) + keep_after <= pages.remaining()
            ),
            size,
        )
    # The header's words are never cut: its font shrinks (to 5 pt at most) until each fits.
    header_size = next((s for s in smaller(size, 5.0) if words_fit(header, True, s)), 5.0)
    header_height = row_height(header, True, header_size)
    header_fill = QColor("#DCE3EC")
    target_fill = QColor("#E3F1E6")
    pages.ensure(header_height * 3)
    draw_row(header, header_height, True, header_fill, header_size)
    for i, cells in enumerate(rows):
        height = row_height(cells, False, size)
        if height > pages.remaining():
            pages.new_page()
            draw_row(header, header_height, True, header_fill, header_size)
        draw_row(cells, height, False, target_fill if i in highlight else None, size)
        if on_row is not None:
            on_row()
