"""Text and numbers in spreadsheet cells, both ways.

Writing: user-typed text must stay text (never a formula, whatever its first
character) and must survive XML, which cannot hold most control characters
and turns a carriage return into a line feed. OOXML's own escape
(``ST_Xstring``: ``_xHHHH_``) is used, as Excel does, so Excel and LibreOffice
show the original characters.

Reading: people type numbers as text ("2,5", "2.5 %", "1 234,5") or clear a
cell; :func:`parse_number` accepts all of these.
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


def parse_number(value: object) -> float | None:
    """A cell's number, or None for an empty cell.

    Accepts numbers and text such as ``"2.5"``, ``"2,5"``, ``" 1 234,5 "``,
    ``"1,234.5"``, ``"2.5%"`` (the % sign is dropped: the cells already hold
    percent). Raises ValueError for anything else (words, booleans, NaN).
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("a true/false value")
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        text = _SPACES.sub("", value).removesuffix("%")
        if not text:
            return None
        if "," in text and "." in text:
            # The later separator is the decimal one: "1,234.5" or "1.234,5".
            thousands = "," if text.rfind(",") < text.rfind(".") else "."
            text = text.replace(thousands, "")
        text = text.replace(",", ".").replace("\u2212", "-")
        try:
            number = float(text)
        except ValueError:
            raise ValueError("text that is not a number") from None
    else:
        raise ValueError(f"a {type(value).__name__}")
    if not math.isfinite(number):
        raise ValueError("a number that is not finite")
    return number


def parse_text(value: object) -> str:
    """A cell's text ('' for an empty cell), escapes decoded; numbers as typed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unescape_text(str(value))
