"""Analysis > Goal seek…: the budget growth that reaches a target, and the growth a plan survives.

For the allies selected in the window's table the dialog answers "reach X%
core (or total) by year T" with :func:`natoplanner.core.goalseek.goal_seek`:
the constant nominal and real budget growth, the budget in every year (on a
constant-growth path or a linear share ramp, held after the target year unless
"keep growing" is ticked), the 2029 review checkpoint, and the path's facts
(DESIGN §4: reached, incremental, part of the increase by 2029 beside linear).
An ally already at the target shows "met" and the growth that holds its share.
It also shows the inverse answer from
:func:`~natoplanner.core.goalseek.breakeven_growth`: the highest constant real
GDP growth at which the scenario's current plan still meets the target.

Apply turns the paths into ONE undoable step (:class:`ReplaceInputs`);
"Apply to all allies below target" does the same for every ally below it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
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
    GoalPath,
    GoalSeekResult,
    GrowthAssumption,
    TargetMeasure,
    apply_changes,
    breakeven_growth,
    goal_seek,
    goal_seek_below_target,
)
from natoplanner.core.scenario import (
    CORE_TARGET_PCT,
    MAX_HORIZON,
    REVIEW_YEAR,
    TOTAL_TARGET_PCT,
    Measure,
    Scenario,
)
from natoplanner.ui.common.actions import make_action, show_window_part
from natoplanner.ui.common.formatting import number, percent
from natoplanner.ui.common.labels import deflator_text, path_facts_short, path_facts_text
from natoplanner.ui.common.models import ReadOnlyTableModel
from natoplanner.ui.common.screen import grow_to_show_rows
from natoplanner.ui.window.commands import ReplaceInputs
from natoplanner.ui.window.document import ScenarioDocument

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

        self.path_combo = QComboBox(self)
        self.path_combo.addItem(self.tr("constant budget growth"), GoalPath.CONSTANT_GROWTH)
        self.path_combo.addItem(self.tr("linear share ramp"), GoalPath.LINEAR_RAMP)
        self.path_combo.setAccessibleName(self.tr("Path shape"))
        self.keep_growing_check = QCheckBox(self.tr("keep growing after the target year"), self)
        self.keep_growing_check.setToolTip(
            self.tr(
                "Unticked, the share reached in the target year is held after it; ticked, the "
                "budget keeps growing at the same rate"
            )
        )
        goal = QHBoxLayout()
        goal.addWidget(QLabel(self.tr("Reach"), self))
        goal.addWidget(self.target_spin)
        goal.addWidget(self.own_target_check)
        goal.addWidget(self.measure_combo)
        goal.addWidget(QLabel(self.tr("by"), self))
        goal.addWidget(self.year_spin)
        goal.addWidget(QLabel(self.tr("with"), self))
        goal.addWidget(self.path_combo)
        goal.addWidget(self.keep_growing_check)
        goal.addStretch(1)
        form = QFormLayout()
        self.allies_label = QLabel(self)
        self.allies_label.setWordWrap(True)
        form.addRow(self.tr("Allies:"), self.allies_label)
        form.addRow(self.tr("Goal:"), goal)

        self.model = GoalSeekModel(window.language, self)
        # Ally names in the interface language (the core's results carry English ones).
        self.model.ally_names = {
            ally.iso3: ally.name(window.language)
            for ally in self.document.scenario.dataset.registry
        }
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
        self.path_combo.currentIndexChanged.connect(self._on_path_changed)
        self.keep_growing_check.toggled.connect(self.refresh)
        self.document.projected.connect(self.refresh)
        self.document.reset.connect(self.refresh)
        selection = window.allies_panel.view.selectionModel()
        selection.selectionChanged.connect(self.refresh)
        # Wide enough for the year columns; cut to the screen when shown, and
        # grown to list every selected ally (goal seek for all 32 included).
        self.resize(1400, 420)

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

    @property
    def path(self) -> GoalPath:
        return GoalPath(self.path_combo.currentData())

    def _on_path_changed(self, _index: int) -> None:
        self.keep_growing_check.setEnabled(self.path == GoalPath.CONSTANT_GROWTH)
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
                    self.path,
                    self.keep_growing_check.isChecked(),
                )
            except ScenarioInputError as error:
                problem = str(error)
        self.model.set_rows(rows)
        self.apply_button.setEnabled(bool(rows))
        self.note.setText(problem or self._explanation())
        grow_to_show_rows(self, self.view)  # every selected ally's row, as far as the screen allows

    def _explanation(self) -> str:
        return (
            self.tr(
                "Apply sets the path shown for each ally (constant nominal growth, or a linear "
                "share ramp) and clears its typed core budgets up to the target year; after that "
                "year the share reached is held unless “keep growing” is ticked. A path never "
                "cuts: an ally already above the target holds its share. Real growth deflates "
                "by the scenario's average deflator (%2). Amounts in million national currency. "
                "“Path” gives facts: target reached, incremental, part of the increase by %1 "
                "beside the linear path's; “back-loaded” below %3 of the linear part is this "
                "tool's heuristic (hover for the sentence). A total target counts related "
                "spending up to 1.5% of GDP and needs core at its own target too."
            )
            .replace("%1", str(REVIEW_YEAR))
            .replace("%2", deflator_text(self.document.scenario.gdp_vintage))
            .replace("%3", percent(100 * self.document.scenario.backload_fraction, 0))
        )

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
        if not self._may_clear_typed_budgets(scenario, copy):
            return
        text = self.tr("Goal seek: %1 to %2").replace("%1", who).replace("%2", self._goal_text())
        self.document.push(ReplaceInputs(self.document, text, before, copy.state()))

    def _may_clear_typed_budgets(self, scenario, applied) -> bool:
        """Ask first when applying would drop core budgets typed or imported by the user."""
        before = scenario.year_inputs(Measure.CORE_BUDGET)
        after = applied.year_inputs(Measure.CORE_BUDGET)
        cleared = ~np.isnan(before) & np.isnan(after)
        rows = [i for i in range(cleared.shape[0]) if cleared[i].any()]
        if not rows:
            return True
        lines = [
            self.tr("%1: %2 typed or imported core budget(s) cleared")
            .replace(
                "%1", self.model.ally_names.get(scenario.allies[i].iso3, scenario.allies[i].iso3)
            )
            .replace("%2", str(int(cleared[i].sum())))
            for i in rows
        ]
        message = "\n".join(
            [
                self.tr("Applying the goal-seek path replaces core budgets you typed or imported:"),
                *lines[:12],
                *(
                    [self.tr("… and %1 more allies").replace("%1", str(len(lines) - 12))]
                    if len(lines) > 12
                    else []
                ),
                self.tr("Apply anyway? (Edit > Undo brings them back.)"),
            ]
        )
        return self.window_.prompts.confirm(self.tr("Goal seek"), message)

    def apply(self) -> None:
        """Apply the shown paths as one undoable step."""
        results = [row.result for row in self.model.rows]
        if not results:
            return
        who = (
            self.model.ally_names.get(results[0].iso3, results[0].name)
            if len(results) == 1
            else self.tr("%n allies", "", len(results))
        )
        self._push(results, who)

    def apply_to_all_below_target(self) -> None:
        """Goal seek every ally below the target and apply all paths as one undoable step."""
        try:
            results = goal_seek_below_target(
                self.document.scenario,
                self.target_pct,
                self.year_spin.value(),
                self.measure,
                path=self.path,
                keep_growing=self.keep_growing_check.isChecked(),
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
