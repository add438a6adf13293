"""Benchmark: save and load of the default scenario workbook (goal ≤ 300 ms each).

Run alone (``python benchmarks/bench_workbook.py``) or through
``benchmarks/run.py``, which calls :func:`run`.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from natoplanner.core.scenario import Scenario
from natoplanner.io.workbook.files import read_scenario, save_scenario

REPEATS = 7


def _median_ms(action: Callable[[], object], repeats: int = REPEATS) -> float:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000.0)
    return statistics.median(timings)


def run() -> list[tuple[str, float, str]]:
    """Median wall time of saving and of loading the default scenario, in ms."""
    scenario = Scenario()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "default.xlsx"
        save_scenario(scenario, path)  # warm-up: imports, dataset cache
        read_scenario(path)
        save_ms = _median_ms(lambda: save_scenario(scenario, path))
        load_ms = _median_ms(lambda: read_scenario(path))
        size_kb = path.stat().st_size / 1024
    return [
        ("workbook save, default scenario (median of 7; goal <= 300)", save_ms, "ms"),
        ("workbook load, default scenario (median of 7; goal <= 300)", load_ms, "ms"),
        ("workbook size, default scenario", size_kb, "KiB"),
    ]


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name}: {value:.1f} {unit}")
