"""Row labels and header cells: which ally a country cell names, which year a header names.

A country cell is an ally, a region or total, another country, a name we do
not know (with the closest ally as a suggestion), or not a name at all. A
header cell names a year when it reads ``2025``, ``"2025e"``, ``"FY2025"``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from natoplanner.core.allies import Ally, AllyRegistry, normalise_name
from natoplanner.io.sources import country_names
from natoplanner.io.sources.numbers import is_missing_marker

FIRST_YEAR, LAST_YEAR = 1900, 2100
MAX_LABEL_CHARS = 120


class LabelKind(StrEnum):
    ALLY = "ally"
    REGION = "region or total"
    OTHER_COUNTRY = "not a NATO ally"
    UNKNOWN = "unknown name"
    BLANK = "blank"
    NOT_A_NAME = "not a country name"


@dataclass(frozen=True)
class LabelMatch:
    kind: LabelKind
    text: str
    ally: Ally | None = None
    suggestion: Ally | None = None


_FOOTNOTE = re.compile(r"(\s*(\[[a-z0-9]{1,3}\]|\([a-z0-9]\)|[*†‡§¶#]+|\d))+$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"[\t\r\n]+")


def clean_label(cell: object) -> str:
    """Label text without footnote marks or surrounding spaces; line breaks become spaces.

    Other control characters are kept (``Pol\\x00and`` is not Poland): the
    label is then no name, and messages show it escaped (:func:`shown`).
    """
    if isinstance(cell, float):
        return ""
    text = _LINE_BREAKS.sub(" ", str(cell)).strip()
    return _FOOTNOTE.sub("", text).strip() if len(text) <= MAX_LABEL_CHARS else text


def shown(text: str, limit: int = 60) -> str:
    """``text`` for a message: control characters escaped (\\x00), cut at ``limit``."""
    escaped = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))
    escaped = "".join(
        ch if ch.isprintable() or ch == " " else f"\\u{ord(ch):04x}" for ch in escaped
    )
    return escaped if len(escaped) <= limit else escaped[: limit - 1] + "…"


def classify_label(cell: object, registry: AllyRegistry) -> LabelMatch:
    """Is this country cell an ally, a region or total, another country, or unknown?"""
    text = clean_label(cell)
    if not text or is_missing_marker(text):
        return LabelMatch(LabelKind.BLANK, text)
    if (
        len(text) > MAX_LABEL_CHARS
        or text.startswith(("=", "+", "@"))
        or not any(c.isalpha() for c in text)
    ):
        return LabelMatch(LabelKind.NOT_A_NAME, text)
    if _CONTROL.search(text):
        # Never matched after removing the characters: "Pol\x00and" may be a
        # corrupted cell of any row, so it is reported, with Poland as a hint only.
        return LabelMatch(
            LabelKind.UNKNOWN, text, suggestion=registry.match(_CONTROL.sub("", text))
        )
    ally = registry.match(text)
    if ally is not None:
        return LabelMatch(LabelKind.ALLY, text, ally)
    # Countries before regions: "Central African Republic" and "South Africa"
    # hold a region word but are countries.
    if country_names.is_other_country(text):
        return LabelMatch(LabelKind.OTHER_COUNTRY, text)
    if country_names.is_region_or_total(text):
        return LabelMatch(LabelKind.REGION, text)
    return LabelMatch(LabelKind.UNKNOWN, text, suggestion=_close_ally(text, registry))


def _close_ally(text: str, registry: AllyRegistry) -> Ally | None:
    """The closest ally, only when the distinctive words are close (not "Republic" alone)."""
    suggestion = registry.suggest(text)
    if suggestion is None:
        return None
    names = [suggestion.name_en, suggestion.name_fr, *suggestion.aliases]
    best = max(_likeness(text, name) for name in names if name)
    return suggestion if best >= 0.75 else None


def _likeness(text: str, name: str) -> float:
    mine, theirs = country_names.distinctive_words(text), country_names.distinctive_words(name)
    if not mine or not theirs:
        mine, theirs = normalise_name(text), normalise_name(name)
    return difflib.SequenceMatcher(None, mine, theirs).ratio()


_YEAR_TEXT = re.compile(
    r"^(?:fy\s*|year\s*|an\s*)?((?:19|20|21)\d\d)\s*(e|est|\*|f|p|b|prov)?\.?$", re.IGNORECASE
)


def year_from_header(cell: object) -> int | None:
    """The year a header cell names: 2025, 2025.0, "2025", "2025e", "FY2025"; else None."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, (int, float)):
        if math.isfinite(cell) and float(cell).is_integer() and FIRST_YEAR <= cell <= LAST_YEAR:
            return int(cell)
        return None
    if isinstance(cell, (dt.date, dt.datetime)):
        return None
    match = _YEAR_TEXT.match(str(cell).strip())
    return int(match.group(1)) if match else None


def year_headers(row: list[object]) -> list[tuple[int, int]]:
    """(column, year) pairs of a row that reads like a header of distinct, ordered years."""
    pairs = [(c, y) for c, cell in enumerate(row) if (y := year_from_header(cell)) is not None]
    years = [y for _, y in pairs]
    if len(years) == 1:
        # One year column counts only beside a column headed "Country" (or similar).
        named = any(isinstance(c, str) and normalise_name(c) in COUNTRY_HEADER_NAMES for c in row)
        return pairs if named else []
    if len(set(years)) < 2:
        return []
    steps = np.diff(years)
    if not (np.all(steps > 0) or np.all(steps < 0)):
        # A data row of integers can look like years; real headers are ordered.
        return []
    return pairs


YEAR_HEADER_NAMES = {
    "year",
    "years",
    "annee",
    "annees",
    "time",
    "period",
    "time period",
    "yr",
    "date",
    "jahr",
    "ano",
}
VALUE_HEADER_NAMES = {
    "value",
    "values",
    "obs value",
    "valeur",
    "amount",
    "montant",
    "data",
    "figure",
    "wert",
}
COUNTRY_HEADER_NAMES = {
    "country",
    "countries",
    "country name",
    "pays",
    "ally",
    "allies",
    "nation",
    "state",
    "iso",
    "iso3",
    "iso code",
    "country code",
    "code",
    "ref area",
    "member",
    "location",
    "land",
}
