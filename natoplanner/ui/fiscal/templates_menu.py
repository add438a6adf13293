"""File > New from template: open a bundled scenario template in a new window."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from natoplanner.core.fiscal.announced import announced_scenario
from natoplanner.ui.common.actions import make_action
from natoplanner.ui.window.document import ScenarioDocument


def open_announced(window):
    """A new, unsaved window on the "Announced national plans" scenario."""
    scenario = announced_scenario(window.document.scenario.dataset)
    scenario.name = window.tr("Announced national plans")
    return window.workspace.open_window(ScenarioDocument(scenario))


def install(window) -> None:
    """File > New from template > Announced national plans (after File > New scenario)."""
    menu = window.templates_menu = QMenu(window.tr("New from te&mplate"), window)
    window.file_menu.insertMenu(window.duplicate_action, menu)  # just below New scenario
    window.announced_template_action = make_action(
        window,
        window.tr("&Announced national plans"),
        lambda: open_announced(window),
        None,
        window.tr(
            "Governments' published defence plans (Germany, the United Kingdom, Canada, the "
            "Netherlands, Lithuania, Latvia, Spain), each with its source in the notes"
        ),
        menu,
    )
