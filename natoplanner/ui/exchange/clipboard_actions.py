"""Edit > Copy and Edit > Paste between the planner and Excel or LibreOffice.

Copy puts tab-separated text with a header row (units in every heading) on
the clipboard, from the allies table (selected rows, or all of them) or the
year editor (the selected block, or the whole editor). Numbers keep full
precision and the UI locale's decimal separator, so they paste as numbers.

Paste fills the year editor from its current cell with a block copied from a
spreadsheet. The whole block is checked first: one cell that is not a number
or that the scenario refuses stops the paste with a message naming that cell,
and nothing changes. Otherwise every writable cell is set in ONE undoable
step; cells that land on read-only rows (shares), the base year or outside
the editor are listed, not written. An empty cell clears the override, as
pasting an empty cell in a spreadsheet clears it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication

from natoplanner.core.errors import ScenarioInputError
from natoplanner.io.clipboard import PasteError, format_tsv, parse_pasted_block
from natoplanner.io.sources.tabular import cell_address
from natoplanner.ui.window.allies_table import Column, SortRole
from natoplanner.ui.window.commands import ReplaceInputs
from natoplanner.ui.window.year_editor import ROW_MEASURE, EditorRow, RawValueRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("Clipboard", text)


def _decimal() -> str:
    return QLocale().decimalPoint()


# -- copy ---------------------------------------------------------------------------
def allies_table_headers(base_year: int, horizon: int) -> list[str]:
    """Headings of the copied allies table, each with its unit."""
    return [
        _tr("ISO3"),
        _tr("Ally"),
        _tr("Core defence %1 (% of GDP)").replace("%1", str(base_year)),
        _tr("Core defence %1 (% of GDP)").replace("%1", str(horizon)),
        _tr("Total %1 (% of GDP)").replace("%1", str(horizon)),
        _tr("Gap to core target %1 (percentage points)").replace("%1", str(horizon)),
        _tr("First year at core target"),
        _tr("Budget growth needed (% a year, nominal)"),
        # In the table's column order: the path facts come before the policy.
        _tr("Path: target reached, incremental, increase by 2029 vs linear"),
        _tr("Budget policy"),
    ]


def _raw(index: QModelIndex, column: Column) -> object:
    value = index.data(SortRole)
    if column == Column.PATH:
        return index.data(Qt.ItemDataRole.ToolTipRole)
    if isinstance(value, float) and math.isinf(value):
        return None
    return value


def allies_table_text(window) -> str:
    """The allies table as tab-separated text: selected rows in view order, or every row."""
    panel = window.allies_panel
    proxy = panel.proxy
    rows = sorted({i.row() for i in panel.view.selectionModel().selectedRows()})
    if not rows:
        rows = list(range(proxy.rowCount()))
    scenario = window.document.scenario
    table = []
    for r in rows:
        iso3 = proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 2)
        table.append([iso3, *(_raw(proxy.index(r, c), c) for c in Column)])
    header = allies_table_headers(scenario.base_year, scenario.horizon)
    return format_tsv(header, table, _decimal())


def year_editor_text(window) -> str:
    """The year editor's selected block (or all of it) with year headings and unit labels."""
    model, view = window.year_model, window.year_view
    if model.iso3 is None:
        return ""
    selected = view.selectionModel().selectedIndexes()
    if selected:
        rows = range(min(i.row() for i in selected), max(i.row() for i in selected) + 1)
        cols = range(min(i.column() for i in selected), max(i.column() for i in selected) + 1)
    else:
        rows, cols = range(model.rowCount()), range(model.columnCount())
    ally = window.document.scenario.dataset.registry.get(model.iso3)
    header = [f"{ally.name_en} ({ally.iso3})"]
    header += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in cols]
    table = [
        [model.row_label(EditorRow(r)), *(model.index(r, c).data(RawValueRole) for c in cols)]
        for r in rows
    ]
    return format_tsv(header, table, _decimal())


def copy_to_clipboard(window) -> str:
    """Edit > Copy: the year editor when it has the focus, else the allies table."""
    focus = QApplication.focusWidget()
    in_editor = focus is not None and (
        focus is window.year_view or window.year_view.isAncestorOf(focus)
    )
    text = year_editor_text(window) if in_editor else allies_table_text(window)
    if text:
        QGuiApplication.clipboard().setText(text)
        lines = text.count("\n") - 1
        window.statusBar().showMessage(
            _tr("Copied %1 rows with a header (tab-separated)").replace("%1", str(lines)), 5000
        )
    return text


# -- paste --------------------------------------------------------------------------
class PasteRefused(Exception):
    """Why a paste changed nothing (shown to the user as is)."""


def plan_paste(window, text: str, start_row: int, start_col: int):
    """Check a pasted block against the year editor; returns (values, read_only, outside).

    ``values`` maps (measure, year) to the value to set (None clears);
    ``read_only`` lists "B2 (Core share 2030)" style notes for cells not written.

    Raises
    ------
    PasteRefused
        Naming the first cell that is not a number or that the scenario refuses.
    """
    model = window.year_model
    scenario = window.document.scenario
    try:
        block = parse_pasted_block(text)
    except PasteError as error:
        raise PasteRefused(str(error.problems[0])) from None
    if not block:
        raise PasteRefused(_tr("The clipboard holds no cells."))
    ally = scenario.dataset.registry.get(model.iso3)
    values: dict[tuple[object, int], float | None] = {}
    read_only: list[str] = []
    outside = 0
    for i, row in enumerate(block):
        for j, value in enumerate(row):
            r, c = start_row + i, start_col + j
            if r >= model.rowCount() or c >= model.columnCount():
                outside += 1
                continue
            year = model.year_at(c)
            label = model.row_label(EditorRow(r)).split(" (")[0]
            where = f"{cell_address(i, j)} ({label} {year})"
            if not model.is_editable(r, c):
                read_only.append(where)
                continue
            measure = ROW_MEASURE[EditorRow(r)]
            try:
                scenario.check_year_input(measure, ally.iso3, year, value)
            except ScenarioInputError as error:
                raise PasteRefused(
                    _tr("cell %1 → %2 %3: %4")
                    .replace("%1", where)
                    .replace("%2", ally.name_en)
                    .replace("%3", label)
                    .replace("%4", error.message)
                ) from None
            values[(measure, year)] = value
    return values, read_only, outside


def paste_into_year_editor(window, text: str | None = None) -> bool:
    """Edit > Paste: fill the year editor from its current cell; True when something changed."""
    model, view = window.year_model, window.year_view
    title = _tr("Cannot paste")
    if model.iso3 is None:
        window.prompts.error(
            title, _tr("Select an ally in the table, then the first cell to fill.")
        )
        return False
    text = QGuiApplication.clipboard().text() if text is None else text
    start = view.currentIndex()
    if not start.isValid():
        start = model.index(0, 1)
    try:
        values, read_only, outside = plan_paste(window, text, start.row(), start.column())
    except PasteRefused as error:
        window.prompts.error(title, _tr("Nothing was pasted: %1").replace("%1", str(error)))
        return False
    document = window.document
    scenario = document.scenario
    updated = scenario.copy()
    for (measure, year), value in values.items():
        updated.set_year_input(measure, model.iso3, year, value)
    changed = not updated.inputs_equal(scenario)
    ally = scenario.dataset.registry.get(model.iso3).name_en
    if changed:
        label = _tr("Paste %1 cells into %2").replace("%1", str(len(values))).replace("%2", ally)
        document.push(ReplaceInputs(document, label, scenario.state(), updated.state()))
        window.statusBar().showMessage(label, 6000)
    left_out = []
    if read_only:
        shown = ", ".join(read_only[:8]) + (" …" if len(read_only) > 8 else "")
        left_out.append(
            _tr("%1 cells fell on read-only cells and were not written: %2")
            .replace("%1", str(len(read_only)))
            .replace("%2", shown)
        )
    if outside:
        left_out.append(
            _tr("%1 cells fell outside the editor and were not written.").replace(
                "%1", str(outside)
            )
        )
    if left_out:
        window.prompts.information(_tr("Pasted with cells left out"), "\n".join(left_out))
    return changed


# -- menu -----------------------------------------------------------------------------
def install(window) -> None:
    """Edit > Copy (Ctrl+C) and Edit > Paste (Ctrl+V)."""
    copy_action = QAction(window.tr("&Copy"), window)
    copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
    copy_action.setStatusTip(
        window.tr("Copy the allies table or the year editor's cells as tab-separated text")
    )
    copy_action.triggered.connect(lambda: copy_to_clipboard(window))
    paste_action = QAction(window.tr("&Paste"), window)
    paste_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Paste))
    paste_action.setStatusTip(
        window.tr("Fill the year editor from the current cell with cells copied from a spreadsheet")
    )
    paste_action.triggered.connect(lambda: paste_into_year_editor(window))
    window.copy_action, window.paste_action = copy_action, paste_action
    menu = window.edit_menu
    anchor = next((a for a in menu.actions() if a.isSeparator()), None)
    if anchor is None:
        menu.addActions([copy_action, paste_action])
        return
    menu.insertActions(anchor, [copy_action, paste_action])
    menu.insertSeparator(copy_action)
