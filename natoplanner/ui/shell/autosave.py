"""Autosave and crash recovery for every open scenario.

Every ``interval`` seconds (60 by default: settings key
``autosave/interval_s``; the environment variable
``NATOPLANNER_AUTOSAVE_SECONDS`` overrides it, for tests) each scenario with
unsaved changes (``document.is_modified``, the single source of truth) is
written to a recovery folder under the per-user application data folder
(``QStandardPaths.AppDataLocation``/autosave), never over the user's file.

Each application session owns one folder, ``session-<id>``, held by a
:class:`QLockFile`. A normal quit deletes the folder. A folder whose lock is
stale (its process died: a crash, a kill, a power cut) belongs to a crashed
session; the next start offers to restore what it holds
(:func:`offer_recovery`), through ``window.prompts.recover`` so tests answer
without a dialog.
"""

from __future__ import annotations

import os
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QStandardPaths, QTimer, Signal

from natoplanner.io.recovery import (
    RecoveryEntry,
    discard_folder,
    read_recovery,
    remove_recovery,
    write_recovery,
)
from natoplanner.ui.shell import settings
from natoplanner.ui.shell.prompts import Recovery
from natoplanner.ui.window.document import ScenarioDocument

#: Environment variable that overrides the autosave interval (seconds, may be fractional).
INTERVAL_ENV = "NATOPLANNER_AUTOSAVE_SECONDS"
_LOCK_NAME = "session.lock"
#: Sub-folder of the autosave root for copies that failed to load.
UNREADABLE_FOLDER = "unreadable"
_SESSION_PREFIX = "session-"


def autosave_root() -> Path | None:
    """``<AppDataLocation>/autosave``: where every session keeps its recovery folder.

    None when the platform names no per-user data folder (autosave is then off).
    """
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "autosave" if base else None


def interval_seconds() -> float:
    """The autosave interval: the environment override, else the setting (60 s by default)."""
    override = os.environ.get(INTERVAL_ENV)
    if override:
        try:
            return max(0.05, float(override))
        except ValueError:
            pass
    return float(settings.autosave_seconds())


class Autosave(QObject):
    """Writes the workspace's modified scenarios to this session's recovery folder.

    Parameters
    ----------
    workspace : Workspace
        The open windows; their documents are saved.
    root : Path, optional
        Folder that holds the session folders (default :func:`autosave_root`).
    interval_s : float, optional
        Seconds between saves (default :func:`interval_seconds`).
    """

    #: A recovery copy could not be written (full disk…): said once per session.
    problem = Signal(str)

    def __init__(
        self,
        workspace,
        root: Path | None = None,
        interval_s: float | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else workspace)
        self.workspace = workspace
        found = Path(root) if root is not None else autosave_root()
        self.root = found if found is not None else Path.home() / ".natoplanner-no-data-folder"
        self.folder = self.root / f"{_SESSION_PREFIX}{uuid.uuid4().hex[:12]}"
        self._lock = QLockFile(str(self.folder / _LOCK_NAME))
        self._lock.setStaleLockTime(0)
        #: Why autosave is off (a read-only or full data folder), or None when it runs.
        self.disabled_reason: str | None = None
        try:
            if found is None:
                raise OSError("the system names no per-user data folder")
            self.folder.mkdir(parents=True, exist_ok=True)
            if not self._lock.tryLock(0):
                raise OSError(_lock_problem(self._lock))
        except OSError as error:
            # The window must start anyway: autosave is off for this session.
            self.disabled_reason = f"{self.root}: {error.strerror or error}"
            discard_folder_if_empty(self.folder)
        self._keys: dict[ScenarioDocument, str] = {}
        self._next_key = 1
        self._dirty: set[str] = set()
        self._written: set[str] = set()
        self.last_error: str | None = None
        # One worker thread does every file operation, in order: writing a
        # workbook takes 0.2-0.5 s, which would stall typing on the GUI thread.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="natoplanner-autosave")
        self._running: Future | None = None
        self._finished = False
        self.timer = QTimer(self)
        self.timer.setInterval(
            int(1000 * (interval_s if interval_s is not None else interval_seconds()))
        )
        self.timer.timeout.connect(lambda: self.save_now(wait=False))
        if self.disabled_reason is None:
            self.timer.start()

    @property
    def enabled(self) -> bool:
        """False when this session cannot keep recovery copies (see :attr:`disabled_reason`)."""
        return self.disabled_reason is None

    def status_text(self) -> str | None:
        """One sentence for the status bar when autosave is off, else None."""
        if self.enabled:
            return None
        return QCoreApplication.translate(
            "Autosave", "Autosave is off: cannot write to the data folder (%1)."
        ).replace("%1", self.disabled_reason or "")

    def _key(self, document: ScenarioDocument) -> str:
        key = self._keys.get(document)
        if key is None:
            key = f"scenario-{self._next_key}"
            self._next_key += 1
            self._keys[document] = key
            self._dirty.add(key)
            document.undo_stack.indexChanged.connect(lambda _i, k=key: self._dirty.add(k))
            document.undo_stack.cleanChanged.connect(lambda _c, k=key: self._dirty.add(k))
            document.reset.connect(lambda k=key: self._dirty.add(k))
            document.destroyed.connect(lambda _o=None, d=document: self._forget(d))
        return key

    def _forget(self, document: ScenarioDocument) -> None:
        key = self._keys.pop(document, None)
        if key is not None:
            self._remove(key)

    def _remove(self, key: str) -> None:
        self._written.discard(key)
        if self._finished:
            return
        try:
            self._worker.submit(remove_recovery, self.folder, key)
        except RuntimeError:  # the worker is gone (interpreter exit): do it here
            remove_recovery(self.folder, key)

    def save_now(self, wait: bool = True) -> list[RecoveryEntry]:
        """Write every modified scenario that changed since the last save; drop saved ones.

        The scenarios are copied here (on the GUI thread, microseconds) and
        written by the worker thread. With ``wait`` (the default) this
        returns the copies written; the timer does not wait, and skips a
        tick while the previous save is still running. A failure (full disk)
        is kept in :attr:`last_error` and retried on the next tick; it never
        interrupts the user.
        """
        if not self.enabled or self._finished:
            return []
        if not wait and self._running is not None and not self._running.done():
            return []
        open_documents = set(self.workspace.documents)
        for document in list(self._keys):
            if document not in open_documents:
                self._forget(document)
        jobs = []
        for document in open_documents:
            key = self._key(document)
            if not document.is_modified:
                if key in self._written:
                    self._remove(key)
                continue
            if key not in self._dirty and key in self._written:
                continue
            jobs.append((key, document.scenario.copy(), document.path))
            self._written.add(key)
            self._dirty.discard(key)
        self._running = self._worker.submit(self._write, jobs)
        return self._running.result() if wait else []

    def _write(self, jobs: list) -> list[RecoveryEntry]:
        """Worker thread: write each copy; a failed one is marked for the next tick."""
        written = []
        for key, scenario, original_path in jobs:
            try:
                written.append(write_recovery(self.folder, key, scenario, original_path))
            except OSError as error:
                if self.last_error is None:  # emitted from the worker: queued to the window
                    self.problem.emit(
                        QCoreApplication.translate(
                            "Autosave", "Autosave could not write a recovery copy: %1"
                        ).replace("%1", str(error))
                    )
                self.last_error = str(error)
                self._dirty.add(key)
        return written

    # -- crashed sessions -------------------------------------------------------
    def crashed_folders(self) -> list[Path]:
        """Other sessions' folders whose process is gone (their lock is stale or missing)."""
        crashed = []
        if not self.root.is_dir():
            return crashed
        for folder in sorted(self.root.glob(f"{_SESSION_PREFIX}*")):
            if folder == self.folder or not folder.is_dir():
                continue
            lock = QLockFile(str(folder / _LOCK_NAME))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                lock.unlock()
                crashed.append(folder)
        return crashed

    def pending_recovery(self) -> list[RecoveryEntry]:
        """What crashed sessions left behind; only folders with no workbook copy are removed."""
        entries = []
        for folder in self.crashed_folders():
            found = read_recovery(folder)
            if found:
                entries.extend(found)
            else:
                discard_folder(folder)
        return sorted(entries, key=lambda e: e.saved_at)

    def unreadable_folder(self) -> Path:
        """Where copies that cannot be loaded are kept, out of the way of the next start."""
        return self.root / UNREADABLE_FOLDER

    def set_aside(self, entries: list[RecoveryEntry]) -> Path:
        """Move copies that failed to load to :meth:`unreadable_folder` (never deleted)."""
        target = self.unreadable_folder()
        target.mkdir(parents=True, exist_ok=True)
        for entry in entries:
            stamp = entry.saved_at.strftime("%Y%m%d-%H%M%S")
            for source in (entry.workbook, entry.sidecar):
                if source.exists():
                    source.replace(target / f"{stamp}-{entry.workbook.parent.name}-{source.name}")
        return target

    def discard_crashed(self) -> None:
        for folder in self.crashed_folders():
            discard_folder(folder)

    def finish(self) -> None:
        """A normal quit: stop saving and delete this session's folder."""
        self.timer.stop()
        self._finished = True
        self._worker.shutdown(wait=True)
        if self.enabled:
            self._lock.unlock()
            discard_folder(self.folder)


def _lock_problem(lock: QLockFile) -> str:
    error = lock.error()
    if error == QLockFile.LockError.PermissionError:
        return "permission denied"
    return f"cannot create the session lock ({error.name})"


def discard_folder_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass


def _report_unloadable(window, autosave: Autosave, problems: list) -> None:
    try:
        kept = str(autosave.set_aside([entry for entry, _error in problems]))
    except OSError as error:
        kept = str(error)
    lines = [f"{entry.name}: {error}" for entry, error in problems]
    text = QCoreApplication.translate(
        "Autosave",
        "These recovery copies cannot be read and will not be offered again; they are kept in %1:",
    ).replace("%1", kept)
    window.prompts.error(
        QCoreApplication.translate("Autosave", "Recovery"), "\n".join([text, *lines])
    )


def offer_recovery(window, autosave: Autosave) -> list:
    """Ask (through ``window.prompts.recover``) to restore what a crashed session left.

    Restored scenarios open in new windows of ``window.workspace``, marked as
    modified (their original file, if any, is untouched until the user
    saves); ``window`` is closed if it still holds the untouched default
    scenario. Returns the new windows.
    """
    from natoplanner.io.workbook.files import load_scenario

    entries = autosave.pending_recovery()
    if not entries:
        return []
    # Only copies that load are offered; one that fails is set aside (kept,
    # never offered again) and named once, so no start asks about it again.
    loadable, problems = [], []
    for entry in entries:
        try:
            scenario = load_scenario(entry.workbook, window.document.scenario.dataset)
        except Exception as error:  # noqa: BLE001 - one bad copy must not stop the others
            problems.append((entry, str(error)))
            continue
        loadable.append((entry, scenario))
    if problems:
        _report_unloadable(window, autosave, problems)
    if not loadable:
        autosave.discard_crashed()
        return []
    answer = window.prompts.recover([entry for entry, _scenario in loadable])
    if answer == Recovery.LATER:
        return []
    if answer == Recovery.DISCARD:
        autosave.discard_crashed()
        return []
    opened = []
    for entry, scenario in loadable:
        document = ScenarioDocument(scenario, entry.original_path)
        document.undo_stack.resetClean()  # unsaved until the user saves it
        opened.append(window.workspace.open_window(document))
    autosave.discard_crashed()
    autosave.save_now(wait=False)
    if opened and window.document.path is None and not window.document.is_modified:
        window.close()
    return opened
