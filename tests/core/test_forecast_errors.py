"""The Monte Carlo's documented spread: published forecast-error statistics as bounds.

The expected values are the published figures (IEO 2014 Table A2.1; Melander et al.
2007), typed here from the sources, and √(π/2) from the normal distribution.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from natoplanner.cli import run_command
from natoplanner.core.scenario import BudgetPolicy, CorePolicy, Scenario
from natoplanner.core.spreads.forecast_errors import documented_errors, documented_spread_pp
from natoplanner.core.spreads.shocks import default_spread_pp
from natoplanner.core.uncertainty import MonteCarloSettings, run_monte_carlo

#: IEO (2014), Annex 2, Table A2.1, mean errors (pp), current year to five years ahead.
IEO_GERMANY = (0.17, -0.79, -1.19, -1.28, -1.06, -1.08)
IEO_ITALY = (-0.40, -1.26, -1.55, -1.62, -1.57, -1.62)
IEO_EURO_AREA = (-0.16, -1.02, -1.44, -1.47, -1.34, -1.48)
EC_YEAR_AHEAD_MAE = 0.86  # Melander, Sismanidis and Grenouilleau (2007)


def test_the_transcribed_table_is_the_published_one():
    errors = documented_errors()
    assert tuple(errors.mean_error_pp.loc["Germany"]) == IEO_GERMANY
    assert tuple(errors.mean_error_pp.loc["Italy"]) == IEO_ITALY
    assert tuple(errors.mean_error_pp.loc["Euro area"]) == IEO_EURO_AREA
    assert errors.year_ahead_mae_pp == EC_YEAR_AHEAD_MAE
    assert errors.area_of == {
        "USA": "United States",
        "GBR": "United Kingdom",
        "FRA": "France",
        "DEU": "Germany",
        "ITA": "Italy",
        "CAN": "Canada",
    }


def test_the_spread_is_the_larger_bound_at_each_horizon():
    scenario = Scenario()
    spread = documented_spread_pp(scenario, default_spread_pp(scenario))
    floor = EC_YEAR_AHEAD_MAE * math.sqrt(math.pi / 2)  # 1.078 pp
    col = {year: year - 2027 for year in range(2027, 2041)}
    deu, ita, pol = scenario.row("DEU"), scenario.row("ITA"), scenario.row("POL")
    assert spread[deu, col[2027]] == pytest.approx(floor)  # |−0.79| < 1.078
    assert spread[deu, col[2028]] == pytest.approx(1.19)  # two years ahead
    assert spread[deu, col[2029]] == pytest.approx(1.28)
    assert spread[ita, col[2031]] == pytest.approx(1.62)  # five years ahead
    assert spread[ita, col[2040]] == pytest.approx(1.62)  # held after five
    assert spread[pol, col[2029]] == pytest.approx(1.47)  # no row: the euro area's
    assert (spread >= floor - 1e-12).all()


def test_documented_draws_are_wider_than_the_revisions_alone():
    scenario = Scenario()
    scenario.set_core_policy("DEU", CorePolicy(BudgetPolicy.REAL_GROWTH, rate_pct=3.0))
    row = scenario.row("DEU")
    widths = {}
    for scale in ("revisions", "documented"):
        result = run_monte_carlo(scenario, MonteCarloSettings(n_draws=4000, scale=scale))
        p10, p90 = result.core_share_pct[row, 0, -1], result.core_share_pct[row, -1, -1]
        widths[scale] = p90 - p10
    assert widths["documented"] > 1.8 * widths["revisions"]


def test_cli_uncertainty_scale(capsys):
    assert run_command(["uncertainty", "--draws", "2000", "--csv", "--scale", "revisions"]) == 0
    narrow = capsys.readouterr().out
    assert run_command(["uncertainty", "--draws", "2000", "--csv"]) == 0
    wide = capsys.readouterr().out
    assert narrow != wide
    assert run_command(["uncertainty", "--draws", "500"]) == 0
    assert "scaled to documented forecast errors" in capsys.readouterr().out
    rows = [line.split(",") for line in wide.splitlines()]
    header = rows[0]
    deu = next(r for r in rows if r[0] == "DEU")
    budget = {k: float(v) for k, v in zip(header, deu, strict=True) if "budget" in k}
    assert np.isfinite(list(budget.values())).all()
