"""File > Export: results as xlsx or csv, the current plot as PNG or SVG.

Results are one row per ally and year with units in every heading
(:func:`natoplanner.io.export.export_results`). The plot is exported as the
user sees it (selected allies, measure, reference lines); PNG at twice the
on-screen width so it stays sharp on a slide. Every file is written
atomically: a failed export leaves any previous file untouched.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import pyqtgraph.exporters as exporters
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF
from PySide6.QtGui import QAction, QPainter
from PySide6.QtSvg import QSvgGenerator

from natoplanner.io.atomic import atomic_write
from natoplanner.io.export import export_results
from natoplanner.io.svg_strokes import without_non_scaling_strokes
from natoplanner.ui.common.file_errors import write_error_text
from natoplanner.ui.shell import settings

#: PNG width in pixels (a full-width slide at 1600 px stays sharp).
PNG_WIDTH_PX = 1600


def _tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


def plot_png_bytes(plot_item, width_px: int = PNG_WIDTH_PX) -> bytes:
    """The plot rendered as PNG, ``width_px`` wide (height keeps the on-screen ratio)."""
    exporter = exporters.ImageExporter(plot_item)
    exporter.parameters()["width"] = int(width_px)
    image = exporter.export(toBytes=True)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("the plot could not be encoded as PNG")
    buffer.close()
    return bytes(data.data())


def plot_svg_bytes(plot_item) -> bytes:
    """The plot as an SVG document (vector: lines and text stay sharp and editable).

    Rendered with Qt's own ``QSvgGenerator`` from the plot's scene. pyqtgraph
    0.14's ``SVGExporter`` cannot be used with Qt 6.11: it post-processes the
    path data Qt writes and fails on its newer format ("not enough values to
    unpack" in ``correctCoordinates``). Strokes are then mapped to page units
    (io/svg_strokes.py), so viewers without ``vector-effect`` draw the same lines.
    """
    scene = plot_item.scene()
    source = plot_item.sceneBoundingRect()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    # pyqtgraph caches axes as QPictures, which replay scaled by the target's
    # resolution: render at the screen's so axes and curves stay aligned.
    views = scene.views()
    generator.setResolution(views[0].logicalDpiX() if views else 96)
    generator.setOutputDevice(buffer)
    generator.setSize(source.size().toSize())
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(QCoreApplication.translate("Export", "natoplanner plot"))
    painter = QPainter(generator)
    try:
        scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    finally:
        painter.end()
    buffer.close()
    # Inkscape and office suites ignore Qt's non-scaling strokes (curves drawn in data units).
    return without_non_scaling_strokes(bytes(data.data()))


def chart_title(window) -> str:
    """What an exported chart shows: allies, measure and scenario."""
    registry = window.document.scenario.dataset.registry
    codes = window.allies_panel.selected_iso3()
    allies = ", ".join(registry.get(c).name(window.language) for c in codes[:8])
    if len(codes) > 8:
        allies += " …"
    return (
        _tr("%1 — %2 — scenario “%3”")
        .replace("%1", allies or _tr("no ally selected"))
        .replace("%2", window.plot.mode_combo.currentText())
        .replace("%3", window.document.scenario.name)
    )


def chart_source(window) -> str:
    """The source line of an exported chart: NATO's edition, the IMF vintage, the tool."""
    from natoplanner.core.dataset import NATO_EDITION
    from natoplanner.ui.common.labels import data_label

    scenario = window.document.scenario
    return (
        _tr("Source: %1 (history; NATO estimates circled); projection: natoplanner, GDP from %2")
        .replace("%1", data_label(NATO_EDITION))
        .replace("%2", data_label(scenario.gdp_vintage))
    )


@contextmanager
def captioned(window):
    """The window's plot with a title above and a source line below, for an export only."""
    import pyqtgraph as pg

    plot_item = window.plot.plot_item
    colour = window.plot.palette().color(window.plot.foregroundRole())
    plot_item.setTitle(html.escape(chart_title(window)), color=colour, size="11pt")
    source = pg.LabelItem(html.escape(chart_source(window)), color=colour, size="8pt")
    layout = plot_item.layout
    row = layout.rowCount()
    layout.addItem(source, row, 1)
    layout.activate()
    try:
        yield plot_item
    finally:
        layout.removeItem(source)
        source.setParentItem(None)
        if source.scene() is not None:
            source.scene().removeItem(source)
        plot_item.setTitle(None)
        layout.activate()


def _suggested(window, suffix: str, what: str) -> str:
    document = window.document
    return str(settings.export_folder(document.path) / f"{document.scenario.name} {what}{suffix}")


def _ask(window, suffix: str, what: str, filter_text: str) -> Path | None:
    path = window.prompts.save_path(_suggested(window, suffix, what), filter_text)
    if path is None:
        return None
    path = Path(path)
    return path if path.suffix.lower() == suffix else path.with_suffix(suffix)


def _finish(window, path: Path, write: Callable[[], None]) -> bool:
    try:
        write()
    except Exception as error:  # noqa: BLE001 - a full disk or a locked file becomes a message
        window.prompts.error(_tr("Cannot export"), write_error_text(path, error))
        return False
    settings.remember_export(path)
    window.statusBar().showMessage(_tr("Exported %1").replace("%1", str(path)), 6000)
    return True


def export_results_as(window, suffix: str) -> Path | None:
    """File > Export > Results (.xlsx or .csv); returns the written path or None."""
    filters = {".xlsx": _tr("Excel workbook (*.xlsx)"), ".csv": _tr("CSV, UTF-8 (*.csv)")}
    path = _ask(window, suffix, _tr("results"), filters[suffix])
    if path is None:
        return None
    projection = window.document.projection
    ok = _finish(window, path, lambda: export_results(projection, path, window.language))
    return path if ok else None


def export_plot_as(window, suffix: str) -> Path | None:
    """File > Export > Plot (.png or .svg); returns the written path or None."""
    filters = {".png": _tr("PNG image (*.png)"), ".svg": _tr("SVG drawing (*.svg)")}
    path = _ask(window, suffix, _tr("plot"), filters[suffix])
    if path is None:
        return None
    plot_item = window.plot.plot_item
    render = plot_png_bytes if suffix == ".png" else plot_svg_bytes

    def write() -> None:
        with captioned(window):
            data = render(plot_item)
        atomic_write(path, lambda handle: handle.write(data))

    return path if _finish(window, path, write) else None


def install(window) -> None:
    """Results and plot entries in File > Export."""
    menu = window.export_menu
    entries = (
        ("results_xlsx", window.tr("Results as &Excel (.xlsx)…"), export_results_as, ".xlsx"),
        ("results_csv", window.tr("Results as &CSV (.csv)…"), export_results_as, ".csv"),
        ("plot_png", window.tr("Plot as &PNG image…"), export_plot_as, ".png"),
        ("plot_svg", window.tr("Plot as &SVG drawing…"), export_plot_as, ".svg"),
    )
    window.export_actions = {}
    for key, text, export, suffix in entries:
        if key == "plot_png" and menu.actions():
            menu.addSeparator()
        action = QAction(text, window)
        action.triggered.connect(lambda _checked=False, f=export, s=suffix: f(window, s))
        menu.addAction(action)
        window.export_actions[key] = action
