"""Run every benchmark: ``python benchmarks/run.py [--json] [--only SUBSTRING]``.

Each ``benchmarks/bench_*.py`` module defines ``run()``, returning a list of
``(name, value, unit)`` tuples. The runner imports the modules in name order,
calls ``run()`` and prints one ``name: value unit`` line per figure, or with
``--json`` one JSON object ``{name: {"value": ..., "unit": ...}}`` on stdout.

``--only SUBSTRING`` (repeatable) runs only the modules whose name (without
``bench_``) contains one of the substrings, e.g. ``--only projection``.
``--dir FOLDER`` looks for the modules in another folder (used by the tests).

A module that fails to import, raises, or returns something else than the
contract gets one ``ERROR`` line on stderr; the others still run, and the
runner exits with status 1 at the end.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent

Figure = tuple[str, float, str]


class BenchmarkContractError(TypeError):
    """A benchmark's ``run()`` returned something other than (name, value, unit) tuples."""


def discover(only: Sequence[str] = (), directory: Path = BENCH_DIR) -> list[Path]:
    """The benchmark modules in ``directory``, in name order, filtered by ``only`` substrings."""
    paths = sorted(directory.glob("bench_*.py"))
    if only:
        paths = [p for p in paths if any(s in p.stem.removeprefix("bench_") for s in only)]
    return paths


def load(path: Path) -> ModuleType:
    """Import a benchmark module from its file (the package need not be importable as such)."""
    spec = importlib.util.spec_from_file_location(f"natoplanner_benchmarks.{path.stem}", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def checked_figures(result: object) -> list[Figure]:
    """``result`` as a list of (name, value, unit); raises BenchmarkContractError otherwise."""
    if not isinstance(result, (list, tuple)):
        raise BenchmarkContractError(
            f"run() must return a list of (name, value, unit), got {type(result).__name__}"
        )
    figures = []
    for item in result:
        if not (isinstance(item, (list, tuple)) and len(item) == 3):
            raise BenchmarkContractError(f"expected (name, value, unit), got {item!r}")
        name, value, unit = item
        if not isinstance(name, str) or not name or not isinstance(unit, str):
            raise BenchmarkContractError(f"name and unit must be strings, got {item!r}")
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
        ):
            raise BenchmarkContractError(
                f"value of {name!r} must be a finite number, got {value!r}"
            )
        figures.append((name, float(value), unit))
    return figures


def run_module(path: Path) -> list[Figure]:
    module = load(path)
    run = getattr(module, "run", None)
    if not callable(run):
        raise BenchmarkContractError("module defines no run() function")
    return checked_figures(run())


def format_value(value: float) -> str:
    return f"{value:.6g}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Run natoplanner's benchmarks (benchmarks/bench_*.py)."
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object {name: {value, unit}}"
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="SUBSTRING",
        help="run only modules whose name contains SUBSTRING (repeatable)",
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=BENCH_DIR,
        help="folder holding the bench_*.py modules (default: benchmarks/)",
    )
    args = parser.parse_args(argv)

    # Benchmarks measure this checkout, installed or not.
    for folder in (str(ROOT), str(args.dir.resolve())):
        if folder not in sys.path:
            sys.path.insert(0, folder)

    paths = discover(args.only, args.dir)
    if not paths:
        print(f"run.py: no benchmark matches {args.only}", file=sys.stderr)
        return 1
    results: dict[str, dict[str, float | str]] = {}
    failed = False
    for path in paths:
        try:
            figures = run_module(path)
        except Exception as error:  # one broken benchmark must not hide the others
            failed = True
            where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
            at = f" ({Path(where.filename).name}:{where.lineno})" if where else ""
            print(f"{path.stem}: ERROR {type(error).__name__}: {error}{at}", file=sys.stderr)
            continue
        for name, value, unit in figures:
            if name in results:
                failed = True
                print(f"{path.stem}: ERROR figure {name!r} reported twice", file=sys.stderr)
                continue
            results[name] = {"value": value, "unit": unit}
            if not args.json:
                print(f"{name}: {format_value(value)} {unit}".rstrip(), flush=True)
    if args.json:
        print(json.dumps(results, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
