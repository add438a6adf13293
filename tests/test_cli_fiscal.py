"""``natoplanner fiscal`` run as a user runs it; figures checked against NATO's table by hand."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
COLUMNS = [
    "iso3",
    "year",
    "core_share_pct",
    "share_2021_pct",
    "increase_vs_2021_pp",
    "inside_clause_pp",
    "outside_clause_pp",
    "clause",
]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "natoplanner", "fiscal", *args],
        capture_output=True,
        text=True,
        timeout=120,
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def rows() -> pd.DataFrame:
    result = run("--csv")
    assert result.returncode == 0, result.stderr
    return pd.read_csv(io.StringIO(result.stdout), keep_default_na=False, na_values=[""])


def test_columns_and_rows(rows: pd.DataFrame) -> None:
    assert list(rows.columns[: len(COLUMNS)]) == COLUMNS
    assert len(rows) == 32 * (2035 - 2025 + 1)
    assert rows["year"].min() == 2025 and rows["year"].max() == 2035


def test_poland_by_hand(rows: pd.DataFrame) -> None:
    nato = pd.read_csv(DATA / "nato_defence_expenditure.csv").set_index(["iso3", "year"])
    share_2021 = nato.loc[("POL", 2021), "defence_share_gdp_pct"]
    share_2026 = nato.loc[("POL", 2026), "defence_share_gdp_pct"]
    row = rows[(rows["iso3"] == "POL") & (rows["year"] == 2026)].iloc[0]
    assert row["share_2021_pct"] == pytest.approx(share_2021)
    assert row["increase_vs_2021_pp"] == pytest.approx(share_2026 - share_2021, abs=1e-4)
    assert row["inside_clause_pp"] == pytest.approx(1.5)
    assert row["outside_clause_pp"] == pytest.approx(share_2026 - share_2021 - 1.5, abs=1e-4)
    assert row["clause"] == "active"
    cliff = rows[(rows["iso3"] == "POL") & (rows["year"] == 2029)].iloc[0]
    assert cliff["inside_clause_pp"] == 0 and cliff["clause"].startswith("ended 2028")


def test_not_applicable_with_the_reason(rows: pd.DataFrame) -> None:
    france = rows[(rows["iso3"] == "FRA") & (rows["year"] == 2026)].iloc[0]
    assert france["clause"].startswith("not applicable")
    assert pd.isna(france["inside_clause_pp"])
    norway = rows[(rows["iso3"] == "NOR") & (rows["year"] == 2026)].iloc[0]
    assert norway["clause"] == "not applicable: not an EU member state"


def test_text_table_says_the_basis() -> None:
    result = run("--horizon", "2030")
    assert result.returncode == 0, result.stderr
    assert "COFOG" in result.stdout
    assert "POL   2026    4.68    2.19         2.49       1.50        0.99  active" in result.stdout


def test_budget_law_columns(rows: pd.DataFrame) -> None:
    germany = rows[(rows["iso3"] == "DEU") & (rows["year"] == 2026)].iloc[0]
    # By hand: the 2026 federal budget (EUR 108.2 bn) is NATO's EUR 124,660 m ÷ the ratio.
    assert germany["core_budget_mn_nato"] == pytest.approx(124_660)
    assert germany["core_budget_mn_budget_law"] == pytest.approx(108_200, abs=0.5)
    uk = rows[(rows["iso3"] == "GBR") & (rows["year"] == 2030)].iloc[0]
    assert "April" in uk["fiscal_year"] and pd.isna(uk["core_budget_mn_budget_law"])
    us = rows[(rows["iso3"] == "USA") & (rows["year"] == 2030)].iloc[0]
    assert "October" in us["fiscal_year"]
