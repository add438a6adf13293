"""The difference table of the compare window: a read-only model over a
:class:`~natoplanner.core.compare.ScenarioComparison` and its sort proxy.

One row per ally and alliance aggregate; per compared measure a column for
each scenario and a difference column against the reference; each
scenario's path facts (a few words; the full sentence in the tooltip).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from natoplanner.core.compare import ALLIANCE_ROWS, ScenarioComparison
from natoplanner.ui.common.formatting import DASH, number, percent
from natoplanner.ui.common.models import ReadOnlyTableModel

#: Raw value of a cell (float, NaN when missing), for sorting and copying.
SortRole = Qt.ItemDataRole.UserRole + 1
#: Row code: ally ISO3, or "NATO" / "EUROPE_CANADA" for the alliance rows.
RowCodeRole = Qt.ItemDataRole.UserRole + 2

#: Compared measures, in column order (see core.compare.METRICS for units).
COMPARED_METRICS = ("core_share_pct", "total_share_pct", "core_budget_usd_mn", "first_year_core")


@dataclass(frozen=True)
class _Column:
    kind: str  # "ally", "value", "diff" or "path"
    metric: str = ""
    scenario: str = ""


@dataclass(frozen=True)
class PathFactsColumn:
    """One scenario's path facts (registry order): a few words and the full sentence."""

    short: list[str]
    full: list[str]
    has_path: np.ndarray


class CompareTableModel(ReadOnlyTableModel):
    """Values and differences of a :class:`ScenarioComparison`.

    One row per ally, then the alliance rows (NATO; Europe and Canada).
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.comparison: ScenarioComparison | None = None
        self._flags: dict[str, PathFactsColumn] = {}
        self._columns: list[_Column] = []
        self._rows: list[str] = []
        self._cells: list[list[object]] = []

    # -- content ---------------------------------------------------------------
    def set_comparison(
        self,
        comparison: ScenarioComparison | None,
        flags: dict[str, PathFactsColumn] | None = None,
    ) -> None:
        """Show ``comparison`` (None: empty). Same rows and columns: one dataChanged."""
        columns = _columns_of(comparison)
        rows = [] if comparison is None else list(comparison.values.index)
        same_shape = columns == self._columns and rows == self._rows
        if not same_shape:
            self.beginResetModel()
        self.comparison, self._flags = comparison, dict(flags or {})
        self._columns, self._rows = columns, rows
        self._cells = self._build_cells()
        if not same_shape:
            self.endResetModel()
        elif rows and columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(columns) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(columns) - 1)

    def raw_value(self, row: int, column: int) -> object:
        """The cell's value: a float (NaN when missing), a name, or the path facts in a few
        words (None without a path)."""
        return self._cells[row][column]

    def _build_cells(self) -> list[list[object]]:
        comparison = self.comparison
        if comparison is None:
            return []
        columns: list[list[object]] = []
        positions = range(len(self._rows))
        for spec in self._columns:
            if spec.kind == "ally":
                columns.append([str(name) for name in comparison.row_names])
            elif spec.kind in ("value", "diff"):
                frame = comparison.values if spec.kind == "value" else comparison.differences
                columns.append([float(v) for v in frame[(spec.metric, spec.scenario)].to_numpy()])
            else:
                flags = self._flags.get(spec.scenario)
                columns.append(
                    [
                        None
                        if flags is None or code in ALLIANCE_ROWS or not flags.has_path[i]
                        else flags.short[i]
                        for i, code in zip(positions, self._rows, strict=True)
                    ]
                )
        return [list(row) for row in zip(*columns, strict=True)]

    def column_spec(self, column: int) -> _Column:
        return self._columns[column]

    # -- Qt interface ------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        spec = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header_text(spec)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(spec)
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid() or self.comparison is None:
            return None
        row, column = index.row(), index.column()
        spec, code = self._columns[column], self._rows[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, column)
        if role == SortRole:
            value = self.raw_value(row, column)
            if value is None:
                return "" if self._columns[column].kind == "path" else float("nan")
            return value
        if role == RowCodeRole:
            return code
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignLeft
                if spec.kind == "ally"
                else (
                    Qt.AlignmentFlag.AlignCenter
                    if spec.kind == "path"
                    else Qt.AlignmentFlag.AlignRight
                )
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            changed = spec.kind == "diff" and self._differs(row, column)
            if changed or (spec.kind == "ally" and code in ALLIANCE_ROWS):
                font = QFont()
                font.setBold(True)
                return font
            return None
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and spec.kind == "diff"
            and not self._differs(row, column)
        ):
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    # -- text ----------------------------------------------------------------------
    def _year(self) -> str:
        return str(self.comparison.year) if self.comparison is not None else ""

    def _metric_label(self, metric: str) -> str:
        return {
            "core_share_pct": self.tr("Core %1").replace("%1", self._year()),
            "total_share_pct": self.tr("Total %1").replace("%1", self._year()),
            "core_budget_usd_mn": self.tr("Budget %1, mn USD").replace("%1", self._year()),
            "first_year_core": self.tr("At 3.5%/target"),
        }[metric]

    def _header_text(self, spec: _Column) -> str:
        if spec.kind == "ally":
            return self.tr("Ally")
        if spec.kind == "value":
            return f"{self._metric_label(spec.metric)}\n{spec.scenario}"
        if spec.kind == "diff":
            return f"Δ {self._metric_label(spec.metric)}\n{spec.scenario}"
        return self.tr("Path\n%1").replace("%1", spec.scenario)

    def _header_tip(self, spec: _Column) -> str:
        units = {
            "core_share_pct": self.tr(
                "Core defence share of GDP, %, in %1 (differences in percentage points)"
            ),
            "total_share_pct": self.tr(
                "Core plus related spending, % of GDP, in %1 (differences in percentage points)"
            ),
            "core_budget_usd_mn": self.tr(
                "Core defence budget in %1, million USD at base-year prices and exchange rates"
            ),
            "first_year_core": self.tr(
                "First year at the ally's own core target (3.5% unless set; alliance: 3.5%), "
                "up to %1"
            ),
        }
        if spec.kind == "ally":
            return self.tr(
                "Ally, then the alliance: NATO total and Europe and Canada (GDP-weighted shares)"
            )
        if spec.kind == "path":
            return self.tr(
                "Path facts in %1: target reached, incremental, part of the increase by 2029 "
                "beside the linear path's (full sentence in each cell's tooltip)"
            ).replace("%1", spec.scenario)
        text = units[spec.metric].replace("%1", self._year())
        if spec.kind == "diff":
            text += " — " + self.tr("%1 minus the reference %2").replace(
                "%1", spec.scenario
            ).replace("%2", self.comparison.reference)
        return text

    def _differs(self, row: int, column: int) -> bool:
        value = self.raw_value(row, column)
        if not math.isnan(value):
            return abs(value) > 1e-9
        return self._one_sided(row, column) is not None

    def _one_sided(self, row: int, column: int) -> str | None:
        """For a missing first-year difference: "reached" / "lost" when only one side reaches it."""
        spec = self._columns[column]
        mine = self._cells[row][self._columns.index(_Column("value", spec.metric, spec.scenario))]
        reference = self._cells[row][
            self._columns.index(_Column("value", spec.metric, self.comparison.reference))
        ]
        if math.isnan(mine) == math.isnan(reference):
            return None
        return "lost" if math.isnan(mine) else "reached"

    def _display(self, row: int, column: int) -> str:
        spec = self._columns[column]
        value = self.raw_value(row, column)
        if spec.kind == "ally":
            return str(value)
        if spec.kind == "path":
            if value is None:
                return "" if self._rows[row] in ALLIANCE_ROWS else DASH
            return str(value)
        if math.isnan(value):
            side = self._one_sided(row, column) if spec.kind == "diff" else None
            if side == "reached":
                return self.tr("now reached")
            if side == "lost":
                return self.tr("no longer")
            if spec.metric == "first_year_core" and spec.kind == "value":
                return (
                    self.tr("not by %1").replace("%1", self._year())
                    if self._rows[row] != "ISL"
                    else DASH
                )
            return DASH
        if spec.metric == "first_year_core":
            return str(round(value)) if spec.kind == "value" else _signed(value, 0, self.tr(" yr"))
        if spec.metric == "core_budget_usd_mn":
            return number(value, 0) if spec.kind == "value" else _signed(value, 0, "")
        return percent(value) if spec.kind == "value" else _signed(value, 2, self.tr(" pp"))

    def _tooltip(self, row: int, column: int) -> str | None:
        spec, code = self._columns[column], self._rows[row]
        if code == "ISL":
            return self.tr("Iceland has no armed forces and is not in NATO's expenditure tables")
        if spec.kind == "path":
            flags = self._flags.get(spec.scenario)
            if flags is None or code in ALLIANCE_ROWS:
                return None
            return flags.full[row]
        return self._header_tip(spec)


def _signed(value: float, decimals: int, unit: str) -> str:
    """ "+0.45 pp", "−120", "0": differences always show their sign."""
    if abs(value) < 0.5 * 10.0**-decimals:
        return "0" + unit
    text = number(abs(value), decimals)
    return ("+" if value > 0 else "−") + text + unit


def _columns_of(comparison: ScenarioComparison | None) -> list[_Column]:
    if comparison is None:
        return []
    others = [n for n in comparison.names if n != comparison.reference]
    columns = [_Column("ally")]
    for metric in COMPARED_METRICS:
        columns += [_Column("value", metric, name) for name in comparison.names]
        columns += [_Column("diff", metric, name) for name in others]
    columns += [_Column("path", "", name) for name in comparison.names]
    return columns


class CompareSortProxy(QSortFilterProxyModel):
    """Sort by raw value; missing values sort last and the alliance rows stay at the bottom."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        model = self.sourceModel()
        ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
        left_rank, right_rank = _rank(model, left), _rank(model, right)
        if left_rank != right_rank:
            # Ranks must hold whatever the order, so flip them for descending sorts.
            return (left_rank < right_rank) == ascending
        a, b = model.data(left, SortRole), model.data(right, SortRole)
        a_missing = a is None or (isinstance(a, float) and math.isnan(a))
        b_missing = b is None or (isinstance(b, float) and math.isnan(b))
        if a_missing or b_missing:
            return (not a_missing and b_missing) == ascending
        if isinstance(a, str):
            return a.casefold() < b.casefold()
        return a < b


def _rank(model, index: QModelIndex) -> int:
    code = model.data(index, RowCodeRole)
    return 1 + list(ALLIANCE_ROWS).index(code) if code in ALLIANCE_ROWS else 0
