"""Helpers shared by command modules."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from natoplanner.core.scenario import Scenario
from natoplanner.io.errors import FileProblemError


def load_scenario(path: str | None) -> Scenario:
    """The scenario in workbook ``path``, or the default scenario when None."""
    if path is None:
        return Scenario()
    from natoplanner.io.workbook.files import load_scenario as load_workbook

    return load_workbook(Path(path))


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
