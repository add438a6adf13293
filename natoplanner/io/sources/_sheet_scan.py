"""Look inside an xlsx before a reader loads it: container safety and sheet extents.

A fast reader (calamine) builds each sheet as one dense block from A1 to the
last cell, so a file with one value at A1 and one at XFD1048576 would ask for
17 billion cells. This scan streams each worksheet's XML with bounded memory
and reports the real extent of the cells that hold something, plus formula
cells saved without a value (a file written by a program that never
recalculated it). It also refuses what no spreadsheet program writes: a zip
that inflates far beyond its size, XML with a DTD (entity expansion, external
entities), a password-encrypted package.

``natoplanner.io.xlsx_safety`` (when present) does the container checks for
the whole application; this module keeps only what the importer needs and
repeats the cheap container checks so the importer is safe on its own.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from defusedxml import ElementTree

from natoplanner.io.errors import FileProblemError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_INFLATED_BYTES = 1_000_000_000
MAX_RATIO = 200.0
_CHUNK = 1 << 20
_CELL = re.compile(rb"<c\b([^>]*?)(/>|>(.*?)</c>)", re.DOTALL)
_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]{1,7})"')
_ERROR_TYPE = re.compile(rb'\bt="e"')
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_FORMULA = re.compile(rb"<f\b[^>]*>([^<]*)</f>")
_A1 = re.compile(
    r"(?<![A-Za-z0-9_!'\]])\$?([A-Z]{1,3})\$?([0-9]{1,7})"
    r"(?::\$?([A-Z]{1,3})\$?([0-9]{1,7}))?(?![0-9(!])"
)
MAX_FORMULAS = 200_000
#: What zipfile, zlib and the XML parsers raise on a damaged package (besides OSError).
DAMAGE_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    NotImplementedError,
    RuntimeError,
    KeyError,
    EOFError,
    ValueError,
    MemoryError,
    OSError,
    ElementTree.ParseError,
)
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass
class SheetExtent:
    """Cells holding a value or formula: count, last row and column (1-based)."""

    cells: int = 0
    last_row: int = 0
    last_col: int = 0
    uncached_formulas: set[tuple[int, int]] = field(default_factory=set)  # 0-based (row, col)
    #: Cells holding an Excel error value ("#DIV/0!", "#REF!"…), by 0-based (row, col).
    error_cells: dict[tuple[int, int], str] = field(default_factory=dict)
    #: Formula text by 0-based (row, col), kept up to MAX_FORMULAS to find circular references.
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)

    def circular_cells(self) -> set[tuple[int, int]]:
        """Formula cells that depend on themselves through same-sheet references.

        Excel saves 0 as the cached value of a circular formula; that 0 is no figure.
        """
        return circular_cells(self.formulas)


def column_number(letters: bytes | str) -> int:
    """1-based column number of "A", "Z", "AA", ... "XFD"."""
    number = 0
    for ch in letters if isinstance(letters, str) else letters.decode():
        number = number * 26 + ord(ch) - 64
    return number


def check_container(path: Path) -> str:
    """Classify ``path`` as "xlsx", "ods", "xls" or "text"; raise for unsafe or broken files."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if not head:
        raise FileProblemError.at(
            path, "the file is empty (0 bytes)", expected="a spreadsheet or CSV file"
        )
    if head == OLE_MAGIC:
        data = path.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise FileProblemError.at(
                path,
                "the workbook is password-protected; save an unencrypted copy and import that",
                expected="an unencrypted workbook",
                found="encrypted package",
            )
        return "xls"
    if head[:4] != ZIP_MAGIC:
        return "text"
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise FileProblemError.at(
            path,
            "the workbook is damaged or incomplete (truncated download?)",
            expected="a complete xlsx (zip) file",
            found=str(error),
        ) from None
    with archive:
        infos = archive.infolist()
        names = {info.filename for info in infos}
        total = sum(info.file_size for info in infos)
        for info in sorted(infos, key=lambda i: i.file_size, reverse=True):
            # Largest part first: the refusal names the part that inflates, not a small one.
            ratio = info.file_size / max(info.compress_size, 1)
            if total > MAX_INFLATED_BYTES or (info.file_size > 10_000_000 and ratio > MAX_RATIO):
                raise FileProblemError.at(
                    path,
                    f"the workbook inflates to an implausible size (zip bomb?); refused: part "
                    f"{info.filename} inflates to {info.file_size:,} bytes",
                    expected=f"at most {MAX_INFLATED_BYTES // 1_000_000} MB uncompressed",
                    found=f"{info.filename}: {info.file_size:,} bytes from {info.compress_size:,}",
                )
        if "content.xml" in names and "mimetype" in names:
            return "ods"
        if "xl/workbook.xml" not in names:
            raise FileProblemError.at(
                path,
                "this zip file is not an Excel workbook",
                expected="xl/workbook.xml inside",
                found=", ".join(sorted(names)[:5]),
            )
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                _refuse_dtd(path, archive, info)
    return "xlsx"


def _refuse_dtd(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    # A DTD must come before the root element, so the first bytes suffice.
    try:
        with archive.open(info) as part:
            head = part.read(4096)
    except DAMAGE_ERRORS as error:
        raise damaged_part(path, info.filename, error) from None
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
        raise FileProblemError.at(
            path,
            "the workbook contains XML entity declarations, which Excel never writes; "
            "refused for safety",
            expected="plain spreadsheet XML",
            found=f"<!DOCTYPE in {info.filename}",
        )


def sheet_parts(path: Path, archive: zipfile.ZipFile) -> dict[str, str]:
    """Map each sheet name to its XML part name inside the package."""
    try:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except Exception as error:  # defusedxml raises several types; all mean "damaged"
        raise FileProblemError.at(
            path, "the workbook's sheet list cannot be read", found=str(error)
        ) from None
    targets = {}
    for rel in rels.iter(f"{_NS_PKG_REL}Relationship"):
        target = rel.get("Target", "")
        full = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        targets[rel.get("Id")] = full
    parts = {}
    for sheet in workbook.iter(f"{_NS_MAIN}sheet"):
        part = targets.get(sheet.get(f"{_NS_REL}id"))
        if part:
            parts[sheet.get("name", "")] = part
    return parts


def scan_sheet(path: Path, sheet: str) -> SheetExtent:
    """Stream one worksheet's XML and measure the cells that hold something.

    Raises
    ------
    FileProblemError
        When the sheet's part cannot be inflated or read, naming the part.
    """
    where = ["the sheet list"]
    try:
        return _scan_sheet(path, sheet, where)
    except FileProblemError:
        raise
    except DAMAGE_ERRORS as error:
        raise damaged_part(path, where[0], error, sheet) from None


def damaged_part(
    path: Path, part: str, error: BaseException, sheet: str | None = None
) -> FileProblemError:
    """The message for a part of a package that cannot be inflated or parsed."""
    return FileProblemError.at(
        path,
        f"the workbook is damaged: its part {part} cannot be read",
        sheet=sheet,
        expected="readable, complete zip entries",
        found=f"{type(error).__name__}: {error}",
    )


def _scan_sheet(path: Path, sheet: str, where: list[str]) -> SheetExtent:
    extent = SheetExtent()
    with zipfile.ZipFile(path) as archive:
        part = sheet_parts(path, archive).get(sheet)
        if part is None or part not in archive.namelist():
            return extent
        where[0] = part
        read = 0
        buffer = b""
        with archive.open(part) as stream:
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                if read > MAX_INFLATED_BYTES:
                    raise FileProblemError.at(
                        path,
                        "the sheet is too large to import",
                        sheet=sheet,
                        expected=f"at most {MAX_INFLATED_BYTES // 1_000_000} MB of XML",
                        found=f"more than {read:,} bytes",
                    )
                buffer += chunk
                # Cut after the last complete cell or row; the rest waits for the next chunk.
                cut = max(_end_after(buffer, b"</c>"), _end_after(buffer, b"</row>"))
                _scan_cells(buffer[:cut], extent)
                buffer = buffer[cut:]
        _scan_cells(buffer, extent)
    return extent


def _end_after(buffer: bytes, tag: bytes) -> int:
    found = buffer.rfind(tag)
    return found + len(tag) if found >= 0 else 0


_OPEN_CELL_REF = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"[^>]*?(?<!/)>')


def _scan_cells(xml: bytes, extent: SheetExtent) -> None:
    if b"<f" not in xml and b't="e"' not in xml:
        # No formula and no error value in this stretch: only the extent matters,
        # found with one regex pass (a 200,000-row export is all plain values).
        refs = _OPEN_CELL_REF.findall(xml)
        if refs:
            extent.cells += len(refs)
            extent.last_row = max(extent.last_row, max(int(row) for _, row in set(refs)))
            letters = {col for col, _ in refs}
            extent.last_col = max(extent.last_col, max(column_number(c) for c in letters))
        return
    for match in _CELL.finditer(xml):
        if match.group(2) == b"/>":
            continue
        content = match.group(3) or b""
        ref = _REF.search(match.group(1))
        has_value = b"<v" in content or b"<is" in content
        has_formula = b"<f" in content
        if not has_value and not has_formula:
            continue
        extent.cells += 1
        if ref is None:
            continue
        row, col = int(ref.group(2)), column_number(ref.group(1))
        extent.last_row = max(extent.last_row, row)
        extent.last_col = max(extent.last_col, col)
        if not has_value or re.search(rb"<v\s*/>|<v>\s*</v>", content):
            extent.uncached_formulas.add((row - 1, col - 1))
        if _ERROR_TYPE.search(match.group(1)):
            value = _VALUE.search(content)
            extent.error_cells[(row - 1, col - 1)] = (
                value.group(1).decode("utf-8", "replace") if value else "#ERROR"
            )
        if has_formula and len(extent.formulas) < MAX_FORMULAS:
            formula = _FORMULA.search(content)
            if formula:
                extent.formulas[(row - 1, col - 1)] = formula.group(1).decode("utf-8", "replace")


def circular_cells(formulas: dict[tuple[int, int], str]) -> set[tuple[int, int]]:
    """The formula cells (0-based) on a cycle of same-sheet references."""
    graph: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for cell, text in formulas.items():
        targets = []
        for match in _A1.finditer(text.replace('"', " ")):
            c1, r1 = column_number(match.group(1)) - 1, int(match.group(2)) - 1
            if match.group(3):
                c2, r2 = column_number(match.group(3)) - 1, int(match.group(4)) - 1
                r1, r2, c1, c2 = min(r1, r2), max(r1, r2), min(c1, c2), max(c1, c2)
                if (r2 - r1 + 1) * (c2 - c1 + 1) > 10_000:
                    targets += [f for f in formulas if r1 <= f[0] <= r2 and c1 <= f[1] <= c2]
                else:
                    targets += [
                        (r, c)
                        for r in range(r1, r2 + 1)
                        for c in range(c1, c2 + 1)
                        if (r, c) in formulas
                    ]
            elif (r1, c1) in formulas:
                targets.append((r1, c1))
        graph[cell] = targets
    # Tarjan's strongly connected components, iteratively (sheets can be deep).
    index: dict[tuple[int, int], int] = {}
    low: dict[tuple[int, int], int] = {}
    on_stack: set[tuple[int, int]] = set()
    stack: list[tuple[int, int]] = []
    found: set[tuple[int, int]] = set()
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = graph[node]
            if i < len(targets):
                work.append((node, i + 1))
                target = targets[i]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph[node]:
                    found.update(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found


def xml_error(path: Path, sheet: str) -> FileProblemError | None:
    """Where a sheet's XML is malformed (part, line, column), or None if it parses."""
    try:
        with zipfile.ZipFile(path) as archive:
            part = sheet_parts(path, archive).get(sheet)
            if part is None or part not in archive.namelist():
                return None
            with archive.open(part) as stream:
                for _event, element in ElementTree.iterparse(stream, events=("end",)):
                    element.clear()
    except ElementTree.ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        return FileProblemError.at(
            path,
            f"the sheet's XML is malformed (part {part}, line {line}, column {column + 1}); "
            f"the file was cut or edited by hand",
            sheet=sheet,
            expected="well-formed spreadsheet XML",
            found=str(error),
        )
    except (FileProblemError, *DAMAGE_ERRORS):
        return None
    return None
