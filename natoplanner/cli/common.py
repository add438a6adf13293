"""Helpers shared by command modules."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from natoplanner.core.scenario import Scenario
from natoplanner.io.errors import FileProblemError, Problem

# C0 and C1 control characters (ESC starts terminal escape sequences) and the
# bidirectional overrides that make a terminal show text in another order.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_text(text: str) -> str:
    """``text`` safe to print on a terminal: control characters shown as ``\\x1b``-style escapes."""

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group(0))
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNPRINTABLE.sub(escape, str(text))


def add_strict_option(parser: argparse.ArgumentParser) -> None:
    """``--strict``: a warning met while reading a scenario workbook fails the command."""
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when reading a scenario workbook gives any warning (they are printed on "
        "stderr in any case)",
    )


def print_warnings(command: str, warnings: list[Problem]) -> None:
    """Print each warning on stderr, one line each: "natoplanner summary: warning: …"."""
    for warning in warnings:
        print(f"natoplanner {command}: warning: {terminal_text(warning)}", file=sys.stderr)


def load_scenario(
    path: str | None, args: argparse.Namespace | None = None, *, command: str | None = None
) -> Scenario:
    """The scenario in workbook ``path``, or the default scenario when None.

    Every warning met while reading the workbook is printed on stderr; with
    ``args.strict`` any warning raises :class:`FileProblemError` (exit 1).
    """
    if path is None:
        return Scenario()
    return load_workbook(path, args, command=command).scenario


def load_workbook(path: str, args: argparse.Namespace | None = None, *, command: str | None = None):
    """The :class:`LoadedScenario` in workbook ``path``, warnings printed (see load_scenario)."""
    from natoplanner.io.workbook.files import read_scenario

    loaded = read_scenario(Path(path))
    name = command or (getattr(args, "command", None) if args is not None else None) or "load"
    print_warnings(name, loaded.warnings)
    if loaded.warnings and args is not None and getattr(args, "strict", False):
        raise FileProblemError.at(
            path,
            f"{len(loaded.warnings)} warning(s) while reading the workbook and --strict is set; "
            "nothing was done",
        )
    return loaded


def format_table(rows: list[list[str]], header: list[str], right_align_from: int = 2) -> str:
    """Plain-text table with aligned columns (numbers right-aligned)."""
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows, strict=True)]
    lines = []
    for row in [header, *rows]:
        cells = [
            str(cell).rjust(width) if i >= right_align_from else str(cell).ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def refuse_overwrite(path: Path, force: bool, *, inputs: Iterable[str | Path] = ()) -> None:
    """Stop a command before it writes over a file: every command that writes calls this.

    An existing ``path`` is replaced only with ``--force``; a path that is one
    of the command's own ``inputs`` (the spreadsheet being imported, the
    scenario read with ``--into``) is never replaced, ``--force`` or not.

    Raises
    ------
    FileProblemError
        Naming the file and what to do instead.
    """
    target = Path(path)
    for source in inputs:
        if source is not None and _same_file(target, Path(source)):
            raise FileProblemError.at(
                target,
                "the output would replace a file this command reads; write to another file",
                expected="an output name different from the input files",
                found=str(target),
            )
    if target.exists() and not force:
        raise FileProblemError.at(
            target,
            "the file exists; use --force to replace it",
            expected="a new file name",
            found=str(target),
        )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()
