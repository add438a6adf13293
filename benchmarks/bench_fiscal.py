"""Benchmark: the fiscal room (escape-clause split) and its workbook sheet.

Run alone (``python benchmarks/bench_fiscal.py``) or through
``benchmarks/run.py``, which calls :func:`run`.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from openpyxl import Workbook

from natoplanner.core.fiscal.room import fiscal_room
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Scenario
from natoplanner.io.workbook.layout import SHEET_ASSUMPTIONS, Layout
from natoplanner.io.workbook.sheets.fiscal_room import write_fiscal_room

REPEATS = 7


def _median_ms(action: Callable[[], object], repeats: int = REPEATS) -> float:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000.0)
    return statistics.median(timings)


def _write_sheet(scenario: Scenario, projection: Projection) -> None:
    workbook = Workbook()
    workbook.create_sheet(SHEET_ASSUMPTIONS)
    write_fiscal_room(workbook, scenario, projection, Layout(len(scenario.allies), 2026))


def run() -> list[tuple[str, float, str]]:
    """Median wall time of the 32-ally split and of building the sheet (rules + formulas), ms."""
    scenario = Scenario()
    projection = Projection(scenario)
    fiscal_room(projection)  # warm-up
    return [
        (
            "fiscal room, 32 allies x 2025-2040 (median of 7)",
            _median_ms(lambda: fiscal_room(projection)),
            "ms",
        ),
        (
            "fiscal room sheet and rules block, built (median of 7; part of the workbook save)",
            _median_ms(lambda: _write_sheet(scenario, projection)),
            "ms",
        ),
    ]


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name}: {value:.1f} {unit}")
