"""The import dialog's words for measures, units and allies, in the interface language.

``io.sources`` names measures and units in English (its ``label``
properties serve the command line); the dialog shows these translations.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from natoplanner.core.scenario import Measure
from natoplanner.io.reasons import Reason
from natoplanner.io.sources.detect import SourceMeasure, Unit

_CONTEXT = "ImportWords"

_SOURCE_MEASURES = {
    SourceMeasure.CORE_BUDGET: QT_TRANSLATE_NOOP("ImportWords", "core defence budget"),
    SourceMeasure.SHARE_OF_GDP: QT_TRANSLATE_NOOP("ImportWords", "core defence as a share of GDP"),
    SourceMeasure.NOMINAL_GDP: QT_TRANSLATE_NOOP("ImportWords", "nominal GDP"),
    SourceMeasure.REAL_GROWTH: QT_TRANSLATE_NOOP("ImportWords", "real GDP growth"),
    SourceMeasure.INFLATION: QT_TRANSLATE_NOOP(
        "ImportWords", "inflation (used as the GDP deflator)"
    ),
}

_UNITS = {
    Unit.NATIONAL: QT_TRANSLATE_NOOP("ImportWords", "national currency"),
    Unit.NATIONAL_THOUSANDS: QT_TRANSLATE_NOOP("ImportWords", "thousand national currency"),
    Unit.NATIONAL_MILLIONS: QT_TRANSLATE_NOOP("ImportWords", "million national currency"),
    Unit.NATIONAL_BILLIONS: QT_TRANSLATE_NOOP("ImportWords", "billion national currency"),
    Unit.USD: QT_TRANSLATE_NOOP("ImportWords", "US dollars"),
    Unit.USD_THOUSANDS: QT_TRANSLATE_NOOP("ImportWords", "thousand US dollars"),
    Unit.USD_MILLIONS: QT_TRANSLATE_NOOP("ImportWords", "million US dollars"),
    Unit.USD_BILLIONS: QT_TRANSLATE_NOOP("ImportWords", "billion US dollars"),
    Unit.PERCENT: QT_TRANSLATE_NOOP("ImportWords", "percent (4.25 = 4.25%)"),
    Unit.FRACTION: QT_TRANSLATE_NOOP("ImportWords", "fraction (0.0425 = 4.25%)"),
}

#: The scenario input an import writes, and the unit its amounts are shown in.
_TARGETS = {
    Measure.CORE_BUDGET: (
        QT_TRANSLATE_NOOP("ImportWords", "core budget"),
        QT_TRANSLATE_NOOP("ImportWords", "mn"),
    ),
    Measure.NOMINAL_GDP: (
        QT_TRANSLATE_NOOP("ImportWords", "nominal GDP"),
        QT_TRANSLATE_NOOP("ImportWords", "bn"),
    ),
    Measure.REAL_GROWTH: (QT_TRANSLATE_NOOP("ImportWords", "real GDP growth"), "%"),
    Measure.DEFLATOR: (QT_TRANSLATE_NOOP("ImportWords", "GDP deflator"), "%"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def measure_label(measure: SourceMeasure) -> str:
    """What a source's figures measure ("core defence budget")."""
    return _tr(_SOURCE_MEASURES[SourceMeasure(measure)])


def unit_label(unit: Unit) -> str:
    """The unit of a source's figures ("million national currency")."""
    return _tr(_UNITS[Unit(unit)])


def target_label(measure: Measure) -> str:
    """The scenario input an imported figure becomes ("core budget")."""
    return _tr(_TARGETS[Measure(measure)][0])


def target_unit(measure: Measure) -> str:
    """The short unit of that input: "mn" or "bn" (national currency), or "%"."""
    return _tr(_TARGETS[Measure(measure)][1])


def interface_in_english() -> bool:
    """True when the interface speaks English (QLocale's default follows the language;
    an untranslated start keeps the system's "C" locale)."""
    return QLocale().language() in (QLocale.Language.English, QLocale.Language.C)


def ally_name(ally) -> str:
    """The ally's short name in the interface language (QLocale's default follows it)."""
    french = QLocale().language() == QLocale.Language.French
    return ally.name("fr" if french else "en")


def reason_text(reason: str) -> str:
    """A reason from io (:class:`natoplanner.io.reasons.Reason`) in the interface language:
    its template translated ("ImportReasons"), filled with the same values — allies by their
    name here, units by their label here, nested reasons translated too. Plain text as is."""
    if not isinstance(reason, Reason):
        return str(reason)
    template = QCoreApplication.translate("ImportReasons", reason.template)
    return template.format(**{key: _localised(value) for key, value in reason.params.items()})


class _LocalDecimal(float):
    """A float that formats with the interface's decimal separator ("2,5" in French)."""

    def __format__(self, spec: str) -> str:
        return format(float(self), spec).replace(".", QLocale().decimalPoint())


def _localised(value: object) -> object:
    if isinstance(value, Reason):
        return reason_text(value)
    if isinstance(value, float):
        return _LocalDecimal(value)
    if isinstance(value, Unit):
        return unit_label(value)
    if hasattr(value, "name_en"):
        return ally_name(value)
    return value
