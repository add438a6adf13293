"""Fixtures for the scenario-workbook tests: scenarios that use every input, LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from natoplanner.core.dataset import Dataset
from natoplanner.core.scenario import (
    BudgetPolicy,
    CorePolicy,
    Measure,
    RelatedPolicy,
    RelatedTrack,
    Scenario,
    Targets,
)

RECALC_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return Dataset.bundled()


def build_rich_scenario(dataset: Dataset) -> Scenario:
    """A scenario that exercises every policy, override kind and odd target.

    Poland ramps to 5% by 2030 with a budget override in 2028 (the ramp must
    restart from the share the override implies); Germany grows its budget
    4% a year in real terms; France holds 2.5%; Italy and Spain use
    explicit amounts; Spain has its own 2.1% core target; related tracks
    cover every kind, with a related override that restarts a ramp.
    """
    scenario = Scenario(dataset, horizon=2038)
    scenario.name = "=SUM(1,2) rich test"
    # LibreOffice stores line breaks as LF: a CR would not survive its re-save.
    scenario.notes = "+notes\twith tab\nand a second line"
    scenario.set_gdp_vintage("IMF WEO October 2025")
    scenario.set_core_policy(
        "POL", CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_pct=5.0, target_year=2030)
    )
    scenario.set_year_input(Measure.CORE_BUDGET, "POL", 2028, 260_000.0)
    scenario.set_core_policy("DEU", CorePolicy(BudgetPolicy.REAL_GROWTH, rate_pct=4.0))
    scenario.set_core_policy("USA", CorePolicy(BudgetPolicy.NOMINAL_GROWTH, rate_pct=-1.5))
    scenario.set_core_policy("FRA", CorePolicy(BudgetPolicy.CONSTANT_SHARE, share_pct=2.5))
    scenario.set_core_policy("ITA", CorePolicy(BudgetPolicy.EXPLICIT))
    scenario.set_year_input(Measure.CORE_BUDGET, "ITA", 2029, 45_000.0)
    scenario.set_year_input(Measure.CORE_BUDGET, "ITA", 2033, 60_000.0)
    scenario.set_core_policy(
        "ESP", CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_pct=2.1, target_year=2027)
    )
    scenario.set_targets("ESP", Targets(2.1, 3.0))
    scenario.set_core_policy(
        "NLD", CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2040)
    )
    scenario.set_year_input(Measure.CORE_BUDGET, "NLD", 2040, 40_000.0)
    scenario.set_year_input(Measure.REAL_GROWTH, "DEU", 2027, -0.75)
    scenario.set_year_input(Measure.DEFLATOR, "DEU", 2030, 3.25)
    scenario.set_year_input(Measure.NOMINAL_GDP, "FRA", 2031, 3500.0)
    scenario.set_year_input(Measure.REAL_GROWTH, "TUR", 2035, 12.0)
    # A typed exchange-rate year (GBP per USD), the path on relative PPP after it.
    scenario.set_year_input(Measure.EXCHANGE_RATE, "GBR", 2030, 0.8)
    scenario.set_related_track("DEU", RelatedTrack(RelatedPolicy.RAMP_TO_TARGET, 0.4, 1.5, 2035))
    scenario.set_year_input(Measure.RELATED_SHARE, "DEU", 2029, 1.0)
    scenario.set_related_track("POL", RelatedTrack(RelatedPolicy.CONSTANT_SHARE, 1.2))
    scenario.set_related_track("CAN", RelatedTrack(RelatedPolicy.RAMP_TO_TARGET, 0.0, 1.5, 2029))
    scenario.set_year_input(Measure.RELATED_SHARE, "GBR", 2032, 0.8)  # not set, but overridden
    scenario.set_targets("GBR", Targets(3.5, 4.75))
    # Issue 13: growth that then holds its share, a ramp from above its target
    # (never cuts), related spending above 1.5% (not counted), a back-loading threshold.
    scenario.set_core_policy(
        "GRC", CorePolicy(BudgetPolicy.NOMINAL_GROWTH, rate_pct=6.0, growth_until=2030)
    )
    scenario.set_core_policy(
        "CAN", CorePolicy(BudgetPolicy.REAL_GROWTH, rate_pct=5.0, growth_until=2031)
    )
    scenario.set_core_policy(
        "LTU", CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2030)
    )
    scenario.set_related_track("ROU", RelatedTrack(RelatedPolicy.CONSTANT_SHARE, 2.0))
    scenario.set_backload_fraction(0.4)
    return scenario


@pytest.fixture
def rich_scenario(dataset: Dataset) -> Scenario:
    return build_rich_scenario(dataset)


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def recalculate_with_libreoffice(files: list[Path], out_dir: Path, profile_dir: Path) -> list[Path]:
    """Open ``files`` in LibreOffice headless, recalculate, save as .xlsx in ``out_dir``.

    A private profile sets "recalculate on load: always", so the cached
    values in the output come from LibreOffice's own formula engine.
    """
    soffice = soffice_path()
    if soffice is None:
        pytest.skip(
            "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui"
        )
    user = profile_dir / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(RECALC_PROFILE, encoding="utf-8")
    out_dir.mkdir(parents=True, exist_ok=True)
    command = [
        soffice,
        f"-env:UserInstallation={profile_dir.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        str(out_dir),
        *map(str, files),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    outputs = [out_dir / f.name for f in files]
    missing = [str(p) for p in outputs if not p.exists()]
    assert not missing, f"LibreOffice wrote no output for {missing}"
    return outputs


def arrays_close(found: np.ndarray, expected: np.ndarray, rel: float = 1e-9) -> float:
    """Worst relative difference (NaN must match NaN)."""
    assert np.array_equal(np.isnan(found), np.isnan(expected)), "missing values differ"
    mask = ~np.isnan(expected)
    scale = np.maximum(np.abs(expected[mask]), 1e-12)
    return float(np.max(np.abs(found[mask] - expected[mask]) / scale, initial=0.0))


def uno_python() -> str | None:
    """A Python interpreter that can ``import uno`` (LibreOffice's bridge), or None."""
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and Path(candidate).exists():
            probe = subprocess.run(
                [candidate, "-c", "import uno"], capture_output=True, timeout=60, check=False
            )
            if probe.returncode == 0:
                return candidate
    return None


def edit_with_libreoffice(jobs: list[dict], profile_dir: Path) -> list[dict]:
    """Open each job's workbook in LibreOffice, make its edits, recalculate, save as .xlsx.

    ``jobs`` are ``{"in": path, "out": path, "edits": [...]}`` (edit kinds in
    tests/io/libreoffice_uno.py: type, string, value, clear, delete_rows,
    read, protected). Returns, per job, what its ``read``/``protected``
    edits found, keyed "Sheet!A1".
    """
    import json

    soffice, python = soffice_path(), uno_python()
    if soffice is None or python is None:
        pytest.skip("LibreOffice with its Python bridge (python3-uno) is not installed")
    user = profile_dir / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(RECALC_PROFILE, encoding="utf-8")
    spec = {
        "soffice": soffice,
        "profile": profile_dir.as_uri(),
        "jobs": [{**job, "in": str(job["in"]), "out": str(job.get("out") or "")} for job in jobs],
    }
    spec_path = profile_dir / "spec.json"
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    script = Path(__file__).with_name("libreoffice_uno.py")
    done = subprocess.run(
        [python, str(script), str(spec_path)], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
