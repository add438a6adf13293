"""Detection pieces: year headers, country labels, measure and unit words, CSV dialects."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from natoplanner.core.dataset import Dataset
from natoplanner.io.sources.detect import (
    LabelKind,
    Layout,
    SourceMeasure,
    classify_label,
    detect,
    guess_measure,
    year_from_header,
)
from natoplanner.io.sources.numbers import NumberTextError, detect_decimal, parse_number
from natoplanner.io.sources.tabular import cell_address, read_table


@pytest.mark.parametrize(
    ("cell", "year"),
    [
        (2025, 2025),
        (2025.0, 2025),
        ("2025", 2025),
        ("2025e", 2025),
        ("2026 e", 2026),
        ("FY2025", 2025),
        ("2024*", 2024),
        (2025.5, None),
        ("Notes", None),
        (True, None),
        (dt.date(2025, 1, 1), None),
        (1850, None),
        ("12025", None),
    ],
)
def test_year_headers(cell, year):
    assert year_from_header(cell) == year


@pytest.mark.parametrize(
    ("text", "kind", "iso3"),
    [
        ("Poland", LabelKind.ALLY, "POL"),
        ("Allemagne", LabelKind.ALLY, "DEU"),
        ("Turkey", LabelKind.ALLY, "TUR"),
        ("Czech Republic", LabelKind.ALLY, "CZE"),
        ("USA", LabelKind.ALLY, "USA"),
        ("GB", LabelKind.ALLY, "GBR"),
        ("Poland ‡", LabelKind.ALLY, "POL"),
        ("Germany [a]", LabelKind.ALLY, "DEU"),
        ("Western Europe", LabelKind.REGION, None),
        ("NATO Total", LabelKind.REGION, None),
        ("High income", LabelKind.REGION, None),
        ("Austria", LabelKind.OTHER_COUNTRY, None),
        ("Russian Federation", LabelKind.OTHER_COUNTRY, None),
        ("Korea, Rep.", LabelKind.OTHER_COUNTRY, None),
        ("...", LabelKind.BLANK, None),
        ("", LabelKind.BLANK, None),
        ("=1+1", LabelKind.NOT_A_NAME, None),
        ("Polnad", LabelKind.UNKNOWN, None),
    ],
)
def test_labels(text, kind, iso3):
    label = classify_label(text, Dataset.bundled().registry)
    assert label.kind is kind
    assert (label.ally.iso3 if label.ally else None) == iso3


def test_unknown_label_suggests_closest_ally():
    label = classify_label("Polnad", Dataset.bundled().registry)
    assert label.suggestion.iso3 == "POL"


@pytest.mark.parametrize(
    ("texts", "measure", "usd", "scale"),
    [
        (["Military expenditure (% of GDP)"], SourceMeasure.SHARE_OF_GDP, None, None),
        (
            ["Military expenditure by country as percentage of gross domestic product"],
            SourceMeasure.SHARE_OF_GDP,
            None,
            None,
        ),
        (
            ["Military expenditure (current USD)", "in millions of US$"],
            SourceMeasure.CORE_BUDGET,
            True,
            1e6,
        ),
        (["Dépenses de défense (milliards d'euros)"], SourceMeasure.CORE_BUDGET, False, 1e9),
        (["GDP (current LCU)"], SourceMeasure.NOMINAL_GDP, False, None),
        (["GDP growth (annual %)"], SourceMeasure.REAL_GROWTH, None, None),
        (["Inflation, GDP deflator (annual %)"], SourceMeasure.INFLATION, None, None),
        (
            ["Inflation, average consumer prices", "Percent change"],
            SourceMeasure.INFLATION,
            None,
            None,
        ),
        (["Croissance du PIB en volume"], SourceMeasure.REAL_GROWTH, None, None),
    ],
)
def test_measure_and_unit_words(texts, measure, usd, scale):
    found, hint, why = guess_measure(texts)
    assert found is measure, why
    assert (hint.usd, hint.scale) == (usd, scale)


def test_numbers_in_every_notation():
    assert parse_number("1 234,5", ",") == 1234.5
    assert parse_number("1.234,5", ",") == 1234.5
    assert parse_number("1,234.5", ".") == 1234.5
    assert parse_number("1'234.5", ".") == 1234.5
    assert parse_number("−3,2 %", ",") == -3.2
    assert parse_number("(12)", ".") == -12
    assert parse_number("1.5e3", ".") == 1500
    for bad in ("abc", "1.2.3,4", "nan", "1e999", "12-3"):
        with pytest.raises(NumberTextError):
            parse_number(bad, ".")
    assert detect_decimal(["4,25", "1 234,5"]) == ","
    assert detect_decimal(["1,234.5", "2.5"]) == "."
    assert detect_decimal(["1,234", "5"]) is None


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]
)
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_encodings_and_delimiters(tmp_path, encoding, delimiter):
    decimal = "," if delimiter != "," else "."
    rows = [["Pays", "2025", "2026"], ["Türkiye", "1 234" + decimal + "5", "7"]]
    path = tmp_path / "t.csv"
    path.write_bytes("\r\n".join(delimiter.join(r) for r in rows).encode(encoding))
    table = read_table(path)
    assert table.csv_format.delimiter == delimiter and table.csv_format.decimal == decimal
    assert table.sheet(table.sheet_names[0]).rows[1][0] == "Türkiye"


def test_cell_addresses():
    assert cell_address(0, 0) == "A1" and cell_address(6, 2, "Sheet1") == "Sheet1!C7"
    assert cell_address(1048575, 16383) == "XFD1048576" and cell_address(0, 26) == "AA1"


def test_natos_own_long_table_is_read_as_long_not_as_a_row_of_years():
    """The bundled NATO CSV (iso3, name, year, values…): its data rows hold
    ordered integers that look like years; the "year" header above wins."""
    path = Path(__file__).resolve().parents[3] / "data" / "nato_defence_expenditure.csv"
    detection = detect(read_table(path), dataset=Dataset.bundled())
    settings = detection.settings
    assert settings.layout == Layout.LONG
    assert settings.header_row == 0
    assert settings.year_column == 2  # column C, "year"
    assert settings.country_column in (0, 1)  # iso3 or name
