"""The ally registry against the facts: NATO's 32 members, their codes and names.

Expected values are written out from public references (ISO 3166-1, NATO's
member list, the euro-area membership dates in SOURCES.md), not read from
``allies.csv`` or the registry itself.
"""

from __future__ import annotations

import pytest

from natoplanner.core.allies import AllyRegistry, UnknownAllyError

# ISO3 -> (ISO2, English short name) for the 32 allies (ISO 3166-1; NATO's names).
ALLIES = {
    "ALB": ("AL", "Albania"),
    "BEL": ("BE", "Belgium"),
    "BGR": ("BG", "Bulgaria"),
    "CAN": ("CA", "Canada"),
    "HRV": ("HR", "Croatia"),
    "CZE": ("CZ", "Czechia"),
    "DNK": ("DK", "Denmark"),
    "EST": ("EE", "Estonia"),
    "FIN": ("FI", "Finland"),
    "FRA": ("FR", "France"),
    "DEU": ("DE", "Germany"),
    "GRC": ("GR", "Greece"),
    "HUN": ("HU", "Hungary"),
    "ISL": ("IS", "Iceland"),
    "ITA": ("IT", "Italy"),
    "LVA": ("LV", "Latvia"),
    "LTU": ("LT", "Lithuania"),
    "LUX": ("LU", "Luxembourg"),
    "MNE": ("ME", "Montenegro"),
    "NLD": ("NL", "Netherlands"),
    "MKD": ("MK", "North Macedonia"),
    "NOR": ("NO", "Norway"),
    "POL": ("PL", "Poland"),
    "PRT": ("PT", "Portugal"),
    "ROU": ("RO", "Romania"),
    "SVK": ("SK", "Slovakia"),
    "SVN": ("SI", "Slovenia"),
    "ESP": ("ES", "Spain"),
    "SWE": ("SE", "Sweden"),
    "TUR": ("TR", "Türkiye"),
    "GBR": ("GB", "United Kingdom"),
    "USA": ("US", "United States"),
}


@pytest.fixture(scope="module")
def registry() -> AllyRegistry:
    return AllyRegistry.bundled()


def test_thirty_two_allies_with_their_iso_codes(registry: AllyRegistry) -> None:
    assert len(registry) == 32
    assert set(registry.iso3_codes) == set(ALLIES)
    for ally in registry:
        iso2, name_en = ALLIES[ally.iso3]
        assert (ally.iso2, ally.name_en) == (iso2, name_en)
        assert registry.get(ally.iso3) is ally
        assert registry.iso3_codes[registry.index_of(ally.iso3)] == ally.iso3


@pytest.mark.parametrize(
    ("iso3", "name_fr"),
    [
        ("DEU", "Allemagne"),
        ("USA", "États-Unis"),
        ("GBR", "Royaume-Uni"),
        ("NLD", "Pays-Bas"),
        ("MKD", "Macédoine du Nord"),
        ("GRC", "Grèce"),
        ("NOR", "Norvège"),
        ("ESP", "Espagne"),
    ],
)
def test_french_names(registry: AllyRegistry, iso3: str, name_fr: str) -> None:
    ally = registry.get(iso3)
    assert ally.name_fr == name_fr
    assert ally.name("fr") == name_fr
    assert ally.name("en") == ALLIES[iso3][1]


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        # codes, any case and with stray spaces
        ("DEU", "DEU"),
        ("de", "DEU"),
        (" pol ", "POL"),
        ("GB", "GBR"),
        ("EL", "GRC"),  # Eurostat's code for Greece
        # English and French short names, with or without accents
        ("Germany", "DEU"),
        ("Allemagne", "DEU"),
        ("Etats-Unis", "USA"),
        ("Royaume-Uni", "GBR"),
        ("Pays-Bas", "NLD"),
        ("Macédoine du Nord", "MKD"),
        # aliases found in other sources
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Turquie", "TUR"),
        ("Czech Republic", "CZE"),
        ("République tchèque", "CZE"),
        ("Czechia", "CZE"),
        ("United States of America", "USA"),
        ("United States", "USA"),
        ("USA", "USA"),
        ("UK", "GBR"),
        ("United Kingdom", "GBR"),
        ("Slovak Republic", "SVK"),
        ("Macedonia", "MKD"),
        ("North Macedonia", "MKD"),
        ("The Netherlands", "NLD"),
        ("NETHERLANDS", "NLD"),
    ],
)
def test_match_codes_names_and_aliases(registry: AllyRegistry, text: str, iso3: str) -> None:
    ally = registry.match(text)
    assert ally is not None, text
    assert ally.iso3 == iso3
    assert registry.resolve(text).iso3 == iso3


@pytest.mark.parametrize(
    "text",
    ["Austria", "Ireland", "Switzerland", "Ukraine", "Malta", "AT", "IE", "CH", "UA", "", "XYZ"],
)
def test_non_members_are_not_matched(registry: AllyRegistry, text: str) -> None:
    assert registry.match(text) is None
    with pytest.raises(UnknownAllyError) as caught:
        registry.resolve(text)
    assert "not a NATO ally" in str(caught.value)
    assert caught.value.text == text


def test_match_none_is_none(registry: AllyRegistry) -> None:
    assert registry.match(None) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("typo", "iso3"),
    [
        ("Germny", "DEU"),
        ("Polland", "POL"),
        ("Lithuana", "LTU"),
        ("Nederlands", "NLD"),
        ("Portugall", "PRT"),
    ],
)
def test_misspellings_get_a_suggestion(registry: AllyRegistry, typo: str, iso3: str) -> None:
    assert registry.match(typo) is None
    assert registry.suggest(typo).iso3 == iso3
    with pytest.raises(UnknownAllyError) as caught:
        registry.resolve(typo)
    assert caught.value.suggestion is not None and caught.value.suggestion.iso3 == iso3
    assert f"({iso3})" in str(caught.value)  # the message names the suggestion


def test_unknown_code_raises_naming_it(registry: AllyRegistry) -> None:
    with pytest.raises(UnknownAllyError, match="'ZZZ'"):
        registry.get("ZZZ")
    with pytest.raises(UnknownAllyError):
        registry.index_of("deu")  # index_of takes the exact ISO3 code


def test_iceland_has_no_armed_forces_and_is_the_only_one(registry: AllyRegistry) -> None:
    assert [a.iso3 for a in registry if a.no_armed_forces] == ["ISL"]


def test_currencies_as_in_nato_tables(registry: AllyRegistry) -> None:
    # NATO's 2026 tables give Bulgaria and Croatia in euros for every year
    # (SOURCES.md §1); the other non-euro allies keep their own currency.
    expected = {
        "BGR": "EUR",
        "HRV": "EUR",
        "MNE": "EUR",
        "DEU": "EUR",
        "EST": "EUR",
        "POL": "PLN",
        "CZE": "CZK",
        "HUN": "HUF",
        "ROU": "RON",
        "ALB": "ALL",
        "MKD": "MKD",
        "DNK": "DKK",
        "NOR": "NOK",
        "SWE": "SEK",
        "TUR": "TRY",
        "GBR": "GBP",
        "USA": "USD",
        "CAN": "CAD",
    }
    for iso3, currency in expected.items():
        assert registry.get(iso3).currency == currency, iso3
    euro_users = {a.iso3 for a in registry if a.currency == "EUR"}
    assert len(euro_users) == 18  # 17 euro-area allies incl. HRV and BGR, plus Montenegro


def test_accession_years(registry: AllyRegistry) -> None:
    expected = {
        "USA": 1949,
        "GRC": 1952,
        "TUR": 1952,
        "DEU": 1955,
        "ESP": 1982,
        "POL": 1999,
        "EST": 2004,
        "HRV": 2009,
        "MNE": 2017,
        "MKD": 2020,
        "FIN": 2023,
        "SWE": 2024,
    }
    for iso3, year in expected.items():
        assert registry.get(iso3).accession_year == year, iso3
    assert sum(a.accession_year == 1949 for a in registry) == 12  # the founding members


def test_europe_or_canada_split(registry: AllyRegistry) -> None:
    assert [a.iso3 for a in registry if not a.is_europe_or_canada] == ["USA"]
