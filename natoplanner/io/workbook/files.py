"""Scenario workbooks: save and load a scenario as an .xlsx file (DESIGN §5).

The workbook is the document planners send around: ``About`` (what it is,
sources, versions), ``Assumptions`` (every input, the only sheet read back),
``Results`` (live formulas over the assumptions that equal the app's
projection), ``Summary``, ``Alliance`` and ``History``. Saving is atomic;
loading checks the container before parsing it and reports every bad cell
with its address.
"""

from __future__ import annotations

from pathlib import Path

from natoplanner.core.dataset import Dataset
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Scenario
from natoplanner.io.atomic import atomic_write
from natoplanner.io.errors import FileProblemError
from natoplanner.io.workbook.layout import SCHEMA_VERSION
from natoplanner.io.workbook.read import LoadedScenario, read_workbook
from natoplanner.io.workbook.write import build_workbook

__all__ = ["SCHEMA_VERSION", "LoadedScenario", "load_scenario", "read_scenario", "save_scenario"]


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
