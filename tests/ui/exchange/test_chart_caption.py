"""Exported charts carry a title (allies, measure, scenario) and a source line; not the window."""

from __future__ import annotations

from PySide6.QtGui import QImage

from natoplanner.ui.exchange.export_actions import (
    chart_source,
    chart_title,
    export_plot_as,
    plot_png_bytes,
)


def test_exported_svg_and_png_have_title_and_source(window, prompts, tmp_path):
    window.allies_panel.select_iso3(["POL", "DEU"])
    layout_items = window.plot.plot_item.layout.count()
    bare = QImage.fromData(plot_png_bytes(window.plot.plot_item))
    title, source = chart_title(window), chart_source(window)
    assert "Poland" in title and "Germany" in title and "Default scenario" in title
    assert window.plot.mode_combo.currentText() in title
    assert "NATO 2026 edition" in source and "IMF WEO April 2026" in source

    prompts.next_save_path = tmp_path / "plot.svg"
    export_plot_as(window, ".svg")
    svg = (tmp_path / "plot.svg").read_text(encoding="utf-8")
    assert "Germany, Poland — " in svg and "scenario “Default scenario”" in svg
    assert "IMF WEO April 2026" in svg

    prompts.next_save_path = tmp_path / "plot.png"
    export_plot_as(window, ".png")
    captioned = QImage(str(tmp_path / "plot.png"))
    assert captioned.width() == bare.width() and captioned != bare  # same route as the SVG

    # The window's own plot is left as it was.
    assert not window.plot.plot_item.titleLabel.isVisible()
    assert window.plot.plot_item.layout.count() == layout_items  # the source line is gone
