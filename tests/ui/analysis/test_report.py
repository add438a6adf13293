"""Briefing report: a real PDF, read back with pypdf (pages, text, repeated table header)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from natoplanner.core.scenario import BudgetPolicy, CorePolicy, Targets
from natoplanner.ui.analysis.report import write_report
from natoplanner.ui.window.commands import RenameScenario, set_core_policy, set_targets

SCENARIO_NAME = "Plan B – Hague 2035"


def _page_texts(path: Path) -> list[str]:
    # Qt writes each word as its own text run; join on single spaces to search.
    return [" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


@pytest.fixture
def planned(window):
    document = window.document
    document.push(RenameScenario(document, SCENARIO_NAME))
    ramp = CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2035)
    document.push(set_core_policy(document, "DEU", ramp))
    document.push(set_targets(document, "ESP", Targets(core_pct=2.1, total_pct=5.0)))
    return window


def test_pdf_pages_and_text(planned, tmp_path):
    path = tmp_path / "briefing.pdf"
    pages = write_report(planned.document, path, ["POL", "DEU", "FRA"])
    raw = path.read_bytes()
    assert raw.startswith(b"%PDF")
    # Title page (with the path plot), ranking page, and the 32-row summary
    # table (one page, the path column giving its facts in a few words), and the
    # fiscal-room page: 4 pages.
    assert pages == 4
    assert len(PdfReader(str(path)).pages) == 4
    assert len(re.findall(rb"/Type\s*/Page(?!s)", raw)) == 4  # page objects, not /Pages

    texts = _page_texts(path)
    assert SCENARIO_NAME in texts[0]
    assert "NATO 2026 edition" in texts[0] and "IMF WEO April 2026" in texts[0]
    # Assumptions in brief name only what differs from the default scenario.
    assert "Germany: core budget: ramp to 3.5% by 2035" in texts[0]
    assert "Spain: own targets 2.1% core, 5% total" in texts[0]
    assert "France:" not in texts[0]
    assert "Allies at or above 3.5% core (of 31)" in texts[0]
    ranking = [i for i, t in enumerate(texts) if "Allies ranked by core share of GDP in 2035" in t]
    tables = [i for i, t in enumerate(texts) if "Budget policy" in t]
    assert len(ranking) == 1 and tables == [ranking[0] + 1]
    assert "Fiscal room under the EU escape clause" in texts[-1]
    # The table: every ally once, the header repeated on the page it continues on.
    table_text = texts[tables[0]]
    for ally in planned.document.scenario.allies:
        assert ally.name_en in table_text, ally.name_en
    # Path facts in a few words: Germany's linear ramp does 33% by 2029, as linear.
    assert "✓ 2035 · 33%/33%" in table_text and "✗ 2035" in table_text
    for page in (texts[i] for i in tables):
        assert page.count("Budget policy") == 1
    assert all(SCENARIO_NAME in t and f"page {n}" in t for n, t in enumerate(texts, start=1))


def test_export_action_writes_in_the_background(planned, prompts, qtbot, tmp_path):
    prompts.next_save_path = tmp_path / "for the minister"
    exporter = planned.report_exporter
    assert exporter.action in planned.export_menu.actions()
    exporter.action.trigger()
    qtbot.waitUntil(
        lambda: exporter.task is not None and not exporter.task.is_running, timeout=20000
    )
    assert exporter.task.outcome == "done"
    written = tmp_path / "for the minister.pdf"
    assert exporter.last_path == written
    assert "Poland" in " ".join(_page_texts(written))
    assert not list(tmp_path.glob("*.part"))
    assert "Briefing report written" in planned.statusBar().currentMessage()
    assert ("save", str(Path.home() / f"{SCENARIO_NAME} briefing.pdf")) in prompts.asked


def test_french_report_has_no_orphan_heading_nor_page_of_spilled_rows(qtbot, qapp, tmp_path):
    """In French the path plot's heading takes two lines and the policy column wraps:
    the heading once stayed alone at the foot of page 1 (its plot on page 2) and the last
    three allies and the note spilled onto a page of their own (6 pages)."""
    from natoplanner.ui.shell.language import install_language, remove_language
    from natoplanner.ui.shell.prompts import ScriptedPrompts
    from natoplanner.ui.window.document import ScenarioDocument
    from natoplanner.ui.window.main_window import MainWindow

    translators = install_language(qapp, "fr")
    try:
        window = MainWindow(ScenarioDocument(), language="fr", prompts=ScriptedPrompts())
        qtbot.addWidget(window)
        path = tmp_path / "note.pdf"
        pages = write_report(window.document, path, ["POL", "DEU", "FRA"], "fr")
    finally:
        remove_language(qapp, translators)
    texts = _page_texts(path)
    assert pages == len(texts) == 4
    heading = "Part des dépenses de défense essentielles dans le PIB"
    (page,) = [i for i, t in enumerate(texts) if heading in t]
    assert len(PdfReader(str(path)).pages[page].images) == 1  # its plot on the same page
    summary = [i for i, t in enumerate(texts) if "Récapitulatif de tous les Alliés" in t]
    (table,) = summary
    for ally in window.document.scenario.allies:  # all 32 rows and the note on one page
        assert ally.name_fr in texts[table], ally.name_fr
    assert "Objectif" in texts[table]  # the header's words are never cut ("Objecti")
