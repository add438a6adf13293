"""What a colleague added to a scenario workbook that a natoplanner Save does not keep.

natoplanner writes the whole workbook anew from the scenario, so a
colleague's own sheets, comments, pictures, charts, filters and the notes
they typed beside the tables on 'Assumptions' would vanish at the next
Save. This module lists them when the file is opened, so the window can say
exactly what would be lost and offer Save As instead.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from natoplanner.io.errors import Problem
from natoplanner.io.workbook.layout import SHEET_ASSUMPTIONS, SHEETS, cell_name
from natoplanner.io.workbook.sheets.fiscal_room import SHEET_FISCAL
from natoplanner.io.workbook.sheets.vintages import SHEET_VINTAGES

#: Every sheet natoplanner writes (the others are a colleague's own).
OUR_SHEETS = (*SHEETS, SHEET_FISCAL, SHEET_VINTAGES)

MAX_LISTED = 8
_REL = re.compile(rb'<Relationship\b[^>]*?Type="([^"]+)"[^>]*?Target="([^"]+)"', re.DOTALL)
_REL_REVERSED = re.compile(rb'<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Type="([^"]+)"', re.DOTALL)
_COMMENT = re.compile(rb"<(?:\w+:)?comment[\s>]")
_ANCHOR = re.compile(rb"<(?:\w+:)?(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)[\s>]")
_KINDS = (
    ("comments", "comment"),
    ("threadedComment", "threaded comment"),
    ("drawing", "picture, chart or shape"),
    ("pivotTable", "pivot table"),
    ("table", "table (list object)"),
)
_COUNTED = {"comment": _COMMENT, "threaded comment": _COMMENT, "picture, chart or shape": _ANCHOR}


def _listed(items: list[str]) -> str:
    shown = ", ".join(items[:MAX_LISTED])
    return shown + (f" and {len(items) - MAX_LISTED} more" if len(items) > MAX_LISTED else "")


def not_kept(
    path: Path,
    sheet_parts: dict[str, str],
    assumption_rows: list[tuple],
    written_cells: set[tuple[int, int]],
) -> list[Problem]:
    """One warning per kind of addition a natoplanner Save would drop, each naming it.

    Parameters
    ----------
    path : Path
        The workbook (already checked by ``xlsx_safety``).
    sheet_parts : dict
        Sheet name -> zip member, in workbook order.
    assumption_rows : list of tuple
        The 'Assumptions' cell values as read (row 1 first).
    written_cells : set of (row, column)
        The 'Assumptions' cells natoplanner itself writes.
    """
    problems: list[Problem] = []

    def lost(message: str, sheet: str | None = None, cell: str | None = None) -> None:
        problems.append(
            Problem(
                str(path),
                f"{message}: a natoplanner Save writes the workbook anew and will not keep it; "
                "use Save As to keep this file as it is",
                sheet,
                cell,
                severity="warning",
            )
        )

    own = [name for name in sheet_parts if name not in OUR_SHEETS]
    if own:
        lost(f"sheet(s) added by hand ({_listed([repr(n) for n in own])})")
    notes = [
        cell_name(column, row)
        for row, values in enumerate(assumption_rows, start=1)
        for column, value in enumerate(values, start=1)
        if value not in (None, "") and (row, column) not in written_cells
    ]
    if notes:
        lost(
            f"{len(notes)} cell(s) typed beside the tables ({_listed(notes)})",
            SHEET_ASSUMPTIONS,
            notes[0],
        )
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            for sheet, part in sheet_parts.items():
                if sheet not in OUR_SHEETS:
                    continue  # the whole sheet is named above
                for kind, count in _attachments(archive, names, part).items():
                    lost(f"{count} {kind}(s) on sheet '{sheet}'", sheet)
                if sheet != "History" and _has_filter(archive, part):  # History's is ours
                    lost(f"a filter on sheet '{sheet}'", sheet)
    except (OSError, zipfile.BadZipFile):
        pass
    return problems


def _attachments(archive: zipfile.ZipFile, names: set[str], part: str) -> dict[str, int]:
    """{kind: count} of the comments, drawings and tables attached to one sheet part."""
    folder, base = posixpath.split(part)
    rels = f"{folder}/_rels/{base}.rels"
    if rels not in names:
        return {}
    xml = archive.read(rels)
    found: dict[str, int] = {}
    links = [(t, target) for t, target in _REL.findall(xml)]
    links += [(t, target) for target, t in _REL_REVERSED.findall(xml) if (t, target) not in links]
    for rel_type, target in links:
        kind = next(
            (label for key, label in _KINDS if rel_type.endswith(b"/" + key.encode())), None
        )
        if kind is None:
            continue
        member = posixpath.normpath(posixpath.join(folder, target.decode()))
        count = 1
        if kind in _COUNTED and member in names:
            # LibreOffice writes an empty drawing part for every sheet it saved with a filter.
            count = len(_COUNTED[kind].findall(archive.read(member)))
        if count == 0:
            continue
        found[kind] = found.get(kind, 0) + count
    return found


def _has_filter(archive: zipfile.ZipFile, part: str) -> bool:
    try:
        with archive.open(part) as stream:
            data = stream.read()
    except KeyError:
        return False
    return b"<autoFilter" in data or b":autoFilter" in data
