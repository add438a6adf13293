"""Every window and dialog fits a 1366×768 laptop with a task bar, and a full-HD screen.

Each screen size runs in its own process (Qt fixes the screen at start-up):
``tests/ui/screen_probe.py`` opens the planning window, every Analysis
window, the import dialog and the help windows on an offscreen screen of
that size and reports where each lies.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("screen_probe.py")
#: A 40-px task bar (Windows 11, GNOME's top bar plus dock margins) off the screen height.
TASK_BAR_PX = 40


def probe(tmp_path: Path, width: int, height: int, language: str) -> dict:
    config = tmp_path / f"screen-{width}x{height}.json"
    config.write_text(
        json.dumps(
            {
                "windowFrameMargins": True,
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height - TASK_BAR_PX,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ],
            }
        )
    )
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    shots = os.environ.get("NATOPLANNER_SHOTS")
    command = [sys.executable, str(PROBE), str(width), str(height - TASK_BAR_PX), language]
    done = subprocess.run(
        command + ([shots] if shots else []),
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def inside(rect: list[int], area: list[int], slack: int = 1) -> bool:
    x, y, w, h = rect
    ax, ay, aw, ah = area
    return (
        x >= ax - slack
        and y >= ay - slack
        and x + w <= ax + aw + slack
        and y + h <= ay + ah + slack
    )


@pytest.mark.parametrize(
    ("width", "height", "language"),
    [(1366, 768, "en"), (1366, 768, "fr"), (1920, 1080, "fr")],
)
def test_every_window_lies_on_the_screen_with_its_buttons_and_plots(
    tmp_path, width, height, language
):
    report = probe(tmp_path, width, height, language)
    available = report["available"]
    assert available == [0, 0, width, height - TASK_BAR_PX]
    classes = {w["class"] for w in report["windows"]}
    assert {
        "MainWindow",
        "GoalSeekDialog",
        "UncertaintyDialog",
        "CompareDialog",
        "AllianceView",
        "ImportDialog",
        "HelpWindow",
    } <= classes
    problems = []
    for window in report["windows"]:
        name = f"{window['class']} ({window['title']})"
        if not inside(window["frame"], available):
            problems.append(f"{name}: frame {window['frame']} leaves the screen {available}")
        min_w, min_h = window["minimum"]
        if min_w > available[2] or min_h > available[3]:
            problems.append(f"{name}: cannot shrink below {window['minimum']}")
        for part in window["parts"]:
            if part["scrolled"]:
                continue  # reachable by scrolling
            if not inside(part["rect"], window["geometry"], slack=2):
                problems.append(
                    f"{name}: {part['kind']} {part['text']!r} cut off at {part['rect']}"
                )
            elif part["kind"] == "button" and min(part["shown"]) <= 0:
                problems.append(f"{name}: button {part['text']!r} hidden")
    assert not problems, "\n".join(problems)


def rows_hidden(view) -> int:
    """Rows of ``view`` not fully on screen (0 when the table lists them all)."""
    model = view.model()
    height = view.viewport().height()
    return sum(
        1
        for row in range(model.rowCount())
        if view.rowViewportPosition(row) + view.rowHeight(row) > height
        or view.rowViewportPosition(row) < 0
    )


def test_goal_seek_and_monte_carlo_list_every_ally_as_far_as_the_screen_allows(qtbot, window):
    from natoplanner.ui.common.screen import available_client_size

    window.allies_panel.view.selectAll()
    window.goal_seek_action.trigger()
    dialog = window.goal_seek_dialog
    qtbot.waitExposed(dialog)
    room = available_client_size(dialog).height()
    assert dialog.model.rowCount() >= 31
    # Every ally listed, or the dialog as tall as the screen lets it be.
    assert rows_hidden(dialog.view) == 0 or dialog.height() == room
    assert dialog.height() > 420 or rows_hidden(dialog.view) == 0

    window.uncertainty_action.trigger()
    mc = window.uncertainty_dialog
    mc.draws_spin.setValue(200)
    mc.run()
    qtbot.waitUntil(lambda: not mc.is_running, timeout=30_000)
    assert mc.view.model().rowCount() >= 31
    assert rows_hidden(mc.view) == 0 or mc.height() == available_client_size(mc).height()
    mc.close()
    dialog.close()
