"""French interface: labels from the .qm file, ally names from the registry, "3,50 %" numbers."""

from __future__ import annotations

import csv
import subprocess
import sys
from importlib.resources import as_file

import openpyxl
import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QImage

from natoplanner.core.resources import data_path, resource_path
from natoplanner.io.workbook.files import save_scenario
from natoplanner.ui.common.formatting import percent
from natoplanner.ui.shell.language import install_language, remove_language
from natoplanner.ui.shell.prompts import ScriptedPrompts
from natoplanner.ui.window.allies_table import Column, Iso3Role
from natoplanner.ui.window.document import ScenarioDocument
from natoplanner.ui.window.main_window import MainWindow
from natoplanner.ui.window.year_editor import EditorRow

NNBSP = "\u202f"  # the narrow no-break space French puts before % and between thousands


@pytest.fixture
def french(qapp):
    translators = install_language(qapp, "fr")
    yield translators
    remove_language(qapp, translators)


@pytest.fixture
def french_window(qtbot, french):
    window = MainWindow(ScenarioDocument(), language="fr", prompts=ScriptedPrompts())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.document.undo_stack.setClean()


def published_share_pct(iso3: str, year: int) -> float:
    """NATO's published share, read straight from the bundled CSV (independent of the core)."""
    with (
        as_file(data_path("nato_defence_expenditure.csv")) as path,
        open(path, newline="") as handle,
    ):
        for row in csv.DictReader(handle):
            if row["iso3"] == iso3 and int(row["year"]) == year:
                return float(row["defence_share_gdp_pct"])
    raise AssertionError(iso3)


def table_text(window, iso3: str, column: Column) -> str:
    proxy = window.allies_panel.proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data(Iso3Role) == iso3:
            return proxy.index(row, column).data(Qt.ItemDataRole.DisplayRole)
    raise AssertionError(iso3)


def test_french_qm_and_ts_ship_in_the_package():
    assert resource_path("translations/natoplanner_fr.qm").is_file()
    assert resource_path("translations/natoplanner_fr.ts").is_file()
    ts = resource_path("translations/natoplanner_fr.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in ts, "every interface string has a French translation"


def test_french_labels_menus_and_ally_names(french_window):
    window = french_window
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:3] == ["&Fichier", "É&dition", "&Affichage"]
    assert window.save_action.text() == "&Enregistrer"
    assert window.undo_action.text().startswith("&Annuler")
    model = window.allies_panel.model
    assert model.headerData(Column.ALLY, Qt.Orientation.Horizontal) == "Allié"
    assert "dans le PIB à l'horizon" in model.headerData(
        Column.HORIZON_CORE, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert table_text(window, "DEU", Column.ALLY) == "Allemagne"
    assert table_text(window, "USA", Column.ALLY) == "États-Unis"
    assert table_text(window, "DEU", Column.POLICY) == "part initiale maintenue"
    window.allies_panel.select_iso3(["POL"])
    assert window.editor_title.text().startswith("<b>Pologne</b> — montants en PLN")
    assert (
        window.year_model.headerData(EditorRow.CORE_BUDGET, Qt.Orientation.Vertical)
        == "Budget de défense (M PLN)"
    )
    assert window.plot.mode_combo.currentText() == "Part essentielle du PIB (%)"
    assert "année de base 2026" in window.data_label.text()
    assert "FMI" in window.data_label.text()
    strip = [
        label.text() for label in window.alliance_strip.findChildren(type(window.editor_title))
    ]
    assert "sous la ligne des 2 %" in strip


def test_french_number_formats_in_the_window(french_window):
    window = french_window
    assert QLocale().language() == QLocale.Language.French
    share = published_share_pct("DEU", 2026)
    expected = f"{share:.2f}".replace(".", ",") + NNBSP + "%"
    assert table_text(window, "DEU", Column.BASE_CORE) == expected
    assert percent(3.5) == f"3,50{NNBSP}%"
    # Poland's 2026 core budget (million PLN) with French digit grouping.
    window.allies_panel.select_iso3(["POL"])
    base_budget = window.year_model.index(EditorRow.CORE_BUDGET, 0).data(
        Qt.ItemDataRole.DisplayRole
    )
    assert NNBSP in base_budget and "," not in base_budget.replace(NNBSP, "")[:-3]
    gdp = window.year_model.index(EditorRow.NOMINAL_GDP, 1).data(Qt.ItemDataRole.DisplayRole)
    assert "," in gdp and "." not in gdp


def test_files_keep_plain_numbers_in_french(french_window, tmp_path):
    path = tmp_path / "fr.xlsx"
    save_scenario(french_window.document.scenario, path)
    book = openpyxl.load_workbook(path, read_only=True)
    numbers = [
        cell
        for row in book["Assumptions"].iter_rows(min_row=1, max_row=40, values_only=True)
        for cell in row
        if isinstance(cell, float)
    ]
    assert numbers, "the Assumptions sheet holds numbers, not French-formatted text"
    text_cells = [
        cell
        for row in book["Assumptions"].iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str)
    ]
    assert not any(
        cell.replace(",", "").replace(NNBSP, "").replace(" ", "").isdigit() for cell in text_cells
    )
    book.close()


def test_command_line_renders_the_french_window(tmp_path):
    picture = tmp_path / "fr.png"
    result = subprocess.run(
        [sys.executable, "-m", "natoplanner", "--lang", "fr", "--screenshot", str(picture)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(picture))
    assert image.width() >= 1200 and image.height() >= 700


def menu_texts(window) -> list[str]:
    menus = (
        window.file_menu,
        window.edit_menu,
        window.analysis_menu,
        window.export_menu,
        window.help_menu,
    )
    return [a.text() for menu in menus for a in menu.actions() if not a.isSeparator() and a.text()]


def test_every_menu_entry_is_in_french_including_features(qtbot, qapp):
    english = MainWindow(ScenarioDocument(), prompts=ScriptedPrompts())
    qtbot.addWidget(english)
    english_texts = menu_texts(english)
    translators = install_language(qapp, "fr")
    try:
        french = MainWindow(ScenarioDocument(), language="fr", prompts=ScriptedPrompts())
        qtbot.addWidget(french)
        french_texts = menu_texts(french)
    finally:
        remove_language(qapp, translators)
    assert len(french_texts) == len(english_texts) >= 15
    untranslated = [text for text in french_texts if text in english_texts]
    assert untranslated == []


def test_undo_history_speaks_french(qtbot):
    """Undo steps name the ally and the measure in the interface language."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from natoplanner.core.scenario import Measure
    from natoplanner.ui.shell.language import install_language, remove_language
    from natoplanner.ui.window.commands import SetYearInput
    from natoplanner.ui.window.document import ScenarioDocument

    app = QApplication.instance()
    previous = QLocale()
    translators = install_language(app, "fr")
    try:
        document = ScenarioDocument()
        document.push(SetYearInput(document, Measure.CORE_BUDGET, "DEU", 2030, 150000.0))
        assert (
            document.undo_stack.undoText()
            == "saisie : budget de défense essentielle 2030 (Allemagne)"
        )
    finally:
        remove_language(app, translators)
        QLocale.setDefault(previous)


def test_path_facts_in_french():
    """The core's path facts are data; the window words them in the interface language."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from natoplanner.core.projection import Projection
    from natoplanner.core.scenario import BudgetPolicy, CorePolicy, Scenario
    from natoplanner.ui.common.labels import path_facts_text
    from natoplanner.ui.shell.language import install_language, remove_language

    scenario = Scenario()
    scenario.set_core_policy("DEU", CorePolicy(BudgetPolicy.RAMP_TO_TARGET))
    facts = Projection(scenario).path_facts()
    spain, germany = facts[scenario.row("ESP")], facts[scenario.row("DEU")]
    app = QApplication.instance()
    previous = QLocale()
    translators = install_language(app, "fr")
    try:
        # Spain holds 2.00%: short of 3.5%, said once (no "0% by 2029").
        assert path_facts_text(spain) == "n'atteint pas 3,5\u202f% d'ici 2035 ; progressive"
        assert path_facts_text(germany) == (
            "atteint 3,5\u202f% d'ici 2035 ; progressive ; "
            "33\u202f% de la hausse d'ici 2029 (trajectoire linéaire : 33\u202f%)"
        )
    finally:
        remove_language(app, translators)
        QLocale.setDefault(previous)
    assert path_facts_text(spain) == "does not reach 3.5% by 2035; incremental"


def test_the_shipped_french_agrees_with_the_translation_table():
    """A French wording corrected in scripts/translations_fr.py reaches the .ts/.qm
    (``update_translations.py --refresh``): no finished translation differs from it."""
    import xml.etree.ElementTree as ET
    from pathlib import Path

    scripts = Path(__file__).resolve().parents[3] / "scripts"
    sys.path.insert(0, str(scripts))
    try:
        from translations_fr import FR
        from update_translations import translated_text
    finally:
        sys.path.remove(str(scripts))
    with as_file(resource_path("translations/natoplanner_fr.ts")) as ts:
        tree = ET.parse(ts)
    stale = []
    for context in tree.getroot():
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            french = FR.get(f"{name}::{source}", FR.get(source))
            if french is None or message.find("translation").get("type") == "unfinished":
                continue
            shipped = translated_text(message)
            wanted = (
                french
                if isinstance(shipped, str)
                else (french if isinstance(french, tuple) else (french, french))
            )
            if isinstance(shipped, str) and isinstance(wanted, tuple):
                wanted = wanted[-1]
            if shipped != wanted:
                stale.append((name, source, shipped, wanted))
    assert stale == []
