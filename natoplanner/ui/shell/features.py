"""Window parts beyond the planning core, each installed into a MainWindow.

Every feature module exposes ``install(window)``, which adds its actions to
the window's menus (``window.file_menu``, ``window.export_menu``,
``window.edit_menu``, ``window.view_menu``, ``window.analysis_menu``,
``window.help_menu``) and docks or dialogs as it needs. Keeping the list here
keeps ``main_window.py`` about the planning core.
"""

from __future__ import annotations

import importlib

FEATURE_MODULES: tuple[str, ...] = (
    "natoplanner.ui.analysis.goalseek_dialog",
    "natoplanner.ui.analysis.uncertainty_view",
    "natoplanner.ui.exchange.import_open",
    "natoplanner.ui.exchange.clipboard_actions",
    "natoplanner.ui.exchange.export_actions",
    "natoplanner.ui.analysis.compare_view",
    "natoplanner.ui.analysis.alliance_view",
    "natoplanner.ui.analysis.report",
    "natoplanner.ui.fiscal.room_view",
    "natoplanner.ui.fiscal.plot_band",
    "natoplanner.ui.fiscal.templates_menu",
    "natoplanner.ui.sources.sources_dialog",
    "natoplanner.ui.sources.reference_curves",
    "natoplanner.ui.help",
)


def install_features(window) -> None:
    for name in FEATURE_MODULES:
        importlib.import_module(name).install(window)
