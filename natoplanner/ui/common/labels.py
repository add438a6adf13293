"""Translated labels for values that core/ describes in English.

core/ knows nothing of Qt or languages: ``CorePolicy.describe()`` says "ramp
to 3.5% by 2035", the dataset names its edition "NATO 2026 edition…". The
window shows these through the functions here, in the interface language and
with numbers in the UI locale ("rampe vers 3,5 % en 2035").
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from natoplanner.core.indicators.basis import ShareBasis
from natoplanner.core.indicators.path_facts import MIN_TIMED_INCREASE_PP, PathFacts
from natoplanner.core.scenario import (
    BudgetPolicy,
    CorePolicy,
    DeflatorSource,
    Measure,
    RelatedPolicy,
    RelatedTrack,
    Scenario,
)
from natoplanner.ui.common.formatting import number, percent

_CONTEXT = "Labels"

#: Data labels from core/dataset.py, marked for Qt Linguist; unknown ones pass through.
DATA_LABELS = (
    QT_TRANSLATE_NOOP("Labels", "NATO 2026 edition (2014-2026), cut-off 2026-07-03"),
    QT_TRANSLATE_NOOP("Labels", "IMF WEO April 2026"),
    QT_TRANSLATE_NOOP("Labels", "IMF WEO October 2025"),
    QT_TRANSLATE_NOOP("Labels", "IMF WEO April 2025"),
)


def tr(text: str) -> str:
    """``text`` (marked with QT_TRANSLATE_NOOP("Labels", …)) in the interface language."""
    return QCoreApplication.translate(_CONTEXT, text)


def data_label(text: str) -> str:
    """A dataset edition or forecast vintage name in the interface language."""
    return tr(text)


def _pct(value_pct: float) -> str:
    """A share or rate with as few decimals as it needs (2 → "2%", 3.5 → "3.5%" / "3,5 %")."""
    decimals = next((d for d in range(3) if abs(round(value_pct, d) - value_pct) < 1e-9), 2)
    return percent(value_pct, decimals)


def core_policy_label(policy: CorePolicy) -> str:
    """A short label such as "ramp to 3.5% by 2035", in the interface language."""
    match policy.kind:
        case BudgetPolicy.EXPLICIT:
            return tr(QT_TRANSLATE_NOOP("Labels", "explicit amounts"))
        case BudgetPolicy.NOMINAL_GROWTH:
            return tr(QT_TRANSLATE_NOOP("Labels", "nominal growth %1/yr")).replace(
                "%1", _pct(policy.rate_pct)
            )
        case BudgetPolicy.REAL_GROWTH:
            return tr(QT_TRANSLATE_NOOP("Labels", "real growth %1/yr")).replace(
                "%1", _pct(policy.rate_pct)
            )
        case BudgetPolicy.CONSTANT_SHARE:
            if policy.share_pct is None:
                return tr(QT_TRANSLATE_NOOP("Labels", "hold base-year share"))
            return tr(QT_TRANSLATE_NOOP("Labels", "hold %1 of GDP")).replace(
                "%1", _pct(policy.share_pct)
            )
        case BudgetPolicy.RAMP_TO_TARGET:
            text = tr(QT_TRANSLATE_NOOP("Labels", "ramp to %1 by %2"))
            return text.replace("%1", _pct(policy.target_pct)).replace(
                "%2", str(policy.target_year)
            )
    raise AssertionError(policy.kind)


def related_policy_label(track: RelatedTrack) -> str:
    """A short label for the related-spending track ("not set", "hold 1% of GDP"…)."""
    match track.kind:
        case RelatedPolicy.NOT_SET:
            return tr(QT_TRANSLATE_NOOP("Labels", "not set"))
        case RelatedPolicy.CONSTANT_SHARE:
            return tr(QT_TRANSLATE_NOOP("Labels", "hold %1 of GDP")).replace(
                "%1", _pct(track.share_pct)
            )
        case RelatedPolicy.RAMP_TO_TARGET:
            text = tr(QT_TRANSLATE_NOOP("Labels", "ramp %1 → %2 by %3"))
            return (
                text.replace("%1", _pct(track.share_pct))
                .replace("%2", _pct(track.target_pct))
                .replace("%3", str(track.target_year))
            )
    raise AssertionError(track.kind)


def path_facts_text(facts: PathFacts) -> str:
    """The three facts of a path in the interface language (DESIGN §4), e.g.
    "reaches 3.5% by 2035; incremental; 33% of the increase by 2029 (linear path: 33%)"."""
    if not facts.has_path:
        return tr(QT_TRANSLATE_NOOP("Labels", "no armed forces: no target path"))
    # French puts a space before the semicolon.
    separator = tr(QT_TRANSLATE_NOOP("Labels", "; "))
    return separator.join(_fact_texts(facts))


def _fact_texts(facts: PathFacts) -> list[str]:
    target, year = _pct(facts.target_pct), str(facts.target_year)
    if facts.already_met:
        reached = tr(QT_TRANSLATE_NOOP("Labels", "at or above %1 in the base year"))
    elif facts.reaches_target:
        reached = tr(QT_TRANSLATE_NOOP("Labels", "reaches %1 by %2"))
    else:
        reached = tr(QT_TRANSLATE_NOOP("Labels", "does not reach %1 by %2"))
    texts = [reached.replace("%1", target).replace("%2", year)]
    if facts.incremental:
        texts.append(tr(QT_TRANSLATE_NOOP("Labels", "incremental")))
    else:
        texts.append(
            tr(QT_TRANSLATE_NOOP("Labels", "share falls in %1")).replace(
                "%1", str(facts.first_year_falls)
            )
        )
    if facts.share_of_increase_by_review is not None:
        text = tr(QT_TRANSLATE_NOOP("Labels", "%1 of the increase by %2 (linear path: %3)"))
        texts.append(
            text.replace("%1", percent(100 * facts.share_of_increase_by_review, 0))
            .replace("%2", str(facts.review_year))
            .replace("%3", percent(100 * facts.linear_share_of_increase, 0))
        )
        if facts.back_loaded:
            text = tr(
                QT_TRANSLATE_NOOP(
                    "Labels", "back-loaded: below %1 of the linear part (this tool's heuristic)"
                )
            )
            texts.append(text.replace("%1", percent(100 * facts.backload_fraction, 0)))
    elif facts.small_increase:
        text = tr(
            QT_TRANSLATE_NOOP(
                "Labels", "needs less than %1 pp more: timing not reported (this tool's heuristic)"
            )
        )
        texts.append(text.replace("%1", number(MIN_TIMED_INCREASE_PP, 1)))
    return texts


def path_facts_short(facts: PathFacts) -> str:
    """The facts in a few words for a table cell ("✓ 2035 · 33%/33%", "✗ 2035")."""
    if not facts.has_path:
        return "—"
    mark = "✓" if facts.reaches_target else "✗"
    words = [f"{mark} {facts.target_year}"]
    if not facts.incremental:
        words.append(
            tr(QT_TRANSLATE_NOOP("Labels", "falls %1")).replace("%1", str(facts.first_year_falls))
        )
    if facts.share_of_increase_by_review is not None:
        done = percent(100 * facts.share_of_increase_by_review, 0)
        linear = percent(100 * facts.linear_share_of_increase, 0)
        words.append(f"{done}/{linear}")
        if facts.back_loaded:
            words.append(tr(QT_TRANSLATE_NOOP("Labels", "back-loaded")))
    return " · ".join(words)


def path_facts_severity(facts: PathFacts) -> int:
    """A sort key: 0 no concern … 3 does not reach; -1 no path."""
    if not facts.has_path:
        return -1
    return (
        (0 if facts.reaches_target else 3)
        + (0 if facts.incremental else 1)
        + (1 if facts.back_loaded else 0)
    )


def share_basis_text(basis: ShareBasis) -> str:
    """What an ally's share is measured against, in the interface language ("" if GDP on
    one basis): Luxembourg's GNI; the Netherlands' NATO-basis and cash shares."""
    parts = []
    if basis.denominator != "GDP":
        parts.append(
            tr(
                QT_TRANSLATE_NOOP(
                    "Labels",
                    "share of %1, not GDP: NATO measures it against %1 (its GDP path is %1)",
                )
            ).replace("%1", denominator_label(basis.denominator))
        )
    if basis.cash_share_pct is not None:
        text = tr(QT_TRANSLATE_NOOP("Labels", "NATO basis %1 (constant prices), cash ÷ %3 %2"))
        parts.append(
            text.replace("%1", percent(basis.headline_share_pct))
            .replace("%2", percent(basis.cash_share_pct))
            .replace("%3", denominator_label(basis.denominator))
        )
    return tr(QT_TRANSLATE_NOOP("Labels", "; ")).join(parts)


#: The measures a share is taken of, as the core names them, in the interface language.
_DENOMINATORS = {
    "GDP": QT_TRANSLATE_NOOP("Labels", "GDP"),
    "GNI": QT_TRANSLATE_NOOP("Labels", "GNI"),
}


def denominator_label(name: str) -> str:
    """ "GDP" or "GNI" in the interface language ("PIB", "RNB"); others pass through."""
    return tr(_DENOMINATORS[name]) if name in _DENOMINATORS else name


def exchange_rate_text(scenario: Scenario) -> str:
    """How current-USD amounts are converted, in the interface language: "relative PPP
    from the deflator paths; typed for 2 allies" (``aggregates.exchange_rate_label``)."""
    typed = scenario.allies_with_inputs(Measure.EXCHANGE_RATE)
    if not typed:
        return tr(QT_TRANSLATE_NOOP("Labels", "relative PPP from the deflator paths"))
    return tr(
        QT_TRANSLATE_NOOP("Labels", "relative PPP from the deflator paths; typed for %1 ally(s)")
    ).replace("%1", str(typed))


def deflator_text(scenario: Scenario) -> str:
    """The deflator in use, in the interface language: "IMF WEO April 2026 CPI (stand-in
    for the GDP deflator; typed years where set)", or NATO's implied deflator with the
    years it averages (the words of ``core.indicators.basis.deflator_label``)."""
    vintage = data_label(scenario.gdp_vintage)
    if scenario.deflator_source is DeflatorSource.NATO_HISTORY:
        first, last = scenario.dataset.nato_deflator_years()
        return (
            tr(
                QT_TRANSLATE_NOOP(
                    "Labels",
                    "NATO implied GDP deflator (each year's to %1, then the %2-%1 average; "
                    "%3 where NATO has none; typed years where set)",
                )
            )
            .replace("%1", str(last))
            .replace("%2", str(first))
            .replace("%3", vintage)
        )
    if scenario.vintages_used()[1].price_basis == "GDP deflator":
        text = QT_TRANSLATE_NOOP("Labels", "%1 GDP deflator (typed years where set)")
    else:
        text = QT_TRANSLATE_NOOP(
            "Labels", "%1 CPI (stand-in for the GDP deflator; typed years where set)"
        )
    return tr(text).replace("%1", vintage)
