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
    """The recovery copies in ``folder``, oldest first; unreadable sidecars are skipped."""
    entries = []
    for sidecar in sorted(Path(folder).glob("*.json")):
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
            workbook = sidecar.with_name(str(meta["workbook"]))
            saved_at = datetime.fromisoformat(str(meta["saved_at"]))
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if not workbook.is_file():
            continue
        original = meta.get("original_path")
        entries.append(
            RecoveryEntry(
                workbook, str(meta.get("name", "")), Path(original) if original else None, saved_at
            )
        )
    return sorted(entries, key=lambda e: e.saved_at)


def discard_folder(folder: Path) -> None:
    """Remove a recovery folder and everything in it (after restore, discard or a clean quit)."""
    shutil.rmtree(folder, ignore_errors=True)
