"""Help inside the application: user guide (F1), data sources, shortcuts, About, welcome.

``install(window)`` fills the window's Help menu:

- *User guide* (F1): what the window shows, every column of the allies
  table and every measure of the year editor (from the models' own
  tooltips, so the guide says what the window says), overrides and
  policies, the Hague rules apart from this tool's own heuristics;
- *Data sources*: the text of ``data/SOURCES.md`` as shipped;
- *Keyboard shortcuts*: every menu action's keys, read from the window;
- *Welcome panel*: the one-time orientation shown at the first start;
- *About natoplanner*, with the version.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from natoplanner.ui.common.actions import make_action


def install(window) -> None:
    """Add the Help menu's entries to ``window``."""
    from natoplanner.ui.help.about import show_about
    from natoplanner.ui.help.guide import Page, show_help
    from natoplanner.ui.help.welcome import show_welcome

    menu = window.help_menu
    window.user_guide_action = make_action(
        window,
        window.tr("&User guide"),
        lambda: show_help(window, Page.GUIDE),
        QKeySequence.StandardKey.HelpContents,
        window.tr("What each column and measure means, overrides, policies and the Hague rules"),
        menu,
    )
    if window.user_guide_action.shortcut().isEmpty():  # platforms without a Help key
        window.user_guide_action.setShortcut(QKeySequence("F1"))
    window.sources_action = make_action(
        window,
        window.tr("&Data sources"),
        lambda: show_help(window, Page.SOURCES),
        None,
        window.tr("Where every figure comes from (data/SOURCES.md)"),
        menu,
    )
    window.shortcuts_action = make_action(
        window,
        window.tr("&Keyboard shortcuts"),
        lambda: show_help(window, Page.SHORTCUTS),
        None,
        window.tr("Every shortcut of this window"),
        menu,
    )
    window.welcome_action = make_action(
        window,
        window.tr("&Welcome panel"),
        lambda: show_welcome(window),
        None,
        window.tr("Show the first-start orientation again"),
        menu,
    )
    menu.addSeparator()
    window.about_action = make_action(
        window, window.tr("&About natoplanner"), lambda: show_about(window), None, "", menu
    )
