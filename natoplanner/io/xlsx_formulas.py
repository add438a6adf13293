"""Find the formula of every cell of a worksheet fast, straight from its XML.

Checking that nobody replaced a ``Results`` formula by hand means reading
7,000 formulas; openpyxl's element-by-element parse of the sheet is most of
the load time. Files written by natoplanner and LibreOffice hold one plain
``<f>`` per cell, which a regular expression finds in one pass. Anything
else (Excel's shared formulas, namespace prefixes) makes :func:`cell_formulas`
return None and the caller reads the sheet with openpyxl instead.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import unescape

_CELL = re.compile(rb'<c r="([A-Z]{1,3}[0-9]+)"[^>]*?(?:/>|>(.*?)</c>)', re.DOTALL)
_FORMULA = re.compile(rb"<f(?:\s[^>]*)?>(.*?)</f>|<f\s[^>]*/>", re.DOTALL)
_ENTITIES = {"&quot;": '"', "&apos;": "'"}


def cell_formulas(path: Path, part: str) -> dict[str, str | None] | None:
    """{cell address: formula text with '=' (None for a cell without formula)} of one sheet.

    Parameters
    ----------
    path : Path
        The .xlsx file (already checked by ``xlsx_safety``).
    part : str
        The worksheet's member in the zip, e.g. ``xl/worksheets/sheet3.xml``.

    Returns
    -------
    dict or None
        None when the sheet is not in the plain form this scan understands.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read(part)
    except (KeyError, OSError, zipfile.BadZipFile):
        return None
    if b't="shared"' in xml or b"<sheetData" not in xml:
        return None
    found: dict[str, str | None] = {}
    for match in _CELL.finditer(xml):
        body = match.group(2) or b""
        formula = _FORMULA.search(body)
        if formula is None:
            found[match.group(1).decode()] = None
            continue
        if formula.group(1) is None:  # <f .../>: a formula defined elsewhere
            return None
        text = unescape(formula.group(1).decode("utf-8"), _ENTITIES)
        found[match.group(1).decode()] = "=" + text
    if not found and b"<c " in xml:
        return None  # cells with a namespace prefix or attributes in another order
    return found
