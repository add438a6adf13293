"""Import speed: a SIPRI-sized workbook (32 allies × 75 years, share of GDP as fractions).

Goal: ≤ 1 s from the file on disk to the import plan (read, detect layout,
measure and unit, preview every cell, convert to scenario inputs), so the
import dialog's preview follows the user's corrections at once. Scenario
construction (reading the bundled data) is excluded; the workbook is built
once in a temporary folder.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: tests/ is importable from the repository root
    sys.path.insert(0, str(ROOT))

from natoplanner.core.scenario import Scenario  # noqa: E402
from natoplanner.io.sources.importer import plan_file  # noqa: E402
from tests.io.import_fixtures import sipri_sized_workbook  # noqa: E402

RUNS = 5
GOAL_S = 1.0


def import_seconds(path: Path, scenario: Scenario, runs: int = RUNS) -> tuple[float, int]:
    """Median seconds to plan the import of ``path``, and the number of cells it would set."""
    samples = []
    changes = 0
    for _ in range(runs):
        start = time.perf_counter()
        preview = plan_file(path, scenario)
        samples.append(time.perf_counter() - start)
        changes = len(preview.plan.changes)
    return statistics.median(samples), changes


def run() -> list[tuple[str, float, str]]:
    scenario = Scenario()
    with tempfile.TemporaryDirectory() as folder:
        path = sipri_sized_workbook(Path(folder) / "sipri-sized.xlsx", n_years=75)
        seconds, changes = import_seconds(path, scenario)
    return [
        ("import SIPRI-sized workbook 32 allies x 75 years (goal <= 1 s)", seconds, "s"),
        ("import SIPRI-sized workbook: cells planned", float(changes), "cells"),
    ]


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name}: {value:.4g} {unit}")
