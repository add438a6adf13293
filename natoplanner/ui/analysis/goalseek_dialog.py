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

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
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
    GoalPath,
    GoalSeekResult,
    TargetMeasure,
    apply_changes,
    goal_seek_below_target,
)
from natoplanner.core.scenario import (
    CORE_TARGET_PCT,
    MAX_HORIZON,
    REVIEW_YEAR,
    TOTAL_TARGET_PCT,
    Measure,
)
from natoplanner.ui.analysis.goalseek_table import (
    GoalSeekModel,
    GoalSeekRow,
    goal_seek_rows,
)
from natoplanner.ui.common.actions import make_action, show_window_part
from natoplanner.ui.common.formatting import percent
from natoplanner.ui.common.labels import deflator_text
from natoplanner.ui.common.screen import grow_to_show_rows
from natoplanner.ui.window.commands import ReplaceInputs
from natoplanner.ui.window.document import ScenarioDocument


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
            .replace("%2", deflator_text(self.document.scenario))
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
