"""Nobody's work is lost through the window's Open and Save (issue 15).

One :class:`FileGuard` per window keeps what it knows about the workbook
it shows: its size and modification time at open or last save (a
colleague's save since then is noticed before it is overwritten), the
LibreOffice-style lock natoplanner holds on it while it is open (so
LibreOffice offers colleagues a read-only copy, and a second natoplanner
asks), whether it was opened read-only, and what a natoplanner Save would
drop from it (a colleague's own sheets, notes, comments). The questions go
through the window's prompts, so tests script the answers.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from natoplanner.io.errors import Problem
from natoplanner.io.locks import DiskState, changed_on_disk, other_owner, remove_lock, write_lock

OPEN, READ_ONLY, CANCEL = "open", "read-only", "cancel"
SAVE, SAVE_AS, RELOAD = "save", "save as", "reload"


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileGuard", text)


class FileGuard:
    """Locks, changes on disk and what a Save would drop, for one window's file.

    ``open_in_other_window(path)`` tells whether another window of this
    process shows ``path`` (its lock is this process's own, so the lock file
    alone cannot tell).
    """

    def __init__(self, prompts_of: Callable[[], object], open_in_other_window) -> None:
        self._prompts_of = prompts_of
        self._open_in_other_window = open_in_other_window
        self.path: Path | None = None
        self.read_only = False
        self.not_kept: list[Problem] = []
        self._disk: DiskState | None = None
        self._locked = False

    @property
    def prompts(self):
        return self._prompts_of()

    # -- open ------------------------------------------------------------------
    def ask_before_opening(self, path: Path) -> str:
        """OPEN, READ_ONLY or CANCEL for ``path``, asking when someone else has it open."""
        who = self._who_has_it(path)
        if who is None:
            return OPEN
        return self.prompts.decide(
            _tr("File in use"),
            _tr("“%1” is %2.").replace("%1", Path(path).name).replace("%2", who),
            _tr(
                "Open it read-only to look without overwriting their work, or open it for "
                "editing if you know they will not save it."
            ),
            [
                (READ_ONLY, _tr("Open &Read-Only")),
                (OPEN, _tr("Open for &Editing")),
                (CANCEL, _tr("Cancel")),
            ],
        )

    def opened(self, path: Path, read_only: bool, not_kept: list[Problem]) -> None:
        """Remember ``path`` as the window's file; lock it unless opened read-only."""
        self.release()
        self.path, self.read_only, self.not_kept = Path(path), read_only, list(not_kept)
        self._disk = DiskState.of(path)
        if not read_only:
            self._lock(path)

    # -- save ------------------------------------------------------------------
    def ask_before_saving(self, path: Path) -> str:
        """SAVE, SAVE_AS, RELOAD or CANCEL before writing ``path``."""
        path = Path(path)
        same_file = self.path is not None and _same(path, self.path)
        who = self._who_has_it(path)
        if who is not None:
            answer = self.prompts.decide(
                _tr("File in use"),
                _tr("“%1” is %2.").replace("%1", path.name).replace("%2", who),
                _tr("Saving now would overwrite their work, or their next save yours."),
                [(SAVE_AS, _tr("Save &As…")), (SAVE, _tr("&Overwrite")), (CANCEL, _tr("Cancel"))],
            )
            if answer != SAVE:
                return answer
        if same_file and self.read_only:
            return SAVE_AS
        if same_file and changed_on_disk(path, self._disk):
            answer = self.prompts.decide(
                _tr("File changed on disk"),
                _tr("“%1” was changed by someone else since you opened it.").replace(
                    "%1", path.name
                ),
                _tr(
                    "Reload it to see their changes (yours are dropped), save yours under "
                    "another name, or overwrite theirs."
                ),
                [
                    (RELOAD, _tr("&Reload")),
                    (SAVE_AS, _tr("Save &As…")),
                    (SAVE, _tr("&Overwrite")),
                    (CANCEL, _tr("Cancel")),
                ],
            )
            if answer != SAVE:
                return answer
        if same_file and self.not_kept:
            answer = self.prompts.decide(
                _tr("Save would drop a colleague's additions"),
                _tr("Saving “%1” writes the workbook anew and drops:").replace("%1", path.name),
                "\n".join(
                    f"• {problem.message.split(': a natoplanner Save')[0]}"
                    for problem in self.not_kept
                ),
                [(SAVE_AS, _tr("Save &As…")), (SAVE, _tr("&Save Anyway")), (CANCEL, _tr("Cancel"))],
            )
            if answer != SAVE:
                return answer
        return SAVE

    def saved(self, path: Path) -> None:
        """``path`` now holds natoplanner's own workbook: remember it, move the lock to it."""
        path = Path(path)
        if self.path is None or not _same(path, self.path):
            self.release()
            self.path = path
            self._lock(path)
        elif not self._locked:
            self._lock(path)
        self.read_only, self.not_kept = False, []
        self._disk = DiskState.of(path)

    def release(self) -> None:
        """Remove this window's lock (window closed, another file opened)."""
        if self._locked and self.path is not None:
            remove_lock(self.path)
        self._locked = False

    # -- helpers -------------------------------------------------------------
    def _who_has_it(self, path: Path) -> str | None:
        owner = other_owner(path)
        if owner is not None:
            return owner.describe()
        if self._open_in_other_window(path):
            return _tr("open in another natoplanner window")
        return None

    def _lock(self, path: Path) -> None:
        with contextlib.suppress(OSError):  # a read-only folder: work on without a lock
            write_lock(path)
            self._locked = True


def _same(first: Path, second: Path) -> bool:
    try:
        return Path(first).resolve() == Path(second).resolve()
    except OSError:
        return Path(first) == Path(second)
