"""The built wheel carries the data and works when installed away from the repository.

The wheel is built from a copy of the project's files (so the build leaves
nothing in the working tree), installed with ``pip --target`` into a
temporary folder, and run from yet another folder with only that folder on
``PYTHONPATH``: the package must find its data through the installed copy.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA_FILES = (
    "allies.csv",
    "gdp_forecast.csv",
    "nato_aggregates.csv",
    "nato_defence_expenditure.csv",
    "nato_share_gdp_vintages.csv",
    "SOURCES.md",
)
PROJECT_FILES = ("pyproject.toml", "README.md", "natoplanner", "data", "resources")


def pip(*args: str, cwd: Path) -> str:
    """Run pip; return everything it printed (the build backend's output with ``-v``)."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout + result.stderr


def setuptools_warnings(build_output: str) -> list[str]:
    """Warnings the build backend printed in a verbose build.

    setuptools reports its own as ``path.py:N: SomethingWarning: text`` (the
    deprecated TOML license table, data folders "absent from packages" that a
    future release would leave out). pip's own ``WARNING:`` lines about the
    package index are not about the project and are not counted.
    """
    return [
        line.strip()
        for line in build_output.splitlines()
        if re.search(r"\.py:\d+: \w*Warning:", line) or "would be ignored" in line
    ]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in PROJECT_FILES:
        origin = ROOT / name
        if origin.is_dir():
            shutil.copytree(
                origin, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
            )
        elif origin.exists():
            shutil.copy2(origin, source / name)
    out = tmp_path_factory.mktemp("wheelhouse")
    output = pip("wheel", "--no-deps", "-v", "-w", str(out), ".", cwd=source)
    warnings = setuptools_warnings(output)
    assert warnings == [], "\n".join(warnings)
    wheels = list(out.glob("natoplanner-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    pip("install", "--no-deps", "--quiet", "--target", str(target), str(wheel), cwd=target)
    return target


def run_installed(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["PYTHONPATH"] = str(installed)
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_warning_filter_sees_setuptools_warnings() -> None:
    # Lines as setuptools 80 printed them for this project's former configuration.
    seen = setuptools_warnings(
        "  WARNING: Location 'file:///opt/simple/wheel/' is ignored: it is neither a file\n"
        "  /tmp/env/setuptools/config/_apply_pyprojecttoml.py:82: SetuptoolsDeprecationWarning:"
        " `project.license` as a TOML table is deprecated\n"
        "  /tmp/env/setuptools/command/build_py.py:215: _Warning: Package"
        " 'natoplanner.resources.icons' is absent from the `packages` configuration.\n"
        "          # Package would be ignored #\n"
    )
    assert len(seen) == 3, seen


def test_wheel_contains_data_and_every_package(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for data_file in DATA_FILES:
        assert f"natoplanner/data/{data_file}" in names, data_file
    packages = sorted(
        path.parent.relative_to(ROOT).as_posix()
        for path in (ROOT / "natoplanner").rglob("__init__.py")
        if "__pycache__" not in path.parts
    )
    assert "natoplanner/cli" in packages
    missing = [package for package in packages if f"{package}/__init__.py" not in names]
    assert missing == [], f"packages left out of the wheel: {missing}"
    assert not any(name.startswith(("tests/", "data/", "benchmarks/")) for name in names)


def test_installed_wheel_loads_bundled_data_outside_the_repo(
    installed: Path, tmp_path: Path
) -> None:
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        import natoplanner
        from natoplanner.core.dataset import Dataset
        from natoplanner.core.resources import data_path

        site = Path({str(installed)!r}).resolve()
        assert Path(natoplanner.__file__).resolve().is_relative_to(site), natoplanner.__file__
        assert Path(str(data_path("allies.csv"))).resolve().is_relative_to(site)
        dataset = Dataset.bundled()
        assert len(dataset.registry) == 32, len(dataset.registry)
        assert len(dataset.history) == 32 * 13
        assert "IMF WEO April 2026" in dataset.forecast_vintages
        print("ok", natoplanner.__file__)
        """
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run_installed(installed, elsewhere, "-c", script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok ")


def test_installed_wheel_runs_the_summary_command(installed: Path, tmp_path: Path) -> None:
    result = run_installed(installed, tmp_path, "-m", "natoplanner", "summary", "--csv")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("iso3,name,")
    assert len(lines) == 33


def test_wheel_ships_translations_and_icons(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for resource in (
        "translations/natoplanner_fr.qm",
        "translations/natoplanner_fr.ts",
        "icons/natoplanner.svg",
    ):
        assert f"natoplanner/resources/{resource}" in names, resource
