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

from natoplanner.io.errors import FileProblemError
from natoplanner.io.sources.tabular import read_table
from natoplanner.ui.exchange.import_dialog import (
    FOLDER_KEY,
    IMPORT_FILTER,
    IMPORT_SUFFIXES,
    SCENARIO_SHEETS,
    ImportDialog,
)


def show_import_dialog(window, path: Path | None = None) -> ImportDialog:
    """Open the import dialog (non-blocking) on ``window``, reading ``path`` if given."""
    dialog = ImportDialog(window, path)
    dialog.show()
    return dialog


def start_import(window) -> ImportDialog | None:
    """File > Import…: ask for a file, then open the dialog with it."""
    folder = QSettings().value(FOLDER_KEY, str(Path.home()))
    path = window.prompts.open_path(str(folder), window.tr(IMPORT_FILTER))
    if path is None:
        return None
    return show_import_dialog(window, Path(path))


def is_scenario_workbook(path: Path) -> bool:
    """True for a natoplanner scenario workbook (it has "About" and "Assumptions" sheets)."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return False
    try:
        names = read_table(path).sheet_names
    except FileProblemError:
        return False  # the import dialog will say what is wrong with it
    return SCENARIO_SHEETS <= {n.strip().casefold() for n in names}


def open_dropped_file(window, path: Path) -> None:
    """A file dropped on the window: open a scenario workbook, import anything else."""
    if is_scenario_workbook(path):
        window.open_scenario(path)
    else:
        show_import_dialog(window, path)


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
