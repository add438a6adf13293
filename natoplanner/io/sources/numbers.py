"""Numbers written as text: decimal comma or point, thousands separators, markers.

Spreadsheets and CSV files from ministries write ``1 234,5`` (French),
``1,234.5`` (English), ``1'234.5`` (Swiss), ``(12)`` for negatives and ``…``
or ``xxx`` for figures that do not exist. These helpers turn such text into
floats, and say precisely why when they cannot.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from natoplanner.io.reasons import Reason

#: Cell texts that mean "no figure" in the sources we read (SIPRI "..." = not
#: available and "xxx" = country did not exist; IMF/World Bank ".." and "n/a").
MISSING_MARKERS = frozenset(
    {
        "",
        "...",
        "…",
        "..",
        ".",
        "xxx",
        "x",
        "n/a",
        "na",
        "n.a.",
        "-",
        "–",
        "—",
        "nd",
        "n.d.",
        "#n/a",
        "s.o.",
    }
)

_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009'’_")
_MINUS = str.maketrans({"−": "-", "–": "-"})
# Group of 3 digits after the separator: "1,234" or "1.234" (ambiguous alone).
_THREE_AFTER = re.compile(r"^[-+]?\d{1,3}([.,])\d{3}$")
_PLAIN = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")


_GROUPED = {
    ",": re.compile(r"^\d{1,3}(,\d{3})+$"),
    ".": re.compile(r"^\d{1,3}(\.\d{3})+$"),
}


class NumberTextError(ValueError):
    """A text that is not a number; ``reason`` is worded for the user."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(reason)
        self.text = text
        self.reason = reason


def is_missing_marker(text: str) -> bool:
    """True for an empty cell or a marker such as "...", "xxx", "..", "n/a"."""
    return text.strip().casefold() in MISSING_MARKERS


def detect_decimal(texts: Iterable[str], limit: int = 5000) -> str | None:
    """Guess the decimal separator of number texts: "." or ",", None if no evidence.

    Evidence is a cell with both separators (the last one is the decimal), or
    a separator followed by other than three digits ("4,25" or "4.5").
    "1,234" alone is ambiguous and counts for neither.
    """
    votes = {".": 0, ",": 0}
    for i, raw in enumerate(texts):
        if i >= limit:
            break
        text = raw.strip().translate(_SPACES).translate(_MINUS).strip("()%")
        if not text or not any(ch.isdigit() for ch in text):
            continue
        has_point, has_comma = "." in text, "," in text
        if has_point and has_comma:
            votes[max((".", ","), key=text.rfind)] += 1
        elif has_point or has_comma:
            sep = "." if has_point else ","
            if text.count(sep) == 1 and not _THREE_AFTER.match(text):
                votes[sep] += 1
    if votes["."] == votes[","]:
        return None
    return "." if votes["."] > votes[","] else ","


def parse_number(text: str, decimal: str | None = ".") -> float:
    """The number in ``text``.

    Parameters
    ----------
    text : str
        Cell text: optional sign or parentheses for negatives, thousands
        separators (space, no-break space, apostrophe, or the separator that
        is not ``decimal``), a trailing "%" (ignored: the caller knows the unit).
    decimal : str or None
        "." or ","; None when unknown, in which case "1,234" (ambiguous)
        raises instead of guessing.

    Raises
    ------
    NumberTextError
        When the text is not a finite number, with the reason.
    """
    original = text
    cleaned = text.strip().translate(_MINUS)
    negative = cleaned.startswith("(") and cleaned.endswith(")")
    cleaned = cleaned.strip("()").strip()
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1].strip()
    cleaned = cleaned.translate(_SPACES)
    if not cleaned:
        raise NumberTextError(original, Reason("empty"))
    if cleaned.casefold() in {"nan", "inf", "+inf", "-inf", "infinity", "-infinity"}:
        raise NumberTextError(original, Reason("not a finite number"))
    if decimal is None:
        if _THREE_AFTER.match(cleaned):
            whole = cleaned.replace(",", "").replace(".", "")
            point = cleaned.replace(",", ".")
            raise NumberTextError(
                original,
                Reason(
                    "ambiguous: '{text}' could be {whole:g} or {point:g}, and no other cell of "
                    "the column shows which separator is the decimal one; write it as {whole:g} "
                    "or {point:g}",
                    text=original,
                    whole=float(whole),
                    point=float(point),
                ),
            )
        decimal = detect_decimal([cleaned]) or "."
    thousands = "," if decimal == "." else "."
    if decimal in cleaned and cleaned.rfind(thousands) > cleaned.find(decimal):
        raise NumberTextError(
            original,
            Reason(
                "'{text}' mixes separators (decimal '{decimal}' before '{thousands}')",
                text=original,
                decimal=decimal,
                thousands=thousands,
            ),
        )
    if thousands in cleaned and not _GROUPED[thousands].match(
        cleaned.split(decimal)[0].lstrip("+-")
    ):
        # "4.5" read with a decimal comma, or "1,5" with a decimal point: the
        # other separator only ever groups three digits.
        raise NumberTextError(
            original,
            Reason(
                "'{text}' does not fit the decimal point of this column: ',' here can only "
                "group thousands (1,234)"
                if decimal == "."
                else "'{text}' does not fit the decimal comma of this column: '.' here can only "
                "group thousands (1.234)",
                text=_clip(original),
            ),
        )
    cleaned = cleaned.replace(thousands, "").replace(decimal, ".")
    if not _PLAIN.match(cleaned):
        raise NumberTextError(original, Reason("'{text}' is not a number", text=_clip(original)))
    value = float(cleaned)
    if not math.isfinite(value):
        raise NumberTextError(original, Reason("not a finite number"))
    return -value if negative else value


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
