"""``natoplanner goalseek`` and ``natoplanner compare`` as a user runs them.

Expected growth rates are hand calculations from the bundled CSV files
(tests/core/hand_calc.py), not the code's output.
"""

from __future__ import annotations

import importlib.util
import io
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from natoplanner.cli import run_command
from natoplanner.core.scenario import BudgetPolicy, CorePolicy, Scenario
from tests.core import hand_calc as hand

HAS_WORKBOOK = importlib.util.find_spec("natoplanner.io.workbook.files") is not None
needs_workbook = pytest.mark.skipif(
    not HAS_WORKBOOK, reason="natoplanner.io.workbook.files not written yet"
)


def hand_growth_pct(iso3: str, target_pct: float, year: int) -> float:
    ratio = target_pct / hand.base_share_pct(iso3) * hand.gdp_ratio(iso3, year)
    return (ratio ** (1 / (year - hand.BASE)) - 1) * 100


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run_command(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_goalseek_prints_growth_and_yearly_budgets(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "goalseek", "--ally", "DEU,Poland", "--target", "3.5", "--by", "2035"
    )
    assert code == 0 and err == ""
    assert "IMF WEO April 2026" in out.splitlines()[0]
    germany = out[out.index("Germany (DEU)") : out.index("Poland (POL)")]
    assert f"nominal {hand_growth_pct('DEU', 3.5, 2035):.2f}% a year" in germany
    assert "Core budget (million EUR)" in germany
    assert "2029 review checkpoint" in germany
    # Budget rows 2026..2035; 2026 is NATO's EUR 124,660 million.
    assert re.findall(r"^\s+(20\d\d)\s+[\d,]+\s", germany, flags=re.MULTILINE) == [
        str(y) for y in range(2026, 2036)
    ]
    assert "124,660" in germany
    poland = out[out.index("Poland (POL)") :]
    assert "million PLN" in poland and "(already met)" in poland


def test_goalseek_csv_and_total(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "goalseek", "--ally", "ESP", "--target", "3.5", "--by", "2030", "--csv"
    )
    assert code == 0
    frame = pd.read_csv(io.StringIO(out))
    assert list(frame["year"]) == list(range(2026, 2036))  # to the horizon
    assert set(frame["currency"]) == {"EUR"}
    assert frame["nominal_growth_pct_per_year"].iloc[0] == pytest.approx(
        hand_growth_pct("ESP", 3.5, 2030), abs=1e-9
    )
    assert frame.loc[frame["year"] == 2030, "core_share_pct"].item() == pytest.approx(
        3.5, abs=0.005
    )
    code, out, _ = run(capsys, "goalseek", "--ally", "ESP", "--total")
    assert code == 0 and "total (core + related) 5% of GDP by 2035" in out
    assert "core share needed in 2035: 5.00% of GDP" in out  # related track not set


def test_goalseek_errors_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "goalseek", "--ally", "Germny", "--target", "3.5")
    assert code == 1 and out == ""
    assert "did you mean DEU, Germany?" in err
    code, _, err = run(capsys, "goalseek", "--ally", "ISL", "--target", "3.5")
    assert code == 1 and "no armed forces" in err
    code, _, err = run(capsys, "goalseek", "--ally", "DEU", "--by", "2050")
    assert code == 1 and "2040" in err


def test_goalseek_all_below(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "goalseek", "--all-below", "--csv")
    assert code == 0
    frame = pd.read_csv(io.StringIO(out))
    table = hand.nato_2026()
    assert sorted(frame["iso3"].unique()) == sorted(
        table.index[table["defence_share_gdp_pct"] < 3.5]
    )


def test_goalseek_entry_point_subprocess() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "natoplanner",
            "goalseek",
            "--ally",
            "ITA",
            "--target",
            "3.5",
            "--by",
            "2035",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert f"nominal {hand_growth_pct('ITA', 3.5, 2035):.2f}% a year" in result.stdout


@needs_workbook
def test_compare_workbooks(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from natoplanner.io.workbook.files import save_scenario

    baseline = Scenario(name="Baseline")
    changed = baseline.copy()
    changed.name = "Poland 6%"
    changed.set_core_policy("POL", CorePolicy(BudgetPolicy.NOMINAL_GROWTH, rate_pct=6.0))
    save_scenario(baseline, tmp_path / "a.xlsx")
    save_scenario(changed, tmp_path / "b.xlsx")

    code, out, err = run(
        capsys, "compare", str(tmp_path / "a.xlsx"), str(tmp_path / "b.xlsx"), "--csv"
    )
    assert code == 0, err
    frame = pd.read_csv(io.StringIO(out)).set_index("iso3")
    delta = frame["core_share_pct [Poland 6% − Baseline]"]
    share_2035 = 4.68 * 1.06**9 / hand.gdp_ratio("POL", 2035)
    assert delta["POL"] == pytest.approx(share_2035 - 4.68, abs=1e-9)
    assert (delta.drop(["POL", "NATO", "EUROPE_CANADA", "ISL"]) == 0).all()
    assert delta["NATO"] > 0

    code, out, _ = run(capsys, "compare", str(tmp_path / "a.xlsx"), str(tmp_path / "b.xlsx"))
    assert code == 0
    assert "Comparison at 2035 against 'Baseline'" in out
    pol_line = next(line for line in out.splitlines() if line.startswith("POL"))
    assert f"+{share_2035 - 4.68:.2f}" in pol_line


def test_compare_needs_two(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "compare", str(tmp_path / "only.xlsx"))
    assert code == 1 and "at least two" in err
