"""Reference series: SIPRI's workbook, a World Bank download, a national sheet; identify()."""

from __future__ import annotations

import math
from pathlib import Path

import openpyxl
import pytest

from natoplanner.core.dataset import Dataset
from natoplanner.core.vintages import SHARE_GDP_PCT, SPENDING_NATIONAL_MN
from natoplanner.io.errors import FileProblemError
from natoplanner.io.vintages.identify import SourceKind, identify
from natoplanner.io.vintages.reference import read_reference
from tests.io.import_fixtures import nato, sipri_workbook
from tests.io.vintages.fixtures import (
    nato_edition_workbook,
    weo_download,
    world_bank_milex_csv,
)

REGISTRY = Dataset.bundled().registry


def test_sipri_fractions_become_percent_and_markers_gaps(tmp_path: Path) -> None:
    path = sipri_workbook(tmp_path / "SIPRI-Milex-data-1949-2025.xlsx")
    series = read_reference(path, REGISTRY, imported_at="2026-12-01T09:00:00Z")
    assert series.name == "SIPRI military expenditure (share of GDP)"
    assert series.measure == SHARE_GDP_PCT
    assert "paramilitary" in series.definition and "calendar years" in series.definition
    figures = series.figures
    assert figures.value(SHARE_GDP_PCT, "POL", 2024) == pytest.approx(
        nato("POL", 2024, "defence_share_gdp_pct")
    )
    assert math.isnan(figures.value(SHARE_GDP_PCT, "DEU", 2014))  # "..." in the file
    assert set(figures.covered(SHARE_GDP_PCT)) == {"POL", "DEU", "FRA", "GBR", "TUR", "CZE", "MKD"}
    assert series.provenance.sheet == "Share of GDP"


def test_world_bank_download_reads_only_its_indicator(tmp_path: Path) -> None:
    path = world_bank_milex_csv(tmp_path / "API_MS.MIL.XPND.GD.ZS.csv")
    series = read_reference(path, REGISTRY)
    assert series.name == "World Bank MS.MIL.XPND.GD.ZS (% of GDP)"
    assert set(series.figures.covered(SHARE_GDP_PCT)) == {"POL", "DEU", "FRA", "USA"}
    assert series.figures.value(SHARE_GDP_PCT, "USA", 2020) == nato(
        "USA", 2020, "defence_share_gdp_pct"
    )
    assert series.figures.last_year == 2024


def test_a_national_outturn_sheet_says_its_unit_in_the_title(tmp_path: Path) -> None:
    path = tmp_path / "outturn.xlsx"
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append(["Défense — exécution budgétaire, million EUR"])
    ws.append(["Pays", 2023, 2024])
    ws.append(["France", nato("FRA", 2023, "defence_exp_national_million"), 60_000])
    workbook.save(path)
    series = read_reference(path, REGISTRY)
    assert series.measure == SPENDING_NATIONAL_MN
    assert series.figures.value(SPENDING_NATIONAL_MN, "FRA", 2024) == 60_000
    assert "national budget" in series.definition
    ws["A1"] = "Défense — exécution"
    workbook.save(path)
    with pytest.raises(FileProblemError, match="does not say its unit"):
        read_reference(path, REGISTRY)
    assert read_reference(path, REGISTRY, measure=SHARE_GDP_PCT).measure == SHARE_GDP_PCT


def test_identify_routes_each_kind(tmp_path: Path) -> None:
    cases = {
        nato_edition_workbook(tmp_path / "def-exp-2026-en.xlsx"): (
            SourceKind.VINTAGE,
            "nato_edition",
        ),
        weo_download(tmp_path / "WEOApr2026all.xls"): (SourceKind.VINTAGE, "imf_weo"),
        sipri_workbook(tmp_path / "sipri.xlsx"): (SourceKind.REFERENCE, "sipri"),
        world_bank_milex_csv(tmp_path / "wb.csv"): (SourceKind.REFERENCE, "world_bank"),
    }
    for path, expected in cases.items():
        found = identify(path)
        assert (found.kind, found.reader) == expected, path.name
        assert found.description.startswith(path.name)
    plain = tmp_path / "budgets.csv"
    plain.write_text("Country,2027\nPoland,200000\n", encoding="utf-8")
    assert identify(plain).kind == SourceKind.INPUTS
    assert identify(tmp_path / "missing.xlsx").kind == SourceKind.INPUTS


def test_a_sheet_of_past_years_only_is_history_a_national_outturn(tmp_path: Path) -> None:
    path = tmp_path / "outturn-2025.xlsx"
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append(["Defence outturn, million national currency"])
    ws.append(["Ally", 2024, 2025])
    ws.append(["Poland", 159_000, 187_000])
    workbook.save(path)
    found = identify(path)
    assert (found.kind, found.reader) == (SourceKind.REFERENCE, "national")
    assert "up to 2026 only" in found.description
    ws.append(["Germany", 90_000, 95_000])
    ws["D2"] = 2027  # a future year: scenario inputs for the importer
    ws["D3"] = 200_000
    workbook.save(path)
    assert identify(path).kind == SourceKind.INPUTS
