"""The briefing report's fiscal-room page, read back from the PDF with pypdf."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from pypdf import PdfReader

from natoplanner.ui.analysis.report import write_report

DATA = Path(__file__).resolve().parents[3] / "data"


def test_fiscal_page_shows_the_split_by_hand(window, tmp_path) -> None:
    path = tmp_path / "briefing.pdf"
    write_report(window.document, path)
    last = " ".join(PdfReader(str(path)).pages[-1].extract_text().split())
    assert "Fiscal room under the EU escape clause, 2025–2028" in last
    table = pd.read_csv(DATA / "nato_defence_expenditure.csv").set_index(["iso3", "year"])
    share = table["defence_share_gdp_pct"]
    poland = share[("POL", 2026)] - share[("POL", 2021)]
    assert f"1.50 / {poland - 1.5:.2f}" in last  # 2026, cap binding
    assert f"0.00 / {poland:.2f}" in last  # 2029, after the clause
    assert "France" in last and "no clause" in last
    assert "Norway" in last  # named only in the note, as outside the EU
    assert "COFOG" in last
