"""Help > About natoplanner: what the tool is, its version and data editions."""

from __future__ import annotations

from importlib import metadata

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from natoplanner.core.dataset import NATO_EDITION
from natoplanner.ui.common.labels import data_label


def version() -> str:
    """The installed natoplanner version ("0.1.0"), or a note when it is not installed."""
    try:
        return metadata.version("natoplanner")
    except metadata.PackageNotFoundError:
        return _tr("unknown (not installed as a package)")


def _tr(text: str) -> str:
    return QCoreApplication.translate("About", text)


def about_text() -> str:
    """The About box's rich text, in the interface language."""
    return (
        _tr(
            "<p><b>natoplanner %1</b> — scenario planner for the Hague commitment "
            "(25 June 2025): 3.5% of GDP on core defence and 5% in total by 2035, "
            "with a review in 2029.</p>"
            "<p>Data: %2; NATO 2025 edition for comparison; IMF World Economic Outlook "
            "April 2026, October 2025 and April 2025 (real GDP growth, CPI as the deflator).</p>"
            "<p>Shares are on NATO's basis (constant 2021 prices), anchored on the published "
            "base-year share. Luxembourg is measured against GNI from 2023. Iceland has no "
            "armed forces. Help &gt; Data sources shows every source and caveat.</p>"
        )
        .replace("%1", version())
        .replace("%2", data_label(NATO_EDITION))
    )


def show_about(window) -> None:
    """The About box (modal, like every platform's About)."""
    QMessageBox.about(window, _tr("About natoplanner"), about_text())
