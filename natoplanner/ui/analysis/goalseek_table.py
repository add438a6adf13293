"""The goal-seek table: one row per ally with the answer, its path's facts and
the growth the current plan survives, and the read-only model that shows it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from natoplanner.core.goalseek import (
    BreakevenGrowth,
    BreakevenOutcome,
    GoalPath,
    GoalSeekResult,
    GrowthAssumption,
    TargetMeasure,
    breakeven_growth,
    goal_seek,
)
from natoplanner.core.scenario import (
    REVIEW_YEAR,
    Scenario,
)
from natoplanner.ui.common.formatting import number, percent
from natoplanner.ui.common.labels import path_facts_short, path_facts_text
from natoplanner.ui.common.models import ReadOnlyTableModel

_ROOT = QModelIndex()  # the invalid index: the parent of every row of a table model

#: The raw value of a cell (float, text, or the path facts in a few words) for tests and copy.
RawValueRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class GoalSeekRow:
    """One ally's answer: the path to the target, its facts, and the inverse."""

    result: GoalSeekResult
    breakeven: BreakevenGrowth

    @property
    def needs_attention(self) -> bool:
        return self.result.facts is not None and self.result.facts.needs_attention


def goal_seek_rows(
    scenario: Scenario,
    iso3s: Sequence[str],
    target_pct: float | None,
    by_year: int,
    measure: TargetMeasure,
    path: GoalPath = GoalPath.CONSTANT_GROWTH,
    keep_growing: bool = False,
) -> list[GoalSeekRow]:
    """Goal seek (with its path facts) and breakeven growth for ``iso3s``."""
    results = goal_seek(
        scenario, iso3s, target_pct, by_year, measure, path=path, keep_growing=keep_growing
    )
    inverse = breakeven_growth(
        scenario,
        list(iso3s),
        target_pct=target_pct,
        year=by_year,
        measure=measure,
        assumption=GrowthAssumption.CONSTANT,
    )
    return [
        GoalSeekRow(result, breakeven) for result, breakeven in zip(results, inverse, strict=True)
    ]


def warning_colour() -> QColor:
    """Dark orange on light themes, light orange on dark ones (readable, not alarm red)."""
    base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    return QColor("#A14F00") if base.lightness() > 128 else QColor("#F2A65A")


class GoalSeekModel(ReadOnlyTableModel):
    """Rows: allies; columns: the answer, then the budget per year (million national currency)."""

    FIXED_COLUMNS = 9

    def __init__(self, language: str = "en", parent=None) -> None:
        super().__init__(parent)
        self.language = language
        #: ISO3 → name in the interface language (filled by the dialog).
        self.ally_names: dict[str, str] = {}
        self.rows: list[GoalSeekRow] = []
        self.years: list[int] = []
        self.target_year = 0
        self._warning = warning_colour()

    def set_rows(self, rows: list[GoalSeekRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.years = [int(y) for y in rows[0].result.years[1:]] if rows else []
        self.target_year = rows[0].result.target_year if rows else 0
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self.FIXED_COLUMNS + len(self.years)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal or section >= self.columnCount():
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if section >= self.FIXED_COLUMNS:
            year = self.years[section - self.FIXED_COLUMNS]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr(
                    "Core budget in %1 on the goal-seek path, million national currency"
                ).replace("%1", str(year))
            return self.tr("%1\nmn").replace("%1", str(year))
        year = str(self.target_year)
        headers = (
            (self.tr("Ally"), self.tr("Ally")),
            (self.tr("Currency"), self.tr("National currency of the amounts")),
            (
                self.tr("Plan now\n%1 (% GDP)").replace("%1", year),
                self.tr("Share in %1 under the scenario as it stands, % of GDP").replace(
                    "%1", year
                ),
            ),
            (
                self.tr("Nominal growth\n(% a year)"),
                self.tr(
                    "Constant nominal growth of the core budget that reaches the target, % a year; "
                    "“met”: already at the target, the growth that holds its share"
                ),
            ),
            (
                self.tr("Real growth\n(% a year)"),
                self.tr("The same growth after the average deflator, % a year"),
            ),
            (
                self.tr("Path"),
                self.tr(
                    "Facts, no verdict: target reached by the target year (✓/✗), whether the "
                    "share falls before it, the part of the increase done by %1 / the linear "
                    "path's part; “back-loaded” is this tool's heuristic"
                ).replace("%1", str(REVIEW_YEAR)),
            ),
            (
                self.tr("%1 review\n(% GDP)").replace("%1", str(REVIEW_YEAR)),
                self.tr("Core share at the %1 review on the goal-seek path, % of GDP").replace(
                    "%1", str(REVIEW_YEAR)
                ),
            ),
            (
                self.tr("%1 budget\n(mn)").replace("%1", str(REVIEW_YEAR)),
                self.tr("Core budget at the %1 review, million national currency").replace(
                    "%1", str(REVIEW_YEAR)
                ),
            ),
            (
                self.tr("Plan holds if\nGDP growth ≤"),
                self.tr(
                    "Inverse: the highest constant real GDP growth (% a year) "
                    "at which the current plan still meets the target in %1"
                ).replace("%1", year),
            ),
        )
        return headers[section][0 if role == Qt.ItemDataRole.DisplayRole else 1]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == RawValueRole:
            return self._raw(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and row.needs_attention:
            return self._warning
        return None

    def _raw(self, row: GoalSeekRow, column: int):
        r = row.result
        if column >= self.FIXED_COLUMNS:
            return float(r.core_budget_mn[column - self.FIXED_COLUMNS + 1])
        return (
            r.iso3,
            r.currency,
            r.current_share_pct,
            r.nominal_growth_pct,
            r.real_growth_pct,
            path_facts_short(r.facts),
            r.checkpoint_share_pct,
            r.checkpoint_budget_mn,
            row.breakeven.growth_pct,
        )[column]

    def _display(self, row: GoalSeekRow, column: int) -> str:
        r = row.result
        if column >= self.FIXED_COLUMNS:
            return number(self._raw(row, column), 0)
        match column:
            case 0:
                return self.ally_names.get(r.iso3, r.name)
            case 1:
                return r.currency
            case 2:
                return percent(r.current_share_pct)
            case 3 | 4:
                growth = percent(r.nominal_growth_pct if column == 3 else r.real_growth_pct)
                return self.tr("met, %1").replace("%1", growth) if r.met_in_base_year else growth
            case 5:
                return path_facts_short(r.facts)
            case 6:
                return percent(r.checkpoint_share_pct)
            case 7:
                return number(r.checkpoint_budget_mn, 0)
            case 8:
                return self._breakeven_text(row.breakeven)
        return ""

    def _breakeven_text(self, b: BreakevenGrowth) -> str:
        if b.outcome == BreakevenOutcome.THRESHOLD:
            return percent(b.growth_pct)
        if not b.reacts_to_growth:
            met = b.outcome == BreakevenOutcome.MET_AT_ANY_GROWTH
            return self.tr("met (share held)") if met else self.tr("missed (share held)")
        return (
            self.tr("any growth")
            if b.outcome == BreakevenOutcome.MET_AT_ANY_GROWTH
            else self.tr("never")
        )

    def _tooltip(self, row: GoalSeekRow, column: int) -> str | None:
        r = row.result
        if column == 5:
            return path_facts_text(r.facts)
        if column in (3, 4) and r.met_in_base_year:
            return self.tr(
                "Already at or above the target in the base year: the growth that holds its share"
            )
        if column == 8:
            text = self._breakeven_sentence(row.breakeven)
            if not row.breakeven.reacts_to_growth:
                text += self.tr(" — the plan sets a share of GDP, so GDP growth does not change it")
            return text
        if column == 7 or column >= self.FIXED_COLUMNS:
            value = r.checkpoint_budget_mn if column == 7 else self._raw(row, column)
            return self.tr("%1 mn %2").replace("%1", number(value, 0)).replace("%2", r.currency)
        return None

    def _breakeven_sentence(self, b: BreakevenGrowth) -> str:
        """:meth:`BreakevenGrowth.describe` in the interface language, numbers in its locale."""
        constant = b.assumption == GrowthAssumption.CONSTANT
        unit = self.tr("% a year") if constant else self.tr(" pp vs the scenario path")
        what = self.tr("real growth") if constant else self.tr("growth shift")
        target = percent(b.target_pct, 1)
        if b.outcome == BreakevenOutcome.THRESHOLD:
            template = self.tr("meets %1 in %2 while %3 ≤ %4")
            limit = number(b.growth_pct, 2) + unit
        else:
            template = (
                self.tr("meets %1 in %2 at any %3 in %4")
                if b.outcome == BreakevenOutcome.MET_AT_ANY_GROWTH
                else self.tr("misses %1 in %2 at any %3 in %4")
            )
            limit = (
                self.tr("[%1, %2]")
                .replace("%1", number(b.low_pct, 0))
                .replace("%2", number(b.high_pct, 0))
            ) + unit
        return (
            template.replace("%1", target)
            .replace("%2", str(b.year))
            .replace("%3", what)
            .replace("%4", limit)
        )
