"""Policy controls for the selected ally: core budget policy, related track, targets."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from natoplanner.core.scenario import (
    MAX_HORIZON,
    BudgetPolicy,
    CorePolicy,
    RelatedPolicy,
    RelatedTrack,
    Targets,
)
from natoplanner.ui.window.commands import set_core_policy, set_related_track, set_targets
from natoplanner.ui.window.document import ScenarioDocument


def _spin(
    parent: QWidget, suffix: str, low: float, high: float, step: float, name: str
) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(low, high)
    box.setDecimals(2)
    box.setSingleStep(step)
    box.setSuffix(suffix)
    box.setAccessibleName(name)
    box.setKeyboardTracking(False)  # one edit per finished value, not per keystroke
    return box


class PolicyPanel(QWidget):
    """Edits the selected ally's policies; every change is an undoable command."""

    def __init__(self, document: ScenarioDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.iso3: str | None = None
        self._refreshing = False
        self._shown: tuple | None = None

        self.ally_label = QLabel(self)
        self.ally_label.setWordWrap(True)
        font = self.ally_label.font()
        font.setBold(True)
        self.ally_label.setFont(font)

        core_box = QGroupBox(self.tr("Core budget policy"), self)
        self.policy_combo = QComboBox(core_box)
        self.policy_combo.setAccessibleName(self.tr("Core budget policy"))
        for kind, label in (
            (BudgetPolicy.CONSTANT_SHARE, self.tr("Constant share of GDP")),
            (BudgetPolicy.RAMP_TO_TARGET, self.tr("Ramp to target by year")),
            (BudgetPolicy.NOMINAL_GROWTH, self.tr("Nominal growth")),
            (BudgetPolicy.REAL_GROWTH, self.tr("Real growth")),
            (BudgetPolicy.EXPLICIT, self.tr("Explicit amounts")),
        ):
            self.policy_combo.addItem(label, kind)
        self.rate_spin = _spin(
            core_box, self.tr(" %/yr"), -50.0, 100.0, 0.5, self.tr("Budget growth rate")
        )
        self.share_spin = _spin(core_box, " %", 0.0, 20.0, 0.1, self.tr("Share of GDP held"))
        self.share_spin.setSpecialValueText(self.tr("base-year share"))
        self.target_spin = _spin(core_box, " %", 0.0, 20.0, 0.1, self.tr("Core target share"))
        self.target_year_spin = QSpinBox(core_box)
        self.target_year_spin.setAccessibleName(self.tr("Target year"))
        self.target_year_spin.setKeyboardTracking(False)
        self.until_spin = QSpinBox(core_box)
        self.until_spin.setAccessibleName(self.tr("Grow until"))
        self.until_spin.setKeyboardTracking(False)
        self.until_spin.setSpecialValueText(self.tr("every year"))
        core_form = QFormLayout(core_box)
        core_form.addRow(self.tr("&Policy:"), self.policy_combo)
        core_form.addRow(self.tr("&Growth:"), self.rate_spin)
        core_form.addRow(self.tr("Grow &until:"), self.until_spin)
        core_form.addRow(self.tr("Share he&ld:"), self.share_spin)
        core_form.addRow(self.tr("Ra&mp to:"), self.target_spin)
        core_form.addRow(self.tr("&By year:"), self.target_year_spin)
        self._core_form = core_form

        related_box = QGroupBox(self.tr("Related spending (1.5% track)"), self)
        self.related_combo = QComboBox(related_box)
        self.related_combo.setAccessibleName(self.tr("Related spending policy"))
        for kind, label in (
            (RelatedPolicy.NOT_SET, self.tr("Not set (0%)")),
            (RelatedPolicy.CONSTANT_SHARE, self.tr("Constant share")),
            (RelatedPolicy.RAMP_TO_TARGET, self.tr("Ramp to target by year")),
        ):
            self.related_combo.addItem(label, kind)
        self.related_share_spin = _spin(
            related_box, " %", 0.0, 10.0, 0.1, self.tr("Related share (start)")
        )
        self.related_target_spin = _spin(
            related_box, " %", 0.0, 10.0, 0.1, self.tr("Related target share")
        )
        self.related_year_spin = QSpinBox(related_box)
        self.related_year_spin.setAccessibleName(self.tr("Related target year"))
        self.related_year_spin.setKeyboardTracking(False)
        related_form = QFormLayout(related_box)
        related_form.addRow(self.tr("P&olicy:"), self.related_combo)
        related_form.addRow(self.tr("&Initial share:"), self.related_share_spin)
        related_form.addRow(self.tr("Target:"), self.related_target_spin)
        related_form.addRow(self.tr("B&y year:"), self.related_year_spin)
        self._related_form = related_form

        targets_box = QGroupBox(self.tr("Targets (% of GDP)"), self)
        self.core_target_spin = _spin(targets_box, " %", 0.1, 20.0, 0.1, self.tr("Core target"))
        self.total_target_spin = _spin(targets_box, " %", 0.1, 20.0, 0.1, self.tr("Total target"))
        targets_form = QFormLayout(targets_box)
        targets_form.addRow(self.tr("&Core:"), self.core_target_spin)
        targets_form.addRow(self.tr("&Total:"), self.total_target_spin)

        # Every measure says what it is and its unit where the pointer rests.
        for widget, tip in (
            (self.policy_combo, self.tr("How the core defence budget moves after the base year")),
            (
                self.rate_spin,
                self.tr("Core budget growth, % a year (nominal, or real after the deflator)"),
            ),
            (
                self.share_spin,
                self.tr(
                    "Share of GDP the core budget holds, % of GDP (lowest value: the base-year share)"  # noqa: E501 (one translatable string)
                ),
            ),
            (
                self.until_spin,
                self.tr(
                    "Last year the budget grows at this rate; after it the share reached is held"
                ),
            ),
            (
                self.target_spin,
                self.tr(
                    "Core share the ramp reaches, % of GDP; an ally above it keeps its share (a "
                    "ramp never cuts: to cut, hold a lower share or type the amounts)"
                ),
            ),
            (
                self.target_year_spin,
                self.tr("Year the ramp reaches its target; the share holds after it"),
            ),
            (
                self.related_combo,
                self.tr(
                    "Defence- and security-related spending (the 1.5% track): a user assumption"
                ),
            ),
            (
                self.related_share_spin,
                self.tr("Related spending held, or where the ramp starts, % of GDP"),
            ),
            (
                self.related_target_spin,
                self.tr("Related spending the ramp reaches, % of GDP (the Hague: up to 1.5%)"),
            ),
            (self.related_year_spin, self.tr("Year the related ramp reaches its target")),
            (
                self.core_target_spin,
                self.tr("The ally's core defence target, % of GDP (the Hague: 3.5%)"),
            ),
            (
                self.total_target_spin,
                self.tr("The ally's total target, core plus related, % of GDP (the Hague: 5%)"),
            ),
        ):
            widget.setToolTip(tip)

        # Side by side under the year editor, so the editor keeps the full width.
        boxes = QHBoxLayout()
        boxes.addWidget(core_box, 3)
        boxes.addWidget(related_box, 3)
        boxes.addWidget(targets_box, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(boxes)
        self.ally_label.hide()  # the editor's title names the ally

        for widget in (self.policy_combo, self.related_combo):
            widget.currentIndexChanged.connect(self._on_edit)
        for widget in self.fields():
            if widget not in (self.policy_combo, self.related_combo):
                widget.valueChanged.connect(self._on_edit)
        document.projected.connect(self._on_projected)
        document.reset.connect(self.refresh)
        self.set_ally(None)

    def fields(self) -> list[QWidget]:
        """The editable fields in keyboard order: core policy, related track, targets."""
        return [
            self.policy_combo,
            self.rate_spin,
            self.until_spin,
            self.share_spin,
            self.target_spin,
            self.target_year_spin,
            self.related_combo,
            self.related_share_spin,
            self.related_target_spin,
            self.related_year_spin,
            self.core_target_spin,
            self.total_target_spin,
        ]

    def set_ally(self, iso3: str | None) -> None:
        self.iso3 = iso3
        self.refresh()

    def _on_projected(self, rows: list[int]) -> None:
        # Only this ally's policy, track or targets concern the panel; a budget
        # or growth edit leaves them as shown.
        if self.iso3 is None or not rows or self.document.scenario.row(self.iso3) in rows:
            if self._shown_inputs() != self._shown:
                self.refresh()

    def _shown_inputs(self) -> tuple | None:
        if self.iso3 is None:
            return None
        scenario = self.document.scenario
        return (
            self.iso3,
            scenario.core_policy(self.iso3),
            scenario.related_track(self.iso3),
            scenario.targets(self.iso3),
            scenario.base_year,
        )

    def refresh(self) -> None:
        """Show the scenario's current values (after an edit, undo or load)."""
        scenario = self.document.scenario
        self._shown = self._shown_inputs()
        self._refreshing = True
        try:
            has_path = (
                self.iso3 is not None
                and self.document.projection.has_target_path[scenario.row(self.iso3)]
            )
            self.setEnabled(bool(has_path))
            if self.iso3 is None:
                self.ally_label.setText(self.tr("Select an ally to edit its policy"))
                return
            ally = scenario.dataset.registry.get(self.iso3)
            french = QLocale().language() == QLocale.Language.French
            name = ally.name("fr" if french else "en")
            self.ally_label.setText(
                name
                if has_path
                else self.tr("%1: no armed forces, no target path").replace("%1", name)
            )
            for spin in (self.target_year_spin, self.related_year_spin):
                spin.setRange(scenario.base_year + 1, MAX_HORIZON)
            self.until_spin.setRange(scenario.base_year, MAX_HORIZON)  # minimum: every year
            policy = scenario.core_policy(self.iso3)
            self.policy_combo.setCurrentIndex(self.policy_combo.findData(policy.kind))
            self.rate_spin.setValue(policy.rate_pct)
            self.until_spin.setValue(
                self.until_spin.minimum() if policy.growth_until is None else policy.growth_until
            )
            self.share_spin.setValue(0.0 if policy.share_pct is None else policy.share_pct)
            self.target_spin.setValue(policy.target_pct)
            self.target_year_spin.setValue(policy.target_year)
            track = scenario.related_track(self.iso3)
            self.related_combo.setCurrentIndex(self.related_combo.findData(track.kind))
            self.related_share_spin.setValue(track.share_pct)
            self.related_target_spin.setValue(track.target_pct)
            self.related_year_spin.setValue(track.target_year)
            targets = scenario.targets(self.iso3)
            self.core_target_spin.setValue(targets.core_pct)
            self.total_target_spin.setValue(targets.total_pct)
            self._show_relevant_fields(policy.kind, track.kind)
        finally:
            self._refreshing = False

    def _show_relevant_fields(self, kind: BudgetPolicy, related: RelatedPolicy) -> None:
        growth = kind in (BudgetPolicy.NOMINAL_GROWTH, BudgetPolicy.REAL_GROWTH)
        ramp = kind == BudgetPolicy.RAMP_TO_TARGET
        self._core_form.setRowVisible(self.rate_spin, growth)
        self._core_form.setRowVisible(self.until_spin, growth)
        self._core_form.setRowVisible(self.share_spin, kind == BudgetPolicy.CONSTANT_SHARE)
        self._core_form.setRowVisible(self.target_spin, ramp)
        self._core_form.setRowVisible(self.target_year_spin, ramp)
        self._related_form.setRowVisible(self.related_share_spin, related != RelatedPolicy.NOT_SET)
        self._related_form.setRowVisible(
            self.related_target_spin, related == RelatedPolicy.RAMP_TO_TARGET
        )
        self._related_form.setRowVisible(
            self.related_year_spin, related == RelatedPolicy.RAMP_TO_TARGET
        )

    def _on_edit(self, *_args) -> None:
        if self._refreshing or self.iso3 is None:
            return
        scenario = self.document.scenario
        share = self.share_spin.value()
        until = self.until_spin.value()
        policy = CorePolicy(
            kind=self.policy_combo.currentData(),
            rate_pct=self.rate_spin.value(),
            growth_until=None if until == self.until_spin.minimum() else until,
            share_pct=None if share == self.share_spin.minimum() else share,
            target_pct=self.target_spin.value(),
            target_year=self.target_year_spin.value(),
        )
        track = RelatedTrack(
            kind=self.related_combo.currentData(),
            share_pct=self.related_share_spin.value(),
            target_pct=self.related_target_spin.value(),
            target_year=self.related_year_spin.value(),
        )
        targets = Targets(self.core_target_spin.value(), self.total_target_spin.value())
        if policy != scenario.core_policy(self.iso3):
            self.document.push(set_core_policy(self.document, self.iso3, policy))
        elif track != scenario.related_track(self.iso3):
            self.document.push(set_related_track(self.document, self.iso3, track))
        elif targets != scenario.targets(self.iso3):
            self.document.push(set_targets(self.document, self.iso3, targets))
