"""Translated labels for values that core/ describes in English.

core/ knows nothing of Qt or languages: ``CorePolicy.describe()`` says "ramp
to 3.5% by 2035", the dataset names its edition "NATO 2026 edition…". The
window shows these through the functions here, in the interface language and
with numbers in the UI locale ("rampe vers 3,5 % en 2035").
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from natoplanner.core.projection import CredibilityIssue, Flag
from natoplanner.core.scenario import BudgetPolicy, CorePolicy, RelatedPolicy, RelatedTrack
from natoplanner.ui.common.formatting import percent

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


def credibility_text(issues: Sequence[CredibilityIssue]) -> str:
    """Why a path is flagged, in the interface language ("" when it is credible)."""
    # French puts a space before the semicolon.
    separator = tr(QT_TRANSLATE_NOOP("Labels", "; "))
    return separator.join(_issue_text(issue) for issue in issues)


def _issue_text(issue: CredibilityIssue) -> str:
    match issue.flag:
        case Flag.NO_PATH:
            return tr(QT_TRANSLATE_NOOP("Labels", "no armed forces: no target path"))
        case Flag.NOT_REACHED:
            text = tr(QT_TRANSLATE_NOOP("Labels", "does not reach %1 by %2"))
            return text.replace("%1", _pct(issue.target_pct)).replace("%2", str(issue.year))
        case Flag.FALLS:
            return tr(QT_TRANSLATE_NOOP("Labels", "share falls in %1")).replace(
                "%1", str(issue.year)
            )
        case Flag.BACKLOADED:
            text = tr(QT_TRANSLATE_NOOP("Labels", "only %1 of the increase by the %2 review"))
            done = percent(100 * issue.fraction, 0)
            return text.replace("%1", done).replace("%2", str(issue.year))
    raise AssertionError(issue.flag)
