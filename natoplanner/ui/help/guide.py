"""The help window: user guide, data sources and keyboard shortcuts, one tab each.

The guide's lists of columns and measures are read from the window's own
models (their header tooltips), so the guide and the window say the same
thing in the same language. The data sources tab shows ``data/SOURCES.md``
exactly as it ships (in English: it cites English-language sources).
"""

from __future__ import annotations

import html
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
)

from natoplanner.core.resources import data_path
from natoplanner.ui.common.actions import show_window_part
from natoplanner.ui.help.shortcuts import window_shortcuts


class Page(IntEnum):
    GUIDE = 0
    SOURCES = 1
    SHORTCUTS = 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("HelpWindow", text)


def _section(title: str, *paragraphs: str) -> str:
    return f"<h3>{html.escape(title)}</h3>" + "".join(f"<p>{p}</p>" for p in paragraphs)


def _definitions(rows: list[tuple[str, str]]) -> str:
    items = "".join(
        f"<tr><td valign='top'><b>{html.escape(name)}</b></td><td>{html.escape(meaning)}</td></tr>"
        for name, meaning in rows
    )
    return f"<table cellspacing='2' cellpadding='4'>{items}</table>"


def table_columns(window) -> list[tuple[str, str]]:
    """(header, meaning) of every allies-table column, as the table itself words them."""
    model = window.allies_panel.model
    return [
        (
            str(model.headerData(c, Qt.Orientation.Horizontal)).replace("\n", " "),
            str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)),
        )
        for c in range(model.columnCount())
    ]


def editor_measures(window) -> list[tuple[str, str]]:
    """(row label, meaning) of every year-editor measure, as the editor words them."""
    model = window.year_model
    return [
        (
            str(model.headerData(r, Qt.Orientation.Vertical)),
            str(model.headerData(r, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)),
        )
        for r in range(model.rowCount())
    ]


def guide_html(window) -> str:
    """The user guide as rich text, in the interface language."""
    parts = [
        f"<h2>{html.escape(_tr('natoplanner user guide'))}</h2>",
        _section(
            _tr("The window"),
            _tr(
                "The <b>allies table</b> (left) lists the 32 allies with NATO's latest figures "
                "and where each stands at the horizon; click an ally to plot it and edit it, "
                "Ctrl+click for several. The <b>plot</b> shows the selected allies' paths: "
                "history solid, NATO's estimates circled, the projection dashed, with the 2%, "
                "3.5% and 5% lines, the 2029 review and the horizon. The <b>year editor</b> "
                "(below the plot) holds one ally's measures year by year; the <b>policy "
                "panel</b> under it sets how its budget moves. The strip at the top sums up "
                "the alliance."
            ),
        ),
        _section(_tr("Columns of the allies table")),
        _definitions(table_columns(window)),
        _section(_tr("Measures of the year editor")),
        _definitions(editor_measures(window)),
        _section(
            _tr("Overrides"),
            _tr(
                "A value you type in the year editor is an <b>override</b>: it replaces what "
                "the policy would give for that ally and year, and is shown bold on a tinted "
                "background. Delete (or Backspace) clears the selected overrides. After an "
                "override the policy continues from it: growth policies grow from the typed "
                "amount, a ramp restarts from the share the typed amount implies, a constant "
                "share returns to its level. Every edit can be undone (Ctrl+Z) and redone "
                "(Ctrl+Shift+Z or Ctrl+Y); View &gt; Undo history lists them."
            ),
        ),
        _section(
            _tr("Budget policies"),
            _tr(
                "<b>Constant share of GDP</b>: the core budget keeps a share of GDP (by default "
                "the base-year share: today's effort, no new policy). <b>Ramp to target by "
                "year</b>: the share moves in equal steps from the base-year share to the "
                "target in the target year and holds it after; an ally already above the "
                "target keeps its share. <b>Nominal growth</b>: the budget grows by a fixed "
                "percentage a year in current prices. <b>Real growth</b>: the same above the "
                "deflator. <b>Explicit amounts</b>: the amounts you type or import; each "
                "holds until the next one."
            ),
            _tr(
                "The <b>related spending</b> track (up to 1.5% of GDP: infrastructure, cyber, "
                "civil preparedness, innovation, industrial base) is a user assumption: NATO "
                "publishes no national figure for it. Related spending above 1.5% is shown "
                "but not counted. <b>Targets</b> are set per ally (the Hague: 3.5% core, 5% "
                "total; an ally may have its own)."
            ),
        ),
        _section(
            _tr("The Hague commitment"),
            _tr(
                "The Hague summit declaration (25 June 2025) commits allies to spend 5% of GDP "
                "a year by 2035: at least 3.5% on core defence as NATO defines it, and up to "
                "1.5% on defence- and security-related spending. Allies submit annual plans "
                "showing a credible, incremental path; the trajectory and balance are reviewed "
                "in 2029. The declaration sets no number for “credible” or “incremental”."
            ),
        ),
        _section(
            _tr("This tool's own methods and heuristics"),
            _tr(
                "These are natoplanner's choices, not the declaration's text. <b>Shares</b> are "
                "on NATO's basis (constant prices): a projected share moves from the published "
                "base-year share with the ratio of budget to GDP growth. <b>GDP</b> grows with "
                "the IMF's real growth and CPI inflation (CPI stands in for the deflator), the "
                "last forecast year held flat. <b>Need %/yr</b> is the constant nominal budget "
                "growth that reaches the target at the horizon. The <b>Path</b> column is a "
                "heuristic: it reports whether the target is reached by its year, whether the "
                "share ever falls before, and how much of the increase is done by the 2029 "
                "review beside a linear path's share; hover over a flag for its reason. "
                "Alliance totals are at constant base-year prices and exchange rates, as NATO "
                "aggregates."
            ),
        ),
        _section(
            _tr("Where the data come from"),
            _tr(
                "NATO's defence expenditure tables (2026 edition, 2014-2026; 2025 and 2026 are "
                "estimates), earlier editions for the revisions, and the IMF World Economic "
                "Outlook (April 2025, October 2025, April 2026). The Data sources tab shows "
                "every source, how it was transcribed and its caveats (Iceland, the "
                "Netherlands, Luxembourg, fiscal years)."
            ),
        ),
    ]
    return "".join(parts)


def sources_text() -> str:
    """The text of ``data/SOURCES.md`` as shipped in the package."""
    return data_path("SOURCES.md").read_text(encoding="utf-8")


class HelpWindow(QDialog):
    """User guide, data sources and keyboard shortcuts for one planning window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(_tr("natoplanner help"))
        self.tabs = QTabWidget(self)
        self.guide = QTextBrowser(self)
        self.guide.setAccessibleName(_tr("User guide"))
        self.guide.setHtml(guide_html(window))
        self.sources = QTextBrowser(self)
        self.sources.setObjectName("sources_text")  # the shipped document, quoted as is
        self.sources.setAccessibleName(_tr("Data sources"))
        self.sources.setOpenExternalLinks(False)
        self.sources.setMarkdown(sources_text())
        self.shortcut_table = QTableWidget(self)
        self.shortcut_table.setAccessibleName(_tr("Keyboard shortcuts"))
        self._fill_shortcuts(window)
        self.tabs.addTab(self.guide, _tr("Guide"))
        self.tabs.addTab(self.sources, _tr("Data sources"))
        self.tabs.addTab(self.shortcut_table, _tr("Keyboard shortcuts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(900, 760)

    def _fill_shortcuts(self, window) -> None:
        rows = window_shortcuts(window)
        table = self.shortcut_table
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([_tr("Keys"), _tr("Action"), _tr("Where")])
        table.setRowCount(len(rows))
        for number, (keys, action, where) in enumerate(rows):
            for column, text in enumerate((keys, action, where)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                table.setItem(number, column, item)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the action's name
        table.setWordWrap(True)

    def show_page(self, page: Page) -> None:
        self.tabs.setCurrentIndex(int(page))


def show_help(window, page: Page = Page.GUIDE) -> HelpWindow:
    """Open (or bring forward) the window's help on ``page``."""
    help_window = show_window_part(window, "help_window", HelpWindow)
    help_window.show_page(page)
    return help_window
