"""The layering of DESIGN §6: core and io know nothing of Qt; the code is ruff clean."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
FORBIDDEN = ("PySide6", "pyqtgraph", "natoplanner.ui", "shiboken6")
QT_FREE_PACKAGES = ("core", "io")


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.skip(f"{name} is not installed in this environment (test extra)")
    return str(path)


def imported_modules(source: str, package: str) -> list[tuple[int, str]]:
    """Every module ``source`` imports, anywhere (functions included), made absolute.

    ``package`` is the dotted package the file lives in, for relative imports.
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                parent = parts[: len(parts) - node.level + 1]
                base = ".".join([*parent, node.module] if node.module else parent)
            else:
                base = node.module or ""
            found.append((node.lineno, base))
            found.extend((node.lineno, f"{base}.{alias.name}") for alias in node.names)
    return found


def package_of(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])


def is_forbidden(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in FORBIDDEN)


def test_core_and_io_import_no_qt_ast_scan() -> None:
    offences = []
    files = [
        path
        for package in QT_FREE_PACKAGES
        for path in sorted((ROOT / "natoplanner" / package).rglob("*.py"))
    ]
    assert any(path.name == "projection.py" for path in files)
    for path in files:
        for line, module in imported_modules(path.read_text(encoding="utf-8"), package_of(path)):
            if is_forbidden(module):
                offences.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert offences == []


def test_ast_scan_sees_relative_and_nested_imports() -> None:
    source = (
        "def f():\n"
        "    from ..ui import main_window\n"
        "    import pyqtgraph as pg\n"
        "from . import scenario\n"
    )
    modules = [module for _, module in imported_modules(source, "natoplanner.core")]
    assert "natoplanner.ui" in modules and "pyqtgraph" in modules
    assert "natoplanner.core.scenario" in modules
    assert [m for m in modules if is_forbidden(m)] == [
        "natoplanner.ui",
        "natoplanner.ui.main_window",
        "pyqtgraph",
    ]
    assert not any(
        is_forbidden(m) for m in ("pandas", "natoplanner.core.scenario", "natoplanner.uix")
    )


def test_import_linter_contract_is_kept() -> None:
    result = subprocess.run(
        [tool("lint-imports")], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for contract in (
        "core and io know nothing of Qt",
        "layers: ui and cli over io over core",
        "the scenario workbook and other people's spreadsheets are separate rooms",
        "ui helpers know no window",
    ):
        assert f"{contract} KEPT" in result.stdout, result.stdout
    assert "0 broken" in result.stdout


def test_import_linter_contract_catches_a_violation(tmp_path: Path) -> None:
    # The same contract on a copy of the package with one offending module:
    # proves the configuration really checks external packages.
    lint_imports = tool("lint-imports")
    shutil.copytree(
        ROOT / "natoplanner", tmp_path / "natoplanner", ignore=shutil.ignore_patterns("__pycache__")
    )
    (tmp_path / "natoplanner" / "core" / "qt_leak.py").write_text("import PySide6.QtCore\n")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    config = pyproject[pyproject.index("[tool.importlinter]") :]
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run(
        [lint_imports], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0, result.stdout
    assert "BROKEN" in result.stdout
    assert "natoplanner.core.qt_leak" in result.stdout


def test_ruff_clean() -> None:
    result = subprocess.run(
        [tool("ruff"), "check", "--no-cache", "natoplanner", "tests", "benchmarks", "scripts"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
