"""``benchmarks/run.py``: discovery, output formats, the --only filter, failing modules."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

RUNNER = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"

MODULES = {
    "bench_alpha.py": """
        def run():
            return [("alpha.speed", 0.5, "ms"), ("alpha.size", 12, "kB")]
    """,
    "bench_broken_import.py": """
        import module_that_does_not_exist
        def run():
            return []
    """,
    "bench_raises.py": """
        def run():
            raise RuntimeError("disk full")
    """,
    "bench_wrong_shape.py": """
        def run():
            return [("only a name", 1.0)]
    """,
    "bench_zulu.py": """
        def run():
            return [("zulu.time", 2.25, "s")]
    """,
    "helper_not_a_benchmark.py": """
        raise SystemExit("must not be imported")
    """,
}


@pytest.fixture
def bench_dir(tmp_path: Path) -> Path:
    for name, source in MODULES.items():
        (tmp_path / name).write_text(textwrap.dedent(source))
    return tmp_path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(RUNNER), *args], capture_output=True, text=True, timeout=60
    )


def test_text_output_and_failures_do_not_stop_the_run(bench_dir: Path) -> None:
    result = run("--dir", str(bench_dir))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "alpha.speed: 0.5 ms",
        "alpha.size: 12 kB",
        "zulu.time: 2.25 s",
    ]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3
    assert errors[0].startswith("bench_broken_import: ERROR ModuleNotFoundError")
    assert errors[1].startswith("bench_raises: ERROR RuntimeError: disk full")
    assert errors[2].startswith("bench_wrong_shape: ERROR BenchmarkContractError")


def test_json_output(bench_dir: Path) -> None:
    result = run("--dir", str(bench_dir), "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout) == {
        "alpha.speed": {"value": 0.5, "unit": "ms"},
        "alpha.size": {"value": 12.0, "unit": "kB"},
        "zulu.time": {"value": 2.25, "unit": "s"},
    }


def test_only_filter(bench_dir: Path) -> None:
    result = run("--dir", str(bench_dir), "--only", "zul", "--json")
    assert result.returncode == 0, result.stderr
    assert list(json.loads(result.stdout)) == ["zulu.time"]
    nothing = run("--dir", str(bench_dir), "--only", "nothing-matches")
    assert nothing.returncode == 1 and "no benchmark" in nothing.stderr


def test_real_benchmarks_are_discovered() -> None:
    names = sorted(path.name for path in RUNNER.parent.glob("bench_*.py"))
    assert "bench_projection.py" in names
