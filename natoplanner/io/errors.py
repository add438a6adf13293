"""Errors for files read or written by natoplanner.

Every problem names where it is (file, sheet, cell) and what was expected and
found, so the GUI can show it in a dialog and the command line can print it,
without a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One problem found in a file; ``severity`` is "error" or "warning"."""

    file: str
    message: str
    sheet: str | None = None
    cell: str | None = None
    expected: str | None = None
    found: str | None = None
    severity: str = "error"

    def __str__(self) -> str:
        where = Path(self.file).name
        if self.sheet:
            where += f", sheet '{self.sheet}'"
        if self.cell:
            where += f", cell {self.cell}"
        text = f"{where}: {self.message}"
        if self.expected is not None:
            text += f" (expected {self.expected}"
            text += f", found {self.found!r})" if self.found is not None else ")"
        return text


class FileProblemError(Exception):
    """A file natoplanner cannot read or write; carries one or more :class:`Problem`."""

    def __init__(self, problems: Problem | list[Problem]) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(
        cls,
        file: str | Path,
        message: str,
        *,
        sheet: str | None = None,
        cell: str | None = None,
        expected: str | None = None,
        found: object = None,
    ) -> FileProblemError:
        """Build an error for a single place in a file."""
        shown = None if found is None else _shorten(found)
        return cls(Problem(str(file), message, sheet, cell, expected, shown))


def _shorten(value: object, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
