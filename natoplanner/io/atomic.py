"""Atomic file replacement: the previous file survives any crash mid-save.

The new content goes to a temporary file in the destination's folder (same
file system, so the final rename is atomic), is flushed and fsynced, then
``os.replace`` swaps it in and the folder entry is fsynced. A crash, a kill
or a full disk at any point leaves either the old file or the new one, never
a mixture; the temporary file is removed on failure. A hard kill can leave a
hidden ``.~NAME.*.tmp`` beside it, never a damaged destination: the writer
holds an exclusive ``flock`` on its temporary file, so the next save removes
any such file nobody holds. A destination that is a symbolic link is written
through (the link's target is replaced; the link stays).
"""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

try:
    import fcntl
except ImportError:  # Windows: stale temporary files are recognised by age instead
    fcntl = None  # type: ignore[assignment]


def atomic_write(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write ``path`` through ``write(handle)`` and replace it atomically.

    Parameters
    ----------
    path : Path
        Destination file; its folder must exist.
    write : callable
        Receives a binary file handle opened for writing the new content.

    Raises
    ------
    OSError
        When the folder is not writable or the disk is full; the previous
        file at ``path`` is then untouched.
    """
    path = write_target(path)
    folder = path.parent if str(path.parent) else Path(".")
    remove_stale_temporaries(path)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, before replace
        mode="w+b", dir=folder, prefix=_temporary_prefix(path), suffix=".tmp", delete=False
    )
    temporary = Path(handle.name)
    try:
        with handle:
            _hold(handle)
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(temporary, path.stat().st_mode & 0o777)
        else:
            with contextlib.suppress(OSError):
                os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _fsync_folder(folder)


def write_target(path: Path) -> Path:
    """The file a write to ``path`` must replace: the target of a symbolic link, else ``path``."""
    path = Path(path)
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def _temporary_prefix(path: Path) -> str:
    return f".~{path.stem[:40]}."


def _hold(handle: BinaryIO) -> None:
    """Hold an exclusive lock on the temporary file while it is written (released by close)."""
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def remove_stale_temporaries(path: Path, older_than_s: float = 3600.0) -> list[Path]:
    """Remove the ``.~NAME.*.tmp`` files a killed save left beside ``path``; returns them.

    A temporary file is stale when no process holds its lock (POSIX ``flock``:
    a live writer always does), or, where locks are unavailable, when it is
    older than ``older_than_s`` seconds.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    removed = []
    for candidate in folder.glob(f"{glob.escape(_temporary_prefix(path))}*.tmp"):
        if _is_stale(candidate, older_than_s):
            with contextlib.suppress(OSError):
                candidate.unlink()
                removed.append(candidate)
    return removed


def _is_stale(candidate: Path, older_than_s: float) -> bool:
    try:
        if fcntl is None:
            return time.time() - candidate.stat().st_mtime > older_than_s
        with open(candidate, "rb") as handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False  # a save in progress
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            return True
    except OSError:
        return False


def _umask() -> int:
    """The process umask, read without changing it (os.umask would race other threads)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on Windows.
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
