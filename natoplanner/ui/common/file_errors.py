"""Why a file could not be written, in words the user can act on, in the UI's language.

A write goes to a temporary file beside the destination (io/atomic.py) or a
``.part`` file (the PDF); the system's own message then names that temporary
file ("No such file or directory: '/data/.~results.x1y2.tmp'"). The user chose
``path``: the message names it, or its folder, and says what to do.
"""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileErrors", text)


def write_error_text(path: Path, error: BaseException) -> str:
    """The reason ``path`` could not be written, e.g. "the folder “/data/2027” does not
    exist: choose another folder" (the path itself first)."""
    path = Path(path)
    folder = path.parent
    code = getattr(error, "errno", None)
    if not folder.is_dir() or (code == errno.ENOENT and not folder.exists()):
        reason = _tr("the folder “%1” does not exist: choose another folder").replace(
            "%1", str(folder)
        )
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = _tr("no permission to write in “%1”: choose another folder").replace(
            "%1", str(folder)
        )
    elif code in (errno.ENOSPC, errno.EDQUOT):
        reason = _tr("the disk is full: free some space or choose another drive")
    elif isinstance(error, OSError) and error.strerror:
        reason = error.strerror
    else:
        reason = str(error) or type(error).__name__
    return f"{path}: {reason}"
