"""The announced-plans template and the budget bridge: every figure has its source in SOURCES.md.

The test reads the bundled CSV files and SOURCES.md as text (not through the
code under test) and checks that each figure, date and URL is written in the
SOURCES.md row of its ally; then that the template applies exactly those
figures and that the bridge ratio is NATO's figure ÷ the national one.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from natoplanner.core.fiscal.announced import ANNOUNCED_NAME, announced_scenario
from natoplanner.core.fiscal.bridge import bundled_bridge
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import BudgetPolicy, Scenario

DATA = Path(__file__).resolve().parents[3] / "data"


def rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def section(title: str) -> str:
    text = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    start = text.index(title)
    end = text.find("\n### ", start + len(title))
    return text[start : end if end > 0 else None]


def table_row(text: str, iso3: str) -> str:
    found = [line for line in text.splitlines() if line.startswith(f"| {iso3} |")]
    assert len(found) == 1, f"{iso3}: expected one row in SOURCES.md, found {len(found)}"
    return found[0]


def figures(row: dict[str, str]) -> list[str]:
    """The numbers a template row applies, written as SOURCES.md writes them."""
    values = [row[k] for k in ("share_pct", "target_pct", "core_target_pct") if row[k]]
    years = [row["target_year"]] if row["target_year"] else []
    return [f"{float(v):.1f}%" for v in values] + years


@pytest.mark.parametrize("plan", rows("announced_plans.csv"), ids=lambda r: r["iso3"])
def test_every_announced_figure_has_its_source(plan: dict[str, str]) -> None:
    line = table_row(section("### `announced_plans.csv`"), plan["iso3"])
    assert plan["url"] in line
    assert plan["date"].split(" ")[0] in line
    for figure in figures(plan):
        assert figure in line, (plan["iso3"], figure)


@pytest.mark.parametrize("point", rows("budget_bridge.csv"), ids=lambda r: r["iso3"])
def test_every_bridge_figure_has_its_source(point: dict[str, str]) -> None:
    line = table_row(section("### `budget_bridge.csv`"), point["iso3"])
    assert point["url"] in line
    assert f"{int(point['national_budget_mn']):,} m" in line
    assert f"| {point['year']} |" in line
    nato = pd.read_csv(DATA / "nato_defence_expenditure.csv").set_index(["iso3", "year"])
    figure = nato.loc[(point["iso3"], int(point["year"])), "defence_exp_national_million"]
    assert f"{int(figure):,} m" in line  # NATO's figure as the row states it


def test_the_bridge_ratio_is_nato_over_national() -> None:
    nato = pd.read_csv(DATA / "nato_defence_expenditure.csv").set_index(["iso3", "year"])
    points = bundled_bridge(Scenario().dataset)
    germany = points["DEU"]
    assert germany.ratio == pytest.approx(
        nato.loc[("DEU", 2026), "defence_exp_national_million"] / 108_200
    )
    assert points["POL"].ratio < 1 < germany.ratio  # Poland's budget law counts more than NATO
    assert Scenario().fiscal.bridge("DEU") == pytest.approx(germany.ratio)


def test_the_template_applies_exactly_the_listed_plans() -> None:
    scenario = announced_scenario()
    assert scenario.name == ANNOUNCED_NAME
    plans = {row["iso3"]: row for row in rows("announced_plans.csv")}
    for ally in scenario.allies:
        policy = scenario.core_policy(ally.iso3)
        row = plans.get(ally.iso3)
        if row is None:
            assert policy.kind is BudgetPolicy.CONSTANT_SHARE and policy.share_pct is None
            continue
        assert policy.kind is BudgetPolicy(row["core_policy"])
        if row["target_pct"]:
            assert policy.target_pct == float(row["target_pct"])
            assert policy.target_year == int(row["target_year"])
        if row["share_pct"]:
            assert policy.share_pct == float(row["share_pct"])
        assert row["url"] in scenario.notes
    paths = Projection(scenario).paths
    germany = scenario.row("DEU")
    assert paths.core_share_pct[germany, 2029 - 2026] == pytest.approx(3.5)
    assert scenario.targets("ESP").core_pct == 2.1


def test_natoplanner_new_template_announced(tmp_path: Path) -> None:
    out = tmp_path / "announced.xlsx"
    result = subprocess.run(
        [sys.executable, "-m", "natoplanner", "new", str(out), "--template", "announced"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    from natoplanner.io.workbook.files import read_scenario

    loaded = read_scenario(out).scenario
    assert loaded.name == ANNOUNCED_NAME
    assert loaded.core_policy("LVA").target_pct == 5.0
    assert "ogreszinas.news" in loaded.notes


def test_compare_the_announced_plans_with_the_default(tmp_path: Path) -> None:
    import io

    def natoplanner(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "natoplanner", *args],
            capture_output=True,
            text=True,
            timeout=120,
            encoding="utf-8",
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    default, announced = tmp_path / "default.xlsx", tmp_path / "announced.xlsx"
    natoplanner("new", str(default))
    natoplanner("new", str(announced), "--template", "announced")
    table = pd.read_csv(io.StringIO(natoplanner("compare", str(default), str(announced), "--csv")))
    table = table.set_index("iso3")
    difference = "core_share_pct [Announced national plans − Default scenario]"
    nato = pd.read_csv(DATA / "nato_defence_expenditure.csv").set_index(["iso3", "year"])
    share_2026 = nato["defence_share_gdp_pct"]
    # By hand at the 2035 horizon: Germany ramps to 3.5%, Lithuania holds 5.5%, Poland unchanged.
    assert table.loc["DEU", difference] == pytest.approx(3.5 - share_2026[("DEU", 2026)], abs=0.01)
    assert table.loc["LTU", difference] == pytest.approx(5.5 - share_2026[("LTU", 2026)], abs=0.01)
    assert table.loc["POL", difference] == 0
