"""Numbers for people: locale-aware formatting and parsing (files keep plain numbers)."""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale

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
    """Parse what a user typed, in the UI locale or with a plain point; None if not a number.

    A trailing % sign and spaces (thin, non-breaking) are ignored.
    """
    cleaned = text.strip().rstrip("%").replace("\u202f", "").replace("\xa0", "").strip()
    if not cleaned:
        return None
    value, ok = (locale or QLocale()).toDouble(cleaned)
    if ok:
        return value
    try:
        return float(cleaned.replace(",", ""))
    except ValueError:
        return None
