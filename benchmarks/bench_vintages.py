"""Vintage import speed: a 200-country IMF WEO database download → a GDP vintage.

Goal: ≤ 1 s from the file on disk to a validated vintage (read the UTF-16
tab-separated text, find the layout, check units and scales, read every
ally's figures, build the matrices). The file holds the 32 allies' April 2026
figures plus 168 made-up countries with four subjects each (NGDP_RPCH,
PCPIPCH, NGDP_D, NGDP), 1980-2031, built once in a temporary folder.
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

from natoplanner.core.dataset import Dataset  # noqa: E402
from natoplanner.io.vintages.weo import read_weo  # noqa: E402
from tests.io.vintages.fixtures import synthetic_countries, weo_download  # noqa: E402

RUNS = 5
GOAL_S = 1.0
COUNTRIES = 200


def weo_seconds(path: Path, runs: int = RUNS) -> float:
    """Median seconds to read ``path`` as a vintage."""
    registry = Dataset.bundled().registry
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        read_weo(path, registry)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def edition_workbook_seconds(folder: Path, runs: int = 3) -> tuple[float, float]:
    """Median seconds to save and to reopen a scenario on an imported NATO edition."""
    from natoplanner.core.scenario import Scenario
    from natoplanner.io.vintages.nato_edition import read_nato_edition
    from natoplanner.io.workbook.files import read_scenario, save_scenario
    from tests.io.vintages.fixtures import nato_edition_workbook

    source = nato_edition_workbook(folder / "def-exp-2027-en.xlsx", years=list(range(2014, 2028)))
    edition = read_nato_edition(source, Dataset.bundled().registry)
    scenario = Scenario(Dataset.bundled().with_vintages(edition=edition))
    saves, loads = [], []
    for _ in range(runs):
        start = time.perf_counter()
        save_scenario(scenario, folder / "scenario.xlsx")
        saves.append(time.perf_counter() - start)
        start = time.perf_counter()
        read_scenario(folder / "scenario.xlsx")
        loads.append(time.perf_counter() - start)
    return statistics.median(saves), statistics.median(loads)


def run() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as folder:
        save_s, load_s = edition_workbook_seconds(Path(folder))
        n_allies = len(Dataset.bundled().registry)
        path = weo_download(
            Path(folder) / "WEOApr2026all.xls",
            extra_rows=synthetic_countries(COUNTRIES - n_allies),
        )
        seconds = weo_seconds(path)
        size = path.stat().st_size
    return [
        ("weo_200_countries_import_s", seconds, "s"),
        ("weo_200_countries_goal_s", GOAL_S, "s"),
        ("weo_200_countries_file_kb", size / 1024, "kB"),
        ("workbook_save_imported_edition_s", save_s, "s"),
        ("workbook_load_imported_edition_s", load_s, "s"),
    ]


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name}: {value:.4g} {unit}")
