"""No English in the French interface: every window, dialog, menu, table, plot and standard button.

The walk opens the planning window with allies selected, every Analysis
window, the import dialog on a French spreadsheet, the help windows and
Qt's standard dialogs, collects every text a user can read (labels,
buttons, tooltips, menu entries, combo items, table headers and cells,
plot titles, axes and legends) and fails on any word from a list of the
interface's English words. Quoted source titles ("Source : NATO Defence
Expenditure of NATO Countries…") are citations and stay as published.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QWidget,
)

from natoplanner.ui.exchange.import_preview import ImportPreviewModel
from natoplanner.ui.shell.language import install_language, remove_language
from natoplanner.ui.shell.prompts import ScriptedPrompts
from natoplanner.ui.window.document import ScenarioDocument
from natoplanner.ui.window.main_window import MainWindow

#: Words of the English interface that French never uses (checked as whole words).
ENGLISH_WORDS = frozenset(
    """
    the and of with from by to in is are not none select selected Ally Allies ally allies
    share Share growth Growth target Target Core core defence Defence spending related Related
    forecast million billion mn bn Undo Redo Save Open Close Cancel Apply File Edit View Help
    Window Year year years Policy policy Goal goal seek met check credible below above between
    guideline review Default scenario Scenario unsaved column Column row Layout Sheet Measure
    Unit Run Draw Clear Copy Reference Show Reach Path Need Gap holds missed Real
    real hold ramp Export Import Results drawing Briefing Yes No Discard Look Directory Folder
    Files Name Date Size Back Forward Detail List NATO IMF GDP CPI edition report Report
    published estimate Estimate typed override overrides Delete press choose Choose chosen
    shown every each only when what where which now click
    """.split()
)


def _english_ally_words() -> frozenset[str]:
    """Words of the allies' English names that their French names do not have ("Germany")."""
    import csv
    from importlib.resources import as_file

    from natoplanner.core.resources import data_path

    words: set[str] = set()
    with as_file(data_path("allies.csv")) as path, open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            french = set(re.findall(r"[^\W\d_]+", row["name_fr"]))
            words |= set(re.findall(r"[^\W\d_]+", row["name"])) - french
    return frozenset(words)


ENGLISH_WORDS = ENGLISH_WORDS | _english_ally_words()

#: A citation of a source's title (kept as the publisher wrote it) runs to the line's end.
CITATION = re.compile(r"Source\s*:.*$", re.MULTILINE)


def english_words(text: str) -> set[str]:
    text = CITATION.sub("", text)
    text = re.sub(r"<[^>]+>", " ", text).replace("&", "")
    return set(re.findall(r"[^\W\d_]+", text)) & ENGLISH_WORDS


def model_texts(model: QAbstractItemModel, cells: bool = True) -> list[str]:
    texts = []
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    root = QModelIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list model: one column
        columns = 1
    for role in roles:
        for column in range(columns):
            texts.append(model.headerData(column, Qt.Orientation.Horizontal, role))
        for row in range(min(model.rowCount(root), 40)):
            texts.append(model.headerData(row, Qt.Orientation.Vertical, role))
            for column in range(columns):
                if cells or role == Qt.ItemDataRole.ToolTipRole:
                    texts.append(model.index(row, column).data(role))
    return [str(t) for t in texts if isinstance(t, str) and t]


def menu_texts(menu: QMenu) -> list[str]:
    menu.aboutToShow.emit()
    texts = [menu.title()]
    for action in menu.actions():
        texts += [action.text(), action.toolTip(), action.statusTip()]
        if action.menu() is not None:
            texts += menu_texts(action.menu())
    return texts


def readable_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) for everything a user can read in ``top``."""
    found: list[tuple[str, str]] = [("title", top.windowTitle())]

    def add(where: str, *texts) -> None:
        found.extend((where, t) for t in texts if isinstance(t, str) and t.strip())

    if hasattr(top, "menuBar"):
        for action in top.menuBar().actions():
            add("menu", *menu_texts(action.menu()))
    for bar in top.findChildren(QToolBar):
        for action in bar.actions():
            add("toolbar", action.text(), action.toolTip())
    for widget in top.findChildren(QWidget):
        if widget.window() is not top:
            continue
        if widget.objectName() == "sources_text" or widget.parent().objectName() == "sources_text":
            continue  # data/SOURCES.md, quoted as shipped (it cites English-language sources)
        name = type(widget).__name__
        add(name, widget.toolTip(), widget.accessibleName())
        if isinstance(widget, QLabel | QAbstractButton):
            add(name, widget.text())
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            add(name, widget.toPlainText())
        if isinstance(widget, QGroupBox):
            add(name, widget.title())
        if isinstance(widget, QLineEdit):
            add(name, widget.placeholderText())
        if isinstance(widget, QAbstractSpinBox):
            add(name, widget.specialValueText(), getattr(widget, "suffix", lambda: "")())
        if isinstance(widget, QComboBox):
            add("combo", *(widget.itemText(i) for i in range(widget.count())))
        if isinstance(widget, QTabWidget):
            add("tab", *(widget.tabText(i) for i in range(widget.count())))
        if isinstance(widget, QAbstractItemView) and isinstance(widget.model(), QAbstractItemModel):
            # A previewed spreadsheet shows the file's own cells; its tooltips are ours.
            own = not isinstance(widget.model(), ImportPreviewModel)
            add(f"table {widget.accessibleName()}", *model_texts(widget.model(), cells=own))
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                for attribute in ("toPlainText", "text"):
                    value = getattr(item, attribute, None)
                    value = value() if callable(value) else value
                    add(f"plot {widget.accessibleName()}", value)
    return found


@pytest.fixture
def french(qapp):
    translators = install_language(qapp, "fr")
    yield
    remove_language(qapp, translators)


def open_everything(qtbot, tmp_path) -> MainWindow:
    window = MainWindow(ScenarioDocument(), language="fr", prompts=ScriptedPrompts())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.allies_panel.select_iso3(["POL", "DEU", "MKD", "ESP"])
    for action in window.analysis_menu.actions():
        if action.isEnabled() and not action.isSeparator() and action.menu() is None:
            action.trigger()
    for name in ("user_guide_action", "shortcuts_action", "welcome_action"):
        if getattr(window, name, None) is not None:
            getattr(window, name).trigger()
    from natoplanner.ui.exchange.import_open import show_import_dialog

    sheet = tmp_path / "budgets.csv"
    sheet.write_text("Pays,2027,2028\nPologne,200000,210000\nAllemagne,110000,120000\n")
    dialog = show_import_dialog(window, sheet)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    return window


def test_the_french_window_and_every_dialog_speak_french(qtbot, tmp_path, french):
    window = open_everything(qtbot, tmp_path)
    tops = [window] + [
        w
        for w in QApplication.topLevelWidgets()
        if w is not window and w.isVisible() and w.parent() is window
    ]
    assert len(tops) >= 6, [t.windowTitle() for t in tops]
    problems = []
    for top in tops:
        for where, text in readable_texts(top):
            words = english_words(text)
            if words:
                problems.append(f"{top.windowTitle()} / {where}: {sorted(words)} in {text[:120]!r}")
    window.document.undo_stack.setClean()
    for top in tops[1:]:
        top.close()
    assert not problems, "\n".join(dict.fromkeys(problems))


def test_qt_standard_buttons_and_file_dialogs_are_in_french(qtbot, tmp_path, french):
    box = QMessageBox()
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
    )
    texts = [b.text() for b in box.buttons()]
    assert not any(english_words(t) for t in texts), texts
    assert "Enregistrer" in " ".join(texts)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    assert buttons.buttons()[0].text().replace("&", "") == "Fermer"
    folder = tmp_path / "dossier"
    folder.mkdir()
    dialog = QFileDialog(None, "", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    # The folder's path and its parents' names are the user's, not the interface's
    # (on CI the clone lives in "/check/work/main").
    users_names = {str(p) for p in (folder, *folder.parents)} | {
        p.name for p in (folder, *folder.parents)
    }
    texts = [
        text
        for _where, text in readable_texts(dialog)
        if text not in users_names and not text.startswith(str(Path.cwd()))
    ]
    assert len(texts) > 10
    english = [t for t in texts if english_words(t)]
    assert not english
