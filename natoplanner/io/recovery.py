"""Recovery copies of open scenarios: written by autosave, read after a crash.

A recovery folder (one per application session) holds, for each scenario
with unsaved changes, a scenario workbook ``<key>.xlsx`` written with
:func:`natoplanner.io.workbook.files.save_scenario` (atomic) and a small JSON
sidecar ``<key>.json`` saying which scenario it is: its name, the user's
original file (never written here), and when it was saved. No Qt: the
session bookkeeping (which folders belong to a crashed session) lives in
:mod:`natoplanner.ui.shell.autosave`.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from natoplanner.core.scenario import Scenario
from natoplanner.io.atomic import atomic_write

SIDECAR_VERSION = 1


@dataclass(frozen=True)
class RecoveryEntry:
    """One recovered scenario: its workbook copy and what the sidecar says about it.

    Attributes
    ----------
    workbook : Path
        The recovery copy (a scenario workbook in the recovery folder).
    name : str
        The scenario's name when it was saved.
    original_path : Path | None
        The user's own workbook, or None for a scenario never saved.
    saved_at : datetime
        When the copy was written (timezone-aware, UTC).
    """

    workbook: Path
    name: str
    original_path: Path | None
    saved_at: datetime
    #: Why the sidecar could not be used ("" when it was read); the copy is still offered.
    note_problem: str = ""

    @property
    def sidecar(self) -> Path:
        return self.workbook.with_suffix(".json")


def write_recovery(
    folder: Path, key: str, scenario: Scenario, original_path: Path | None
) -> RecoveryEntry:
    """Write a recovery copy of ``scenario`` as ``folder/<key>.xlsx`` plus its sidecar.

    The workbook is written first and the sidecar last (both atomically), so
    a sidecar always names a complete workbook.

    Raises
    ------
    OSError
        When the folder cannot be written (the previous copy stays intact).
    """
    from natoplanner.io.workbook.files import save_scenario

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    workbook = folder / f"{key}.xlsx"
    save_scenario(scenario, workbook)
    entry = RecoveryEntry(workbook, scenario.name, original_path, datetime.now(UTC))
    text = json.dumps(
        {
            "version": SIDECAR_VERSION,
            "name": entry.name,
            "original_path": str(original_path) if original_path else None,
            "saved_at": entry.saved_at.isoformat(),
            "workbook": workbook.name,
        },
        indent=2,
    )
    atomic_write(entry.sidecar, lambda handle: handle.write(text.encode("utf-8")))
    return entry


def remove_recovery(folder: Path, key: str) -> None:
    """Delete the recovery copy ``key`` (no error if it is not there)."""
    for suffix in (".json", ".xlsx"):
        (Path(folder) / f"{key}{suffix}").unlink(missing_ok=True)


def read_recovery(folder: Path) -> list[RecoveryEntry]:
    """The recovery copies in ``folder``, oldest first.

    Every complete workbook copy is listed. A damaged or missing sidecar
    never hides (or lets anyone delete) an intact workbook: the copy is then
    named after its file, dated by the file's modification time, and carries
    no original path, with ``note_problem`` saying what was wrong.
    """
    folder = Path(folder)
    entries = []
    for workbook in sorted(folder.glob("*.xlsx")):
        if workbook.name.startswith(".~"):  # an atomic write's temporary file
            continue
        entries.append(_entry_for(workbook))
    return sorted(entries, key=lambda e: e.saved_at)


def _entry_for(workbook: Path) -> RecoveryEntry:
    sidecar = workbook.with_suffix(".json")
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
        if not isinstance(meta, dict) or meta.get("workbook", workbook.name) != workbook.name:
            raise ValueError("it names another workbook")
        saved_at = as_utc(datetime.fromisoformat(str(meta["saved_at"])))
        name = str(meta.get("name") or workbook.stem)
        original = checked_original_path(meta.get("original_path"), workbook.parent)
    except (OSError, ValueError, KeyError, TypeError) as error:
        problem = "missing" if isinstance(error, FileNotFoundError) else f"unreadable ({error})"
        return RecoveryEntry(
            workbook,
            workbook.stem,
            None,
            datetime.fromtimestamp(workbook.stat().st_mtime, UTC),
            note_problem=f"{sidecar.name}: {problem}",
        )
    return RecoveryEntry(workbook, name, original, saved_at)


def as_utc(moment: datetime) -> datetime:
    """``moment`` as an aware UTC time; a naive time (older or hand-made notes) is taken as UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def checked_original_path(value: object, recovery_folder: Path) -> Path | None:
    """The sidecar's original file if it can safely become the Save target, else None.

    A Save target must be an absolute path to an ``.xlsx`` file (not a
    folder) in a folder that exists, outside the recovery folders: anything
    else (a relative or edited path, a vanished folder) would make Save write
    somewhere the user never chose, so the restored scenario asks for a name.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    path = Path(value)
    if not path.is_absolute() or path.suffix.lower() != ".xlsx" or "\x00" in value:
        return None
    try:
        if path.is_dir() or not path.parent.is_dir():
            return None
        autosave_root = Path(recovery_folder).resolve().parent
        if path.resolve().is_relative_to(autosave_root):
            return None
    except OSError:
        return None
    return path


def discard_folder(folder: Path) -> None:
    """Remove a recovery folder and everything in it (after restore, discard or a clean quit)."""
    shutil.rmtree(folder, ignore_errors=True)
