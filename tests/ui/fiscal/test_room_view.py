"""Fiscal room window: what a planner sees and edits, against NATO's table by hand."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from natoplanner.ui.fiscal.room_view import COLUMNS, RAW_ROLE, FiscalRoomView

DATA = Path(__file__).resolve().parents[3] / "data"


def nato_share(iso3: str, year: int) -> float:
    table = pd.read_csv(DATA / "nato_defence_expenditure.csv")
    return float(
        table[(table["iso3"] == iso3) & (table["year"] == year)]["defence_share_gdp_pct"].iloc[0]
    )


def _open(window) -> FiscalRoomView:
    window.fiscal_room_action.trigger()
    view = window.fiscal_room
    assert view.isVisible()
    return view


def _cell(view: FiscalRoomView, iso3: str, key: str, role=Qt.ItemDataRole.DisplayRole):
    model = view.model
    row = model.room.iso3.index(iso3)
    return model.data(model.index(row, COLUMNS.index(key)), role)


def test_poland_2026_cap_binds_and_france_is_not_applicable(window, qtmodeltester) -> None:
    view = _open(window)
    qtmodeltester.check(view.model)
    assert view.year_spin.value() == 2026
    increase = nato_share("POL", 2026) - nato_share("POL", 2021)
    assert _cell(view, "POL", "increase", RAW_ROLE) == pytest.approx(increase)
    assert _cell(view, "POL", "inside") == "1.50"
    assert _cell(view, "POL", "outside") == f"{increase - 1.5:.2f}"
    assert _cell(view, "POL", "status") == "active"
    assert _cell(view, "POL", "safe") == "43.73"
    assert _cell(view, "FRA", "status").startswith("not applicable: escape clause not activated")
    assert _cell(view, "FRA", "inside") == "—"
    assert _cell(view, "NOR", "clause", Qt.ItemDataRole.CheckStateRole) is None
    assert "COFOG" in view.caption.text()


def test_rule_edits_are_undoable_steps(window, qtbot) -> None:
    view = _open(window)
    stack = window.document.undo_stack
    view.cap_spin.setValue(1.0)
    qtbot.waitUntil(lambda: _cell(view, "POL", "inside") == "1.00")
    assert window.document.scenario.fiscal.cap_pct == 1.0
    assert stack.count() == 1 and "cap" in stack.undoText()
    view.last_spin.setValue(2030)
    view.year_spin.setValue(2030)
    qtbot.waitUntil(lambda: _cell(view, "POL", "status") == "active")
    stack.undo()
    qtbot.waitUntil(lambda: view.last_spin.value() == 2028)
    assert _cell(view, "POL", "status").startswith("ended 2028")
    stack.undo()
    qtbot.waitUntil(lambda: view.cap_spin.value() == 1.5)
    assert window.document.scenario.fiscal.cap_pct == 1.5


def test_table_inputs_clause_and_cofog_baseline(window, qtbot) -> None:
    view = _open(window)
    model = view.model
    france = model.index(model.room.iso3.index("FRA"), COLUMNS.index("clause"))
    assert model.setData(france, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: _cell(view, "FRA", "status") == "active")
    increase = nato_share("FRA", 2026) - nato_share("FRA", 2021)
    assert _cell(view, "FRA", "inside", RAW_ROLE) == pytest.approx(increase)
    germany = model.index(model.room.iso3.index("DEU"), COLUMNS.index("baseline"))
    assert model.setData(germany, "1.3", Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: "COFOG" in _cell(view, "DEU", "baseline"))
    assert _cell(view, "DEU", "increase", RAW_ROLE) == pytest.approx(nato_share("DEU", 2026) - 1.3)
    assert not model.setData(germany, "lots", Qt.ItemDataRole.EditRole)
    assert "lots" in view.problem.text()
    norway = model.index(model.room.iso3.index("NOR"), COLUMNS.index("clause"))
    assert not model.flags(norway) & Qt.ItemFlag.ItemIsUserCheckable
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: _cell(view, "FRA", "status").startswith("not applicable"))
    assert window.document.scenario.fiscal.cofog_baseline("DEU") is None


def test_a_refused_rule_is_shown_not_pushed(window, qtbot) -> None:
    view = _open(window)
    view.baseline_spin.setValue(2026)  # not before the clause's first year (2025)
    assert "first year" in view.problem.text()
    assert window.document.undo_stack.count() == 0
    assert view.baseline_spin.value() == 2021


def test_the_fiscal_room_speaks_french(qtbot, qapp) -> None:
    from natoplanner.ui.shell.language import install_language, remove_language
    from natoplanner.ui.shell.prompts import ScriptedPrompts
    from natoplanner.ui.window.document import ScenarioDocument
    from natoplanner.ui.window.main_window import MainWindow

    translators = install_language(qapp, "fr")
    try:
        window = MainWindow(ScenarioDocument(), language="fr", prompts=ScriptedPrompts())
        qtbot.addWidget(window)
        view = _open(window)
        assert view.windowTitle().startswith("Marge budgétaire")
        assert "COFOG" in view.caption.text() and "Clause dérogatoire" in view.caption.text()
        assert _cell(view, "FRA", "status").startswith("sans objet")
        assert _cell(view, "POL", "inside") == "1,50"
        view.cap_spin.setValue(1.0)
        assert window.document.undo_stack.undoText() == "clause dérogatoire : plafond"
        window.document.undo_stack.setClean()
    finally:
        remove_language(qapp, translators)


def test_budget_law_bridge_and_a_typed_budget_law_amount(window, qtbot) -> None:
    view = _open(window)
    model = view.model
    # By hand: Germany's 2026 federal budget EUR 108.2 bn is NATO's 124,660 m ÷ the ratio.
    assert _cell(view, "DEU", "budget_law", RAW_ROLE) == pytest.approx(108_200)
    assert "April" in _cell(view, "GBR", "bridge", Qt.ItemDataRole.ToolTipRole)
    assert _cell(view, "GBR", "budget_law") == "—"
    view.year_spin.setValue(2030)
    germany = model.index(model.room.iso3.index("DEU"), COLUMNS.index("budget_law"))
    assert model.flags(germany) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(germany, "150000", Qt.ItemDataRole.EditRole)
    ratio = 124_660 / 108_200
    scenario = window.document.scenario
    assert scenario.year_input("core_budget_mn", "DEU", 2030) == pytest.approx(150_000 * ratio)
    qtbot.waitUntil(lambda: _cell(view, "DEU", "budget_law") == "150,000")
    window.document.undo_stack.undo()
    assert scenario.year_input("core_budget_mn", "DEU", 2030) is None
    uk = model.index(model.room.iso3.index("GBR"), COLUMNS.index("bridge"))
    assert model.setData(uk, "1.1", Qt.ItemDataRole.EditRole)
    assert scenario.fiscal.bridge("GBR") == 1.1
    qtbot.waitUntil(lambda: _cell(view, "GBR", "budget_law") != "—")


def test_typed_net_lending_shows_the_level(window, qtbot) -> None:
    view = _open(window)
    model = view.model
    view.year_spin.setValue(2030)
    assert _cell(view, "POL", "lending") == "0.00"  # the share is held: no extra spending
    poland = model.index(model.room.iso3.index("POL"), COLUMNS.index("lending"))
    assert model.setData(poland, "-6.5", Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: _cell(view, "POL", "lending") == "0.00 (-6.50)")
    assert window.document.scenario.fiscal.public_finances("POL")[0] == -6.5
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: _cell(view, "POL", "lending") == "0.00")
