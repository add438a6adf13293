"""Atomic file replacement: the previous file survives any crash mid-save.

The new content goes to a temporary file in the destination's folder (same
file system, so the final rename is atomic), is flushed and fsynced, then
``os.replace`` swaps it in and the folder entry is fsynced. A crash, a kill
or a full disk at any point leaves either the old file or the new one, never
a mixture; the temporary file is removed on failure (a hard kill can leave a
hidden ``.~*.tmp`` file beside it, never a damaged destination).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


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
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, before replace
        mode="w+b", dir=folder, prefix=f".~{path.stem[:40]}.", suffix=".tmp", delete=False
    )
    temporary = Path(handle.name)
    try:
        with handle:
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
