"""``natoplanner set`` and ``natoplanner alliance`` run as a user runs them (subprocesses).

Expected figures come from the CSV files (NATO's published aggregates, the
2026 table) or from hand calculations in the test, not from the code.
"""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from natoplanner.core.scenario import BudgetPolicy, Measure, RelatedPolicy
from natoplanner.io.workbook.files import read_scenario

DATA = Path(__file__).resolve().parents[1] / "data"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "natoplanner", *args],
        capture_output=True,
        text=True,
        timeout=180,
        encoding="utf-8",
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("set") / "plan.xlsx"
    assert run("new", str(path)).returncode == 0
    return path


def test_set_every_key_kind_then_read_back(workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "edited.xlsx"
    result = run(
        "set",
        str(workbook),
        "DEU",
        "policy=ramp_to_target",
        "target=3.5",
        "year=2030",
        "related_policy=constant_share",
        "related_share=1.2",
        "core_target=3.6",
        "total_target=5",
        "budget.2031=200000",
        "growth.2028=1.5",
        "deflator.2029=2.5",
        "gdp.2033=5500",
        "related.2034=1.4",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    scenario = read_scenario(out).scenario
    policy = scenario.core_policy("DEU")
    assert (policy.kind, policy.target_pct, policy.target_year) == (
        BudgetPolicy.RAMP_TO_TARGET,
        3.5,
        2030,
    )
    track = scenario.related_track("DEU")
    assert (track.kind, track.share_pct) == (RelatedPolicy.CONSTANT_SHARE, 1.2)
    assert (scenario.targets("DEU").core_pct, scenario.targets("DEU").total_pct) == (3.6, 5.0)
    for measure, year, value in (
        (Measure.CORE_BUDGET, 2031, 200000.0),
        (Measure.REAL_GROWTH, 2028, 1.5),
        (Measure.DEFLATOR, 2029, 2.5),
        (Measure.NOMINAL_GDP, 2033, 5500.0),
        (Measure.RELATED_SHARE, 2034, 1.4),
    ):
        assert scenario.year_input(measure, "DEU", year) == value
    # The other keys, on another ally; an empty per-year value clears it.
    again = run(
        "set",
        str(out),
        "FRA",
        "policy=nominal_growth",
        "rate=4",
        "related_policy=ramp_to_target",
        "related_target=1.5",
        "related_year=2032",
    )
    assert again.returncode == 0, again.stderr
    cleared = run("set", str(out), "DEU", "budget.2031=", "share=2.5", "policy=constant_share")
    assert cleared.returncode == 0, cleared.stderr
    scenario = read_scenario(out).scenario
    assert scenario.core_policy("FRA").rate_pct == 4.0
    assert scenario.related_track("FRA").target_year == 2032
    assert scenario.year_input(Measure.CORE_BUDGET, "DEU", 2031) is None
    assert scenario.core_policy("DEU").share_pct == 2.5


@pytest.mark.parametrize(
    ("assignment", "words"),
    [
        ("policy=ramp", "policy"),
        ("rate=fast", "rate"),
        ("colour=red", "colour"),
        ("budget.2020=5", "budget.2020"),
        ("gdp.2030=-1", "gdp.2030"),
        ("year=2050", "year"),
        ("related_policy=some", "related_policy"),
        ("share", "share"),
    ],
)
def test_a_bad_key_or_value_is_one_line_and_leaves_the_file(
    workbook: Path, assignment: str, words: str
) -> None:
    before = digest(workbook)
    result = run("set", str(workbook), "DEU", "rate=2", assignment)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert words in lines[0]
    assert "expected" in lines[0] or "must be" in lines[0]
    assert digest(workbook) == before


def test_policy_words_as_the_workbook_shows_them(workbook: Path, tmp_path: Path) -> None:
    """ "nominal growth" (the workbook's drop-down word) and "Ramp-To-Target" mean the
    enum's nominal_growth and ramp_to_target, as the workbook reader takes them."""
    out = tmp_path / "words.xlsx"
    result = run("set", str(workbook), "DEU", "policy=nominal growth", "rate=3", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert read_scenario(out).scenario.core_policy("DEU").kind is BudgetPolicy.NOMINAL_GROWTH
    result = run("set", str(out), "POL", "related_policy=Ramp-To-Target")
    assert result.returncode == 0, result.stderr
    assert read_scenario(out).scenario.related_track("POL").kind is RelatedPolicy.RAMP_TO_TARGET


def test_set_refuses_to_overwrite_out_without_force(workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "taken.xlsx"
    out.write_bytes(b"not mine")
    result = run("set", str(workbook), "DEU", "rate=2", "--out", str(out))
    assert result.returncode == 1 and "--force" in result.stderr
    assert out.read_bytes() == b"not mine"
    assert run("set", str(workbook), "DEU", "rate=2", "--out", str(out), "--force").returncode == 0
    assert read_scenario(out).scenario.core_policy("DEU").rate_pct == 2.0


def test_alliance_csv_reproduces_natos_published_shares() -> None:
    result = run("alliance", "--csv")
    assert result.returncode == 0, result.stderr
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert list(frame.columns) == [
        "aggregate",
        "year",
        "core_share_pct",
        "total_share_pct",
        "core_usd_bn",
        "allies_at_2_pct",
        "allies_at_3_5_pct",
        "allies_at_5_pct",
    ]
    assert list(frame["aggregate"].unique()) == ["NATO", "Europe and Canada", "United States"]
    assert list(frame[frame["aggregate"] == "NATO"]["year"]) == list(range(2014, 2036))
    published = pd.read_csv(DATA / "nato_aggregates.csv")
    for ours, theirs in (("NATO", "NATO total"), ("Europe and Canada", "NATO Europe and Canada")):
        mine = frame[frame["aggregate"] == ours].set_index("year")["core_share_pct"]
        nato = published[published["aggregate"] == theirs].set_index("year")
        for year in range(2014, 2027):
            assert abs(mine[year] - nato.at[year, "defence_share_gdp_pct"]) <= 0.01, (ours, year)
    # 2026: NATO's table, US and Europe + Canada adding up to the NATO total.
    nato_2026 = pd.read_csv(DATA / "nato_defence_expenditure.csv").query("year == 2026")
    at_2026 = frame[frame["year"] == 2026].set_index("aggregate")
    assert at_2026.at["NATO", "core_usd_bn"] == pytest.approx(
        nato_2026["defence_exp_usd_million_current"].sum() / 1000, abs=1e-3
    )
    assert (
        at_2026.at["NATO", "allies_at_2_pct"] == (nato_2026["defence_share_gdp_pct"] >= 2.0).sum()
    )
    assert at_2026.at["United States", "allies_at_3_5_pct"] == 0  # 3.17%


def test_alliance_table_names_its_money_unit() -> None:
    result = run("alliance")
    assert result.returncode == 0, result.stderr
    assert "USD bn, 2026 prices and exchange rates" in result.stdout
    assert "Europe and Canada" in result.stdout


def test_uncertainty_csv_columns_and_alliance_rows() -> None:
    result = run("uncertainty", "--draws", "1500", "--seed", "3", "--year", "2030", "--csv")
    assert result.returncode == 0, result.stderr
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert list(frame.columns[:9]) == [
        "iso3",
        "year",
        "core_share_p10",
        "core_share_p50",
        "core_share_p90",
        "core_budget_p10_mn",
        "core_budget_p50_mn",
        "core_budget_p90_mn",
        "probability_core_target_pct",
    ]
    assert (frame["year"] == 2030).all()
    allies = frame[~frame["iso3"].isin(["NATO", "EUROPE_CANADA"])].set_index("iso3")
    assert len(allies) == 31 and "ISL" not in allies.index
    assert list(frame["iso3"].iloc[-2:]) == ["NATO", "EUROPE_CANADA"]
    # Default scenario: shares held, so the band is on money, around the budget that
    # holds Poland's 4.68% of GDP (NATO's 2026 budget × nominal GDP growth to 2030).
    pol = allies.loc["POL"]
    assert pol["core_share_p10"] == pol["core_share_p90"] == 4.68
    nato = pd.read_csv(DATA / "nato_defence_expenditure.csv")
    budget_2026 = nato[(nato["iso3"] == "POL") & (nato["year"] == 2026)][
        "defence_exp_national_million"
    ].iloc[0]
    assert pol["core_budget_p10_mn"] < pol["core_budget_p50_mn"] < pol["core_budget_p90_mn"]
    assert pol["core_budget_p10_mn"] > budget_2026
    assert pol["probability_core_target_pct"] == 100.0
    again = run("uncertainty", "--draws", "1500", "--seed", "3", "--year", "2030", "--csv")
    assert again.stdout == result.stdout  # same seed, same numbers


def test_alliance_nominal_view_on_relative_ppp() -> None:
    """Beside the constant-price default: current USD with exchange rates on relative PPP
    (fx[t] = fx[2026] · P/P_US): history is NATO's USD, members of each year; for the
    United States the nominal amount is the constant-price one times its CPI index."""
    result = run("alliance", "--csv", "--nominal")
    assert result.returncode == 0, result.stderr
    frame = pd.read_csv(io.StringIO(result.stdout)).set_index(["aggregate", "year"])
    nato = pd.read_csv(DATA / "nato_defence_expenditure.csv")
    at_2026 = nato[nato["year"] == 2026]
    # History and base year are NATO's own current-USD figures.
    assert frame.loc[("NATO", 2026), "core_usd_bn_nominal"] == pytest.approx(
        at_2026["defence_exp_usd_million_current"].sum() / 1000, abs=1e-3
    )
    nato_2019 = nato[(nato["year"] == 2019) & ~nato["iso3"].isin(["FIN", "SWE", "MKD"])]
    assert frame.loc[("NATO", 2019), "core_usd_bn_nominal"] == pytest.approx(
        nato_2019["defence_exp_usd_million_current"].sum() / 1000, abs=1e-3
    )
    # The United States: nominal = constant-price amount × its own price index.
    imf = pd.read_csv(DATA / "gdp_forecast.csv")
    imf = imf[imf["vintage"] == "IMF WEO April 2026"]
    us = imf[imf["iso3"] == "USA"].set_index("year")["cpi_inflation_pct"]
    prices = 1.0
    for year in range(2027, 2036):
        prices *= 1 + us[min(year, 2031)] / 100
    assert frame.loc[("United States", 2035), "core_usd_bn_nominal"] == pytest.approx(
        frame.loc[("United States", 2035), "core_usd_bn"] * prices, rel=1e-5
    )
