"""Start the GUI: ``natoplanner [SCENARIO.xlsx] [--screenshot PATH] [--lang en|fr]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

#: Allies selected in the documentation screenshot: a spread of positions
#: against the targets (above 3.5%, near it, well below).
SCREENSHOT_ALLIES = ("POL", "DEU", "FRA", "ESP", "USA")


def parse_gui_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="natoplanner", description="Open the natoplanner window.")
    parser.add_argument("scenario", nargs="?", help="scenario workbook (.xlsx) to open")
    parser.add_argument("--screenshot", metavar="PATH", help="render the window to a PNG and exit")
    parser.add_argument("--lang", default=None, help="user interface language (en or fr)")
    # Diagnostics for benchmarks/bench_ui.py: quit after the first paint and
    # print the resident memory, so start-up is measured as a whole process.
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    # Test hook (tests/ui/shell/test_autosave.py): apply one edit as if typed, so a
    # subprocess has unsaved changes to autosave. MEASURE:ISO3:YEAR:VALUE.
    parser.add_argument("--apply-edit", metavar="EDIT", help=argparse.SUPPRESS)
    return parser.parse_args(list(argv))


def run_gui(argv: Sequence[str]) -> int:
    args = parse_gui_args(argv)
    if args.screenshot:
        # Rendering needs no display; never pop a window on a build machine.
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from natoplanner.ui.shell.platform_check import xcb_problem

    if (problem := xcb_problem()) is not None:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from natoplanner.ui.common.screen import keep_on_screen
    from natoplanner.ui.shell import settings
    from natoplanner.ui.shell.icons import app_icon
    from natoplanner.ui.shell.language import install_language
    from natoplanner.ui.shell.workspace import Workspace
    from natoplanner.ui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    from natoplanner.ui.shell.background import keep_window_responsive

    keep_window_responsive()
    app.setApplicationName("natoplanner")
    app.setOrganizationName("natoplanner")
    if args.screenshot:
        # The documentation picture shows the default layout, whatever the
        # user's remembered one, and leaves the user's settings untouched.
        _use_throwaway_settings()
    app.setWindowIcon(app_icon())
    if args.lang is not None and args.lang not in settings.LANGUAGES:
        print(f"natoplanner: unknown language {args.lang!r} (expected en or fr)", file=sys.stderr)
        return 2
    language = args.lang or settings.language()
    install_language(app, language)
    workspace = Workspace(language, window_factory=MainWindow.in_workspace)
    window = MainWindow(language=language, workspace=workspace, defer_features=not args.screenshot)
    # A workbook named on the command line is read just after the first paint (the
    # window says what it opens meanwhile); a screenshot or a test edit needs it first.
    scenario = Path(args.scenario) if args.scenario else None
    read_after_paint = scenario is not None and not args.screenshot and not args.apply_edit
    if scenario is not None and not read_after_paint and not window.open_scenario(scenario):
        if args.screenshot:
            print(f"natoplanner: cannot open {args.scenario}", file=sys.stderr)
            return 1
    if args.apply_edit:
        _apply_edit(window, args.apply_edit)
    if args.screenshot:
        return save_screenshot(window, Path(args.screenshot))
    if read_after_paint:
        from natoplanner.ui.window.opening import OpeningCover

        OpeningCover(window, scenario)
    window.show()
    keep_on_screen(window)
    window.allies_panel.select_iso3(["DEU", "POL"])
    if args.startup_probe:
        window.repaint()  # the first paint, before the deferred feature modules load
        _report_startup("first-paint")
        if read_after_paint:
            from natoplanner.ui.window.opening import open_after_first_paint

            open_after_first_paint(window, scenario)
            window.repaint()
            _report_startup("scenario-shown")
        window.document.undo_stack.setClean()
        return 0
    from PySide6.QtCore import QTimer

    from natoplanner.ui.shell.autosave import offer_recovery

    autosave = start_autosave(window, workspace)
    app.aboutToQuit.connect(autosave.finish)
    if read_after_paint:
        from natoplanner.ui.window.opening import open_after_first_paint

        window.repaint()
        QTimer.singleShot(0, lambda: open_after_first_paint(window, scenario))
    # After the first paint, so the question appears over the window.
    QTimer.singleShot(0, lambda: offer_recovery(window, autosave))
    QTimer.singleShot(0, lambda: _welcome_at_first_start(window))
    return app.exec()


def _welcome_at_first_start(window) -> None:
    from natoplanner.ui.help.welcome import show_welcome_once

    show_welcome_once(window)


def start_autosave(window, workspace, root: Path | None = None):
    """Autosave for ``workspace``; when the data folder cannot be written, say so once.

    A read-only or full per-user data folder never stops the window: autosave
    is then off for the session and the status bar says why.
    """
    from natoplanner.ui.shell.autosave import Autosave

    autosave = Autosave(workspace, root=root)
    if (text := autosave.status_text()) is not None:
        window.statusBar().showMessage(text)
    autosave.problem.connect(lambda text: window.statusBar().showMessage(text, 15000))
    return autosave


def _use_throwaway_settings() -> None:
    """Point QSettings at a temporary folder removed at exit."""
    import atexit
    import shutil
    import tempfile

    from PySide6.QtCore import QSettings

    folder = tempfile.mkdtemp(prefix="natoplanner-settings-")
    atexit.register(shutil.rmtree, folder, True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)


def _apply_edit(window, edit: str) -> None:
    """Push one year input (``MEASURE:ISO3:YEAR:VALUE``) through the undo stack."""
    from natoplanner.core.scenario import Measure
    from natoplanner.ui.window.commands import SetYearInput

    measure, iso3, year, value = edit.split(":")
    command = SetYearInput(window.document, Measure(measure), iso3, int(year), float(value))
    window.document.push(command)


def _report_startup(moment: str) -> None:
    """Print "<moment> rss_mb=N [elapsed_s=T]": resident memory now and, when the
    benchmark set NATOPLANNER_PROBE_START (seconds since the epoch before it started
    this process), the seconds since then."""
    import os
    import time

    line = f"{moment} rss_mb={_resident_mb():.1f}"
    if start := os.environ.get("NATOPLANNER_PROBE_START"):
        line += f" elapsed_s={time.time() - float(start):.3f}"
    print(line, flush=True)


def _resident_mb() -> float:
    # VmRSS is the current resident set; ru_maxrss would be the high-water
    # mark, which on Linux a child inherits from the process that forked it.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / divisor


def save_screenshot(window, path: Path) -> int:
    """Render ``window`` in a typical state (several allies selected) to ``path`` (PNG)."""
    from PySide6.QtWidgets import QApplication

    window.allies_panel.select_iso3(list(SCREENSHOT_ALLIES))
    # The documentation picture has the window's default size, whatever the
    # (offscreen) screen: a live window is cut to its screen instead.
    window.resize(1440, 900)
    window.show()
    for _ in range(3):
        QApplication.processEvents()
    image = window.grab()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        print(f"natoplanner: cannot write {path}", file=sys.stderr)
        return 1
    window.document.undo_stack.setClean()
    window.close()
    return 0
