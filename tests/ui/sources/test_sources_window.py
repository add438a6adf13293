"""Data > Sources in the real window: import a vintage or a reference series, undo, plot."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from natoplanner.core.dataset import Dataset
from natoplanner.ui.sources.reference_curves import ReferenceCurves
from natoplanner.ui.sources.sources_dialog import SourcesModel, show_sources
from tests.io.import_fixtures import nato, sipri_workbook
from tests.io.vintages.fixtures import weo_download
from tests.io.vintages.test_vintage_workbook import _october_2026


def _menu_texts(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_data_menu_sits_before_analysis(window) -> None:
    texts = _menu_texts(window)
    assert texts.index("&Data") == texts.index("&Analysis") - 1


def test_import_a_weo_release_from_the_sources_dialog_is_one_undo_step(
    window, prompts, tmp_path: Path, qtmodeltester
) -> None:
    dialog = show_sources(window)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 4
    prompts.next_open_path = _october_2026(tmp_path)
    before = window.document.projection.paths.gdp_bn.copy()
    dialog.choose_file()
    scenario = window.document.scenario
    assert scenario.gdp_vintage == "IMF WEO October 2026"
    assert window.vintage_combo.currentData() == "IMF WEO October 2026"
    assert "IMF WEO October 2026" in window.data_label.text()
    assert dialog.model.rowCount() == 5
    names = [dialog.model.index(r, 0).data() for r in range(5)]
    row = names.index("IMF WEO October 2026")
    assert dialog.model.index(row, 2).data() == "yes"
    assert "WEOOct2026all.xls" in dialog.model.index(row, 6).data()
    # The projection moved with the new growth (April + 0.5 pp for every ally).
    assert (window.document.projection.paths.gdp_bn[:, 1:] > before[:, 1:]).all(
        where=~np.isnan(before[:, 1:])
    )
    assert window.document.undo_stack.undoText() == "Use IMF WEO October 2026 GDP forecasts"
    window.document.undo_stack.undo()
    assert window.document.scenario.gdp_vintage == "IMF WEO April 2026"
    np.testing.assert_array_equal(window.document.projection.paths.gdp_bn, before)
    assert dialog.model.rowCount() == 4
    window.document.undo_stack.redo()
    assert window.document.scenario.gdp_vintage == "IMF WEO October 2026"


def test_an_implausible_vintage_asks_and_no_leaves_everything(window, prompts, tmp_path) -> None:
    path = weo_download(tmp_path / "WEOOct2026all.xls", footer=None)
    lines = path.read_text(encoding="utf-16").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("000\tUSA\tPCPIPCH"))
    lines[row] = lines[row].replace("\t3.228\t", "\t32.28\t")
    path.write_text("\n".join(lines), encoding="utf-16")
    prompts.next_open_path = path
    prompts.confirm_answer = False
    show_sources(window).choose_file()
    assert window.document.scenario.gdp_vintage == "IMF WEO April 2026"
    question = next(text for kind, text in prompts.asked if kind == "confirm")
    assert "USA 2026 cpi_inflation_pct: 32.28" in question
    assert window.document.undo_stack.count() == 0


def test_file_import_routes_a_sipri_workbook_to_a_reference_series_on_the_plot(
    window, prompts, tmp_path
) -> None:
    from natoplanner.ui.exchange.import_open import start_import

    prompts.next_open_path = sipri_workbook(tmp_path / "sipri.xlsx")
    assert start_import(window) is None  # no import dialog: Data > Sources took it
    references = window.document.scenario.dataset.references
    assert [r.name for r in references] == ["SIPRI military expenditure (share of GDP)"]
    window.plot.set_allies(["POL"])
    curves: ReferenceCurves = window.reference_curves
    item = curves.items[("POL", "SIPRI military expenditure (share of GDP)")]
    years, values = item.getData()
    assert values[years.tolist().index(2024)] == pytest.approx(
        nato("POL", 2024, "defence_share_gdp_pct")
    )
    assert item.opts["name"] == "Poland — SIPRI military expenditure (share of GDP)"
    assert curves.note.isVisibleTo(window.plot) and "paramilitary" in curves.note.text()
    # The year editor's tooltip on Poland's base-year core share names SIPRI's figure.
    from natoplanner.ui.window.year_editor import EditorRow

    window.year_model.set_ally("POL")
    tip = window.year_model.index(EditorRow.CORE_SHARE, 0).data(Qt.ItemDataRole.ToolTipRole)
    sipri_2026 = nato("POL", 2026, "defence_share_gdp_pct")
    assert f"SIPRI military expenditure (share of GDP): {sipri_2026:.2f}% in 2026" in tip
    window.plot.set_mode("amount_national")  # SIPRI's shares are not drawn on amounts
    assert curves.items == {} and not curves.note.isVisibleTo(window.plot)
    window.document.undo_stack.undo()
    assert window.document.scenario.dataset.references == ()


def test_bundled_vintages_cannot_be_removed(window, prompts) -> None:
    dialog = show_sources(window)
    dialog.select_name("IMF WEO October 2025")
    dialog.remove_selected()
    assert prompts.asked[-1][0] == "error"
    assert window.document.undo_stack.count() == 0
    dialog.use_selected()
    assert window.document.scenario.gdp_vintage == "IMF WEO October 2025"
    assert isinstance(dialog.model, SourcesModel)
    assert Dataset.bundled().forecast_vintages[0] == "IMF WEO April 2026"


def test_switching_edition_asks_to_move_the_base_year_and_is_one_undo_step(
    window, prompts, tmp_path
) -> None:
    from natoplanner.core.scenario import Measure
    from natoplanner.ui.window.commands import SetYearInput
    from tests.io.vintages.fixtures import nato_edition_workbook

    document = window.document
    document.push(SetYearInput(document, Measure.CORE_BUDGET, "POL", 2027, 210_000.0))
    prompts.next_open_path = nato_edition_workbook(
        tmp_path / "def-exp-2027-en.xlsx", years=list(range(2014, 2028)), cutoff_note=False
    )
    show_sources(window).choose_file()
    assert any(
        "Move the base year from 2026 to 2027" in t for k, t in prompts.asked if k == "confirm"
    )
    assert document.scenario.base_year == 2027
    assert "NATO 2027 edition" in window.data_label.text()
    dropped = prompts.asked[-1]
    assert dropped[0] == "information" and "POL core defence budget" in dropped[1]
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert document.scenario.base_year == 2026
    assert document.scenario.year_input(Measure.CORE_BUDGET, "POL", 2027) == 210_000.0


def test_the_pdf_lists_reference_series_with_their_definitions(window, prompts, tmp_path) -> None:
    from pypdf import PdfReader

    from natoplanner.ui.analysis.report import write_report
    from natoplanner.ui.exchange.import_open import start_import

    prompts.next_open_path = sipri_workbook(tmp_path / "sipri.xlsx")
    start_import(window)
    path = tmp_path / "briefing.pdf"
    write_report(window.document, path, ["POL"])
    first = " ".join(PdfReader(str(path)).pages[0].extract_text().split())
    assert (
        "Reference series SIPRI military expenditure (share of GDP) (Stockholm International "
        "Peace Research Institute), not NATO's figures: SIPRI's definition is broader"
    ) in first


def test_compare_draws_reference_series_beside_nato_history(window, prompts, tmp_path) -> None:
    from natoplanner.ui.exchange.import_open import start_import

    prompts.next_open_path = sipri_workbook(tmp_path / "sipri.xlsx")
    start_import(window)
    window.compare_action.trigger()
    dialog = window.compare_dialog
    index = dialog.ally_combo.findData("POL")
    dialog.ally_combo.setCurrentIndex(index)
    dialog._update_history("POL", "core_share_pct")
    (item,) = dialog._reference_items
    years, values = item.getData()
    assert item.opts["name"] == "SIPRI military expenditure (share of GDP)"
    assert values[list(years).index(2020)] == pytest.approx(
        nato("POL", 2020, "defence_share_gdp_pct")
    )
    dialog.close()
