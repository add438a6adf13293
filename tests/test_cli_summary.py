"""``natoplanner summary`` run as a user runs it: a subprocess of the venv's Python.

Expected figures are NATO's 2026 edition as published (base-year shares) and
the count of allies at the thresholds in that table, not the code's output.
"""

from __future__ import annotations

import importlib.util
import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
SCRIPTS = Path(sys.executable).parent
NATOPLANNER = SCRIPTS / ("natoplanner.exe" if sys.platform == "win32" else "natoplanner")
ENTRY_POINTS = {
    "script": [str(NATOPLANNER)],
    "module": [sys.executable, "-m", "natoplanner"],
}


def run(entry: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ENTRY_POINTS[entry], *args], capture_output=True, text=True, timeout=120, encoding="utf-8"
    )


@pytest.fixture(scope="module")
def csv_output() -> pd.DataFrame:
    result = run("module", "summary", "--csv")
    assert result.returncode == 0, result.stderr
    return pd.read_csv(io.StringIO(result.stdout))


@pytest.mark.parametrize("entry", ["script", "module"])
def test_summary_table(entry: str) -> None:
    if entry == "script" and not NATOPLANNER.exists():
        pytest.skip("console script not installed in this environment")
    result = run(entry, "summary")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert "NATO 2026 edition" in lines[0] and "IMF WEO April 2026" in lines[0]
    assert "horizon 2035" in lines[0]
    rows = {line.split()[0]: line for line in lines[3:35]}
    assert len(rows) == 32
    assert "4.68" in rows["POL"] and "2026" in rows["POL"]
    assert "Germany" in rows["DEU"] and "2.69" in rows["DEU"]
    # NATO's 2026 table: every ally but Slovenia at 2%; five at 3.5%; two at 5%.
    assert (
        "Allies at >= 2%: 30, at >= 3.5% core: 5, at >= 5% total with core >= 3.5%: 2"
        in result.stdout
    )
    assert "USD bn, 2026 prices and exchange rates" in result.stdout
    assert "this tool's heuristic" in result.stdout


def test_both_entry_points_print_the_same() -> None:
    if not NATOPLANNER.exists():
        pytest.skip("console script not installed in this environment")
    assert run("script", "summary", "--csv").stdout == run("module", "summary", "--csv").stdout


def test_csv_header_and_32_rows(csv_output: pd.DataFrame) -> None:
    frame = csv_output
    assert list(frame.columns[:7]) == [
        "iso3",
        "name",
        "core_share_2026_pct",
        "core_share_2035_pct",
        "total_share_2035_pct",
        "first_year_core_target",
        "required_nominal_growth_pct_per_year",
    ]
    assert list(frame.columns[7:]) == [
        "core_usd_bn_2035",
        "reaches_target",
        "incremental",
        "share_of_increase_by_2029_pct",
        "linear_share_of_increase_by_2029_pct",
        "back_loaded",
        "note",
    ]
    assert len(frame) == 32
    frame = frame.set_index("iso3")
    published_2026 = {
        "POL": 4.68,
        "DEU": 2.69,
        "USA": 3.17,
        "LTU": 5.33,
        "ESP": 2.00,
        "SVN": 1.61,
        "NLD": 2.58,
    }
    for iso3, share in published_2026.items():
        assert frame.loc[iso3, "core_share_2026_pct"] == share, iso3
        # default scenario: every ally holds its base-year share
        assert frame.loc[iso3, "core_share_2035_pct"] == share, iso3
    assert frame.loc["POL", "first_year_core_target"] == 2026
    assert pd.isna(frame.loc["DEU", "first_year_core_target"])
    assert (
        frame.loc["POL", "reaches_target"] == "yes" and frame.loc["DEU", "reaches_target"] == "no"
    )
    # The default scenario "does not reach": no "0% by 2029" repeated, no back-loading flag.
    assert pd.isna(frame.loc["DEU", "share_of_increase_by_2029_pct"])
    assert pd.isna(frame.loc["DEU", "back_loaded"])
    assert frame.loc["DEU", "incremental"] == "yes"
    assert frame.loc["DEU", "linear_share_of_increase_by_2029_pct"] == pytest.approx(33.3)
    assert frame.loc["DEU", "note"] == "does not reach 3.5% by 2035; incremental"
    # Held share: 2035 spending at 2026 prices and exchange rates is the 2026 USD
    # figure × cumulative IMF real growth 2027-2035 (Türkiye about 67 bn, not 255).
    nato = pd.read_csv(DATA / "nato_defence_expenditure.csv")
    imf = pd.read_csv(DATA / "gdp_forecast.csv")
    imf = imf[(imf["vintage"] == "IMF WEO April 2026") & (imf["iso3"] == "TUR")].set_index("year")
    growth = 1.0
    for year in range(2027, 2036):
        growth *= 1 + imf.at[min(year, 2031), "real_gdp_growth_pct"] / 100
    usd_2026 = nato[(nato["iso3"] == "TUR") & (nato["year"] == 2026)][
        "defence_exp_usd_million_current"
    ].iloc[0]
    assert frame.loc["TUR", "core_usd_bn_2035"] == pytest.approx(usd_2026 * growth / 1000, abs=1e-3)
    assert frame.loc["ISL"].drop(["name", "note"]).isna().all()
    assert frame.loc["ISL", "name"] == "Iceland"


def test_horizon_2040(csv_output: pd.DataFrame) -> None:
    result = run("module", "summary", "--horizon", "2040", "--csv")
    assert result.returncode == 0, result.stderr
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert "core_share_2040_pct" in frame.columns and "total_share_2040_pct" in frame.columns
    assert len(frame) == 32
    # Longer horizon, more years to spread the same increase: lower required growth.
    growth_2035 = csv_output.set_index("iso3")["required_nominal_growth_pct_per_year"]
    growth_2040 = frame.set_index("iso3")["required_nominal_growth_pct_per_year"]
    assert growth_2040["DEU"] < growth_2035["DEU"]


@pytest.mark.parametrize("horizon", ["2041", "2020", "2026"])
def test_bad_horizon_is_one_clear_line(horizon: str) -> None:
    result = run("module", "summary", "--horizon", horizon)
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "horizon" in lines[0] and horizon in lines[0] and "2040" in lines[0]
    assert "Traceback" not in result.stderr


def test_non_numeric_horizon_has_no_traceback() -> None:
    result = run("script" if NATOPLANNER.exists() else "module", "summary", "--horizon", "soon")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "--horizon" in result.stderr and "'soon'" in result.stderr


@pytest.mark.skipif(
    importlib.util.find_spec("natoplanner.io.workbook.files") is None,
    reason="workbook loading not built yet",
)
def test_missing_scenario_file_is_one_clear_line(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.xlsx"
    result = run("module", "summary", str(missing))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "nowhere.xlsx" in result.stderr


def test_a_reader_closing_early_is_not_an_error() -> None:
    """``natoplanner summary | head``: a reader that goes away is no error, and no traceback."""
    process = subprocess.Popen(
        [sys.executable, "-m", "natoplanner", "summary"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    process.stdout.close()  # gone before the summary is written
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 0
    assert stderr == ""
