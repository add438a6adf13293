"""Numbers for people: locale-aware formatting and parsing (files keep plain numbers)."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QCoreApplication, QLocale

from natoplanner.io.sources.numbers import NumberTextError
from natoplanner.io.sources.numbers import parse_number as parse_source_number

DASH = "—"


def is_missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(value: float | None, decimals: int = 2, locale: QLocale | None = None) -> str:
    """``value`` with group separators in the UI locale, or a dash when missing."""
    if is_missing(value):
        return DASH
    return (locale or QLocale()).toString(float(value), "f", decimals)


def percent(value: float | None, decimals: int = 2, locale: QLocale | None = None) -> str:
    """A share in percent: "3.50%" in English, "3,50 %" in French."""
    if is_missing(value):
        return DASH
    locale = locale or QLocale()
    text = number(value, decimals, locale)
    sign = locale.percent()
    return (
        f"{text}\u202f{sign}" if locale.language() == QLocale.Language.French else f"{text}{sign}"
    )


def parse_number(text: str, locale: QLocale | None = None) -> float | None:
    """What a user typed as a number, or None when it is not one or is ambiguous.

    See :func:`read_number` for the rules and the reason a text is refused.
    """
    try:
        return read_number(text, locale)
    except NumberTextError:
        return None


def _tr(text: str) -> str:
    return QCoreApplication.translate("Formatting", text)


_THREE_AFTER = re.compile(r"^[-+]?\d{1,3}([.,]\d{3})+$")


def read_number(text: str, locale: QLocale | None = None) -> float:
    """The number typed in ``text``, in the UI locale, never a guess.

    The locale's decimal separator is the decimal one; the other separator
    may only group thousands ("1,500" in English is 1500). "1,5" in English
    could be 1.5 or 15: refused with the reason, as is "1.500" in French
    (1.5 or 1500). A plain point is accepted in French when it cannot be a
    group ("1.5"). A trailing % and spaces (thin, no-break) are ignored.

    Raises
    ------
    NumberTextError
        With ``reason`` worded for the user, shown at the cell.
    """
    locale = locale or QLocale()
    decimal = "," if locale.decimalPoint() == "," else "."
    other = "." if decimal == "," else ","
    cleaned = text.strip().rstrip("%").strip()
    for space in (" ", "\u202f", "\xa0", "\u2009"):
        cleaned = cleaned.replace(space, "")
    if not cleaned:
        raise NumberTextError(text, "empty")
    if other in cleaned and decimal not in cleaned:
        if _THREE_AFTER.match(cleaned):
            if other == ",":  # English grouping: "1,500" is 1500
                return parse_source_number(cleaned, decimal)
            whole = float(cleaned.replace(".", ""))
            raise NumberTextError(
                text,
                _tr(
                    "“%1” is ambiguous: %2 or %3? Write the decimal with “%4” and no thousands separator"  # noqa: E501 (one translatable string)
                )
                .replace("%1", text.strip())
                .replace("%2", f"{whole:g}")
                .replace("%3", f"{float(cleaned):g}")
                .replace("%4", decimal),
            )
        if other == "." and cleaned.count(".") == 1:
            return parse_source_number(cleaned, ".")  # a plain point: 1.5
        raise NumberTextError(
            text,
            _tr("“%1” is not a number here: the decimal separator is “%2” (write %3)")
            .replace("%1", text.strip())
            .replace("%2", decimal)
            .replace("%3", cleaned.replace(other, decimal)),
        )
    return parse_source_number(cleaned, decimal)
