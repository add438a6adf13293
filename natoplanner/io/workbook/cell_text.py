"""Text and numbers in spreadsheet cells, both ways.

Writing: user-typed text must stay text (never a formula, whatever its first
character) and must survive XML, which cannot hold most control characters
and turns a carriage return into a line feed. OOXML's own escape
(``ST_Xstring``: ``_xHHHH_``) is used, as Excel does, so Excel and LibreOffice
show the original characters.

Reading: people type numbers as text ("2,5", "2.5 %", "1 234,5") or clear a
cell; :func:`parse_number` reads the forms that mean one number in any
locale and refuses the others ("2,500": 2.5 or 2500?).
"""

from __future__ import annotations

import math
import re

# Characters XML 1.0 cannot carry literally (or that parsers normalise: CR).
_NEEDS_ESCAPE = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")

#: First characters that make a spreadsheet (or a CSV export of it) treat text as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def escape_text(text: str) -> str:
    """Encode ``text`` for an OOXML string cell (``_xHHHH_`` escapes)."""

    def encode(match: re.Match[str]) -> str:
        return f"_x{ord(match.group(0)):04X}_"

    return _NEEDS_ESCAPE.sub(encode, text)


def unescape_text(text: str) -> str:
    """Decode ``_xHHHH_`` escapes written by :func:`escape_text`, Excel or LibreOffice."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula."""
    return text.startswith(FORMULA_TRIGGERS)


_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_GROUPED_BY_SPACES = re.compile(r"\d[\s\u00a0\u202f\u2009']\d{3}(?!\d)")
_THOUSANDS_GROUPS = re.compile(r"[+-]?\d{1,3}(?:[.,]\d{3})+")


class AmbiguousNumberError(ValueError):
    """Text such as "2,500" or "260.000": decimal or thousands separator, by locale."""


def parse_number(value: object, *, percent_sign: bool = True) -> float | None:
    """A cell's number, or None for an empty cell.

    Numbers are taken as they are. Text is read only when it can mean one
    number whatever the locale of whoever typed it: ``"2.5"``, ``"2,5"``,
    ``" 1 234,5 "``, ``"1,234.5"``, ``"1.234.567"``, ``"2.5%"`` (the % sign
    is dropped, as the cells already hold percent, unless ``percent_sign`` is
    False). A single separator followed by exactly three digits ("2,500",
    "260.000") is English thousands or a European decimal: it raises
    :class:`AmbiguousNumberError`. Raises ValueError for anything else
    (words, booleans, NaN).
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("a true/false value")
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        number = _number_from_text(value, percent_sign)
        if number is None:
            return None
    else:
        raise ValueError(f"a {type(value).__name__}")
    if not math.isfinite(number):
        raise ValueError("a number that is not finite")
    return number


def _number_from_text(value: str, percent_sign: bool) -> float | None:
    stripped = value.strip().lstrip("'")
    grouped_by_spaces = bool(_GROUPED_BY_SPACES.search(stripped))
    text = _SPACES.sub("", stripped).replace("\u2212", "-")
    if text.endswith("%"):
        if not percent_sign:
            raise ValueError("a percentage, in a cell that is not in %")
        text = text[:-1]
    if not text:
        return None
    commas, points = text.count(","), text.count(".")
    if commas and points:
        # The later separator is the decimal one: "1,234.5" or "1.234,5".
        decimal = "." if text.rfind(",") < text.rfind(".") else ","
        thousands = "," if decimal == "." else "."
        whole = text[: text.rfind(decimal)]
        if text.count(decimal) > 1 or not _THOUSANDS_GROUPS.fullmatch(whole):
            raise ValueError("text that is not a number")
        text = whole.replace(thousands, "") + "." + text[text.rfind(decimal) + 1 :]
    elif commas + points > 1:
        separator = "," if commas else "."
        if not _THOUSANDS_GROUPS.fullmatch(text):
            raise ValueError("text that is not a number")
        text = text.replace(separator, "")
    elif commas + points == 1:
        separator = "," if commas else "."
        whole, fraction = text.split(separator)
        digits = whole.lstrip("+-")
        ambiguous = len(fraction) == 3 and fraction.isdigit() and digits.isdigit()
        if ambiguous and digits != "0" and not grouped_by_spaces:
            raise AmbiguousNumberError(
                f"'{value.strip()}' is {int(digits + fraction):,} where '{separator}' separates "
                f"thousands and {float(digits + '.' + fraction):g} where it is the decimal sign"
            )
        text = f"{whole}.{fraction}"
    try:
        return float(text)
    except ValueError:
        raise ValueError("text that is not a number") from None


def parse_text(value: object) -> str:
    """A cell's text ('' for an empty cell), escapes decoded; numbers as typed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unescape_text(str(value))
