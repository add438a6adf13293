"""Atomic save: a save killed at any point leaves the previous file intact."""

from __future__ import annotations

import os
import random
import signal
import time

import pytest

from natoplanner.core.scenario import Scenario
from natoplanner.io.atomic import atomic_write
from natoplanner.io.errors import FileProblemError
from natoplanner.io.workbook.files import read_scenario, save_scenario
from natoplanner.io.workbook.write import build_workbook
from natoplanner.io.xlsx_safety import check_xlsx_container

KILLS = 100


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")
def test_sigkill_at_random_points_never_damages_the_file(tmp_path, dataset, rich_scenario):
    path = tmp_path / "plan.xlsx"
    original = Scenario(dataset, name="original plan")
    save_scenario(original, path)
    versions = {original.name: original, rich_scenario.name: rich_scenario}
    # Built once before forking, so each child spends its life inside the
    # write-and-replace window (the part a kill could damage), not in building.
    built = [build_workbook(rich_scenario), build_workbook(original)]
    rng = random.Random(20250625)
    seen = set()
    for attempt in range(KILLS):
        pid = os.fork()
        if pid == 0:  # child: replace the file again and again until killed
            try:
                while True:
                    for workbook in built:
                        atomic_write(path, workbook.save)
            finally:
                os._exit(1)
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        # Every part decompresses with a matching CRC: the file is complete.
        info = check_xlsx_container(path)
        assert "Assumptions" in info.sheet_names
        if attempt % 10 == 0:
            loaded = read_scenario(path)
            assert loaded.scenario.inputs_equal(versions[loaded.scenario.name])
            seen.add(loaded.scenario.name)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != path.name]
    # A hard kill can leave the hidden temporary file of the save it interrupted, never more
    # damage; each next save removes those nobody writes any more (issue 15): at most the
    # last kill's is left.
    assert all(name.startswith(".~plan.") and name.endswith(".tmp") for name in leftovers)
    assert len(leftovers) <= 1, leftovers
    assert read_scenario(path).scenario.name in versions


def test_a_failing_save_keeps_the_previous_file_and_leaves_no_temporary(tmp_path, dataset):
    path = tmp_path / "plan.xlsx"
    save_scenario(Scenario(dataset, name="kept"), path)
    before = path.read_bytes()

    def write_half_then_fail(handle):
        handle.write(before[: len(before) // 2])
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        atomic_write(path, write_half_then_fail)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]
    assert read_scenario(path).scenario.name == "kept"


def test_saving_into_a_missing_folder_is_a_clear_error(tmp_path, dataset):
    target = tmp_path / "no such folder" / "plan.xlsx"
    with pytest.raises(FileProblemError) as caught:
        save_scenario(Scenario(dataset), target)
    assert "cannot save" in str(caught.value) and "plan.xlsx" in str(caught.value)
