"""Compare view: a duplicate compares as all zeros; a known change shows only where expected.

Expected figures are worked out by hand from NATO's 2026 edition (Germany
2026e: 2.69% of GDP) and the ramp rule in DESIGN §4 (linear in share from the
base year to the target year).
"""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from natoplanner.core.scenario import BudgetPolicy, CorePolicy
from natoplanner.ui.analysis.compare_table import RowCodeRole
from natoplanner.ui.analysis.compare_view import CompareDialog
from natoplanner.ui.shell.prompts import ScriptedPrompts, Unsaved
from natoplanner.ui.shell.workspace import Workspace
from natoplanner.ui.window.commands import set_core_policy
from natoplanner.ui.window.main_window import MainWindow

GERMANY_2026_PCT = 2.69  # NATO 2026 edition, Table 3 (2026e)


@pytest.fixture
def two_windows(qtbot):
    workspace = Workspace(
        window_factory=MainWindow.in_workspace,
        prompts_factory=lambda window: ScriptedPrompts(unsaved=Unsaved.DISCARD),
    )
    first = workspace.open_window()
    second = workspace.duplicate(first.document)
    yield first, second
    # Workspace windows delete themselves on close, so they are closed here, not by qtbot.
    for window in reversed(workspace.windows):
        window.document.undo_stack.setClean()
        window.close()


def _open(window) -> CompareDialog:
    window.compare_action.trigger()
    dialog = window.compare_dialog
    assert dialog.isVisible()
    return dialog


def _cells(dialog: CompareDialog) -> dict[tuple[str, str], object]:
    """(row code, header text) -> raw value, for every cell the user sees."""
    model = dialog.model
    cells = {}
    for column in range(model.columnCount()):
        header = model.headerData(column, Qt.Orientation.Horizontal).replace("\n", " | ")
        for row in range(model.rowCount()):
            code = model.index(row, 0).data(RowCodeRole)
            cells[(code, header)] = model.raw_value(row, column)
    return cells


def _changed_rows(dialog: CompareDialog) -> set[str]:
    model, changed = dialog.model, set()
    for column in range(model.columnCount()):
        if model.column_spec(column).kind != "diff":
            continue
        for row in range(model.rowCount()):
            index = model.index(row, column)
            font = index.data(Qt.ItemDataRole.FontRole)
            if font is not None and font.bold():
                changed.add(index.data(RowCodeRole))
    return changed


def test_duplicate_compares_as_all_zeros(two_windows, qtmodeltester):
    first, second = two_windows
    dialog = _open(first)
    qtmodeltester.check(dialog.model)
    assert [d.scenario.name for d in dialog.documents()] == [
        "Default scenario",
        "Default scenario (copy)",
    ]
    assert dialog.reference_combo.currentText() == "Default scenario"
    assert dialog.model.rowCount() == 34  # 32 allies, NATO, Europe and Canada
    diffs = [
        (c, dialog.model.index(r, c).data())
        for c in range(dialog.model.columnCount())
        if dialog.model.column_spec(c).kind == "diff"
        for r in range(dialog.model.rowCount())
    ]
    assert len(diffs) == 4 * 34
    assert {text for _c, text in diffs} <= {"0 pp", "0", "0 yr", "—"}
    assert _changed_rows(dialog) == set()
    # The plot overlays one curve per scenario, each with its own dash pattern.
    styles = {curve.opts["pen"].style() for curve in dialog._curves.values()}
    assert len(dialog._curves) == 2 and len(styles) == 2


def test_known_change_shows_for_germany_and_the_alliance_only(two_windows, qtbot, qtmodeltester):
    first, second = two_windows
    dialog = _open(first)
    ramp = CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2035)
    second.document.push(set_core_policy(second.document, "DEU", ramp))
    # Live: the edit in the other window reaches the table without a click.
    qtbot.waitUntil(lambda: _changed_rows(dialog) == {"DEU", "NATO", "EUROPE_CANADA"}, timeout=2000)
    qtmodeltester.check(dialog.model)

    cells = _cells(dialog)
    copy = "Default scenario (copy)"
    assert cells[("DEU", f"Core 2035 | {copy}")] == pytest.approx(3.5, abs=1e-9)
    assert cells[("DEU", f"Δ Core 2035 | {copy}")] == pytest.approx(
        3.5 - GERMANY_2026_PCT, abs=1e-9
    )
    assert math.isnan(cells[("DEU", "At 3.5%/target | Default scenario")])  # holds 2.69%
    assert cells[("DEU", f"At 3.5%/target | {copy}")] == 2035
    # Only Germany moved, so the alliance's extra dollars are Germany's.
    germany_usd = cells[("DEU", f"Δ Budget 2035, mn USD | {copy}")]
    assert germany_usd > 0
    assert cells[("NATO", f"Δ Budget 2035, mn USD | {copy}")] == pytest.approx(
        germany_usd, rel=1e-12
    )
    assert cells[("EUROPE_CANADA", f"Δ Budget 2035, mn USD | {copy}")] == pytest.approx(
        germany_usd, rel=1e-12
    )

    # What the user reads: "now reached", and the path's facts: a linear ramp over
    # 2026-2035 has done 3/9 = 33% of the increase by 2029, as the linear path
    # (so it is not back-loaded); the reference does not reach the target.
    model = dialog.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(RowCodeRole) == "DEU")
    columns = {
        model.headerData(c, Qt.Orientation.Horizontal): c for c in range(model.columnCount())
    }
    assert model.index(row, columns[f"Δ At 3.5%/target\n{copy}"]).data() == "now reached"
    flag = model.index(row, columns[f"Path\n{copy}"])
    assert flag.data() == "✓ 2035 · 33%/33%"
    tip = flag.data(Qt.ItemDataRole.ToolTipRole)
    assert "33% of the increase by 2029 (linear path: 33%)" in tip and "back-loaded" not in tip
    reference = model.index(row, columns["Path\nDefault scenario"])
    assert reference.data() == "✗ 2035"
    assert reference.data(Qt.ItemDataRole.ToolTipRole) == "does not reach 3.5% by 2035; incremental"

    # Undo in the other window: back to all zeros.
    second.undo_action.trigger()
    qtbot.waitUntil(lambda: _changed_rows(dialog) == set(), timeout=2000)


def test_sort_copy_reference_and_closing(two_windows, qtbot):
    first, second = two_windows
    ramp = CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2030)
    second.document.push(set_core_policy(second.document, "DEU", ramp))
    dialog = _open(first)
    dialog.refresh()
    model, proxy = dialog.model, dialog.proxy
    delta = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal).startswith("Δ Core")
    )
    dialog.table.sortByColumn(delta, Qt.SortOrder.DescendingOrder)
    codes = [proxy.index(r, 0).data(RowCodeRole) for r in range(proxy.rowCount())]
    assert codes[0] == "DEU"
    assert codes[-2:] == ["NATO", "EUROPE_CANADA"]  # the alliance stays at the bottom

    dialog.copy_action.trigger()
    lines = QGuiApplication.clipboard().text().rstrip("\r\n").split("\r\n")
    assert len(lines) == 35
    assert lines[0].startswith("Ally\tCore 2035 Default scenario\t")
    germany = lines[1].split("\t")
    assert germany[0] == "Germany" and float(germany[2]) == pytest.approx(3.5)

    # The copy as reference: Germany's difference changes sign.
    dialog.reference_combo.setCurrentIndex(1)
    dialog.refresh()
    assert model.comparison.reference == "Default scenario (copy)"
    assert model.comparison.differences.at["DEU", ("core_share_pct", "Default scenario")] == (
        pytest.approx(GERMANY_2026_PCT - 3.5, abs=1e-9)
    )

    # Closing a compared window leaves one scenario: nothing to compare.
    second.document.undo_stack.setClean()
    assert second.close()
    qtbot.waitUntil(lambda: dialog.scenario_list.count() == 1, timeout=2000)
    dialog.refresh()
    assert dialog.model.rowCount() == 0
    assert "at least two" in dialog.message.text()


def test_comparison_year_picker(two_windows, qtbot):
    """In 2030 the ramp (2.69% in 2026 to 3.5% in 2035, linear) stands at
    2.69 + 0.81·4/9 = 3.05%: the difference with the flat copy is 0.36 pp."""
    first, second = two_windows
    dialog = _open(first)
    ramp = CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2035)
    second.document.push(set_core_policy(second.document, "DEU", ramp))
    assert dialog.year_spin.text() == "horizon"
    dialog.year_spin.setValue(2030)
    qtbot.waitUntil(lambda: "Core 2030" in str(_cells(dialog).keys()), timeout=2000)
    copy = "Default scenario (copy)"
    expected = GERMANY_2026_PCT + (3.5 - GERMANY_2026_PCT) * 4 / 9
    cells = _cells(dialog)
    assert cells[("DEU", f"Core 2030 | {copy}")] == pytest.approx(expected, abs=1e-9)
    assert cells[("DEU", f"Δ Core 2030 | {copy}")] == pytest.approx(
        expected - GERMANY_2026_PCT, abs=1e-9
    )
    assert "Values in 2030" in dialog.message.text()
