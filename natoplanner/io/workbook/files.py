"""Scenario workbooks: save and load a scenario as an .xlsx file (DESIGN §5).

The workbook is the document planners send around: ``About`` (what it is,
sources, versions), ``Assumptions`` (every input, the only sheet read back),
``Results`` (live formulas over the assumptions that equal the app's
projection), ``Summary``, ``Alliance`` and ``History``. Saving is atomic;
loading checks the container before parsing it and reports every bad cell
with its address.
"""

from __future__ import annotations

import re
from pathlib import Path

from natoplanner.core.dataset import Dataset
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Scenario
from natoplanner.io.atomic import atomic_write
from natoplanner.io.errors import FileProblemError
from natoplanner.io.workbook.layout import SCHEMA_VERSION
from natoplanner.io.workbook.read import LoadedScenario, read_workbook
from natoplanner.io.workbook.write import build_workbook

__all__ = [
    "SCHEMA_VERSION",
    "LoadedScenario",
    "load_scenario",
    "read_scenario",
    "require_workbook_name",
    "safe_file_name",
    "save_scenario",
]

# Characters no file name may hold on Windows, macOS or Linux, and control characters.
_UNSAFE_IN_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)


def safe_file_name(name: str, suffix: str = ".xlsx", fallback: str = "scenario") -> str:
    """A file name (no folder) made from a scenario name: "../../etc/x" gives "etc x.xlsx".

    Path separators, characters Windows forbids and control characters become
    spaces; leading dots (hidden files, "..") and trailing dots or spaces go;
    reserved Windows device names get an underscore; at most 100 characters
    before ``suffix``.
    """
    text = _UNSAFE_IN_NAME.sub(" ", name)
    text = " ".join(text.split()).strip(". ")
    if _WINDOWS_RESERVED.match(text):
        text = "_" + text
    text = text[:100].rstrip(". ") or fallback
    return text + suffix


def require_workbook_name(path: Path) -> None:
    """Refuse to write a scenario workbook under a name that says it is something else.

    Raises
    ------
    FileProblemError
        When ``path`` does not end in ``.xlsx`` (``--out plan.csv`` would write
        an .xlsx that every program then misreads as text).
    """
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise FileProblemError.at(
            path,
            "scenario workbooks are .xlsx files; this name would hide an .xlsx under another "
            "type (for CSV figures use 'natoplanner summary --csv')",
            expected="a name ending in .xlsx",
            found=path.name,
        )


def save_scenario(scenario: Scenario, path: Path, projection: Projection | None = None) -> None:
    """Save ``scenario`` as a workbook at ``path``, atomically.

    Parameters
    ----------
    scenario : Scenario
        The inputs to save (unchanged by saving).
    path : Path
        Destination ``.xlsx``; replaced only once the new file is complete.
    projection : Projection, optional
        An up-to-date projection of ``scenario`` to reuse (the GUI has one);
        computed when omitted.

    Raises
    ------
    FileProblemError
        When the file cannot be written (folder missing or read-only, disk
        full); the previous file, if any, is left intact.
    """
    path = Path(path)
    workbook = build_workbook(scenario, projection)
    try:
        atomic_write(path, workbook.save)
    except OSError as error:
        raise FileProblemError.at(
            path,
            f"cannot save the workbook: {error.strerror or error}",
            expected="a writable folder with free space",
            found=str(error.filename or path.parent),
        ) from None


def read_scenario(path: Path, dataset: Dataset | None = None) -> LoadedScenario:
    """Load the scenario in workbook ``path``, with the warnings met on the way.

    Parameters
    ----------
    path : Path
        A workbook written by :func:`save_scenario`, possibly edited since
        in Excel or LibreOffice.
    dataset : Dataset, optional
        The data to rest the scenario on (the bundled data by default).

    Returns
    -------
    LoadedScenario
        ``.scenario`` and ``.warnings`` (list of :class:`Problem` with
        severity "warning": hand-edited Results cells ignored, schema
        migrated, edited reference cells ignored, empty parameters defaulted).

    Raises
    ------
    FileProblemError
        The file is not a safe .xlsx, not a scenario workbook, written by a
        newer natoplanner, or holds bad cells (each named by sheet and cell).
    """
    return read_workbook(Path(path), dataset)


def load_scenario(path: Path, dataset: Dataset | None = None) -> Scenario:
    """The scenario in workbook ``path`` (warnings dropped; see :func:`read_scenario`)."""
    return read_scenario(path, dataset).scenario
