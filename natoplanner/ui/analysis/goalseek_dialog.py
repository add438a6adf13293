"""Analysis > Goal seek…: the budget growth that reaches a target, and the growth a plan survives.

For the allies selected in the window's table the dialog answers "reach X%
core (or total) by year T" with :func:`natoplanner.core.goalseek.goal_seek`:
the constant nominal and real budget growth, the budget in every year, the
2029 review checkpoint, and whether that path is credible and incremental
(DESIGN §4; the reason in a tooltip). It also shows the inverse answer from
:func:`~natoplanner.core.goalseek.breakeven_growth`: the highest constant real
GDP growth at which the scenario's current plan still meets the target.

Apply turns the paths into ONE undoable step (:class:`ReplaceInputs`);
"Apply to all allies below target" does the same for every ally below it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.goalseek import (
    BreakevenGrowth,
    BreakevenOutcome,
    GoalSeekResult,
    GrowthAssumption,
    TargetMeasure,
    apply_changes,
    breakeven_growth,
    goal_seek,
    goal_seek_below_target,
)
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import (
    CORE_TARGET_PCT,
    MAX_HORIZON,
    REVIEW_YEAR,
    TOTAL_TARGET_PCT,
    Scenario,
    Targets,
)
from natoplanner.ui.common.actions import make_action, show_window_part
from natoplanner.ui.common.formatting import number, percent
from natoplanner.ui.common.labels import credibility_text
from natoplanner.ui.common.models import ReadOnlyTableModel
from natoplanner.ui.window.commands import ReplaceInputs
from natoplanner.ui.window.document import ScenarioDocument

_ROOT = QModelIndex()  # the invalid index: the parent of every row of a table model

#: The raw value of a cell (float, or the row's credibility as bool) for tests and copy.
RawValueRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class GoalSeekRow:
    """One ally's answer: the path to the target, whether it is credible, and the inverse."""

    result: GoalSeekResult
    credible: bool
    credibility_note: str
    breakeven: BreakevenGrowth


def path_credibility(
    scenario: Scenario, results: Sequence[GoalSeekResult]
) -> list[tuple[bool, str]]:
    """Credible-path check (DESIGN §4) of each goal-seek path, against its own target.

    The changes are applied to a copy whose core target is the goal-seek
    target (the core share a total target needs) and whose horizon reaches
    the target year; :meth:`Projection.credibility` then judges the path.
    """
    if not results:
        return []
    copy = scenario.copy()
    apply_changes(copy, [r.change for r in results])
    copy.set_horizon(max(copy.horizon, *(r.target_year for r in results)))
    for r in results:
        total = max(copy.targets(r.iso3).total_pct, r.required_core_share_pct)
        copy.set_targets(r.iso3, Targets(core_pct=r.required_core_share_pct, total_pct=total))
    credible, issues = Projection(copy).credibility_issues()
    return [
        (bool(credible[copy.row(r.iso3)]), credibility_text(issues[copy.row(r.iso3)]))
        for r in results
    ]


def goal_seek_rows(
    scenario: Scenario,
    iso3s: Sequence[str],
    target_pct: float | None,
    by_year: int,
    measure: TargetMeasure,
) -> list[GoalSeekRow]:
    """Goal seek, credibility and breakeven growth for ``iso3s`` (allies with NATO data)."""
    results = goal_seek(scenario, iso3s, target_pct, by_year, measure)
    checks = path_credibility(scenario, results)
    inverse = breakeven_growth(
        scenario,
        list(iso3s),
        target_pct=target_pct,
        year=by_year,
        measure=measure,
        assumption=GrowthAssumption.CONSTANT,
    )
    return [
        GoalSeekRow(result, credible, note, breakeven)
        for result, (credible, note), breakeven in zip(results, checks, inverse, strict=True)
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
                    "Constant nominal growth of the core budget that reaches the target, % a year"
                ),
            ),
            (
                self.tr("Real growth\n(% a year)"),
                self.tr("The same growth after the average deflator, % a year"),
            ),
            (
                self.tr("Path"),
                self.tr(
                    "Credible, incremental path: never falls before the target, "
                    "at least half the increase by the %1 review"
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
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and not row.credible:
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
            row.credible,
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
                return r.name
            case 1:
                return r.currency
            case 2:
                return percent(r.current_share_pct)
            case 3:
                return percent(r.nominal_growth_pct)
            case 4:
                return percent(r.real_growth_pct)
            case 5:
                return self.tr("credible") if row.credible else self.tr("⚠ check")
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
            return self.tr("Credible, incremental path") if row.credible else row.credibility_note
        if column == 8:
            text = row.breakeven.describe()
            if not row.breakeven.reacts_to_growth:
                text += self.tr(" — the plan sets a share of GDP, so GDP growth does not change it")
            return text
        if column == 7 or column >= self.FIXED_COLUMNS:
            value = r.checkpoint_budget_mn if column == 7 else self._raw(row, column)
            return f"{number(value, 0)} mn {r.currency}"
        return None


class GoalSeekDialog(QDialog):
    """Goal seek for the allies selected in the window's table (non-modal, follows selection)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.document: ScenarioDocument = window.document
        self.setWindowTitle(self.tr("Goal seek"))
        self.setModal(False)

        self.measure_combo = QComboBox(self)
        self.measure_combo.addItem(self.tr("core defence"), TargetMeasure.CORE)
        self.measure_combo.addItem(self.tr("total (core + related)"), TargetMeasure.TOTAL)
        self.measure_combo.setAccessibleName(self.tr("Target measure"))
        self.target_spin = QDoubleSpinBox(self)
        self.target_spin.setRange(0.1, 20.0)
        self.target_spin.setDecimals(2)
        self.target_spin.setSingleStep(0.1)
        self.target_spin.setSuffix(self.tr(" % of GDP"))
        self.target_spin.setValue(CORE_TARGET_PCT)
        self.target_spin.setAccessibleName(self.tr("Target share of GDP"))
        self.own_target_check = QCheckBox(self.tr("each ally's own target"), self)
        self.own_target_check.setToolTip(
            self.tr("Use the targets set per ally in the policy panel (e.g. Spain's own target)")
        )
        base = self.document.scenario.base_year
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(base + 1, MAX_HORIZON)
        self.year_spin.setValue(self.document.scenario.horizon)
        self.year_spin.setAccessibleName(self.tr("Target year"))

        goal = QHBoxLayout()
        goal.addWidget(QLabel(self.tr("Reach"), self))
        goal.addWidget(self.target_spin)
        goal.addWidget(self.own_target_check)
        goal.addWidget(self.measure_combo)
        goal.addWidget(QLabel(self.tr("by"), self))
        goal.addWidget(self.year_spin)
        goal.addStretch(1)
        form = QFormLayout()
        self.allies_label = QLabel(self)
        self.allies_label.setWordWrap(True)
        form.addRow(self.tr("Allies:"), self.allies_label)
        form.addRow(self.tr("Goal:"), goal)

        self.model = GoalSeekModel(window.language, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setAccessibleName(self.tr("Goal-seek results"))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)

        self.apply_button = QPushButton(self.tr("&Apply path"), self)
        self.apply_button.setToolTip(
            self.tr(
                "Set each listed ally's core budget to grow at the rate shown (one undoable step)"
            )
        )
        self.apply_all_button = QPushButton(self.tr("Apply to all allies &below target"), self)
        self.apply_all_button.setToolTip(
            self.tr(
                "Goal seek and apply for every ally below the target in the target year "
                "(one undoable step)"
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.apply_all_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

        self.apply_button.clicked.connect(self.apply)
        self.apply_all_button.clicked.connect(self.apply_to_all_below_target)
        self.measure_combo.currentIndexChanged.connect(self._on_measure_changed)
        self.target_spin.valueChanged.connect(self.refresh)
        self.year_spin.valueChanged.connect(self.refresh)
        self.own_target_check.toggled.connect(self._on_own_target_toggled)
        self.document.projected.connect(self.refresh)
        self.document.reset.connect(self.refresh)
        selection = window.allies_panel.view.selectionModel()
        selection.selectionChanged.connect(self.refresh)
        self.resize(1400, 400)

    # -- inputs ------------------------------------------------------------
    @property
    def measure(self) -> TargetMeasure:
        return TargetMeasure(self.measure_combo.currentData())

    @property
    def target_pct(self) -> float | None:
        """The typed target (% of GDP), or None for each ally's own target."""
        return None if self.own_target_check.isChecked() else self.target_spin.value()

    def set_goal(
        self, target_pct: float | None, by_year: int, measure: TargetMeasure = TargetMeasure.CORE
    ) -> None:
        """Fill the goal fields (what a user types); ``None`` = each ally's own target."""
        self.measure_combo.setCurrentIndex(self.measure_combo.findData(TargetMeasure(measure)))
        self.own_target_check.setChecked(target_pct is None)
        if target_pct is not None:
            self.target_spin.setValue(target_pct)
        self.year_spin.setValue(by_year)
        self.refresh()

    def _on_measure_changed(self, _index: int) -> None:
        self.target_spin.setValue(
            CORE_TARGET_PCT if self.measure == TargetMeasure.CORE else TOTAL_TARGET_PCT
        )
        self.refresh()

    def _on_own_target_toggled(self, checked: bool) -> None:
        self.target_spin.setEnabled(not checked)
        self.refresh()

    def selected_allies(self) -> list[str]:
        """Selected allies that have a target path (Iceland has none)."""
        scenario, projection = self.document.scenario, self.document.projection
        return [
            c
            for c in self.window_.allies_panel.selected_iso3()
            if projection.has_target_path[scenario.row(c)]
        ]

    # -- results -----------------------------------------------------------
    def refresh(self, *_args) -> None:
        """Recompute the answers for the selected allies (a few milliseconds); only while shown."""
        if not self.isVisible():
            return
        codes = self.selected_allies()
        registry = self.document.scenario.dataset.registry
        names = ", ".join(registry.get(c).name(self.window_.language) for c in codes)
        self.allies_label.setText(
            names or self.tr("none — select allies in the table (Ctrl+click for several)")
        )
        rows: list[GoalSeekRow] = []
        problem = ""
        if codes:
            try:
                rows = goal_seek_rows(
                    self.document.scenario,
                    codes,
                    self.target_pct,
                    self.year_spin.value(),
                    self.measure,
                )
            except ScenarioInputError as error:
                problem = str(error)
        self.model.set_rows(rows)
        self.apply_button.setEnabled(bool(rows))
        self.note.setText(problem or self._explanation())

    def _explanation(self) -> str:
        return self.tr(
            "Apply sets a constant nominal growth policy for each ally and clears its typed core "
            "budgets "
            "up to the target year; after that year the budget keeps growing at the same rate. "
            "Real growth deflates by the scenario's average deflator (IMF CPI). Amounts in million "
            "national currency. “Path” flags a share that falls before the target or leaves more "
            "than "
            "half of the increase to after the %1 review (hover for the reason)."
        ).replace("%1", str(REVIEW_YEAR))

    # -- actions -------------------------------------------------------------
    def _goal_text(self) -> str:
        what = self.tr("core") if self.measure == TargetMeasure.CORE else self.tr("total")
        target = self.tr("own target") if self.target_pct is None else percent(self.target_pct)
        return (
            self.tr("%1 %2 by %3")
            .replace("%1", target)
            .replace("%2", what)
            .replace("%3", str(self.year_spin.value()))
        )

    def _push(self, results: Sequence[GoalSeekResult], who: str) -> None:
        scenario = self.document.scenario
        before = scenario.state()
        copy = scenario.copy()
        apply_changes(copy, [r.change for r in results])
        text = self.tr("Goal seek: %1 to %2").replace("%1", who).replace("%2", self._goal_text())
        self.document.push(ReplaceInputs(self.document, text, before, copy.state()))

    def apply(self) -> None:
        """Apply the shown paths as one undoable step."""
        results = [row.result for row in self.model.rows]
        if not results:
            return
        who = results[0].name if len(results) == 1 else self.tr("%n allies", "", len(results))
        self._push(results, who)

    def apply_to_all_below_target(self) -> None:
        """Goal seek every ally below the target and apply all paths as one undoable step."""
        try:
            results = goal_seek_below_target(
                self.document.scenario, self.target_pct, self.year_spin.value(), self.measure
            )
        except ScenarioInputError as error:
            self.window_.prompts.error(self.tr("Goal seek"), str(error))
            return
        if not results:
            self.window_.prompts.information(
                self.tr("Goal seek"),
                self.tr("Every ally already meets %1.").replace("%1", self._goal_text()),
            )
            return
        self._push(results, self.tr("all %n allies below target", "", len(results)))


def open_goal_seek(window) -> GoalSeekDialog:
    """Show the window's goal-seek dialog (one per window, kept while the window lives)."""
    dialog = show_window_part(window, "goal_seek_dialog", GoalSeekDialog)
    dialog.refresh()
    return dialog


def install(window: QWidget) -> None:
    """Add Analysis > Goal seek… (Ctrl+G)."""
    tip = QGuiApplication.translate(
        "GoalSeek",
        "Budget growth that reaches a target share of GDP by a year, for the selected allies",
    )
    window.goal_seek_action = make_action(
        window,
        QGuiApplication.translate("GoalSeek", "&Goal seek…"),
        lambda: open_goal_seek(window),
        "Ctrl+G",
        tip,
        window.analysis_menu,
    )
