"""Why a cell is skipped or refused, in the interface's language (issue 18: French, completely).

The reasons are composed in ``io`` as English :class:`~natoplanner.io.reasons.Reason` texts
(the command line prints them as they are); the import dialog and the year editor show
them translated, with the same values.
"""

from __future__ import annotations

import re
import string
import sys
from pathlib import Path

import pytest

from natoplanner.io.reasons import Reason
from natoplanner.ui.exchange.import_open import show_import_dialog
from natoplanner.ui.shell.language import install_language, remove_language
from natoplanner.ui.shell.prompts import ScriptedPrompts
from natoplanner.ui.window.document import ScenarioDocument
from natoplanner.ui.window.main_window import MainWindow
from tests.ui.test_french_everywhere import english_words

ROOT = Path(__file__).resolve().parents[3]


def _fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def test_every_reason_template_has_french_with_the_same_values():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from translations_fr import FR
        from update_translations import reason_templates
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    templates = reason_templates(ROOT / "natoplanner" / "io")
    assert len(templates) >= 40
    missing = [t for t in templates if f"ImportReasons::{t}" not in FR]
    assert missing == []
    differ = [t for t in templates if _fields(FR[f"ImportReasons::{t}"]) != _fields(t)]
    assert differ == []
    # No reason is an f-string: the window could not translate it.
    for path in (ROOT / "natoplanner" / "io").rglob("*.py"):
        assert not re.search(r"Reason\(\s*f[\"']", path.read_text(encoding="utf-8")), path


def test_a_reason_is_its_english_text_and_survives_a_pickle():
    import pickle

    reason = Reason("{iso3} {year} is given again in {cell}", iso3="POL", year=2028, cell="C7")
    assert reason == "POL 2028 is given again in C7"
    assert f"Sheet1!{reason}" == "Sheet1!POL 2028 is given again in C7"
    again = pickle.loads(pickle.dumps(reason))
    assert again == reason and again.template == reason.template and again.params["year"] == 2028


@pytest.fixture
def french_window(qtbot, qapp):
    translators = install_language(qapp, "fr")
    window = MainWindow(ScenarioDocument(), language="fr", prompts=ScriptedPrompts())
    qtbot.addWidget(window)
    yield window
    window.document.undo_stack.setClean()
    remove_language(qapp, translators)


def test_skipped_and_refused_cells_say_why_in_french(qtbot, french_window, tmp_path):
    sheet = tmp_path / "budgets.csv"
    sheet.write_text(
        "Pays,2027,2028,2050\n"
        "Pologne,200000,abc,210000\n"  # text, and a year outside the scenario
        "Narnie,1,2,3\n"  # not a known country
        "Europe,3,4,5\n"  # a region
        "Allemagne,...,-5,120000\n"  # a missing marker and a negative amount
        "Pologne,200000,215000,210000\n",  # given again with another figure
        encoding="utf-8",
    )
    dialog = show_import_dialog(french_window, sheet)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    model = dialog.model
    tips = [
        model.reason(row, col)
        for row in range(1, 7)
        for col in range(4)
        if model.reason(row, col) is not None
    ]
    text = "\n".join(tips)
    assert "« abc » n'est pas un nombre" in text
    assert "« Narnie » n'est pas un pays connu" in text
    assert "« Europe » est une région ou un total, pas un pays" in text
    assert "pas de chiffre (« ... »)" in text
    assert "montant négatif -5" in text
    assert "2050 est après la dernière année de projection" in text
    assert "figure déjà en" in text
    english = sorted({w for tip in tips for w in english_words(tip)})
    assert english == [], text
