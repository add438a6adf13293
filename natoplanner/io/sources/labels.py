"""Row labels and header cells: which ally a country cell names, which year a header names.

A country cell is an ally, a region or total, another country, a name we do
not know (with the closest ally as a suggestion), or not a name at all. A
header cell names a year when it reads ``2025``, ``"2025e"``, ``"FY2025"``.
"""

from __future__ import annotations

import datetime as dt
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
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean_label(cell: object) -> str:
    """Label text without control characters, footnote marks or surrounding spaces."""
    if isinstance(cell, float):
        return ""
    text = _CONTROL.sub("", str(cell)).strip()
    return _FOOTNOTE.sub("", text).strip() if len(text) <= MAX_LABEL_CHARS else text


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
    ally = registry.match(text)
    if ally is not None:
        return LabelMatch(LabelKind.ALLY, text, ally)
    if country_names.is_region_or_total(text):
        return LabelMatch(LabelKind.REGION, text)
    if country_names.is_other_country(text):
        return LabelMatch(LabelKind.OTHER_COUNTRY, text)
    return LabelMatch(LabelKind.UNKNOWN, text, suggestion=registry.suggest(text))


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
