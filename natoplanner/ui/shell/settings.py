"""What the application remembers between sessions, in one place (QSettings).

Window layout (geometry, docks and toolbars, splitters), the last folder (and the
last export folder), the
recent files, the interface language, the preferred plot units and the
autosave interval. Every read builds a fresh ``QSettings()`` from the
application's organisation and name, so tests that point QSettings at a
temporary folder (tests/ui/conftest.py) never touch the user's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

#: File > Open Recent holds at most this many workbooks, newest first.
MAX_RECENT_FILES = 10
#: Languages the interface ships in (NATO's two official languages).
LANGUAGES: tuple[str, ...] = ("en", "fr")
#: Seconds between autosaves unless the user (or a test) chose otherwise.
DEFAULT_AUTOSAVE_SECONDS = 60

_RECENT = "files/recent"
_LAST_FOLDER = "files/last_folder"
_LAST_EXPORT_FOLDER = "files/last_export_folder"
_LANGUAGE = "ui/language"
_PLOT_MODE = "plot/mode"
_AUTOSAVE = "autosave/interval_s"
_GEOMETRY = "window/geometry"
_STATE = "window/state"
_SPLITTER = "window/splitter/"


def _store() -> QSettings:
    return QSettings()


def _as_list(value: object) -> list[str]:
    # QSettings (INI format) returns a plain str for a one-item list and None
    # for an empty one.
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(item) for item in value]


# -- recent files and folders ---------------------------------------------------
def recent_files() -> list[Path]:
    """Recently opened or saved workbooks, newest first (at most :data:`MAX_RECENT_FILES`)."""
    return [Path(name) for name in _as_list(_store().value(_RECENT))][:MAX_RECENT_FILES]


def add_recent_file(path: Path) -> list[Path]:
    """Put ``path`` first in the recent files and remember its folder; returns the new list."""
    path = Path(path).resolve()
    kept = [p for p in recent_files() if p != path]
    files = [path, *kept][:MAX_RECENT_FILES]
    store = _store()
    store.setValue(_RECENT, [str(p) for p in files])
    store.setValue(_LAST_FOLDER, str(path.parent))
    return files


def remove_recent_files(paths: list[Path]) -> list[Path]:
    """Drop ``paths`` from the recent files (e.g. files that no longer exist)."""
    gone = {Path(p) for p in paths}
    files = [p for p in recent_files() if p not in gone]
    _store().setValue(_RECENT, [str(p) for p in files])
    return files


def clear_recent_files() -> None:
    _store().remove(_RECENT)


def last_folder() -> Path:
    """The folder of the last workbook opened or saved (home when none, or gone)."""
    value = _store().value(_LAST_FOLDER)
    folder = Path(str(value)) if value else Path.home()
    return folder if folder.is_dir() else Path.home()


def set_last_folder(folder: Path) -> None:
    _store().setValue(_LAST_FOLDER, str(folder))


def export_folder(document_path: Path | None) -> Path:
    """Where an export dialog opens: the folder of the last export, if it still exists.

    Before any export (or when that folder has gone): the scenario's own folder,
    else the folder of the last workbook opened or saved.
    """
    value = _store().value(_LAST_EXPORT_FOLDER)
    if value and Path(str(value)).is_dir():
        return Path(str(value))
    if document_path is not None and Path(document_path).parent.is_dir():
        return Path(document_path).parent
    return last_folder()


def remember_export(path: Path) -> None:
    """Note the folder of a file just exported (charts, results, reports, comparisons)."""
    _store().setValue(_LAST_EXPORT_FOLDER, str(Path(path).resolve().parent))


# -- language and units -------------------------------------------------------
def language(default: str = "en") -> str:
    """The interface language chosen in View > Language ("en" or "fr")."""
    value = str(_store().value(_LANGUAGE, default) or default)
    return value if value in LANGUAGES else default


def set_language(code: str) -> None:
    if code not in LANGUAGES:
        raise ValueError(f"unsupported language {code!r}; expected one of {', '.join(LANGUAGES)}")
    _store().setValue(_LANGUAGE, code)


def plot_mode(default: str) -> str:
    """The preferred plotted measure and units (a ``PlotMode`` value of ui/window/path_plot.py)."""
    return str(_store().value(_PLOT_MODE, default) or default)


def set_plot_mode(mode: str) -> None:
    _store().setValue(_PLOT_MODE, str(mode))


def autosave_seconds() -> int:
    """Seconds between autosaves (settings key ``autosave/interval_s``; at least 1)."""
    try:
        seconds = int(float(str(_store().value(_AUTOSAVE, DEFAULT_AUTOSAVE_SECONDS))))
    except ValueError:
        seconds = DEFAULT_AUTOSAVE_SECONDS
    return max(1, seconds)


def set_autosave_seconds(seconds: int) -> None:
    _store().setValue(_AUTOSAVE, int(seconds))


# -- window layout ------------------------------------------------------------------
def save_window_layout(window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
    """Remember ``window``'s geometry, docks and toolbars, and each named splitter."""
    store = _store()
    store.setValue(_GEOMETRY, window.saveGeometry())
    store.setValue(_STATE, window.saveState())
    for name, splitter in splitters.items():
        store.setValue(_SPLITTER + name, splitter.saveState())


def restore_window_layout(window: QMainWindow, splitters: dict[str, QSplitter]) -> bool:
    """Put back what :func:`save_window_layout` stored; False when nothing was stored."""
    store = _store()
    geometry = store.value(_GEOMETRY)
    if not isinstance(geometry, QByteArray | bytes) or not geometry:
        return False
    window.restoreGeometry(QByteArray(geometry))
    state = store.value(_STATE)
    if isinstance(state, QByteArray | bytes) and state:
        window.restoreState(QByteArray(state))
    for name, splitter in splitters.items():
        value = store.value(_SPLITTER + name)
        if isinstance(value, QByteArray | bytes) and value:
            splitter.restoreState(QByteArray(value))
    return True
