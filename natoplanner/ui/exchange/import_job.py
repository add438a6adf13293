"""Run one step of an import (read, detect, preview) off the GUI thread.

A :class:`ImportJob` runs a function on the global ``QThreadPool`` and
reports back through Qt signals, which arrive queued in the GUI thread. The
function receives a ``checkpoint(step, text)`` callable: it reports progress
and, when the user has cancelled, stops the work there by raising
:class:`Cancelled` (the readers cannot be interrupted mid-call, so the work
stops at the next stage boundary and its result is dropped).

(``natoplanner/ui/shell/background.py`` was not there when this was written; this
is the small QThreadPool + signal-carrier pattern it is meant to provide.)
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

Checkpoint = Callable[[int, str], None]


class Cancelled(Exception):
    """Raised at a checkpoint after :meth:`ImportJob.cancel`."""


class ImportJob(QObject):
    """One background call, ending in ``done(job, outcome, payload)``.

    ``outcome`` is "finished" (payload: the result), "failed" (payload: the
    exception) or "cancelled" (payload: None). Connect ``done`` to a bound
    method of a QObject so the connection ends with that object.

    The object has no Qt parent on purpose: the thread pool's closure keeps it
    alive until the work returns, even if the dialog that started it is gone.
    """

    progress = Signal(int, str)
    done = Signal(object, str, object)

    def __init__(self, work: Callable[[Checkpoint], object], steps: int = 1) -> None:
        super().__init__()
        self.steps = steps
        self._work = work
        self._cancel = threading.Event()
        self._reported: tuple[int, str] | None = None

    def start(self) -> None:
        QThreadPool.globalInstance().start(self._run)

    def cancel(self) -> None:
        """Ask the work to stop at its next checkpoint; its result will not be delivered."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _checkpoint(self, step: int, text: str) -> None:
        if self._cancel.is_set():
            raise Cancelled
        # Only a new step is signalled. The readers call back every few thousand rows
        # with the same step; each queued signal makes the GUI thread wait for the
        # interpreter lock (about 5 ms while this thread computes), so a hundred of
        # them froze the window for 0.3-0.7 s on a 200,000-row file.
        if (step, text) != self._reported:
            self._reported = (step, text)
            self.progress.emit(step, text)

    def _run(self) -> None:
        # No cyclic-garbage collection while a large file becomes a preview: each
        # full pass over its hundreds of thousands of new objects, run by whichever
        # thread allocates, would freeze the window for a few hundred milliseconds.
        # At the end the survivors are frozen (still freed when unreferenced) so no
        # later pass walks them; the dialog unfreezes them when it closes.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._run_work()
        finally:
            gc.freeze()
            if collecting:
                gc.enable()

    def _run_work(self) -> None:
        try:
            result = self._work(self._checkpoint)
        except Cancelled:
            self.done.emit(self, "cancelled", None)
        except Exception as error:  # noqa: BLE001 - every failure becomes a message in the dialog
            self.done.emit(self, "cancelled" if self.is_cancelled else "failed", error)
        else:
            self.done.emit(self, "cancelled" if self.is_cancelled else "finished", result)
