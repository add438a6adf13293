"""Who else has a workbook open: LibreOffice and Excel lock files, ours, and changes on disk.

LibreOffice writes ``.~lock.NAME#`` beside a document it opens (one line,
``Name,sysuser,host,DD.MM.YYYY HH:MM,profile-url;`` with ``\\``-escaped
commas); Excel writes the owner file ``~$NAME`` (a length byte and the user
name in the ANSI code page, blanks to byte 55, then a 2-byte length and the
name in UTF-16-LE; 165 bytes). natoplanner reads both to say who has a file
open, and writes a LibreOffice-style lock of its own while a scenario is
open in a window, so LibreOffice offers colleagues a read-only copy and a
second natoplanner sees it too. No Qt: the window and the command line both
use this module.
"""

from __future__ import annotations

import contextlib
import datetime
import getpass
import os
import re
import socket
from dataclasses import dataclass
from pathlib import Path

from natoplanner.io.errors import FileProblemError

#: Marks the first field of a lock natoplanner wrote: "Jane Doe (natoplanner pid 4242)".
_OURS = re.compile(r"\(natoplanner pid (\d+)\)$")
_LOCK_TIME = "%d.%m.%Y %H:%M"


@dataclass(frozen=True)
class LockOwner:
    """Who has a file open, as a lock file tells it."""

    application: str  # "LibreOffice", "Excel" or "natoplanner"
    user: str
    host: str
    since: datetime.datetime | None  # local time, as the lock file gives it
    lock_file: Path
    pid: int | None = None  # natoplanner locks only

    def describe(self) -> str:
        """ "open in LibreOffice by Jane Doe on pc-17 since 07:11 (1 Dec 2026)"."""
        text = f"open in {self.application} by {self.user or 'an unknown user'}"
        if self.host:
            text += f" on {self.host}"
        if self.since is not None:
            text += f" since {self.since:%H:%M} ({self.since.day} {self.since:%b %Y})"
        return text

    @property
    def is_this_process(self) -> bool:
        return self.application == "natoplanner" and self.pid == os.getpid() and _same_host(self)

    @property
    def is_stale(self) -> bool:
        """A natoplanner lock from this computer whose process is gone (a crash)."""
        if self.application != "natoplanner" or self.pid is None or not _same_host(self):
            return False
        return not _process_alive(self.pid)


def libreoffice_lock_path(path: Path) -> Path:
    """``.~lock.plan.xlsx#`` beside ``plan.xlsx``."""
    path = Path(path)
    return path.with_name(f".~lock.{path.name}#")


def excel_owner_path(path: Path) -> Path:
    """``~$plan.xlsx`` beside ``plan.xlsx`` (Excel keeps the whole name for workbooks)."""
    path = Path(path)
    return path.with_name(f"~${path.name}")


def lock_owners(path: Path) -> list[LockOwner]:
    """Everyone a lock file beside ``path`` names (LibreOffice or natoplanner, then Excel)."""
    path = _resolved(path)
    owners = []
    libreoffice = _read_libreoffice_lock(libreoffice_lock_path(path))
    if libreoffice is not None:
        owners.append(libreoffice)
    excel = _read_excel_owner(excel_owner_path(path))
    if excel is not None:
        owners.append(excel)
    return owners


def other_owner(path: Path) -> LockOwner | None:
    """The first owner that is neither this process nor a stale natoplanner lock, or None."""
    for owner in lock_owners(path):
        if not owner.is_this_process and not owner.is_stale:
            return owner
    return None


def refuse_if_open_elsewhere(path: Path) -> None:
    """Raise :class:`FileProblemError` when someone else has ``path`` open (CLI writers).

    Raises
    ------
    FileProblemError
        Naming who has it open and since when, and the lock file to delete
        if nobody really has (a crashed office leaves its lock behind).
    """
    owner = other_owner(path)
    if owner is not None:
        raise FileProblemError.at(
            path,
            f"the file is {owner.describe()}; writing it now would overwrite their work or be "
            "overwritten by their next save. Close it there first (if nobody has it open, "
            f"delete the lock file {owner.lock_file.name})",
            expected="a file nobody else has open",
            found=str(owner.lock_file),
        )


def write_lock(path: Path) -> Path:
    """Write a LibreOffice-style lock for ``path`` naming this user and process; returns it.

    Raises OSError when the folder is not writable (the caller may then go on
    without a lock: the file can still be read).
    """
    path = _resolved(path)
    lock = libreoffice_lock_path(path)
    user = getpass.getuser()
    name = f"{_full_name(user)} (natoplanner pid {os.getpid()})"
    now = datetime.datetime.now().strftime(_LOCK_TIME)
    fields = [name, user, socket.gethostname(), now, Path.home().as_uri()]
    lock.write_text(",".join(_escape(f) for f in fields) + ";", encoding="utf-8")
    return lock


def remove_lock(path: Path) -> None:
    """Remove the lock :func:`write_lock` wrote for ``path``, if it is still this process's."""
    lock = libreoffice_lock_path(_resolved(path))
    owner = _read_libreoffice_lock(lock)
    if owner is not None and owner.is_this_process:
        with contextlib.suppress(OSError):
            lock.unlink()


@dataclass(frozen=True)
class DiskState:
    """A file's size (bytes) and modification time (ns) when it was opened or saved."""

    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> DiskState | None:
        """The state of ``path`` now, or None when it does not exist."""
        try:
            status = Path(path).stat()
        except OSError:
            return None
        return cls(status.st_size, status.st_mtime_ns)


def changed_on_disk(path: Path, remembered: DiskState | None) -> bool:
    """Whether ``path`` was replaced, changed or removed since ``remembered`` was taken."""
    return remembered is not None and DiskState.of(path) != remembered


# -- reading lock files ----------------------------------------------------------
def _resolved(path: Path) -> Path:
    """Locks sit beside the real file, as LibreOffice resolves symbolic links."""
    path = Path(path)
    with contextlib.suppress(OSError):
        if path.is_symlink():
            return path.resolve()
    return path


def _read_libreoffice_lock(lock: Path) -> LockOwner | None:
    try:
        text = lock.read_bytes()[:4096].decode("utf-8", errors="replace")
    except OSError:
        return None
    fields = _split_fields(text)
    if len(fields) < 4:
        return None
    name, user, host, when = fields[:4]
    ours = _OURS.search(name)
    try:
        since = datetime.datetime.strptime(when.strip(), _LOCK_TIME)
    except ValueError:
        since = None
    return LockOwner(
        "natoplanner" if ours else "LibreOffice",
        _OURS.sub("", name).strip() or user,
        host,
        since,
        lock,
        int(ours.group(1)) if ours else None,
    )


def _read_excel_owner(owner: Path) -> LockOwner | None:
    try:
        data = owner.read_bytes()[:256]
        since = datetime.datetime.fromtimestamp(owner.stat().st_mtime)
    except OSError:
        return None
    if len(data) < 2 or not 0 < data[0] <= 52:
        return LockOwner("Excel", "", "", since, owner) if data else None
    name = data[1 : 1 + data[0]].decode("cp1252", errors="replace")
    for start in (55, 54):  # Excel, then Word's position
        length = data[start] if start < len(data) else 0
        if 0 < length <= 52 and len(data) >= start + 2 + 2 * length:
            wide = data[start + 2 : start + 2 + 2 * length].decode("utf-16-le", errors="replace")
            if wide.strip():
                name = wide
                break
    return LockOwner("Excel", name.strip(), "", since, owner)


def _split_fields(text: str) -> list[str]:
    """The fields of the first entry of a LibreOffice lock (``\\`` escapes ``,`` ``;`` ``\\``)."""
    fields, current, escaped = [], [], False
    for ch in text:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == ",":
            fields.append("".join(current))
            current = []
        elif ch == ";":
            break
        else:
            current.append(ch)
    fields.append("".join(current))
    return fields


def _escape(field: str) -> str:
    return re.sub(r"([,;\\])", r"\\\1", field)


def _full_name(user: str) -> str:
    try:
        import pwd

        gecos = pwd.getpwnam(user).pw_gecos.split(",")[0].strip()
    except (ImportError, KeyError):
        gecos = ""
    return gecos or user


def _same_host(owner: LockOwner) -> bool:
    return owner.host.casefold() == socket.gethostname().casefold()


def _process_alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # cannot tell: treat the lock as live
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True
