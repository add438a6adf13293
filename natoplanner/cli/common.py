"""Helpers shared by command modules."""

from __future__ import annotations

from pathlib import Path

from natoplanner.core.scenario import Scenario


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
