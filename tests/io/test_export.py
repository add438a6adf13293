"""Results exported to xlsx and csv: one row per ally × year, units in the headers."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Scenario
from natoplanner.io.errors import FileProblemError
from natoplanner.io.export import RESULT_HEADERS, export_results


@pytest.fixture(scope="module")
def projection() -> Projection:
    scenario = Scenario()
    scenario.name = '=HYPERLINK("x")'  # a name that must stay text
    return Projection(scenario)


def test_csv_one_row_per_ally_and_year_with_units(tmp_path, projection):
    path = export_results(projection, tmp_path / "results.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel shows "Türkiye" correctly
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    years = range(2026, 2036)
    assert len(rows) == 32 * len(years)
    assert "Core defence budget (million national currency)" in rows[0]
    assert "Core defence (% of GDP)" in rows[0]
    poland_2026 = next(r for r in rows if r["ISO3"] == "POL" and r["Year"] == "2026")
    # NATO 2026 edition: Poland 2026e PLN 193,789 m, 4.68% of GDP, USD 53,080 m.
    assert float(poland_2026["Core defence budget (million national currency)"]) == 193789
    assert float(poland_2026["Core defence (% of GDP)"]) == pytest.approx(4.68)
    assert float(
        poland_2026["Core defence budget (million USD, base-year prices and exchange rates)"]
    ) == pytest.approx(53080)
    assert poland_2026["National currency"] == "PLN" and poland_2026["Figure"] == "NATO estimate"
    iceland = next(r for r in rows if r["ISO3"] == "ISL")
    assert iceland["Core defence (% of GDP)"] == ""
    assert {r["Ally"] for r in rows} >= {"Türkiye", "North Macedonia"}


def test_xlsx_matches_csv_and_has_about_sheet(tmp_path, projection):
    path = export_results(projection, tmp_path / "results.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["Results"]
    header = [c.value for c in ws[1]]
    assert header[:5] == ["ISO3", "Ally", "National currency", "Year", "Figure"]
    assert header[5:] == list(RESULT_HEADERS.values())
    assert ws.max_row == 1 + 32 * 10
    germany = next(
        r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "DEU" and r[3] == 2026
    )
    assert germany[header.index("Core defence budget (million national currency)")] == 124660
    assert ws.freeze_panes == "E2"
    about = {r[0]: r[1] for r in wb["About"].iter_rows(values_only=True)}
    assert about["Scenario"] == '=HYPERLINK("x")'  # stored as text, not as a formula
    assert wb["About"]["B1"].data_type == "s"
    assert "NATO 2026 edition" in about["Defence data"]


def test_export_other_suffix_refused_and_previous_file_kept(tmp_path, projection):
    with pytest.raises(FileProblemError, match=".xlsx or .csv"):
        export_results(projection, tmp_path / "results.pdf")
    target = tmp_path / "results.csv"
    target.write_text("previous")
    export_results(projection, target)
    assert target.read_text(encoding="utf-8-sig").startswith("ISO3,")
