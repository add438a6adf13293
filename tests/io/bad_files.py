"""Builders for bad and awkward source files (the import corpus).

Hand-written xlsx packages (:func:`raw_xlsx`) let a test put exactly the XML
it needs in a worksheet: a DTD, a lying dimension, a cell at XFD1048576,
formulas without cached values. Values are NATO 2026-edition figures.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from natoplanner.io.sources.tabular import cell_address

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    "{sheets}</Types>"
)
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def cell_xml(row: int, col: int, value: object, formula: str | None = None) -> str:
    """One <c> element at 0-based (row, col): numbers as <v>, text inline."""
    ref = cell_address(row, col)
    if formula is not None:
        cached = "" if value is None else f"<v>{value}</v>"
        return f'<c r="{ref}"><f>{escape(formula)}</f>{cached}</c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def rows_xml(rows: list[list[object]]) -> str:
    parts = []
    for r, row in enumerate(rows):
        cells = "".join(cell_xml(r, c, v) for c, v in enumerate(row) if v is not None and v != "")
        parts.append(f'<row r="{r + 1}">{cells}</row>')
    return "".join(parts)


def raw_xlsx(
    path: Path,
    sheets: dict[str, str],
    *,
    dimension: str | None = None,
    prolog: str = "",
    hidden: tuple[str, ...] = (),
) -> Path:
    """Write an xlsx whose worksheets hold the given <sheetData> inner XML."""
    names = list(sheets)
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
        + "".join(
            f'<sheet name="{escape(n)}" sheetId="{i + 1}" r:id="rId{i + 1}"'
            + (' state="hidden"' if n in hidden else "")
            + "/>"
            for i, n in enumerate(names)
        )
        + "</sheets></workbook>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i + 1}" Type="{REL}/worksheet" '
            f'Target="worksheets/sheet{i + 1}.xml"/>'
            for i in range(len(names))
        )
        + "</Relationships>"
    )
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="{SHEET_TYPE}"/>'
        for i in range(len(names))
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(sheets=overrides))
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", rels)
        for i, name in enumerate(names):
            dim = f'<dimension ref="{dimension}"/>' if dimension else ""
            archive.writestr(
                f"xl/worksheets/sheet{i + 1}.xml",
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog if i == 0 else ""}'
                f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}">{dim}'
                f"<sheetData>{sheets[name]}</sheetData>"
                "</worksheet>",
            )
    return path


#: A small valid table: NATO 2026 edition, million national currency, 2025e and 2026e.
BUDGET_ROWS = [
    ["Defence expenditure (million national currency)"],
    ["Country", 2025, 2026],
    ["Poland", 166029, 193789],
    ["Germany", 99298, 124660],
]
