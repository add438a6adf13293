"""Application and window icons, bundled as SVG in ``resources/icons``."""

from __future__ import annotations

from importlib.resources import as_file

from PySide6.QtGui import QIcon

from natoplanner.core.resources import resource_path

APP_ICON = "icons/natoplanner.svg"


def icon(name: str) -> QIcon:
    """The bundled icon ``name`` (a path under resources/), found through importlib.resources."""
    with as_file(resource_path(name)) as path:
        # QIcon reads the file lazily; keep a pixmap-backed copy so the icon
        # outlives a temporary extraction (zip imports, frozen apps).
        source = QIcon(str(path))
        result = QIcon()
        for size in (16, 24, 32, 48, 64, 128, 256):
            result.addPixmap(source.pixmap(size, size))
    return result


def app_icon() -> QIcon:
    """natoplanner's application icon (a rising bar chart under a target line)."""
    return icon(APP_ICON)
