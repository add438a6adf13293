"""Import of a 200,000-row CSV: time, peak memory, and the longest pause of the window.

Goals (issue 14): plan ≤ 2 s, peak memory ≤ 300 MB, and the window never
pauses more than 100 ms while the import dialog reads, detects and previews
the file in its background job. Each figure is measured in a fresh child
process so one does not inflate the next (peak RSS is per process).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
N_ROWS = 200_000

_PLAN = r"""
import json, resource, sys, time
from natoplanner.core.scenario import Scenario
from natoplanner.io.sources.importer import plan_file
scenario = Scenario()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
times, cpu = [], []
for _ in range(3):
    start, start_cpu = time.perf_counter(), time.process_time()
    preview = plan_file(sys.argv[1], scenario)
    times.append(time.perf_counter() - start)
    cpu.append(time.process_time() - start_cpu)
    cells = len(preview.plan.changes)
    del preview
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({
    "seconds": sorted(times)[1], "cpu_seconds": sorted(cpu)[1],
    "peak_mb": peak, "base_mb": before, "cells": cells,
}))
"""

_GUI = r"""
import json, os, sys, time
from pathlib import Path
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from natoplanner.ui.shell.background import keep_window_responsive
keep_window_responsive()  # as the application does at start-up (ui/shell/main.py)
from natoplanner.ui.shell.prompts import ScriptedPrompts
from natoplanner.ui.window.document import ScenarioDocument
from natoplanner.ui.window.main_window import MainWindow
from natoplanner.ui.exchange.import_open import show_import_dialog
window = MainWindow(ScenarioDocument(), prompts=ScriptedPrompts())
window.show()
ticks = []
timer = QTimer()
timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
timer.start(5)
for _ in range(20):
    app.processEvents()
    time.sleep(0.005)
# The dialog opens first (its widgets take a moment whatever the file); the
# pause measured is the one while the file is read, detected and previewed.
dialog = show_import_dialog(window)
for _ in range(20):
    app.processEvents()
    time.sleep(0.005)
ticks.clear()
dialog.load(Path(sys.argv[1]))
start = time.perf_counter()
while dialog.busy or time.perf_counter() - start < 0.05:
    app.processEvents()
    time.sleep(0.001)
elapsed = time.perf_counter() - start
gaps = [b - a for a, b in zip(ticks, ticks[1:])]
print(json.dumps({"longest_pause_s": max(gaps), "dialog_s": elapsed,
                  "cells": len(dialog.preview.plan.changes) if dialog.preview else 0}))
window.document.undo_stack.setClean()
"""


def _child(code: str, path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=600,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def run() -> list[tuple[str, float, str]]:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.io.import_fixtures import long_growth_csv

    with tempfile.TemporaryDirectory() as folder:
        path = long_growth_csv(Path(folder) / "long.csv", N_ROWS)
        plan = _child(_PLAN, path)
        gui = _child(_GUI, path)
        workbook = _as_workbook(path, Path(folder) / "long.xlsx")
        plan_xlsx = _child(_PLAN, workbook)
        gui_xlsx = _child(_GUI, workbook)
    return [
        ("import 200,000-row CSV: plan (goal <= 2 s)", plan["seconds"], "s"),
        # CPU time of the same run: what the figure above is on an idle machine.
        ("import 200,000-row CSV: plan, CPU time", plan["cpu_seconds"], "s"),
        (
            "import 200,000-row CSV: peak memory of the process (goal <= 300 MB)",
            plan["peak_mb"],
            "MB",
        ),
        ("import 200,000-row CSV: memory before the import", plan["base_mb"], "MB"),
        ("import 200,000-row CSV: cells planned", float(plan["cells"]), "cells"),
        (
            "import dialog 200,000 rows: longest window pause (goal <= 0.1 s)",
            gui["longest_pause_s"],
            "s",
        ),
        ("import dialog 200,000 rows: read, detect and preview", gui["dialog_s"], "s"),
        ("import 200,000-row xlsx: plan", plan_xlsx["seconds"], "s"),
        ("import 200,000-row xlsx: plan, CPU time", plan_xlsx["cpu_seconds"], "s"),
        ("import 200,000-row xlsx: peak memory of the process", plan_xlsx["peak_mb"], "MB"),
        (
            "import dialog 200,000-row xlsx: longest window pause (goal <= 0.1 s)",
            gui_xlsx["longest_pause_s"],
            "s",
        ),
    ]


def _as_workbook(csv_path: Path, path: Path) -> Path:
    """The same rows as an xlsx (numbers as numbers), written with openpyxl's streaming writer."""
    import csv

    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Growth")
    with csv_path.open(newline="") as handle:
        for i, row in enumerate(csv.reader(handle)):
            ws.append(row if i == 0 else [row[0], int(row[1]), float(row[2])])
    wb.save(path)
    return path


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name}: {value:.4g} {unit}")
