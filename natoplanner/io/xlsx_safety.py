"""Check that a file is a plain, sane .xlsx before any parser touches it.

Used by the scenario loader and the spreadsheet importer. Every refusal is
a :class:`FileProblemError` that says what the file looks like instead (old
.xls, password-protected workbook, CSV or text renamed, OpenDocument,
truncated zip...) and is reached quickly: sizes are checked from the zip's
central directory first, then each member is decompressed in a bounded
stream (so a member whose real size exceeds its declared size, or the
limits, is stopped early), and XML parts are refused if they carry a DTD
(entity expansion, external entities). The worksheet XML itself is later
parsed by openpyxl through defusedxml, which refuses the same constructs.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from natoplanner.io.errors import FileProblemError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_CHUNK = 1 << 16
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})?(\d+)?(?::([A-Z]{1,3})(\d+))?"')
_ROW_START = re.compile(rb"<(?:\w+:)?row[\s>]")
_CELL_START = re.compile(rb"<(?:\w+:)?c[\s>]")
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@dataclass(frozen=True)
class XlsxLimits:
    """Limits a workbook must respect before it is parsed.

    Sizes in bytes (uncompressed); ``max_ratio`` is uncompressed ÷ compressed
    size for any member larger than 1 MB; rows and columns are the declared
    dimension of each worksheet; rows and cells are counted (``<row>`` and
    ``<c>`` elements), as a declared dimension can be far larger than the data.
    """

    max_file_bytes: int = 100_000_000
    max_members: int = 2_000
    max_total_bytes: int = 300_000_000
    max_member_bytes: int = 200_000_000
    max_ratio: float = 150.0
    max_rows: int = 1_048_576
    max_columns: int = 16_384
    max_cells: int = 20_000_000
    #: The sheets the row, column and cell limits apply to (None: every sheet).
    checked_sheets: frozenset[str] | None = None


@dataclass(frozen=True)
class XlsxInfo:
    """What the check learned: sheet names in workbook order and declared sizes (rows, columns)."""

    sheet_names: list[str]
    dimensions: dict[str, tuple[int, int]] = field(default_factory=dict)
    uncompressed_bytes: int = 0
    sheet_parts: dict[str, str] = field(default_factory=dict)  # sheet name -> zip member


def check_xlsx_container(path: Path, limits: XlsxLimits | None = None) -> XlsxInfo:
    """Refuse anything that is not a sane .xlsx, before parsing it.

    Parameters
    ----------
    path : Path
        The file to check.
    limits : XlsxLimits, optional
        Size limits (defaults suit any real workbook: 300 MB uncompressed,
        Excel's own maximum dimensions).

    Returns
    -------
    XlsxInfo
        Sheet names and declared dimensions.

    Raises
    ------
    FileProblemError
        Naming the file, what was expected (an .xlsx workbook) and what was
        found (old .xls, encrypted file, text, truncated zip, zip bomb, DTD,
        absurd dimension...).
    """
    limits = limits or XlsxLimits()
    path = Path(path)
    expected = "an Excel .xlsx workbook"
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(2048)
    except OSError as error:
        raise FileProblemError.at(
            path, f"cannot open the file: {error.strerror or error}"
        ) from None
    if size == 0:
        raise FileProblemError.at(path, "the file is empty", expected=expected, found="0 bytes")
    if size > limits.max_file_bytes:
        raise FileProblemError.at(
            path,
            "the file is too large to be a scenario or data workbook",
            expected=f"at most {limits.max_file_bytes:,} bytes",
            found=f"{size:,} bytes",
        )
    if not head.startswith(ZIP_MAGIC):
        raise FileProblemError.at(
            path, _not_zip_message(path, head), expected=expected, found=_describe(head)
        )
    try:
        with zipfile.ZipFile(path) as archive:
            return _check_archive(path, archive, limits)
    except zipfile.BadZipFile as error:
        raise FileProblemError.at(
            path,
            "the file is damaged or truncated (not a complete zip archive)",
            expected=expected,
            found=str(error),
        ) from None
    except (zlib.error, EOFError, ValueError, NotImplementedError) as error:
        raise FileProblemError.at(
            path,
            "the file is damaged: a part cannot be decompressed",
            expected=expected,
            found=str(error),
        ) from None


def _not_zip_message(path: Path, head: bytes) -> str:
    if head.startswith(OLE_MAGIC):
        with path.open("rb") as handle:
            content = handle.read(1 << 20)
        if (
            "EncryptionInfo".encode("utf-16-le") in content
            or "EncryptedPackage".encode("utf-16-le") in content
        ):
            return (
                "the workbook is password-protected (encrypted); save an unprotected copy as .xlsx"
            )
        return "this is an old Excel 97-2003 (.xls) or other OLE file; open it and save it as .xlsx"
    return "this is not an Excel .xlsx workbook"


def _describe(head: bytes) -> str:
    if head.startswith(OLE_MAGIC):
        return "an OLE compound file (.xls or encrypted)"
    if head.lstrip().startswith((b"<?xml", b"<")):
        return "XML or HTML text"
    sample = head[:200]
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError:
        return "binary data"
    if text.isprintable() or all(ch.isprintable() or ch in "\r\n\t" for ch in text):
        kind = "CSV text" if ("," in text or ";" in text or "\t" in text) else "plain text"
        return f"{kind} starting {text[:40]!r}"
    return "binary data"


def _check_archive(path: Path, archive: zipfile.ZipFile, limits: XlsxLimits) -> XlsxInfo:
    members = archive.infolist()
    names = {m.filename for m in members}
    if len(members) > limits.max_members:
        raise FileProblemError.at(
            path,
            "the archive holds too many parts",
            expected=f"at most {limits.max_members}",
            found=f"{len(members):,} parts",
        )
    if "mimetype" in names and "content.xml" in names:
        raise FileProblemError.at(
            path,
            "this is an OpenDocument file (.ods); save it as .xlsx",
            expected="an Excel .xlsx workbook",
            found="OpenDocument spreadsheet",
        )
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        found = (
            "a Word document"
            if "word/document.xml" in names
            else "a zip archive without xl/workbook.xml"
        )
        raise FileProblemError.at(
            path,
            "this zip file is not an Excel workbook",
            expected="an Excel .xlsx workbook",
            found=found,
        )
    declared = sum(m.file_size for m in members)
    if declared > limits.max_total_bytes:
        raise _bomb(path, f"declares {declared:,} bytes uncompressed", limits)
    for member in members:
        if member.file_size > limits.max_member_bytes or (
            member.file_size > 1_000_000
            and member.file_size > limits.max_ratio * max(member.compress_size, 1)
        ):
            raise _bomb(
                path,
                f"part {member.filename} declares {member.file_size:,} bytes from "
                f"{member.compress_size:,} compressed",
                limits,
            )
    total = 0
    dimensions: dict[str, tuple[bytes, int, int]] = {}
    for member in members:
        is_sheet = member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml")
        actual, head, rows, cells = _drain(
            path, archive, member, limits, limits.max_total_bytes - total, count=is_sheet
        )
        total += actual
        if is_sheet:
            dimensions[member.filename] = (head, rows, cells)
    sheets = _sheet_names(path, archive)
    info = {
        name: _dimension(path, name, *dimensions.get(part, (b"", 0, 0)), limits)
        for name, part in sheets
        if limits.checked_sheets is None or name in limits.checked_sheets
    }
    return XlsxInfo([name for name, _ in sheets], info, total, dict(sheets))


def _bomb(path: Path, found: str, limits: XlsxLimits) -> FileProblemError:
    return FileProblemError.at(
        path,
        "the file expands to far more data than any workbook holds (zip bomb?); it was not opened",
        expected=f"at most {limits.max_total_bytes:,} bytes uncompressed, "
        f"ratio ≤ {limits.max_ratio:g}",
        found=found,
    )


def _drain(
    path: Path,
    archive: zipfile.ZipFile,
    member: zipfile.ZipInfo,
    limits: XlsxLimits,
    budget: int,
    count: bool = False,
) -> tuple[int, bytes, int, int]:
    """Decompress one member in bounded chunks.

    Returns (actual size, first 4 KB, ``<row>`` elements, ``<c>`` elements);
    the counts only when ``count`` (a worksheet), else 0.
    """
    is_xml = member.filename.endswith((".xml", ".rels", ".vml"))
    head = b""
    actual = rows = cells = 0
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            actual += len(chunk)
            if actual > min(limits.max_member_bytes, budget):
                raise _bomb(path, f"part {member.filename} expands beyond {actual:,} bytes", limits)
            if len(head) < 4096:
                head += chunk[: 4096 - len(head)]
            if is_xml:
                window = tail + chunk
                if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                    raise FileProblemError.at(
                        path,
                        "the file contains an XML document type definition (entity expansion or "
                        "external "
                        "entities); Excel never writes one, so it was not opened",
                        sheet=None,
                        expected="XML without <!DOCTYPE>",
                        found=member.filename,
                    )
            if count:
                # Elements split across chunks are counted once: the tail holds their start.
                window = tail + chunk
                rows += len(_ROW_START.findall(window)) - len(_ROW_START.findall(tail))
                cells += len(_CELL_START.findall(window)) - len(_CELL_START.findall(tail))
            if is_xml:
                tail = chunk[-16:]
    return actual, head, rows, cells


def _sheet_names(path: Path, archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, part path) in workbook order, parsed with defusedxml."""
    try:
        workbook = SafeET.fromstring(archive.read("xl/workbook.xml"))
        rels_name = "xl/_rels/workbook.xml.rels"
        rels = (
            SafeET.fromstring(archive.read(rels_name)) if rels_name in archive.namelist() else None
        )
    except (DefusedXmlException, SafeET.ParseError) as error:
        raise FileProblemError.at(
            path,
            "the workbook's structure (xl/workbook.xml) cannot be read safely",
            expected="well-formed XML without entities",
            found=str(error),
        ) from None
    targets = {}
    if rels is not None:
        for rel in rels:
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            targets[rel.get("Id")] = target
    sheets = []
    for sheet in workbook.iter(f"{_MAIN_NS}sheet"):
        sheets.append((sheet.get("name", ""), targets.get(sheet.get(f"{_REL_NS}id"), "")))
    return sheets


def _column_number(letters: bytes | None) -> int:
    number = 0
    for ch in letters or b"A":
        number = number * 26 + ch - 64
    return number


def _dimension(
    path: Path, sheet: str, head: bytes, real_rows: int, real_cells: int, limits: XlsxLimits
) -> tuple[int, int]:
    """(rows, columns) as declared, checked against the limits with the rows and cells present.

    LibreOffice declares A1:L1048576 for a sheet once a row was deleted (it
    writes the formatting of row 1,048,576): the declared size is not the
    data's size, the ``<row>`` and ``<c>`` elements are.
    """
    match = _DIMENSION.search(head)
    declared_rows = int(match.group(4) or match.group(2) or 1) if match else 0
    columns = _column_number(match.group(3) or match.group(1)) if match else 0
    rows = min(declared_rows, real_rows) if match else real_rows
    if rows > limits.max_rows or columns > limits.max_columns or real_cells > limits.max_cells:
        raise FileProblemError.at(
            path,
            "the sheet declares an absurd size; it was not opened",
            sheet=sheet,
            expected=f"at most {limits.max_rows:,} rows, {limits.max_columns:,} columns and "
            f"{limits.max_cells:,} cells",
            found=f"{rows:,} rows × {columns:,} columns, {real_cells:,} cells",
        )
    return (declared_rows, columns)
