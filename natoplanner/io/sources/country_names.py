"""Names in source files that are not allies: other countries, regions, totals.

SIPRI, World Bank and IMF tables list every country and group countries by
region, income or organisation. An importer must tell "not a NATO ally"
(Austria: skip and list) from "a region or a total" (Western Europe, World:
skip and list) from "a name we do not know" (Polnad: report, suggest Poland).
The country list is the UN members and observers that are not allies, with
the spellings those sources use.
"""

from __future__ import annotations

import re

from natoplanner.core.allies import normalise_name

_NON_NATO = """
Afghanistan; Algeria; Andorra; Angola; Antigua and Barbuda; Argentina; Armenia; Australia;
Austria; Azerbaijan; Bahamas; Bahamas, The; Bahrain; Bangladesh; Barbados; Belarus; Belize;
Benin; Bhutan; Bolivia; Bosnia and Herzegovina; Bosnia-Herzegovina; Botswana; Brazil;
Brunei; Brunei Darussalam; Burkina Faso; Burundi; Cabo Verde; Cape Verde; Cambodia;
Cameroon; Central African Republic; Central African Rep.; Chad; Chile; China; China,
People's Republic of; China, P.R.; Colombia; Comoros; Congo; Congo, Rep.; Congo, Republic
of; Congo, Dem. Rep.; Congo, Democratic Republic of the; Congo, DR; Democratic Republic of
the Congo; DR Congo; Costa Rica; Cote d'Ivoire; Côte d’Ivoire; Ivory Coast; Cuba; Cyprus;
Djibouti; Dominica; Dominican Republic; Dominican Rep.; Ecuador; Egypt; Egypt, Arab Rep.; El
Salvador; Equatorial Guinea; Eritrea; Eswatini; Swaziland; Ethiopia; Fiji; Gabon; Gambia;
Gambia, The; Georgia; Ghana; Grenada; Guatemala; Guinea; Guinea-Bissau; Guyana; Haiti;
Honduras; Hong Kong; Hong Kong SAR, China; India; Indonesia; Iran; Iran, Islamic Rep.; Iran,
Islamic Republic of; Iraq; Ireland; Israel; Jamaica; Japan; Jordan; Kazakhstan; Kenya;
Kiribati; Korea, South; Korea, Republic of; Korea, Rep.; South Korea; Republic of Korea;
Korea, North; North Korea; Korea, Dem. People's Rep.; Kosovo; Kuwait; Kyrgyzstan; Kyrgyz
Republic; Laos; Lao PDR; Lao P.D.R.; Lebanon; Lesotho; Liberia; Libya; Liechtenstein;
Madagascar; Malawi; Malaysia; Maldives; Mali; Malta; Marshall Islands; Mauritania;
Mauritius; Mexico; Micronesia; Micronesia, Fed. Sts.; Moldova; Monaco; Mongolia; Morocco;
Mozambique; Myanmar; Namibia; Nauru; Nepal; New Zealand; Nicaragua; Niger; Nigeria; Oman;
Pakistan; Palau; Palestine; West Bank and Gaza; Panama; Papua New Guinea; Paraguay; Peru;
Philippines; Qatar; Russia; Russian Federation; Rwanda; Saint Kitts and Nevis; St. Kitts and
Nevis; Saint Lucia; St. Lucia; Saint Vincent and the Grenadines; St. Vincent and the
Grenadines; Samoa; San Marino; Sao Tome and Principe; Saudi Arabia; Senegal; Serbia;
Seychelles; Sierra Leone; Singapore; Solomon Islands; Somalia; South Africa; South Sudan;
Sri Lanka; Sudan; Suriname; Switzerland; Syria; Syrian Arab Republic; Taiwan; Taiwan
Province of China; Tajikistan; Tanzania; Thailand; Timor-Leste; East Timor; Togo; Tonga;
Trinidad and Tobago; Trinidad & Tobago; Tunisia; Turkmenistan; Tuvalu; Uganda; Ukraine;
United Arab Emirates; UAE; Uruguay; Uzbekistan; Vanuatu; Venezuela; Venezuela, RB; Viet Nam;
Vietnam; Yemen; Yemen, Rep.; Zambia; Zimbabwe; Yugoslavia; Serbia and Montenegro; USSR;
Soviet Union; Czechoslovakia; German Democratic Republic; East Germany; Macao SAR, China;
Macau; Puerto Rico; Aruba; Greenland; Faroe Islands; Bermuda; Cayman Islands; Curacao;
Gibraltar; Guam; Isle of Man; New Caledonia; French Polynesia; Channel Islands; Virgin
Islands (U.S.); British Virgin Islands; American Samoa; Northern Mariana Islands; Sint
Maarten (Dutch part); St. Martin (French part); Turks and Caicos Islands
"""

NON_NATO_COUNTRIES = frozenset(
    normalise_name(n) for n in _NON_NATO.replace("\n", " ").split(";") if n.strip()
)

# Words that make a label a group of countries or a total, never one country.
_REGION_WORDS = re.compile(
    r"\b(world|total|totals|sum|subtotal|region|regions|income|europe|european|africa|african|"
    r"asia|asian|america|americas|oceania|middle east|mena|caribbean|pacific|latin|sahara|"
    r"saharan|euro area|eurozone|"
    r"union|oecd|ida|ibrd|ldc|members|member states|countries|economies|nato|g7|g20|opec|asean|"
    r"excluding|dividend|fragile|small states|least developed|heavily indebted|emerging|developing|"
    r"advanced|aggregate|average|mean|median|monde|ensemble|moyenne|otan|zone euro|"
    r"union europeenne)\b"
)


def is_region_or_total(text: str) -> bool:
    """True for labels such as "Western Europe", "World", "NATO Europe", "Total"."""
    return bool(_REGION_WORDS.search(normalise_name(text)))


#: Words that say what kind of state a name is, not which: "Republic of", "Dem. Rep.".
_GENERIC_WORDS = frozenset(
    "republic rep of the and people s peoples democratic dem islamic arab federal fed "
    "federation kingdom state states united sar province plurinational socialist "
    "bolivarian co operative union".split()
)


def distinctive_words(text: str) -> str:
    """The words of a country name that say which country it is, sorted: "congo"."""
    words = [w for w in normalise_name(text).split() if w not in _GENERIC_WORDS]
    return " ".join(sorted(words))


_NON_NATO_DISTINCTIVE = frozenset(
    d for n in _NON_NATO.replace("\n", " ").split(";") if (d := distinctive_words(n))
)


def is_other_country(text: str) -> bool:
    """True for a country (or former country) that is not a NATO ally.

    Spellings differ between sources ("Congo, Republic", "Republic of the
    Congo", "Congo, Rep."): the distinctive words decide.
    """
    key = re.sub(r"\s*\d+$", "", normalise_name(text))
    if key in NON_NATO_COUNTRIES:
        return True
    distinctive = distinctive_words(key)
    return bool(distinctive) and distinctive in _NON_NATO_DISTINCTIVE
