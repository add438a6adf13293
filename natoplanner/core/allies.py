"""The 32 NATO allies: codes, names in NATO's two languages, and aliases.

The registry is the single place where a country name or code found in a
spreadsheet becomes an ally. It is built from the bundled ``allies.csv`` plus
the aliases that real source files use (SIPRI, IMF, World Bank, national
offices) for the same countries.
"""

from __future__ import annotations

import csv
import difflib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from types import SimpleNamespace

from natoplanner.core.resources import data_path

#: Names other sources use for an ally, beyond ISO codes and the NATO English
#: and French short names in ``allies.csv``. Keys are ISO3 codes.
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "CZE": ("Czech Republic", "Czech Rep.", "Czechoslovakia (Czech Republic)", "Ceska republika"),
    "TUR": ("Turkey", "Turkiye", "Republic of Türkiye", "Republic of Turkey", "Türkei"),
    "USA": (
        "United States of America",
        "US",
        "U.S.",
        "U.S.A.",
        "United States (USA)",
        "America",
        "Etats-Unis d'Amerique",
    ),
    "GBR": (
        "UK",
        "U.K.",
        "Great Britain",
        "Britain",
        "United Kingdom of Great Britain and Northern Ireland",
    ),
    "MKD": (
        "Macedonia",
        "North Macedonia, Republic of",
        "Republic of North Macedonia",
        "FYR Macedonia",
        "FYROM",
        "Macedonia, FYR",
        "Former Yugoslav Republic of Macedonia",
    ),
    "NLD": ("The Netherlands", "Holland", "Netherlands, The", "Kingdom of the Netherlands"),
    "SVK": ("Slovak Republic",),
    "DEU": ("Federal Republic of Germany", "Deutschland"),
    "GRC": ("Hellas",),
    "ESP": ("Espana",),
    "LUX": ("Grand Duchy of Luxembourg",),
}


def normalise_name(text: str) -> str:
    """Fold a country name for matching: case, accents, punctuation, spaces."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    kept = "".join(ch if ch.isalnum() else " " for ch in ascii_only.casefold())
    words = [w for w in kept.split() if w not in {"the"}]
    return " ".join(words)


@dataclass(frozen=True)
class Ally:
    """One NATO ally.

    ``currency`` is the ISO 4217 code of the currency NATO's 2026 tables use
    for the ally's national-currency figures (EUR for Bulgaria and Croatia in
    every year, see SOURCES.md).
    """

    iso3: str
    iso2: str
    eurostat_code: str
    name_en: str
    name_fr: str
    accession_year: int
    currency: str
    legal_currency: str
    no_armed_forces: bool
    notes: str = ""
    aliases: tuple[str, ...] = field(default=(), compare=False)

    def name(self, language: str = "en") -> str:
        """The ally's short name in ``language`` ("en" or "fr")."""
        return self.name_fr if language.startswith("fr") else self.name_en

    @property
    def is_europe_or_canada(self) -> bool:
        """True for every ally but the United States (NATO's aggregate split)."""
        return self.iso3 != "USA"


class UnknownAllyError(KeyError):
    """A code or name that matches no ally. ``suggestion`` is the closest ally."""

    def __init__(self, text: str, suggestion: Ally | None) -> None:
        hint = f"; did you mean {suggestion.name_en} ({suggestion.iso3})?" if suggestion else ""
        super().__init__(f"'{text}' is not a NATO ally{hint}")
        self.text = text
        self.suggestion = suggestion

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class AllyRegistry:
    """All 32 allies, in NATO's alphabetical order, looked up by code or name."""

    def __init__(self, allies: Iterable[Ally]) -> None:
        self._allies: tuple[Ally, ...] = tuple(allies)
        self._index = {ally.iso3: i for i, ally in enumerate(self._allies)}
        self._by_key: dict[str, Ally] = {}
        for ally in self._allies:
            for key in (
                ally.iso3,
                ally.iso2,
                ally.eurostat_code,
                ally.name_en,
                ally.name_fr,
                *ally.aliases,
            ):
                self._by_key.setdefault(normalise_name(key), ally)

    @classmethod
    def bundled(cls) -> AllyRegistry:
        """The registry built from the bundled ``allies.csv``."""
        with data_path("allies.csv").open("r", encoding="utf-8", newline="") as handle:
            rows = [SimpleNamespace(**record) for record in csv.DictReader(handle)]
        allies = []
        for row in rows:
            aliases = tuple(a for a in (row.name_fr_alt,) if a) + EXTRA_ALIASES.get(row.iso3, ())
            allies.append(
                Ally(
                    iso3=row.iso3,
                    iso2=row.iso2,
                    eurostat_code=row.eurostat_code,
                    name_en=row.name,
                    name_fr=row.name_fr,
                    accession_year=int(row.nato_accession_year),
                    currency=row.currency_in_nato_2026_tables or row.currency_iso4217,
                    legal_currency=row.currency_iso4217,
                    no_armed_forces=row.no_armed_forces == "1",
                    notes=row.notes,
                    aliases=aliases,
                )
            )
        return cls(allies)

    def __iter__(self) -> Iterator[Ally]:
        return iter(self._allies)

    def __len__(self) -> int:
        return len(self._allies)

    @property
    def iso3_codes(self) -> tuple[str, ...]:
        return tuple(a.iso3 for a in self._allies)

    def index_of(self, iso3: str) -> int:
        """Row position of an ally (NATO order); raises :class:`UnknownAllyError`."""
        try:
            return self._index[iso3]
        except KeyError:
            raise UnknownAllyError(iso3, self.suggest(iso3)) from None

    def get(self, iso3: str) -> Ally:
        """The ally with ISO3 code ``iso3``; raises :class:`UnknownAllyError`."""
        return self._allies[self.index_of(iso3)]

    def match(self, text: str) -> Ally | None:
        """The ally a code or name (any language, any alias) refers to, or None."""
        if text is None:
            return None
        return self._by_key.get(normalise_name(text))

    def resolve(self, text: str) -> Ally:
        """Like :meth:`match` but raises :class:`UnknownAllyError` with a suggestion."""
        ally = self.match(text)
        if ally is None:
            raise UnknownAllyError(text, self.suggest(text))
        return ally

    def suggest(self, text: str) -> Ally | None:
        """The ally whose name or alias is closest to ``text``, if any is close."""
        key = normalise_name(text)
        if not key:
            return None
        close = difflib.get_close_matches(key, list(self._by_key), n=1, cutoff=0.6)
        return self._by_key[close[0]] if close else None
