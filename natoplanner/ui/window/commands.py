"""Undo commands: every change a user makes to a scenario.

Each command holds what it needs to undo itself (the old value read before
the change). Repeated edits of one cell merge into one step, so typing
2030's budget five times undoes in one go.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtGui import QUndoCommand

from natoplanner.core.scenario import (
    CorePolicy,
    DeflatorSource,
    Measure,
    RelatedTrack,
    ScenarioState,
    Targets,
)
from natoplanner.ui.window.document import ScenarioDocument

# Ids for QUndoCommand.mergeWith: one per command class that merges.
_MERGE_YEAR_INPUT = 1
_MERGE_POLICY = 2

#: What an undo step names, marked for Qt Linguist (the history is shown in the UI language).
_MEASURE_NAMES = {
    Measure.REAL_GROWTH: QT_TRANSLATE_NOOP("Commands", "real GDP growth"),
    Measure.DEFLATOR: QT_TRANSLATE_NOOP("Commands", "GDP deflator"),
    Measure.NOMINAL_GDP: QT_TRANSLATE_NOOP("Commands", "nominal GDP"),
    Measure.CORE_BUDGET: QT_TRANSLATE_NOOP("Commands", "core defence budget"),
    Measure.RELATED_SHARE: QT_TRANSLATE_NOOP("Commands", "related spending"),
    Measure.EXCHANGE_RATE: QT_TRANSLATE_NOOP("Commands", "exchange rate"),
}
_CORE_POLICY = QT_TRANSLATE_NOOP("Commands", "core budget policy")
_RELATED_TRACK = QT_TRANSLATE_NOOP("Commands", "related spending track")
_TARGETS = QT_TRANSLATE_NOOP("Commands", "targets")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


def _ally_name(document: ScenarioDocument, iso3: str) -> str:
    """The ally's name in the interface language (QLocale's default follows it)."""
    french = QLocale().language() == QLocale.Language.French
    return document.scenario.dataset.registry.get(iso3).name("fr" if french else "en")


class _DocumentCommand(QUndoCommand):
    """Base: apply a value, recompute, and keep the old value for undo.

    ``iso3`` names the one ally the command changes (None for scenario-wide
    changes); undo and redo announce it through the document's
    ``history_moved_ally`` signal so the window can show that ally.
    """

    iso3: str | None = None

    def __init__(self, document: ScenarioDocument, text: str) -> None:
        super().__init__(text)
        self.document = document
        self._done_once = False

    def _apply(self, value: Any) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def redo(self) -> None:
        self._apply(self.new_value)
        self.document.recompute()
        # The first redo is the edit itself, made where the user is looking.
        if self._done_once:
            self._announce()
        self._done_once = True

    def undo(self) -> None:
        self._apply(self.old_value)
        self.document.recompute()
        self._announce()

    def _announce(self) -> None:
        if self.iso3 is not None:
            self.document.history_moved_ally.emit(self.iso3)


class SetYearInput(_DocumentCommand):
    """Set or clear one ally's input for one year ("Set Poland core budget 2030")."""

    def __init__(
        self,
        document: ScenarioDocument,
        measure: Measure,
        iso3: str,
        year: int,
        value: float | None,
    ) -> None:
        scenario = document.scenario
        template = _tr("Clear %1 %2 %3") if value is None else _tr("Set %1 %2 %3")
        text = (
            template.replace("%1", _ally_name(document, iso3))
            .replace("%2", _tr(_MEASURE_NAMES[Measure(measure)]))
            .replace("%3", str(year))
        )
        super().__init__(document, text)
        self.iso3 = iso3
        self.key = (measure, iso3, year)
        self.old_value = scenario.year_input(measure, iso3, year)
        self.new_value = value

    def _apply(self, value: float | None) -> None:
        self.document.scenario.set_year_input(*self.key, value)

    def id(self) -> int:
        return _MERGE_YEAR_INPUT

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetYearInput) or other.key != self.key:
            return False
        self.new_value = other.new_value
        return True


class SetAllyValue(_DocumentCommand):
    """Set a per-ally value (core policy, related track or targets) through its setter."""

    def __init__(
        self,
        document: ScenarioDocument,
        iso3: str,
        what: str,
        getter: Callable[[str], Any],
        setter: Callable[[str, Any], None],
        value: Any,
    ) -> None:
        text = _tr("Set %1 %2").replace("%1", _ally_name(document, iso3)).replace("%2", _tr(what))
        super().__init__(document, text)
        self.iso3, self.what = iso3, what
        self._setter = setter
        self.old_value = getter(iso3)
        self.new_value = value

    def _apply(self, value: Any) -> None:
        self._setter(self.iso3, value)

    def changed_fields(self) -> frozenset[str]:
        """Names of the fields this step changes (a policy's kind, rate, target year…)."""
        return _changed_fields(self.old_value, self.new_value)

    def id(self) -> int:
        return _MERGE_POLICY

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Spin-box steps on one field of one ally's policy merge into one undo
        # step; a different field (the ramp chosen, then its year) is a step of
        # its own.
        if not isinstance(other, SetAllyValue) or (other.iso3, other.what) != (
            self.iso3,
            self.what,
        ):
            return False
        if other.changed_fields() != self.changed_fields():
            return False
        self.new_value = other.new_value
        return True


def _changed_fields(old: Any, new: Any) -> frozenset[str]:
    """Dataclass fields that differ between ``old`` and ``new`` (all of them for other values)."""
    if is_dataclass(old) and type(old) is type(new):
        return frozenset(
            f.name for f in fields(old) if getattr(old, f.name) != getattr(new, f.name)
        )
    return frozenset({"value"})


def set_core_policy(document: ScenarioDocument, iso3: str, policy: CorePolicy) -> SetAllyValue:
    scenario = document.scenario
    return SetAllyValue(
        document, iso3, _CORE_POLICY, scenario.core_policy, scenario.set_core_policy, policy
    )


def set_related_track(document: ScenarioDocument, iso3: str, track: RelatedTrack) -> SetAllyValue:
    scenario = document.scenario
    return SetAllyValue(
        document,
        iso3,
        _RELATED_TRACK,
        scenario.related_track,
        scenario.set_related_track,
        track,
    )


def set_targets(document: ScenarioDocument, iso3: str, targets: Targets) -> SetAllyValue:
    scenario = document.scenario
    return SetAllyValue(document, iso3, _TARGETS, scenario.targets, scenario.set_targets, targets)


class SetHorizon(_DocumentCommand):
    def __init__(self, document: ScenarioDocument, horizon: int) -> None:
        super().__init__(document, _tr("Set horizon %1").replace("%1", str(horizon)))
        self.old_value = document.scenario.horizon
        self.new_value = horizon

    def _apply(self, value: int) -> None:
        self.document.scenario.set_horizon(value)


class SetBackloadFraction(_DocumentCommand):
    """The back-loading threshold (fraction of the linear part; this tool's heuristic)."""

    def __init__(self, document: ScenarioDocument, fraction: float) -> None:
        super().__init__(
            document,
            _tr("Flag back-loading below %1 of linear").replace("%1", f"{100 * fraction:.0f}%"),
        )
        self.old_value = document.scenario.backload_fraction
        self.new_value = fraction

    def _apply(self, value: float) -> None:
        self.document.scenario.set_backload_fraction(value)


class SetGdpVintage(_DocumentCommand):
    """Use another IMF WEO vintage for default growth and deflator (typed values are kept)."""

    def __init__(self, document: ScenarioDocument, vintage: str) -> None:
        super().__init__(document, _tr("Use %1 GDP forecasts").replace("%1", vintage))
        self.old_value = document.scenario.gdp_vintage
        self.new_value = vintage

    def _apply(self, value: str) -> None:
        self.document.scenario.set_gdp_vintage(value)


class SetDeflatorSource(_DocumentCommand):
    """Take every ally's default deflator from another source (typed values are kept)."""

    def __init__(self, document: ScenarioDocument, source: DeflatorSource) -> None:
        text = (
            _tr("Use NATO's implied GDP deflator")
            if source is DeflatorSource.NATO_HISTORY
            else _tr("Use the GDP forecast vintage's deflator")
        )
        super().__init__(document, text)
        self.old_value = document.scenario.deflator_source
        self.new_value = source

    def _apply(self, value: DeflatorSource) -> None:
        self.document.scenario.set_deflator_source(value)


class ReplaceInputs(_DocumentCommand):
    """Any multi-input change (paste, import, goal seek) as one undo step."""

    def __init__(
        self, document: ScenarioDocument, text: str, before: ScenarioState, after: ScenarioState
    ) -> None:
        super().__init__(document, text)
        self.old_value = before
        self.new_value = after

    def _apply(self, state: ScenarioState) -> None:
        self.document.scenario.restore(state)


class RenameScenario(_DocumentCommand):
    def __init__(self, document: ScenarioDocument, name: str) -> None:
        super().__init__(document, _tr("Rename scenario to %1").replace("%1", name))
        self.old_value = document.scenario.name
        self.new_value = name

    def _apply(self, value: str) -> None:
        self.document.scenario.name = value
        self.document.file_changed.emit()
