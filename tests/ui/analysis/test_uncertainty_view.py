"""Monte Carlo view: runs off the GUI thread, fan chart bands, probabilities as the core's."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from natoplanner.core.goalseek import goal_seek
from natoplanner.core.scenario import Measure
from natoplanner.core.uncertainty import DEFAULT_SEED, MonteCarloSettings, run_monte_carlo
from natoplanner.ui.analysis.uncertainty_view import (
    ProbabilityModel,
    RawValueRole,
    UncertaintyDialog,
)
from natoplanner.ui.window.commands import ReplaceInputs, SetYearInput

DRAWS = 600


def fills(window) -> list[pg.FillBetweenItem]:
    return [item for item in window.plot.plot_item.items if isinstance(item, pg.FillBetweenItem)]


def germany_and_france_on_target(window) -> None:
    """Goal seek both to 3.5% by 2035, so their chance of meeting it is near one half."""
    document = window.document
    before = document.scenario.state()
    copy = document.scenario.copy()
    for result in goal_seek(copy, ["DEU", "FRA"], 3.5, 2035):
        result.change.apply(copy)
    document.push(ReplaceInputs(document, "Goal seek", before, copy.state()))


def open_view(qtbot, window, *codes: str) -> UncertaintyDialog:
    window.allies_panel.select_iso3(list(codes))
    window.uncertainty_action.trigger()
    dialog = window.uncertainty_dialog
    qtbot.waitExposed(dialog)
    return dialog


def run_and_wait(qtbot, dialog: UncertaintyDialog, draws: int = DRAWS) -> None:
    dialog.draws_spin.setValue(draws)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.is_running or dialog.result is not None
    qtbot.waitUntil(lambda: not dialog.is_running, timeout=20_000)


def shown_probabilities(dialog: UncertaintyDialog) -> dict[str, tuple[str, str]]:
    model = dialog.proxy
    return {
        dialog.model.iso3_at(dialog.proxy.mapToSource(model.index(row, 0)).row()): (
            model.index(row, 3).data(),
            model.index(row, 5).data(),
        )
        for row in range(model.rowCount())
    }


def test_run_draws_bands_and_shows_the_cores_probabilities(
    qtbot, window, prompts, qtmodeltester
) -> None:
    germany_and_france_on_target(window)
    dialog = open_view(qtbot, window, "DEU", "FRA", "POL")
    assert dialog.draws_spin.value() == 10_000 and dialog.seed_spin.value() == DEFAULT_SEED
    run_and_wait(qtbot, dialog)
    assert dialog.task.outcome == "done" and prompts.asked == []
    qtmodeltester.check(dialog.model)

    # Bands: two per selected ally, in the colour of its curve, behind it.
    assert sorted(dialog.fan.codes) == ["DEU", "FRA", "POL"]
    assert len(fills(window)) == 6
    colours = {QColor(window.plot._curves[c].colour).rgb() for c in ("DEU", "FRA", "POL")}
    assert {fill.brush().color().rgb() for fill in fills(window)} == colours

    # The same seed and draws in the core give the same probabilities, digit for digit.
    core = run_monte_carlo(
        window.document.scenario, MonteCarloSettings(n_draws=DRAWS, seed=DEFAULT_SEED)
    )
    shown = shown_probabilities(dialog)
    assert len(shown) == 31  # every ally with armed forces; Iceland has none
    for iso3, (core_text, total_text) in shown.items():
        row = core.iso3.index(iso3)
        assert core_text == f"{core.prob_core[row] * 100:.1f}%"
        assert total_text == f"{core.prob_total[row] * 100:.1f}%"
    # On target at the centre, Germany meets 3.5% in about half the draws; Poland's plan
    # holds a share of GDP (4.68%), which growth does not move: met in every draw.
    germany = float(shown["DEU"][0].rstrip("%"))
    assert 30 < germany < 70
    assert shown["POL"][0] == "100.0%"
    assert shown["ESP"][0] == "0.0%"

    # Fan rows follow the table: the p10 band edge at 2026 is NATO's published share.
    band = dialog.result.band("DEU")
    assert band.at[0, "year"] == 2026 and band.at[0, "p10"] == pytest.approx(2.69)


def test_bands_go_when_cleared_or_when_allies_or_scenario_change(qtbot, window) -> None:
    germany_and_france_on_target(window)
    dialog = open_view(qtbot, window, "DEU", "FRA")
    run_and_wait(qtbot, dialog, 200)
    assert len(fills(window)) == 4
    # The p10 and p90 edges are drawn too (a 0.3-pp band is a few pixels high): two lines
    # per ally, at the result's own percentiles.
    edges = [i for i in window.plot.plot_item.items if isinstance(i, pg.PlotCurveItem)]
    edges = [e for e in edges if e.opts["pen"] is not None and e.zValue() == -4]
    assert len(edges) == 4
    germany = dialog.result.band("DEU")
    drawn = sorted(tuple(np.round(e.yData, 9)) for e in edges)
    assert tuple(np.round(germany["p10"].to_numpy(), 9)) in drawn
    assert tuple(np.round(germany["p90"].to_numpy(), 9)) in drawn
    qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    assert fills(window) == [] and dialog.fan.codes == []
    assert not [e for e in edges if e in window.plot.plot_item.items]

    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    assert len(fills(window)) == 4
    window.allies_panel.select_iso3(["DEU"])  # the allies change
    assert fills(window) == []
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    assert dialog.fan.codes == ["DEU"] and len(fills(window)) == 2

    window.plot.set_mode("amount_national")  # bands are shares: none on an amounts plot
    assert fills(window) == []
    window.plot.set_mode("total_share")
    assert len(fills(window)) == 2
    total_edges = dialog.result.total_share_pct[dialog.result.iso3.index("DEU")]
    assert np.isfinite(total_edges).all()

    window.document.push(SetYearInput(window.document, Measure.CORE_BUDGET, "DEU", 2030, 150_000.0))
    assert fills(window) == [] and not dialog.draw_button.isEnabled()
    assert "run again" in dialog.status.text()


def test_cancel_stops_the_run_without_an_error(qtbot, window, prompts) -> None:
    dialog = open_view(qtbot, window, "DEU")
    dialog.draws_spin.setValue(60_000)
    task = dialog.run()
    assert not dialog.run_button.isEnabled()
    dialog.cancel()
    qtbot.waitUntil(lambda: not dialog.is_running, timeout=20_000)
    assert task.outcome == "cancelled"
    assert prompts.asked == []
    assert dialog.result is None and fills(window) == []
    assert dialog.model.rowCount() == 0
    assert "Cancelled" in dialog.status.text()
    assert dialog.run_button.isEnabled()


def test_constant_spread_and_deflator_settings_reach_the_core(qtbot, window) -> None:
    dialog = open_view(qtbot, window, "DEU")
    dialog.constant_radio.setChecked(True)
    dialog.spread_spin.setValue(0.0)
    dialog.deflator_check.setChecked(True)
    settings = dialog.settings()
    assert settings.growth_spread_pp == 0.0 and settings.deflator_spread_pp == 0.0
    assert settings.draw_deflator
    run_and_wait(qtbot, dialog, 200)
    # Zero spread: every percentile is the deterministic path (2.69% held in the default scenario).
    band = dialog.result.band("DEU")
    assert np.allclose(band[["p10", "p25", "p50", "p75", "p90"]].to_numpy(), 2.69)


def test_probability_model_is_a_well_behaved_model(qtmodeltester) -> None:
    from natoplanner.core.scenario import Scenario

    scenario = Scenario()
    model = ProbabilityModel(scenario.dataset.registry)
    qtmodeltester.check(model)
    model.set_result(run_monte_carlo(scenario, MonteCarloSettings(n_draws=100)))
    qtmodeltester.check(model)
    assert model.index(0, 3).data(RawValueRole) in (0.0, 100.0)


def test_an_edit_during_the_run_makes_its_result_stale(qtbot, window, prompts) -> None:
    dialog = open_view(qtbot, window, "DEU")
    dialog.draws_spin.setValue(20_000)
    dialog.run()
    # The progress dialog is not modal: the user may keep editing while the draws run.
    window.document.push(SetYearInput(window.document, Measure.CORE_BUDGET, "DEU", 2030, 150_000.0))
    qtbot.waitUntil(lambda: not dialog.is_running, timeout=20_000)
    assert dialog.task.outcome == "done" and prompts.asked == []
    assert dialog.model.rowCount() == 31  # the results of the run are shown...
    assert fills(window) == [] and not dialog.draw_button.isEnabled()  # ...but not as current
    assert "changed during the run" in dialog.status.text()
