"""Year editor: one ally's measures (rows) by year (columns), inputs editable.

Editable cells are the scenario's inputs (growth, deflator, nominal GDP,
core budget, related share); a typed value becomes an override, shown in bold
on a tinted background, and Delete clears it. Derived rows (shares) and the
base-year column (NATO data) are read-only and drawn in the disabled colour.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import IntEnum

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QToolTip,
    QWidget,
)

from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.scenario import DeflatorSource, Measure
from natoplanner.core.vintages import SHARE_GDP_PCT, SPENDING_NATIONAL_MN
from natoplanner.io.sources.numbers import NumberTextError
from natoplanner.ui.common.formatting import DASH, number, percent, read_number
from natoplanner.ui.common.labels import data_label, deflator_text
from natoplanner.ui.exchange.import_words import reason_text
from natoplanner.ui.sources.tooltips import reference_lines
from natoplanner.ui.window.commands import SetYearInput
from natoplanner.ui.window.document import ScenarioDocument

#: Raw float under EditRole/this role (None when the cell shows a dash).
RawValueRole = Qt.ItemDataRole.UserRole + 1
#: True when the cell holds a user override.
OverrideRole = Qt.ItemDataRole.UserRole + 3


class EditorRow(IntEnum):
    REAL_GROWTH = 0
    DEFLATOR = 1
    NOMINAL_GDP = 2
    CORE_BUDGET = 3
    CORE_SHARE = 4
    RELATED_SHARE = 5
    TOTAL_SHARE = 6
    EXCHANGE_RATE = 7


ROW_MEASURE = {
    EditorRow.REAL_GROWTH: Measure.REAL_GROWTH,
    EditorRow.DEFLATOR: Measure.DEFLATOR,
    EditorRow.NOMINAL_GDP: Measure.NOMINAL_GDP,
    EditorRow.CORE_BUDGET: Measure.CORE_BUDGET,
    EditorRow.RELATED_SHARE: Measure.RELATED_SHARE,
    EditorRow.EXCHANGE_RATE: Measure.EXCHANGE_RATE,
}

_DECIMALS = {
    EditorRow.REAL_GROWTH: 2,
    EditorRow.DEFLATOR: 2,
    EditorRow.NOMINAL_GDP: 1,
    EditorRow.CORE_BUDGET: 0,
    EditorRow.CORE_SHARE: 2,
    EditorRow.RELATED_SHARE: 2,
    EditorRow.TOTAL_SHARE: 2,
    EditorRow.EXCHANGE_RATE: 4,
}

_SHARE_ROWS = {EditorRow.CORE_SHARE, EditorRow.RELATED_SHARE, EditorRow.TOTAL_SHARE}
_REFERENCE_MEASURE = {
    EditorRow.CORE_SHARE: SHARE_GDP_PCT,
    EditorRow.CORE_BUDGET: SPENDING_NATIONAL_MN,
}
_EDITABLE_ROWS = frozenset(int(row) for row in ROW_MEASURE)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@functools.cache
def _bold_font() -> QFont:
    # Built on first use: a QFont needs the QGuiApplication to exist.
    font = QFont()
    font.setBold(True)
    return font


class YearEditorModel(QAbstractTableModel):
    """Measures × years (base..horizon) for one ally."""

    input_rejected = Signal(QModelIndex, str)

    def __init__(self, document: ScenarioDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.iso3: str | None = None
        self._horizon = document.scenario.horizon
        self._deflator_source = document.scenario.deflator_source
        self._brush_key: int | None = None
        self._brush_cache: dict[str, QBrush] = {}
        self._values, self._overrides = self._compute()
        #: Asks the user about an absurd value (True: set it); None sets nothing absurd.
        self.confirm: Callable[[str], bool] | None = None
        #: (row, column) → why the last value typed there was refused; shown at the
        #: cell (tint and tooltip) until a value is accepted there or the ally changes.
        self._rejected: dict[tuple[int, int], str] = {}
        self.input_rejected.connect(self._remember_rejection)
        document.projected.connect(self._on_projected)
        document.reset.connect(self._reset)

    def set_ally(self, iso3: str | None) -> None:
        self.iso3 = iso3
        self._reset()

    # -- data refresh ------------------------------------------------------
    def _compute(self) -> tuple[np.ndarray, np.ndarray]:
        scenario, projection = self.document.scenario, self.document.projection
        n_years = scenario.horizon - scenario.base_year + 1
        values = np.full((len(EditorRow), n_years), np.nan)
        overrides = np.zeros((len(EditorRow), n_years), dtype=bool)
        if self.iso3 is None:
            return values, overrides
        row = scenario.row(self.iso3)
        paths = projection.paths
        projected = slice(0, n_years - 1)
        values[EditorRow.REAL_GROWTH, 1:] = scenario.effective_growth_pct()[row, projected]
        values[EditorRow.DEFLATOR, 1:] = scenario.effective_deflator_pct()[row, projected]
        history_growth = scenario.dataset.history_matrix("real_gdp_growth_pct_derived")
        values[EditorRow.REAL_GROWTH, 0] = history_growth[
            row, scenario.base_year - int(scenario.dataset.history_years[0])
        ]
        if projection.has_target_path[row]:
            values[EditorRow.NOMINAL_GDP] = paths.gdp_bn[row, :n_years]
            values[EditorRow.CORE_BUDGET] = paths.core_budget_mn[row, :n_years]
            values[EditorRow.CORE_SHARE] = paths.core_share_pct[row, :n_years]
            values[EditorRow.RELATED_SHARE] = paths.related_share_pct[row, :n_years]
            values[EditorRow.TOTAL_SHARE] = paths.total_share_pct[row, :n_years]
            rates = projection.exchange_rates_per_usd()
            values[EditorRow.EXCHANGE_RATE] = rates[row, :n_years]
        for editor_row, measure in ROW_MEASURE.items():
            overrides[editor_row, 1:] = ~np.isnan(scenario.year_inputs(measure)[row, projected])
        return values, overrides

    def _remember_rejection(self, index: QModelIndex, message: str) -> None:
        self._rejected[(index.row(), index.column())] = message
        self.dataChanged.emit(index, index)

    def _forget_rejection(self, row: int, column: int) -> None:
        if self._rejected.pop((row, column), None) is not None:
            self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def rejection(self, row: int, column: int) -> str | None:
        """Why the last value typed in this cell was refused, or None."""
        return self._rejected.get((row, column))

    def _reset(self) -> None:
        self._rejected = {}
        self.beginResetModel()
        self._horizon = self.document.scenario.horizon
        self._deflator_source = self.document.scenario.deflator_source
        self._values, self._overrides = self._compute()
        self.endResetModel()

    def _on_projected(self, _rows: list[int]) -> None:
        if self.iso3 is None:
            return
        if self.document.scenario.horizon != self._horizon:
            self._reset()
            return
        if self.document.scenario.deflator_source is not self._deflator_source:
            self._deflator_source = self.document.scenario.deflator_source
            row = EditorRow.DEFLATOR
            self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)
        values, overrides = self._compute()
        changed = ~((values == self._values) | (np.isnan(values) & np.isnan(self._values)))
        changed |= overrides != self._overrides
        self._values, self._overrides = values, overrides
        if changed.any():
            rows, cols = np.nonzero(changed)
            self.dataChanged.emit(
                self.index(int(rows.min()), int(cols.min())),
                self.index(int(rows.max()), int(cols.max())),
            )

    def year_at(self, column: int) -> int:
        return self.document.scenario.base_year + column

    # -- Qt model interface ------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(EditorRow)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._values.shape[1]

    def _currency(self) -> str:
        return self.document.scenario.dataset.registry.get(self.iso3).currency if self.iso3 else ""

    def row_label(self, row: EditorRow) -> str:
        # No ally shown: the unit in words, never an empty "(bn )".
        currency = self._currency() or self.tr("national currency")
        return {
            EditorRow.REAL_GROWTH: self.tr("Real GDP growth (%)"),
            EditorRow.DEFLATOR: self.tr("Deflator (NATO implied, %)")
            if self.document.scenario.deflator_source is DeflatorSource.NATO_HISTORY
            else self.tr("Deflator (CPI, %)"),
            EditorRow.NOMINAL_GDP: self.tr("Nominal GDP (bn %1)").replace("%1", currency),
            EditorRow.CORE_BUDGET: self.tr("Core budget (mn %1)").replace("%1", currency),
            EditorRow.CORE_SHARE: self.tr("Core share (% GDP)"),
            EditorRow.RELATED_SHARE: self.tr("Related share (% GDP)"),
            EditorRow.TOTAL_SHARE: self.tr("Total share (% GDP)"),
            EditorRow.EXCHANGE_RATE: self.tr("%1 per USD").replace("%1", currency),
        }[row]

    def row_tooltip(self, row: EditorRow) -> str:
        return {
            EditorRow.REAL_GROWTH: self.tr(
                "Real GDP growth, % a year. Default: IMF WEO forecast, held flat after its last year."  # noqa: E501 (one translatable string)
            ),
            EditorRow.DEFLATOR: self.tr("GDP deflator, % a year. Default: %1.").replace(
                "%1", deflator_text(self.document.scenario)
            ),
            EditorRow.NOMINAL_GDP: self.tr(
                "Nominal GDP, billion national currency. Type a value to override the growth path."
            ),
            EditorRow.CORE_BUDGET: self.tr(
                "Core defence budget, million national currency (NATO definition). A typed amount overrides the policy for that year."  # noqa: E501 (one translatable string)
            ),
            EditorRow.CORE_SHARE: self.tr(
                "Core defence share of GDP, % (NATO basis, anchored on the published base-year share). Derived."  # noqa: E501 (one translatable string)
            ),
            EditorRow.RELATED_SHARE: self.tr(
                "Defence- and security-related spending, % of GDP (the 1.5% track): a user assumption."  # noqa: E501 (one translatable string)
            ),
            EditorRow.TOTAL_SHARE: self.tr("Core plus related, % of GDP. Derived."),
            EditorRow.EXCHANGE_RATE: self.tr(
                "Exchange rate, national currency per US dollar, for amounts in current US "
                "dollars only (Analysis > Alliance, current USD); shares and national amounts "
                "do not use it. The base year's is the rate NATO's tables imply; later years "
                "move by relative purchasing-power parity (the ally's deflator against the US "
                "deflator) from the year before, unless you type a rate."
            ),
        }[row]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                year = self.year_at(section)
                return f"{year}e" if section == 0 else str(year)
            if role == Qt.ItemDataRole.ToolTipRole and section == 0:
                return self.tr("Base year: %1 (read-only)").replace(
                    "%1", data_label(self.document.scenario.nato_edition)
                )
            return None
        if not 0 <= section < len(EditorRow):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.row_label(EditorRow(section))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.row_tooltip(EditorRow(section))
        return None

    def is_editable(self, row: int, column: int) -> bool:
        if row == EditorRow.EXCHANGE_RATE and self.iso3 == "USA":
            return False  # the US dollar is the unit
        return self.iso3 is not None and column > 0 and row in _EDITABLE_ROWS

    def _brushes(self) -> dict[str, QBrush]:
        """Cell brushes for the current palette (data() is called for every cell painted)."""
        palette = QGuiApplication.palette()
        if self._brush_key != palette.cacheKey():
            self._brush_key = palette.cacheKey()
            text = palette.color(QPalette.ColorRole.Text)
            base = palette.color(QPalette.ColorRole.Base)
            self._brush_cache = {
                # Blended from Text and Base rather than the Disabled group,
                # which some dark palettes leave equal to the normal text.
                "read_only_text": QBrush(_mix(text, base, 0.45)),
                "read_only": QBrush(_mix(base, text, 0.07)),
                "override": QBrush(_override_tint(palette)),
                "rejected": QBrush(_mix(base, QColor(200, 40, 40), 0.28)),
            }
        return self._brush_cache

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        value = float(self._values[row, column])
        missing = value != value  # NaN
        if role == Qt.ItemDataRole.DisplayRole:
            if missing:
                return DASH
            if row in _SHARE_ROWS:
                return percent(value, _DECIMALS[row])
            return number(value, _DECIMALS[row])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        overridden = bool(self._overrides[row, column])
        rejected = self._rejected.get((row, column))
        if role == Qt.ItemDataRole.BackgroundRole:
            if rejected is not None:
                return self._brushes()["rejected"]
            if overridden:
                return self._brushes()["override"]
            return None if self.is_editable(row, column) else self._brushes()["read_only"]
        if role == Qt.ItemDataRole.ForegroundRole:
            return None if self.is_editable(row, column) else self._brushes()["read_only_text"]
        if role == Qt.ItemDataRole.FontRole:
            return _bold_font() if overridden else None
        if role in (Qt.ItemDataRole.EditRole, RawValueRole):
            return None if missing else value
        if role == OverrideRole:
            return overridden
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.row_tooltip(EditorRow(row))
            if rejected is not None:
                tip = "⚠ " + rejected + "\n" + tip
            if overridden:
                tip += "\n" + self.tr("Override typed by you; press Delete to clear it.")
            elif not self.is_editable(row, column):
                tip += "\n" + self.tr("Read-only.")
            measure = _REFERENCE_MEASURE.get(EditorRow(row))
            if measure and self.iso3:  # other sources' history beside NATO's (Data > Sources)
                others = reference_lines(
                    self.document.scenario.dataset.references,
                    self.iso3,
                    self.year_at(column),
                    measure,
                )
                tip += "\n" + others if others else ""
            return tip
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_editable(index.row(), index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        """Validate a typed value and push it as an undoable override (empty clears)."""
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or not self.is_editable(index.row(), index.column())
        ):
            return False
        command = self.command_for(index.row(), index.column(), value)
        if command is None:
            return False
        self.document.push(command)
        return True

    def unusual_value(self, row: int, column: int, value: float) -> str | None:
        """Why ``value`` looks absurd for this cell (this tool's heuristic), or None.

        Compared with what the cell shows now (the path or the default): a
        growth rate 10 points away or beyond ±15%, inflation above 25% (or
        twice its path) or below -5%, an amount more than three times or
        less than a third of its path, related spending above 5% of GDP, an
        exchange rate more than twice or less than half the year before's moved by
        relative PPP (``Projection.exchange_rate_doubt``: typed the other way round?).
        """
        current = float(self._values[row, column])
        editor_row = EditorRow(row)
        name = self.document.scenario.dataset.registry.get(self.iso3).name_en
        year = self.year_at(column)
        far = False
        if editor_row is EditorRow.REAL_GROWTH:
            far = abs(value) > 15 or (current == current and abs(value - current) > 10)
        elif editor_row is EditorRow.DEFLATOR:
            limit = max(25.0, 2 * current) if current == current else 25.0
            far = value > limit or value < -5
        elif editor_row in (EditorRow.NOMINAL_GDP, EditorRow.CORE_BUDGET):
            far = current == current and current > 0 and not current / 3 <= value <= current * 3
        elif editor_row is EditorRow.RELATED_SHARE:
            far = value > 5
        elif editor_row is EditorRow.EXCHANGE_RATE:  # a rate typed the other way round
            projection = self.document.projection
            far = projection.exchange_rate_doubt(self.iso3, year, value) is not None
        if not far:
            return None
        shown_now = self.data(self.index(row, column))
        return (
            self.tr(
                "%1 for %2 in %3 is far from the current %4 (this tool's check). Set it anyway?"
            )  # noqa: E501 (one translatable string)
            .replace("%1", f"{value:g}")
            .replace("%2", name)
            .replace("%3", str(year))
            .replace("%4", str(shown_now))
        )

    def command_for(self, row: int, column: int, value) -> SetYearInput | None:
        """The undo command for typing ``value`` into a cell, or None (signals why)."""
        index = self.index(row, column)
        if value is None or (isinstance(value, str) and not value.strip()):
            number_value = None
        elif isinstance(value, str):
            try:
                number_value = read_number(value)
            except NumberTextError as error:
                self.input_rejected.emit(index, reason_text(error.reason))
                return None
        else:
            number_value = float(value)
        measure, year = ROW_MEASURE[EditorRow(row)], self.year_at(column)
        try:
            self.document.scenario.check_year_input(measure, self.iso3, year, number_value)
        except ScenarioInputError as error:
            self.input_rejected.emit(index, error.message)
            return None
        if number_value is not None:
            doubt = self.unusual_value(row, column, number_value)
            if doubt is not None and not (self.confirm is not None and self.confirm(doubt)):
                self.input_rejected.emit(index, doubt)
                return None
        self._forget_rejection(row, column)
        if number_value is None and not self._overrides[row, column]:
            return None
        return SetYearInput(self.document, measure, self.iso3, year, number_value)


def _mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    return QColor(
        round(a.red() * (1 - share_of_b) + b.red() * share_of_b),
        round(a.green() * (1 - share_of_b) + b.green() * share_of_b),
        round(a.blue() * (1 - share_of_b) + b.blue() * share_of_b),
    )


def _override_tint(palette: QPalette) -> QColor:
    return _mix(
        palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Highlight), 0.22
    )


class YearCellDelegate(QStyledItemDelegate):
    """Edits a cell as text in the UI locale, so the model validates what was typed.

    (The default editor for a float is a spin box limited to 0-99.99.)
    """

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QLineEdit:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def setEditorData(self, editor: QLineEdit, index: QModelIndex) -> None:
        if editor.text():
            return  # an editor opened by typing keeps the typed text
        value = index.data(RawValueRole)
        editor.setText(
            ""
            if value is None
            else QLocale().toString(float(value), "g", 12).replace(QLocale().groupSeparator(), "")
        )
        editor.selectAll()

    def setModelData(
        self, editor: QLineEdit, model: QAbstractTableModel, index: QModelIndex
    ) -> None:
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class YearEditorView(QTableView):
    """Table view for :class:`YearEditorModel`: Delete clears overrides, errors shown at the cell."""  # noqa: E501

    status_message = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Year editor"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setItemDelegate(YearCellDelegate(self))
        # Fixed widths: ResizeToContents would measure every cell on every edit.
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setDefaultSectionSize(
            self.fontMetrics().horizontalAdvance("0,000,000") + 12
        )
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)

    def setModel(self, model: YearEditorModel) -> None:  # type: ignore[override]
        super().setModel(model)
        model.confirm = self._confirm_unusual
        model.input_rejected.connect(self.show_rejection)
        model.modelReset.connect(self._fit_sizes)
        self._fit_sizes()

    def _fit_sizes(self) -> None:
        """Row labels and year columns sized for this ally's figures (on ally or horizon change).

        Fixed widths between those changes: resizing to contents on every
        edit would measure every cell each time.
        """
        model, metrics = self.model(), self.fontMetrics()
        labels = [
            model.headerData(r, Qt.Orientation.Vertical) or "" for r in range(model.rowCount())
        ]
        label_width = max((metrics.horizontalAdvance(t) for t in labels), default=80) + 16
        self.verticalHeader().setFixedWidth(label_width)
        texts = [
            str(model.index(r, c).data() or "")
            for r in range(model.rowCount())
            for c in range(model.columnCount())
        ]
        widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
        widest = max(widest, metrics.horizontalAdvance("2035e"))
        self.horizontalHeader().setDefaultSectionSize(widest + 12)

    def _confirm_unusual(self, message: str) -> bool:
        prompts = getattr(self.window(), "prompts", None)
        if prompts is None:
            return False
        return prompts.confirm(self.tr("Unusual value"), message)

    def show_rejection(self, index: QModelIndex, message: str) -> None:
        rect = self.visualRect(index)
        QToolTip.showText(self.viewport().mapToGlobal(rect.bottomLeft()), message, self, rect, 5000)
        self.status_message.emit(message)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            self.clear_selected_overrides()
            return
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if control and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            # Tab moves between cells like a spreadsheet; Ctrl+Tab leaves the
            # editor (Ctrl+Shift+Tab backwards).
            self.leave(forward=event.key() == Qt.Key.Key_Tab)
            return
        super().keyPressEvent(event)

    def leave(self, forward: bool = True) -> None:
        """Move the focus to the next (or previous) widget, not the next cell."""
        self.setTabKeyNavigation(False)
        try:
            self.focusNextPrevChild(forward)
        finally:
            self.setTabKeyNavigation(True)

    def clear_selected_overrides(self) -> None:
        model: YearEditorModel = self.model()
        commands = [
            model.command_for(i.row(), i.column(), None)
            for i in self.selectionModel().selectedIndexes()
            if model.is_editable(i.row(), i.column())
        ]
        commands = [c for c in commands if c is not None]
        if not commands:
            return
        stack = model.document.undo_stack
        stack.beginMacro(self.tr("Clear %n override(s)", "", len(commands)))
        for command in commands:
            stack.push(command)
        stack.endMacro()
