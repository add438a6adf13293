"""What a window looks like before and just after the first edits: empty selection, bands, "met"."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt

from natoplanner.core.scenario import BudgetPolicy, CorePolicy, RelatedPolicy, RelatedTrack
from natoplanner.ui.window.allies_table import Band, Column, Iso3Role, band_brush
from natoplanner.ui.window.commands import set_core_policy, set_related_track


def cell(window, iso3: str, column: Column, role=Qt.ItemDataRole.DisplayRole):
    proxy = window.allies_panel.proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data(Iso3Role) == iso3:
            return proxy.index(row, column).data(role)
    raise AssertionError(iso3)


def test_no_ally_selected_shows_the_years_and_says_what_to_do(window):
    window.allies_panel.select_iso3([])
    low, high = window.plot.plot_item.viewRange()[0]
    assert low < 2014 and high > window.document.scenario.horizon  # not a 0-1 axis
    assert window.plot.empty_text.isVisible()
    assert "Select allies" in window.plot.empty_text.toPlainText()
    labels = [
        window.year_model.headerData(r, Qt.Orientation.Vertical)
        for r in range(window.year_model.rowCount())
    ]
    assert not any("( " in label or " )" in label or "()" in label for label in labels), labels
    window.allies_panel.select_iso3(["POL"])
    assert not window.plot.empty_text.isVisible()
    assert "PLN" in window.year_model.headerData(3, Qt.Orientation.Vertical)


def test_a_rounding_gap_reads_met_not_zero(window):
    # Canada ramped to exactly 3.5% by the horizon: the projected share equals
    # the target up to float noise (a gap of about 4e-16 pp).
    window.document.push(
        set_core_policy(
            window.document,
            "CAN",
            CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2035),
        )
    )
    assert cell(window, "CAN", Column.GAP) == "met"
    assert cell(window, "CAN", Column.FIRST_YEAR) == "2035"
    assert cell(window, "ESP", Column.GAP) == "1.50"  # 3.5 − 2.00 held


def test_total_column_is_banded_against_five_percent(window):
    from PySide6.QtGui import QGuiApplication

    palette = QGuiApplication.palette()
    colour = lambda band: band_brush(band, palette).color()  # noqa: E731
    # Poland holds 4.68% core: at or above 3.5% core, but its total is below 5%.
    assert cell(window, "POL", Column.HORIZON_CORE, Qt.ItemDataRole.BackgroundRole).color() == (
        colour(Band.TARGET)
    )
    total = cell(window, "POL", Column.HORIZON_TOTAL, Qt.ItemDataRole.BackgroundRole)
    assert total.color() == colour(Band.GUIDELINE)
    assert "5%" in cell(window, "POL", Column.HORIZON_TOTAL, Qt.ItemDataRole.ToolTipRole)
    # With 1.5% related spending Poland's total passes 5%: the band turns.
    window.document.push(
        set_related_track(
            window.document, "POL", RelatedTrack(RelatedPolicy.CONSTANT_SHARE, share_pct=1.5)
        )
    )
    total = cell(window, "POL", Column.HORIZON_TOTAL, Qt.ItemDataRole.BackgroundRole)
    assert total.color() == colour(Band.TARGET)
    # Slovenia's 1.61% is below the 2% guideline on both.
    total = cell(window, "SVN", Column.HORIZON_TOTAL, Qt.ItemDataRole.BackgroundRole)
    assert total.color() == colour(Band.BELOW_GUIDELINE)


def test_overrides_are_marked_on_the_plot(window):
    from natoplanner.core.scenario import Measure
    from natoplanner.ui.window.commands import SetYearInput

    window.allies_panel.select_iso3(["POL"])
    curves = window.plot._curves["POL"]
    assert len(curves.overrides.getData()[0]) == 0
    window.document.push(SetYearInput(window.document, Measure.CORE_BUDGET, "POL", 2030, 275_000.0))
    x, y = curves.overrides.getData()
    projected_x, projected_y = curves.projection.getData()
    assert list(x) == [2030]
    assert y[0] == projected_y[list(projected_x).index(2030)]
    assert "your input" in window.plot.readout_at(2030, float(y[0]))
    window.undo_action.trigger()
    assert len(curves.overrides.getData()[0]) == 0


def test_the_legend_stays_above_the_curves_with_many_allies(window, qtbot):
    window.resize(1440, 900)
    codes = ["POL", "DEU", "FRA", "ESP", "USA", "GBR", "ITA", "CAN", "NLD", "NOR", "SWE", "FIN"]
    window.allies_panel.select_iso3(codes)
    qtbot.wait(50)
    window.plot._fit_view()  # the legend's size is known once laid out
    plot = window.plot
    legend = plot.legend.mapRectToScene(plot.legend.boundingRect())
    view = plot.plot_item.vb
    highest = max(
        float(np.nanmax(np.concatenate([h, p])))
        for h, p in (plot.series(c)[1::3] for c in plot._curves)
    )
    # The highest point of any curve lies below the legend's bottom edge.
    highest_y = view.mapViewToScene(QPointF(2020, highest)).y()
    assert highest_y > legend.bottom()


def test_a_refused_value_is_explained_at_its_cell_until_a_good_one_is_typed(window, qtbot):
    from PySide6.QtWidgets import QAbstractItemView

    from natoplanner.core.scenario import Measure
    from natoplanner.ui.window.year_editor import EditorRow

    window.allies_panel.select_iso3(["ITA"])
    model, view = window.year_model, window.year_view
    column = 2031 - window.document.scenario.base_year
    index = model.index(EditorRow.CORE_BUDGET, column)
    plain = index.data(Qt.ItemDataRole.BackgroundRole)

    def type_text(text: str) -> None:
        view.setFocus()
        view.setCurrentIndex(index)
        qtbot.keyClicks(view, text[0])
        qtbot.keyClicks(view.focusWidget(), text[1:])
        qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)

    type_text("-5")
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("⚠") and "≥ 0" in tip
    assert index.data(Qt.ItemDataRole.BackgroundRole) != plain
    # Another cell is not marked.
    other = model.index(EditorRow.CORE_BUDGET, column + 1)
    assert not other.data(Qt.ItemDataRole.ToolTipRole).startswith("⚠")
    type_text("30000")
    assert window.document.scenario.year_input(Measure.CORE_BUDGET, "ITA", 2031) == 30000.0
    assert not index.data(Qt.ItemDataRole.ToolTipRole).startswith("⚠")


def test_core_and_total_are_drawn_together(window):
    """View > Core and total (Ctrl+5): the core curve as before and the countable total
    dotted beside it; related above 1.5% of GDP is not counted (Spain: 2.00% + 2.0%)."""
    from natoplanner.ui.window.path_plot import PlotMode

    window.document.push(
        set_related_track(
            window.document, "ESP", RelatedTrack(RelatedPolicy.CONSTANT_SHARE, share_pct=2.0)
        )
    )
    window.allies_panel.select_iso3(["ESP"])
    action = next(a for a in window.plot_mode_actions.actions() if a.data() == "core_and_total")
    assert action.shortcut().toString() == "Ctrl+5"
    action.trigger()
    assert window.plot.mode == PlotMode.CORE_AND_TOTAL
    curves = window.plot._curves["ESP"]
    years, core = curves.projection.getData()
    total_years, total = curves.total.getData()
    assert list(total_years) == list(years) == list(range(2026, 2036))
    np.testing.assert_allclose(core, 2.00, atol=1e-9)  # NATO 2026e, held
    np.testing.assert_allclose(total, 2.00 + 1.5, atol=1e-9)  # related counted up to 1.5
    legend = [label.text for _sample, label in window.plot.legend.items]
    assert any("dotted" in text for text in legend), legend
    assert window.plot.readout_at(2030, 3.4).startswith("Spain 2030: total 3.50%")
    assert window.plot.readout_at(2030, 2.1).startswith("Spain 2030: 2.00%")
    window.plot.set_mode(PlotMode.CORE_SHARE)
    hidden_years = curves.total.getData()[0]
    assert hidden_years is None or len(hidden_years) == 0
    assert not any("dotted" in label.text for _s, label in window.plot.legend.items)


def _visible_labels(plot):
    lines = [*plot._reference_lines, plot._review_line, plot._horizon_line]
    return [line.label for line in lines if line.isVisible() and line.label.isVisible()]


def test_reference_labels_never_print_over_each_other(window, qtbot):
    window.allies_panel.select_iso3(["POL", "DEU"])
    window.resize(1366, 900)
    qtbot.wait(50)
    assert len(_visible_labels(window.plot)) == 5  # room for every label

    window.plot.setFixedHeight(150)  # a short plot: the labels would collide
    qtbot.wait(50)
    labels = _visible_labels(window.plot)
    rects = [label.sceneBoundingRect() for label in labels]
    overlapping = [
        (a.toPlainText(), b.toPlainText())
        for i, (a, ra) in enumerate(zip(labels, rects, strict=True))
        for b, rb in list(zip(labels, rects, strict=True))[i + 1 :]
        if ra.intersects(rb)
    ]
    assert overlapping == []
    assert "3.5% core" in [label.toPlainText() for label in labels]  # the target stays
