"""LibreOffice recomputes a saved workbook; every Results cell must equal the core projection.

This is the product's promise: a colleague opening the file in a spreadsheet
sees the app's numbers, and their edits to 'Assumptions' move the results the
way the app would. LibreOffice's own formula engine does the computing here.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Measure, Scenario
from natoplanner.io.workbook.files import read_scenario, save_scenario
from natoplanner.io.workbook.layout import RESULT_BLOCKS, SHEET_RESULTS, SHEET_SUMMARY, Layout
from tests.io.conftest import arrays_close, recalculate_with_libreoffice, soffice_path

pytestmark = pytest.mark.skipif(
    soffice_path() is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui",
)


def _last_override_year(overrides: np.ndarray, base_year: int) -> np.ndarray:
    """Per ally and year base..2040: the latest year ≤ t with an override, else the base year."""
    n_allies, n_years = overrides.shape
    years = np.arange(base_year + 1, base_year + 1 + n_years)
    result = np.full((n_allies, n_years + 1), float(base_year))
    for j in range(n_years):
        result[:, j + 1] = np.where(np.isnan(overrides[:, j]), result[:, j], years[j])
    return result


def expected_results(scenario: Scenario) -> dict[str, np.ndarray]:
    """What every Results block must show, derived from the core's paths and inputs."""
    paths = Projection(scenario).paths
    base = scenario.base_year
    has = ~np.isnan(scenario.base.core_share_pct)[:, None]
    empty = np.full((len(scenario.allies), 1), np.nan)
    core_targets = np.array([t.core_pct for t in scenario.all_targets])[:, None]
    total_targets = np.array([t.total_pct for t in scenario.all_targets])[:, None]
    core_gap = core_targets - paths.core_share_pct
    ramp_year = _last_override_year(scenario.year_inputs(Measure.CORE_BUDGET), base)
    related_year = _last_override_year(scenario.year_inputs(Measure.RELATED_SHARE), base)
    column = (ramp_year - base).astype(int)
    ramp_share = np.take_along_axis(paths.core_share_pct, column, axis=1)
    related_column = (related_year - base).astype(int)
    related_start = np.array([t.share_pct for t in scenario.related_tracks])[:, None]
    related_values = np.hstack([related_start, scenario.year_inputs(Measure.RELATED_SHARE)])
    prices = np.hstack([np.ones_like(empty), 1 + scenario.effective_deflator_pct() / 100])
    prices = np.cumprod(prices, axis=1)
    # Exchange rates: typed, else the year before moved by relative PPP (the ally's price
    # change over the US one), from the base-year rate NATO's tables imply.
    us = scenario.row("USA")
    typed_fx = scenario.year_inputs(Measure.EXCHANGE_RATE)
    fx = np.empty_like(prices)
    fx[:, 0] = scenario.base.fx_per_usd
    for t in range(1, prices.shape[1]):
        ppp = fx[:, t - 1] * (prices[:, t] / prices[:, t - 1]) / (prices[us, t] / prices[us, t - 1])
        fx[:, t] = np.where(np.isnan(typed_fx[:, t - 1]), ppp, typed_fx[:, t - 1])
    expected = {
        "growth": np.hstack([empty, scenario.effective_growth_pct()]),
        "deflator": np.hstack([empty, scenario.effective_deflator_pct()]),
        "gdp": paths.gdp_bn,
        "pp_cost": paths.pp_cost_mn,
        "ramp_year": ramp_year,
        "ramp_share": ramp_share,
        "budget": paths.core_budget_mn,
        "core_share": paths.core_share_pct,
        "related_ramp_year": related_year,
        "related_ramp_share": np.take_along_axis(related_values, related_column, axis=1),
        "related_share": paths.related_share_pct,
        "total_share": paths.total_share_pct,
        "core_gap_pp": core_gap,
        "total_gap_pp": total_targets - paths.total_share_pct,
        "core_gap_mn": core_gap * paths.pp_cost_mn,
        # Deflated by each ally's own deflator path (base year = 1), at the base-year rate.
        "core_gap_usd_mn": core_gap * paths.pp_cost_mn / prices / scenario.base.fx_per_usd[:, None],
        "price_index": prices,
        "fx": fx,
        "core_usd_mn": paths.core_budget_mn / fx,
    }
    return {key: np.where(has, value, np.nan) for key, value in expected.items()}


def results_from_file(path: Path, scenario: Scenario) -> dict[str, np.ndarray]:
    """Every Results block as LibreOffice computed it (cached values); NaN where empty."""
    workbook = openpyxl.load_workbook(path, data_only=True, read_only=True)
    rows = list(workbook[SHEET_RESULTS].iter_rows(values_only=True))
    workbook.close()
    layout = Layout(len(scenario.allies), scenario.base_year)
    found = {}
    for block in RESULT_BLOCKS:
        grid = np.full((len(scenario.allies), len(layout.result_years)), np.nan)
        for i in range(len(scenario.allies)):
            cells = rows[layout.result_row(block.key, i) - 1]
            for j, year in enumerate(layout.result_years):
                value = cells[layout.result_column(year) - 1]
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    grid[i, j] = value
                else:
                    assert value is None or isinstance(value, str), (block.key, i, year, value)
        found[block.key] = grid
    return found


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory, dataset):
    """The rich scenario, and a colleague's numeric edits to it, both recomputed by LibreOffice."""
    from tests.io.conftest import build_rich_scenario

    folder = tmp_path_factory.mktemp("recalc")
    rich = build_rich_scenario(dataset)
    save_scenario(rich, folder / "rich.xlsx")
    edited_path = folder / "edited.xlsx"
    save_scenario(rich, edited_path)
    layout = Layout(len(rich.allies), rich.base_year)
    workbook = openpyxl.load_workbook(edited_path)
    sheet = workbook["Assumptions"]
    deu = rich.row("DEU")
    # A colleague raises German growth in 2031, clears Poland's budget override,
    # and switches Belgium to nominal growth of 3% a year.
    sheet.cell(layout.assumption_row("growth", deu), layout.assumption_column(2031)).value = 2.9
    sheet.cell(
        layout.assumption_row("budget", rich.row("POL")), layout.assumption_column(2028)
    ).value = None
    sheet[layout.policy_cell("core_policy", rich.row("BEL"))] = "nominal growth"
    sheet[layout.policy_cell("rate_pct", rich.row("BEL"))] = 3
    workbook.save(edited_path)
    outputs = recalculate_with_libreoffice(
        [folder / "rich.xlsx", edited_path], folder / "out", folder / "profile"
    )
    return rich, outputs


def test_every_results_cell_equals_the_core_after_libreoffice_recalculation(recalculated):
    rich, (rich_out, _) = recalculated
    loaded = read_scenario(rich_out)
    assert loaded.scenario.inputs_equal(rich), "LibreOffice's re-save changed an input"
    assert loaded.warnings == [], "LibreOffice's formulas were taken for hand edits"
    found = results_from_file(rich_out, rich)
    expected = expected_results(rich)
    worst = {key: arrays_close(found[key], expected[key]) for key in expected}
    assert max(worst.values()) <= 1e-9, worst
    # The recomputation is not vacuous: Poland's ramp restarts after the 2028
    # override, which implies more than its 5.0% target, and a ramp never cuts:
    # it holds the implied share; Spain holds its own 2.1% target.
    pol, esp = rich.row("POL"), rich.row("ESP")
    implied = 260_000.0 / found["pp_cost"][pol, 2028 - 2026]
    assert implied > 5.0
    assert found["core_share"][pol, 2030 - 2026] == pytest.approx(implied, rel=1e-12)
    assert found["ramp_year"][pol, 2029 - 2026] == 2028
    # Lithuania ramps "to 3.5%" from above it: its NATO 2026 share is kept.
    ltu = rich.row("LTU")
    assert found["core_share"][ltu, 1:] == pytest.approx(
        np.full(14, rich.base.core_share_pct[ltu]), rel=1e-12
    )
    # Greece grows 6% a year to 2030, then holds the share it reached.
    grc = rich.row("GRC")
    assert found["budget"][grc, 4] == pytest.approx(
        rich.base.core_budget_mn[grc] * 1.06**4, rel=1e-12
    )
    assert found["core_share"][grc, 5:] == pytest.approx(
        np.full(10, found["core_share"][grc, 4]), rel=1e-12
    )
    # Romania's 2% related spending counts as 1.5% toward the total.
    # The British rate typed for 2030 holds there, then moves by relative PPP only.
    gbr = rich.row("GBR")
    assert found["fx"][gbr, 2030 - 2026] == pytest.approx(0.8, rel=1e-12)
    step = found["price_index"][gbr, 5] / found["price_index"][gbr, 4]
    us_step = found["price_index"][rich.row("USA"), 5] / found["price_index"][rich.row("USA"), 4]
    assert found["fx"][gbr, 5] == pytest.approx(0.8 * step / us_step, rel=1e-12)
    rou = rich.row("ROU")
    assert found["total_share"][rou] == pytest.approx(found["core_share"][rou] + 1.5, rel=1e-12)
    assert found["core_share"][esp, 1:] == pytest.approx(np.full(14, 2.1), rel=1e-12)


def test_summary_live_columns_follow_the_horizon(recalculated):
    rich, (rich_out, _) = recalculated
    summary = Projection(rich).summary()
    workbook = openpyxl.load_workbook(rich_out, data_only=True, read_only=True)
    rows = list(workbook[SHEET_SUMMARY].iter_rows(min_row=5, max_row=36, values_only=True))
    workbook.close()
    checked = 0
    for i, row in enumerate(rows):
        if np.isnan(summary["horizon_core_share_pct"].iloc[i]):
            continue
        assert row[0] == rich.allies[i].iso3
        assert row[3] == pytest.approx(summary["horizon_core_share_pct"].iloc[i], rel=1e-9)
        assert row[5] == pytest.approx(summary["horizon_total_share_pct"].iloc[i], rel=1e-9)
        assert row[8] == pytest.approx(summary["core_gap_pp"].iloc[i], rel=1e-9, abs=1e-12)
        assert row[10] == pytest.approx(summary["core_gap_usd_mn"].iloc[i], rel=1e-9, abs=1e-6)
        checked += 1
    assert checked == 31


def test_a_colleagues_edits_take_effect_in_the_spreadsheet_and_in_the_app(recalculated):
    rich, (rich_out, edited_out) = recalculated
    loaded = read_scenario(edited_out)
    scenario = loaded.scenario
    assert scenario.year_input(Measure.REAL_GROWTH, "DEU", 2031) == 2.9
    assert scenario.year_input(Measure.CORE_BUDGET, "POL", 2028) is None
    assert scenario.core_policy("BEL").kind == "nominal_growth"
    found = results_from_file(edited_out, scenario)
    expected = expected_results(scenario)
    assert max(arrays_close(found[k], expected[k]) for k in expected) <= 1e-9
    before = results_from_file(rich_out, rich)
    deu, bel = rich.row("DEU"), rich.row("BEL")
    assert found["gdp"][deu, 2031 - 2026] != pytest.approx(
        before["gdp"][deu, 2031 - 2026], rel=1e-6
    )
    # Belgium: B[2027] = B[2026] × 1.03, straight from NATO's 2026 figure.
    assert found["budget"][bel, 1] == pytest.approx(rich.base.core_budget_mn[bel] * 1.03, rel=1e-12)


def _sheet_values(path: Path, sheet: str) -> list[tuple]:
    workbook = openpyxl.load_workbook(path, data_only=True, read_only=True)
    rows = list(workbook[sheet].iter_rows(values_only=True))
    workbook.close()
    return rows


def _formula_cells(path: Path, sheet: str) -> list[tuple[int, int]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    cells = [
        (cell.row, cell.column)
        for row in workbook[sheet].iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("=")
    ]
    workbook.close()
    return cells


@pytest.mark.parametrize("sheet", [SHEET_RESULTS, SHEET_SUMMARY])
def test_every_formula_carries_the_value_libreoffice_computes(recalculated, tmp_path, sheet):
    """Readers that do not calculate (pandas, data_only, previews) see LibreOffice's numbers."""
    rich, (rich_out, _) = recalculated
    ours = tmp_path / "ours.xlsx"
    save_scenario(rich, ours)
    cached, computed = _sheet_values(ours, sheet), _sheet_values(rich_out, sheet)
    formulas = _formula_cells(ours, sheet)
    assert len(formulas) > (7000 if sheet == SHEET_RESULTS else 250)
    for row, column in formulas:
        mine, theirs = cached[row - 1][column - 1], computed[row - 1][column - 1]
        assert mine is not None, (sheet, row, column)
        if isinstance(theirs, str):
            assert mine == theirs, (sheet, row, column)
        else:
            assert mine == pytest.approx(theirs, rel=1e-9, abs=1e-9), (sheet, row, column)


def test_pandas_reads_numbers_from_a_file_natoplanner_saved(tmp_path, rich_scenario):
    path = tmp_path / "plan.xlsx"
    save_scenario(rich_scenario, path)
    summary = pd.read_excel(path, sheet_name=SHEET_SUMMARY, header=3, engine="openpyxl")
    expected = Projection(rich_scenario).summary()
    core = summary["Core share at horizon (% of GDP)"].to_numpy(dtype=float)
    assert np.allclose(core, expected["horizon_core_share_pct"].to_numpy(), equal_nan=True)
    results = pd.read_excel(path, sheet_name=SHEET_RESULTS, header=None, engine="openpyxl")
    assert results.select_dtypes("number").notna().sum().sum() > 7000
