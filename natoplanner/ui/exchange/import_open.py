"""Ways into the import dialog: File > Import…, and a file dropped on the window.

Dropping an .xlsx/.csv file on the window starts the dialog with it; a
natoplanner scenario workbook (sheets "About" and "Assumptions") is opened
as a scenario instead, as File > Open would: importing it cell by cell
would lose its policies, targets and name.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from natoplanner.core.errors import ScenarioInputError
from natoplanner.io.errors import FileProblemError
from natoplanner.io.sources.plan import plan_from_scenario
from natoplanner.io.sources.tabular import read_table
from natoplanner.ui.exchange.import_dialog import (
    FOLDER_KEY,
    IMPORT_FILTER,
    IMPORT_SUFFIXES,
    ImportDialog,
)
from natoplanner.ui.sources.actions import import_source
from natoplanner.ui.window.commands import ReplaceInputs


def show_import_dialog(window, path: Path | None = None) -> ImportDialog:
    """Open the import dialog (non-blocking) on ``window``, reading ``path`` if given."""
    from natoplanner.ui.common.screen import fit_on_screen, keep_on_screen

    dialog = ImportDialog(window, path)
    fit_on_screen(dialog)  # cut to the screen's free area
    dialog.show()
    keep_on_screen(dialog)
    return dialog


def start_import(window) -> ImportDialog | None:
    """File > Import…: ask for a file, then open the dialog with it."""
    folder = QSettings().value(FOLDER_KEY, str(Path.home()))
    path = window.prompts.open_path(str(folder), window.tr(IMPORT_FILTER))
    if path is None:
        return None
    return open_source(window, Path(path))


def is_scenario_workbook(path: Path) -> bool:
    """True for a natoplanner scenario workbook (it has "About" and "Assumptions" sheets)."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return False
    try:
        return read_table(path).is_scenario_workbook
    except Exception:  # noqa: BLE001 - the import dialog will say what is wrong with it
        return False


def open_source(window, path: Path) -> ImportDialog | None:
    """Import ``path``; a scenario workbook is opened or its inputs taken, as the user says."""
    if not is_scenario_workbook(path):
        if import_source(window, path):  # a vintage or reference series: Data > Sources
            return None
        return show_import_dialog(window, path)
    answer = window.prompts.choose(
        window.tr("A natoplanner scenario"),
        window.tr(
            "“%1” is a natoplanner scenario workbook, not a table of figures. Open it as a "
            "scenario, or copy its typed inputs (overrides) into “%2”?"
        )
        .replace("%1", path.name)
        .replace("%2", window.document.scenario.name),
        [window.tr("&Open it"), window.tr("&Import its inputs")],
    )
    if answer == 0:
        window.open_scenario(path)
    elif answer == 1:
        import_scenario_inputs(window, path)
    return None


def import_scenario_inputs(window, path: Path) -> None:
    """Copy the typed year inputs of scenario workbook ``path`` into the window's scenario."""
    from natoplanner.io.workbook.files import load_scenario

    document = window.document
    try:
        source = load_scenario(path, document.scenario.dataset)
        updated = document.scenario.copy()
        changes = plan_from_scenario(source, updated, path.name)
        for change in changes:
            updated.set_year_input(change.measure, change.iso3, change.year, change.value)
    except (FileProblemError, ScenarioInputError) as error:
        window.prompts.error(window.tr("Cannot import %1").replace("%1", path.name), str(error))
        return
    if not changes:
        window.prompts.information(
            window.tr("Nothing to import"),
            window.tr("“%1” holds no typed inputs.").replace("%1", path.name),
        )
        return
    text = (
        window.tr("Import %1 inputs from %2")
        .replace("%1", str(len(changes)))
        .replace("%2", path.name)
    )
    document.push(ReplaceInputs(document, text, document.scenario.state(), updated.state()))
    window.statusBar().showMessage(text, 8000)


def open_dropped_file(window, path: Path) -> None:
    """A file dropped on the window: a scenario workbook is offered, anything else imported."""
    open_source(window, path)


def dropped_file(urls: list[QUrl]) -> Path | None:
    """The one local spreadsheet file of a drop, or None (several files, folders, web links)."""
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in IMPORT_SUFFIXES else None


class FileDropFilter(QObject):
    """Accepts a spreadsheet dropped anywhere on the window (even on the plot)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        mime = event.mimeData()
        path = dropped_file(mime.urls()) if mime is not None and mime.hasUrls() else None
        if path is None:
            return False
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            # Leave the drop handler first: the dialog or a message box must not
            # run inside the platform's drag-and-drop loop.
            QTimer.singleShot(0, self.window_, lambda: open_dropped_file(self.window_, path))
        return True


def install(window) -> None:
    """File > Import… (Ctrl+I) and drag-and-drop of a file onto the window."""
    action = QAction(window.tr("&Import…"), window)
    action.setShortcut(QKeySequence("Ctrl+I"))
    action.setStatusTip(
        window.tr("Import figures from a spreadsheet (NATO, SIPRI, IMF, World Bank…)")
    )
    action.triggered.connect(lambda: start_import(window))
    window.import_action = action
    menu = window.file_menu
    anchor = next((a for a in menu.actions() if a.menu() is window.export_menu), None)
    menu.insertAction(anchor, action) if anchor is not None else menu.addAction(action)
    drop_filter = FileDropFilter(window)
    window.setAcceptDrops(True)
    window.installEventFilter(drop_filter)
    for child in window.findChildren(QWidget):
        if child.acceptDrops():
            child.installEventFilter(drop_filter)
