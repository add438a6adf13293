"""The import preview table: the sheet as read, each cell marked with what the import does.

Cells that will be imported get a pale green tint; cells left out get a
glyph as well as a colour, so the marking reads in grey-scale and for
colour-blind users: ``⊘`` skipped (a region row, a "..." marker, a history
year), ``?`` a name that matches no country, ``✗`` invalid (text where a
number belongs, a duplicate, a value out of range). The tooltip gives the
reason and the cell's address.
"""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

from natoplanner.io.sources.detect import LabelKind, Layout
from natoplanner.io.sources.importer import TARGET_MEASURE, CellStatus, ImportPreview
from natoplanner.io.sources.tabular import cell_address, column_letters
from natoplanner.ui.common.formatting import number
from natoplanner.ui.common.models import ReadOnlyTableModel
from natoplanner.ui.exchange.import_words import ally_name, reason_text, target_label, target_unit

_ROOT = QModelIndex()

#: What a cell is in the import: one of the ``Mark`` values below, or None.
MarkRole = Qt.ItemDataRole.UserRole + 1

#: Columns shown at most (a sheet may claim 16,384); the summary still counts all.
MAX_PREVIEW_COLUMNS = 256
MAX_CELL_CHARS = 60
ROW_NAME_CHARS = 22


class Mark:
    """Cell marks (strings, so tests and tooltips read them plainly)."""

    OK = "ok"
    SKIPPED = "skipped"
    INVALID = "invalid"
    UNMATCHED = "unmatched"
    HEADER = "header"
    TITLE = "title"


GLYPHS = {Mark.SKIPPED: "⊘", Mark.INVALID: "✗", Mark.UNMATCHED: "?"}

_TINTS = {
    Mark.OK: (QColor(60, 170, 90), 0.16),
    Mark.SKIPPED: (QColor(128, 128, 128), 0.22),
    Mark.UNMATCHED: (QColor(235, 170, 30), 0.40),
    Mark.INVALID: (QColor(210, 40, 40), 0.42),
}


def tint(mark: str, palette: QPalette) -> QColor:
    """The background of a marked cell, blended into the palette's base colour."""
    hue, strength = _TINTS[mark]
    base = palette.color(QPalette.ColorRole.Base)
    mix = strength * (0.8 if base.lightness() < 128 else 1.0)
    return QColor(
        round(base.red() * (1 - mix) + hue.red() * mix),
        round(base.green() * (1 - mix) + hue.green() * mix),
        round(base.blue() * (1 - mix) + hue.blue() * mix),
    )


def cell_text(cell: object) -> str:
    """A raw cell as the preview shows it (numbers in the UI locale, long text cut)."""
    if cell is None or cell == "":
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        if not math.isfinite(cell):
            return str(cell)
        return QLocale().toString(cell, "g", 12)
    if isinstance(cell, (dt.date, dt.datetime, dt.time)):
        return cell.isoformat()
    text = "".join(ch if ch.isprintable() else "�" for ch in str(cell))
    return text if len(text) <= MAX_CELL_CHARS else text[: MAX_CELL_CHARS - 1] + "…"


class ImportPreviewModel(ReadOnlyTableModel):
    """Read-only grid of the chosen sheet with the importer's verdict on every cell."""

    def __init__(self, registry, parent=None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.preview: ImportPreview | None = None
        self._rows: dict[int, object] = {}
        self._headers: dict[int, str] = {}
        self._n_cols = 0

    def set_preview(self, preview: ImportPreview | None) -> None:
        """Show another preview (a new file, sheet or corrected settings)."""
        self.beginResetModel()
        self.preview = preview
        self._rows = preview._row_reports if preview else {}
        self._n_cols = min(preview.sheet.n_cols, MAX_PREVIEW_COLUMNS) if preview else 0
        self._headers = self._column_roles() if preview else {}
        self.endResetModel()

    def _column_roles(self) -> dict[int, str]:
        s = self.preview.settings
        roles = {s.country_column: self.tr("country")}
        if s.layout is Layout.WIDE:
            roles.update({c: str(y) for c, y in s.year_columns})
        else:
            roles[s.year_column] = self.tr("year")
            roles[s.value_column] = self.tr("value")
        return roles

    # -- what a cell is ---------------------------------------------------------
    def mark(self, row: int, col: int) -> str | None:
        """The mark of a grid cell (see :class:`Mark`), None for cells the import ignores."""
        preview = self.preview
        header_row = preview.settings.header_row
        if row < header_row:
            return Mark.TITLE
        if row == header_row:
            return Mark.HEADER
        if col == preview.settings.country_column:
            row_report = self._rows.get(row)
            if row_report is None or row_report.kind is LabelKind.ALLY:
                return None
            return Mark.UNMATCHED if row_report.kind is LabelKind.UNKNOWN else Mark.SKIPPED
        report = preview.report_at(row, col)
        if report is None:
            return None
        return {
            CellStatus.OK: Mark.OK,
            CellStatus.SKIPPED: Mark.SKIPPED,
            CellStatus.INVALID: Mark.INVALID,
        }[report.status]

    def reason(self, row: int, col: int) -> str | None:
        """Why the import takes or leaves a cell, with its address (the tooltip)."""
        preview = self.preview
        settings = preview.settings
        address = cell_address(row, col, preview.sheet.name)
        if row < settings.header_row:
            return self.tr("%1: above the header row, not read").replace("%1", address)
        if row == settings.header_row:
            role = self._headers.get(col)
            if role is None:
                return self.tr("%1: header row").replace("%1", address)
            return self.tr("%1: header of the %2 column").replace("%1", address).replace("%2", role)
        if col == settings.country_column:
            row_report = self._rows.get(row)
            if row_report is None:
                return None
            if row_report.kind is LabelKind.ALLY:
                ally = self.registry.get(row_report.iso3)
                return (
                    self.tr("%1: matched to %2 (%3)")
                    .replace("%1", address)
                    .replace("%2", ally_name(ally))
                    .replace("%3", ally.iso3)
                )
            return (
                self.tr("%1: %2")
                .replace("%1", address)
                .replace("%2", reason_text(row_report.reason))
            )
        report = preview.report_at(row, col)
        if report is None:
            return None
        if report.status is CellStatus.OK:
            target = TARGET_MEASURE[settings.measure]
            ally = self.registry.get(report.iso3)
            unit = target_unit(target)
            amount = (
                f"{number(report.value, 2)} %"
                if unit == "%"
                else f"{number(report.value, 1)} {unit} {ally.currency}"
            )
            return (
                self.tr("%1: imported — %2 %3, %4 = %5")
                .replace("%1", address)
                .replace("%2", ally_name(ally))
                .replace("%3", str(report.year))
                .replace("%4", target_label(target))
                .replace("%5", amount)
            )
        verdict = self.tr("skipped") if report.status is CellStatus.SKIPPED else self.tr("invalid")
        return (
            self.tr("%1: %2 — %3")
            .replace("%1", address)
            .replace("%2", verdict)
            .replace("%3", reason_text(report.reason))
        )

    def _row_heading(self, row: int) -> str:
        """Excel's row number and, below the header, the row's country as the file names it.

        The name stays in view when the preview is scrolled to the year
        columns (as Excel's frozen first column would).
        """
        number_text = str(row + 1)
        if row <= self.preview.settings.header_row:
            return number_text
        name = cell_text(self.preview.sheet.cell(row, self.preview.settings.country_column))
        if not name:
            return number_text
        name = name if len(name) <= ROW_NAME_CHARS else name[: ROW_NAME_CHARS - 1] + "…"
        glyph = GLYPHS.get(self.mark(row, self.preview.settings.country_column))
        return f"{number_text}  {glyph} {name}" if glyph else f"{number_text}  {name}"

    # -- Qt model interface ---------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() or self.preview is None else self.preview.sheet.n_rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._n_cols

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if self.preview is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < self.rowCount():
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return self._row_heading(section)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.reason(section, self.preview.settings.country_column)
            return None
        if not 0 <= section < self._n_cols:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            role_text = self._headers.get(section)
            letters = column_letters(section)
            return f"{letters} · {role_text}" if role_text else letters
        if role == Qt.ItemDataRole.ToolTipRole:
            role_text = self._headers.get(section)
            return (
                self.tr("Column %1 (%2)")
                .replace("%1", column_letters(section))
                .replace("%2", role_text)
                if role_text
                else self.tr("Column %1 (not read)").replace("%1", column_letters(section))
            )
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid() or self.preview is None:
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = cell_text(self.preview.sheet.cell(row, col))
            glyph = GLYPHS.get(self.mark(row, col))
            return f"{glyph} {text}" if glyph else text
        if role == MarkRole:
            return self.mark(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.reason(row, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            mark = self.mark(row, col)
            palette = QGuiApplication.palette()
            if mark in _TINTS:
                return QBrush(tint(mark, palette))
            if mark == Mark.HEADER:
                return QBrush(palette.color(QPalette.ColorRole.AlternateBase))
            return None
        if role == Qt.ItemDataRole.ForegroundRole and self.mark(row, col) == Mark.TITLE:
            palette = QGuiApplication.palette()
            return QBrush(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role == Qt.ItemDataRole.FontRole and self.mark(row, col) in (Mark.HEADER, Mark.INVALID):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            cell = self.preview.sheet.cell(row, col)
            if isinstance(cell, float) or (
                col in self._headers
                and col != self.preview.settings.country_column
                and row > self.preview.settings.header_row
            ):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None
