"""Blocks pasted from Excel/LibreOffice and text copied out for them."""

from __future__ import annotations

import math

import pytest

from natoplanner.io.clipboard import PasteError, format_tsv, parse_pasted_block, split_block


def test_excel_block_with_crlf_and_empty_cells():
    # Poland and Germany, NATO 2026 edition, million national currency (2025e, 2026e).
    text = "166029\t193789\r\n99298\t\r\n"
    assert parse_pasted_block(text) == [[166029.0, 193789.0], [99298.0, None]]


def test_french_locale_decimal_comma_and_space_thousands():
    text = "4,25\t4,68\n124\u00a0660,5\t...\n"
    assert parse_pasted_block(text) == [[4.25, 4.68], [124660.5, None]]


def test_english_thousands_separators_detected_from_block():
    assert parse_pasted_block("1,234.5\t2,000\n") == [[1234.5, 2000.0]]


def test_given_decimal_resolves_ambiguous_cells():
    assert parse_pasted_block("1,234\n", decimal=",") == [[1.234]]
    assert parse_pasted_block("1,234\n", decimal=".") == [[1234.0]]
    with pytest.raises(PasteError, match="ambiguous"):
        parse_pasted_block("1,234\n")


def test_markers_percent_and_negative_parentheses():
    assert parse_pasted_block("n/a\t3.5%\t(12)\txxx\n") == [[None, 3.5, -12.0, None]]


def test_errors_name_every_bad_cell():
    with pytest.raises(PasteError) as caught:
        parse_pasted_block("1.5\tabc\n2.5\tNaN\n=A1\t3\n")
    problems = caught.value.problems
    assert [p.cell for p in problems] == ["B1", "B2", "A3"]
    assert "not a number" in problems[0].message and problems[0].found == "abc"
    assert "finite" in problems[1].message
    assert all(p.expected == "a number" for p in problems)
    assert "clipboard, cell B1" in str(caught.value)


def test_ragged_rows_padded_and_quoted_cells():
    assert split_block('a\t"b\tc"\nd\n') == [["a", "b\tc"], ["d", ""]]
    assert parse_pasted_block("1\n2\t3\n") == [[1.0, None], [2.0, 3.0]]
    assert parse_pasted_block("") == []


def test_format_tsv_round_trips_through_the_parser():
    header = ["Ally", "2025 core budget (million national currency)", "Share (% of GDP)"]
    rows = [["Poland", 166029.0, 4.25], ["Iceland", None, math.nan], ["=evil()", 0.1 + 0.2, -1.5]]
    text = format_tsv(header, rows)
    lines = text.split("\r\n")
    assert lines[0] == "\t".join(header) and text.endswith("\r\n")
    assert lines[1] == "Poland\t166029\t4.25"
    assert lines[2] == "Iceland\t\t"
    assert lines[3].startswith("'=evil()\t")  # text never becomes a formula
    numbers = parse_pasted_block("\r\n".join("\t".join(line.split("\t")[1:]) for line in lines[1:]))
    assert numbers == [[166029.0, 4.25], [None, None], [0.1 + 0.2, -1.5]]  # full precision kept


def test_format_tsv_decimal_comma_for_french_excel():
    text = format_tsv(["x"], [[4.25]], decimal=",")
    assert text == "x\r\n4,25\r\n"
    assert parse_pasted_block(text.split("\r\n", 1)[1], decimal=",") == [[4.25]]
