"""File > Export: results as csv/xlsx and the plot as PNG/SVG, through the menu."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from PySide6.QtGui import QImage

from natoplanner.ui.exchange.export_actions import PNG_WIDTH_PX


def export(window, prompts, key: str, path):
    prompts.next_save_path = path
    window.export_actions[key].trigger()
    return path


def test_export_menu_lists_results_and_plot(window):
    texts = [a.text().replace("&", "") for a in window.export_menu.actions() if a.text()]
    assert texts[:4] == [
        "Results as Excel (.xlsx)…",
        "Results as CSV (.csv)…",
        "Plot as PNG image…",
        "Plot as SVG drawing…",
    ]


def test_plot_png_and_svg_written(qtbot, window, prompts, tmp_path):
    window.allies_panel.select_iso3(["POL", "DEU"])
    png = export(window, prompts, "plot_png", tmp_path / "plot.png")
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 5_000
    image = QImage(str(png))
    # The height keeps the on-screen ratio (the test window fits the 800 x 800 offscreen screen).
    assert image.width() == PNG_WIDTH_PX and image.height() > 150

    svg = export(window, prompts, "plot_svg", tmp_path / "plot")  # suffix added
    text = (tmp_path / "plot.svg").read_text(encoding="utf-8")
    assert "<svg" in text and ("<path" in text or "<polyline" in text)
    assert svg.with_suffix(".svg").stat().st_size > 2_000
    assert not [kind for kind, _ in prompts.asked if kind == "error"]


def test_results_csv_one_row_per_ally_and_year_with_units(window, prompts, tmp_path):
    path = export(window, prompts, "results_csv", tmp_path / "results.csv")
    frame = pd.read_csv(path, encoding="utf-8-sig")
    scenario = window.document.scenario
    years = scenario.horizon - scenario.base_year + 1  # 2026 (NATO estimate) .. 2035
    assert len(frame) == 32 * years
    assert frame.groupby(["ISO3", "Year"]).size().max() == 1
    assert "Core defence (% of GDP)" in frame.columns
    assert "GDP (billion national currency)" in frame.columns
    poland_2026 = frame[(frame["ISO3"] == "POL") & (frame["Year"] == 2026)]
    assert poland_2026["Core defence (% of GDP)"].iloc[0] == pytest.approx(4.68)  # NATO 2026e


def test_results_xlsx_has_results_sheet(window, prompts, tmp_path):
    path = export(window, prompts, "results_xlsx", tmp_path / "results.xlsx")
    workbook = openpyxl.load_workbook(path, read_only=True)
    sheet = workbook["Results"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert header[:4] == ["ISO3", "Ally", "National currency", "Year"]
    assert sum(1 for _ in sheet.iter_rows(min_row=2)) == 32 * 10
    workbook.close()


def test_export_to_a_missing_folder_says_so_plainly(window, prompts, tmp_path, qtbot):
    """Not the system's "No such file or directory: '….~results.x1y2.tmp'"."""
    folder = tmp_path / "no such folder"
    for key, name in (("results_csv", "results.csv"), ("plot_png", "plot.png")):
        export(window, prompts, key, folder / name)
        kind, message = prompts.asked[-1]
        assert kind == "error"
        assert (
            message
            == f"{folder / name}: the folder “{folder}” does not exist: choose another folder"
        )
    task = window.report_exporter.export(folder / "briefing.pdf")
    qtbot.waitUntil(lambda: task.outcome is not None, timeout=20_000)
    assert task.outcome == "error"
    assert prompts.asked[-1] == (
        "error",
        f"{folder / 'briefing.pdf'}: the folder “{folder}” does not exist: choose another folder",
    )
    assert not folder.exists()
    window.document.path = None
    prompts.next_save_path = folder / "scenario.xlsx"
    assert not window.save_as()
    assert prompts.asked[-1][1].endswith("does not exist: choose another folder")
    assert not any(".tmp" in text or ".part" in text for _kind, text in prompts.asked)


def test_export_dialogs_open_in_the_folder_of_the_last_export(window, prompts, tmp_path):
    """Charts, results, the briefing and the comparison all start where the last export went."""
    briefings = tmp_path / "briefings"
    briefings.mkdir()
    export(window, prompts, "results_csv", tmp_path / "first.csv")
    export(window, prompts, "plot_png", briefings / "chart.png")
    prompts.next_save_path = None  # the user cancels the next dialogs: only the folder matters
    window.export_actions["results_xlsx"].trigger()
    window.report_exporter.export()
    suggested = [Path(where) for kind, where in prompts.asked if kind == "save"]
    assert [p.parent for p in suggested[:2]] == [Path.home(), tmp_path]
    assert [p.parent for p in suggested[2:]] == [briefings, briefings]
    assert suggested[2].suffix == ".xlsx" and suggested[3].suffix == ".pdf"


def test_a_removed_export_folder_falls_back_to_the_scenario_folder(window, prompts, tmp_path):
    gone = tmp_path / "gone"
    gone.mkdir()
    export(window, prompts, "results_csv", gone / "results.csv")
    (gone / "results.csv").unlink()
    gone.rmdir()
    window.document.path = tmp_path / "scenario.xlsx"
    prompts.next_save_path = None
    window.export_actions["plot_svg"].trigger()
    assert Path(prompts.asked[-1][1]).parent == tmp_path


def _pixels(svg: bytes):
    """``svg`` drawn by Qt's renderer at its own size (one pixel per unit), as an array."""
    import numpy as np
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    assert renderer.isValid()
    image = QImage(renderer.viewBox().size(), QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    shape = (image.height(), image.width(), 4)
    return np.frombuffer(image.constBits(), np.uint8).reshape(shape).astype(int)


def test_svg_draws_the_same_without_vector_effect(window, monkeypatch):
    """Inkscape and office suites ignore vector-effect: the SVG must not need it.

    Qt's own renderer honours the attribute, so it draws Qt's raw SVG as meant;
    the exported SVG must draw the same, while the raw SVG with the attribute
    dropped (what those viewers see) draws curves 25-30 times too thick."""
    from natoplanner.ui.exchange import export_actions

    window.allies_panel.select_iso3(["POL", "DEU"])
    exported = export_actions.plot_svg_bytes(window.plot.plot_item)
    monkeypatch.setattr(export_actions, "without_non_scaling_strokes", lambda svg: svg)
    raw = export_actions.plot_svg_bytes(window.plot.plot_item)
    assert b"vector-effect" in raw and b"vector-effect" not in exported
    as_meant = _pixels(raw)
    ignored = _pixels(raw.replace(b'vector-effect="non-scaling-stroke"', b""))
    assert (abs(as_meant - ignored).max(axis=2) > 64).mean() > 0.10  # the defect, measured
    assert abs(as_meant - _pixels(exported)).max() <= 16  # anti-aliasing noise only
