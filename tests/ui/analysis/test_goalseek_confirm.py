"""Goal seek asks before it replaces core budgets the user typed or imported."""

from __future__ import annotations

import math

from natoplanner.core.scenario import Measure
from natoplanner.ui.window.commands import SetYearInput


def open_goal_seek(qtbot, window, *codes):
    window.allies_panel.select_iso3(list(codes))
    window.goal_seek_action.trigger()
    dialog = window.goal_seek_dialog
    qtbot.waitExposed(dialog)
    dialog.set_goal(3.5, 2035)
    return dialog


def test_goal_seek_asks_before_clearing_typed_budgets(qtbot, window, prompts):
    document = window.document
    document.push(SetYearInput(document, Measure.CORE_BUDGET, "DEU", 2030, 150_000.0))
    steps = document.undo_stack.count()
    dialog = open_goal_seek(qtbot, window, "DEU", "FRA")

    prompts.confirm_answer = False
    dialog.apply()
    [(kind, message)] = [(k, m) for k, m in prompts.asked if k == "confirm"]
    assert "Germany: 1 typed or imported core budget(s) cleared" in message
    assert "France" not in message  # nothing typed there
    assert document.scenario.year_input(Measure.CORE_BUDGET, "DEU", 2030) == 150_000.0
    assert document.undo_stack.count() == steps  # nothing applied

    prompts.confirm_answer = True
    dialog.apply()
    assert math.isnan(document.scenario.year_input(Measure.CORE_BUDGET, "DEU", 2030) or math.nan)
    assert document.undo_stack.count() == steps + 1
    window.undo_action.trigger()  # and undo brings the typed budget back
    assert document.scenario.year_input(Measure.CORE_BUDGET, "DEU", 2030) == 150_000.0
    dialog.close()


def test_no_question_when_nothing_typed_is_lost(qtbot, window, prompts):
    dialog = open_goal_seek(qtbot, window, "ESP")
    dialog.apply()
    assert [k for k, _m in prompts.asked if k == "confirm"] == []
    assert window.document.undo_stack.count() == 1
    dialog.close()
