"""Read a spreadsheet or CSV file into a raw grid of cells, nothing interpreted yet.

xlsx, xlsm, xls and ods are read with python-calamine (values only, fast);
an xlsx is first scanned with bounded memory (:mod:`natoplanner.io.sources._sheet_scan`)
so a hostile or broken file ends in a clear message instead of a crash.
CSV files are decoded (UTF-8 with or without BOM, UTF-16, cp1252) and their
delimiter (``,`` ``;`` tab) and decimal separator detected.

Cells keep the type the reader gave: ``str`` (CSV cells are always text),
``float``, ``bool``, ``datetime.date``/``datetime``/``timedelta``; empty
cells are ``""``. Rows and columns are 0-based from A1.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine as calamine

from natoplanner.io.errors import FileProblemError
from natoplanner.io.sources import _sheet_scan
from natoplanner.io.sources.numbers import detect_decimal

#: Largest sheet area (rows × columns from A1) read into memory.
MAX_CELLS = 5_000_000
MAX_TEXT_BYTES = 300_000_000
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")

Cell = object  # str | float | bool | date | datetime | timedelta


def cell_address(row: int, col: int, sheet: str | None = None) -> str:
    """Excel address of a 0-based cell: (6, 2) → "C7", with sheet → "Sheet1!C7"."""
    address = f"{column_letters(col)}{row + 1}"
    return f"{sheet}!{address}" if sheet else address


@functools.lru_cache(maxsize=20_000)
def column_letters(col: int) -> str:
    """Excel column letters of a 0-based column: 0 → "A", 16383 → "XFD"."""
    letters = ""
    number = col + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class CsvFormat:
    """How a CSV file was written: encoding, delimiter, decimal separator."""

    encoding: str
    delimiter: str
    decimal: str

    def describe(self) -> str:
        names = {",": "comma", ";": "semicolon", "\t": "tab"}
        return (
            f"CSV in {self.encoding}, {names.get(self.delimiter, repr(self.delimiter))}-separated, "
            f"decimal {'comma' if self.decimal == ',' else 'point'}"
        )


@dataclass
class RawSheet:
    """One sheet as a grid of cells (0-based rows and columns from A1)."""

    name: str
    rows: list[list[Cell]]
    hidden: bool = False
    uncached_formulas: set[tuple[int, int]] = field(default_factory=set)

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cell(self, row: int, col: int) -> Cell:
        """The cell at (row, col), or "" outside the grid."""
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return ""


class RawTable:
    """A file opened for import: its sheets, read on first use.

    Attributes
    ----------
    path : Path
    kind : str
        "xlsx", "xls", "ods" or "csv".
    sheet_names : list[str]
        In workbook order (a CSV has one sheet named after the file).
    hidden_sheets : set[str]
    csv_format : CsvFormat or None
    """

    def __init__(
        self,
        path: Path,
        kind: str,
        sheet_names: list[str],
        hidden: set[str],
        csv_format: CsvFormat | None = None,
        sheets: dict[str, RawSheet] | None = None,
    ) -> None:
        self.path = path
        self.kind = kind
        self.sheet_names = sheet_names
        self.hidden_sheets = hidden
        self.csv_format = csv_format
        self._sheets: dict[str, RawSheet] = dict(sheets or {})

    @property
    def visible_sheet_names(self) -> list[str]:
        return [s for s in self.sheet_names if s not in self.hidden_sheets]

    def sheet(self, name: str) -> RawSheet:
        """The sheet called ``name``; raises :class:`FileProblemError` if absent or unreadable."""
        if name not in self.sheet_names:
            raise FileProblemError.at(
                self.path,
                f"there is no sheet named '{name}'",
                expected="one of " + ", ".join(repr(s) for s in self.sheet_names),
                found=name,
            )
        if name not in self._sheets:
            self._sheets[name] = _read_workbook_sheet(
                self.path, self.kind, name, name in self.hidden_sheets
            )
        return self._sheets[name]


def read_table(path: str | Path) -> RawTable:
    """Open ``path`` for import.

    Raises
    ------
    FileProblemError
        Missing, empty, damaged, encrypted, unsafe, binary or oversized files.
    """
    path = Path(path)
    if not path.is_file():
        raise FileProblemError.at(path, "no such file", expected="an existing .xlsx or .csv file")
    kind = _sheet_scan.check_container(path)
    if kind == "xlsx":
        _external_container_check(path)
    if kind == "text":
        if path.suffix.lower() in SPREADSHEET_SUFFIXES:
            raise FileProblemError.at(
                path,
                "the file has a spreadsheet name but is not a spreadsheet",
                expected=f"a {path.suffix} workbook",
                found="text or unknown data",
            )
        return _read_csv(path)
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
        metadata = workbook.sheets_metadata
    except Exception as error:  # calamine raises its own and OS errors for broken files
        raise _damaged(path, error) from None
    names = [m.name for m in metadata]
    hidden = {m.name for m in metadata if m.visible != calamine.SheetVisibleEnum.Visible}
    workbook.close()
    if not names:
        raise FileProblemError.at(path, "the workbook has no sheets", expected="at least one sheet")
    return RawTable(path, kind, names, hidden)


def _external_container_check(path: Path) -> None:
    # The application-wide safety check, when the module exists (written in
    # parallel); our own checks in _sheet_scan cover the importer meanwhile.
    try:
        from natoplanner.io import xlsx_safety
    except ImportError:
        return
    check = getattr(xlsx_safety, "check_xlsx_container", None)
    if check is not None:
        check(path)


def _damaged(path: Path, error: Exception, sheet: str | None = None) -> FileProblemError:
    text = str(error)
    if (
        isinstance(error, calamine.PasswordError)
        or "password" in text.lower()
        or "encrypt" in text.lower()
    ):
        return FileProblemError.at(
            path,
            "the workbook is password-protected; save an unencrypted copy",
            sheet=sheet,
            found=text,
        )
    return FileProblemError.at(
        path,
        "the workbook cannot be read (damaged or not a spreadsheet)",
        sheet=sheet,
        expected="a valid workbook",
        found=text,
    )


def _read_workbook_sheet(path: Path, kind: str, name: str, hidden: bool) -> RawSheet:
    uncached: set[tuple[int, int]] = set()
    if kind == "xlsx":
        extent = _sheet_scan.scan_sheet(path, name)
        _check_area(path, name, extent.last_row, extent.last_col)
        uncached = extent.uncached_formulas
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
        with_sheet = workbook.get_sheet_by_name(name)
        _check_area(
            path,
            name,
            with_sheet.end[0] + 1 if with_sheet.end else 0,
            with_sheet.end[1] + 1 if with_sheet.end else 0,
        )
        rows = with_sheet.to_python(skip_empty_area=False)
        workbook.close()
    except FileProblemError:
        raise
    except Exception as error:
        raise _damaged(path, error, name) from None
    return RawSheet(name, rows, hidden, uncached)


def _check_area(path: Path, sheet: str, n_rows: int, n_cols: int) -> None:
    if n_rows * n_cols > MAX_CELLS:
        raise FileProblemError.at(
            path,
            "the sheet is too large to import: cut it down to the table you need",
            sheet=sheet,
            expected=f"at most {MAX_CELLS:,} cells from A1 to the last used cell",
            found=f"{n_rows:,} rows × {n_cols:,} columns",
        )


# -- CSV ---------------------------------------------------------------------
def _read_csv(path: Path) -> RawTable:
    data = path.read_bytes()
    if len(data) > MAX_TEXT_BYTES:
        raise FileProblemError.at(
            path,
            "the file is too large to import",
            expected=f"at most {MAX_TEXT_BYTES // 1_000_000} MB",
            found=f"{len(data):,} bytes",
        )
    text, encoding = decode_text(path, data)
    delimiter = detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [[c.strip() for c in row] for row in reader]
    except csv.Error as error:
        raise FileProblemError.at(
            path,
            f"line {reader.line_num} cannot be read: a cell is too long or a quote is not closed",
            expected=f"cells of at most {csv.field_size_limit():,} characters",
            found=str(error),
        ) from None
    if not any(any(c for c in row) for row in rows):
        raise FileProblemError.at(
            path,
            "the file has no data",
            expected="a header row and rows of figures",
            found="only blank lines",
        )
    width = max(len(r) for r in rows)
    if len(rows) * width > MAX_CELLS:
        _check_area(path, path.name, len(rows), width)
    decimal = detect_decimal(c for row in rows for c in row if _numberish(c))
    if delimiter == ",":
        decimal = "," if decimal == "," and _quoted_commas(text) else "."
    fmt = CsvFormat(encoding, delimiter, decimal or ".")
    sheet = RawSheet(path.name, rows)
    return RawTable(path, "csv", [path.name], set(), fmt, {path.name: sheet})


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """Decode CSV bytes: BOMs first, then UTF-16 without BOM, UTF-8, cp1252."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode(path, data[3:], "utf-8"), "UTF-8 (BOM)"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(path, data, "utf-16"), "UTF-16"
    sample = data[:4096]
    if (
        len(sample) >= 4
        and sample[1::2].count(0) > 0.4 * len(sample) / 2
        and sample[0::2].count(0) == 0
    ):
        return _decode(path, data, "utf-16-le"), "UTF-16"
    if (
        len(sample) >= 4
        and sample[0::2].count(0) > 0.4 * len(sample) / 2
        and sample[1::2].count(0) == 0
    ):
        return _decode(path, data, "utf-16-be"), "UTF-16"
    if sample.count(0) > max(8, len(sample) // 100):
        raise FileProblemError.at(
            path,
            "this is not a spreadsheet or a CSV text file",
            expected="an .xlsx workbook or a CSV file",
            found="binary data",
        )
    try:
        text, encoding = data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("cp1252", errors="replace"), "cp1252 (Windows Western)"
    text = text.replace("\x00", "")  # a stray NUL (a broken export) would end csv's lines
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\r\n")
    if controls > 0.05 * min(len(text), 65536):
        raise FileProblemError.at(
            path,
            "this is not a spreadsheet or a CSV text file",
            expected="an .xlsx workbook or a CSV file",
            found="binary data",
        )
    return text, encoding


def _decode(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise FileProblemError.at(
            path,
            f"the text is not valid {encoding}",
            expected=encoding,
            found=f"byte {error.start}: {data[error.start : error.start + 4]!r}",
        ) from None


def detect_delimiter(text: str, sample_lines: int = 60) -> str:
    """The delimiter (",", ";" or tab) splitting most sample lines into equal field counts."""
    # Lines cut at 10,000 characters: a huge cell must not break the guess.
    lines = [line[:10_000] for line in text.splitlines()[: sample_lines * 2] if line.strip()]
    lines = lines[:sample_lines]
    best, best_score = ",", -1
    for delimiter in (",", ";", "\t"):
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        modal, times = Counter(counts).most_common(1)[0] if counts else (1, 0)
        score = times * (modal > 1) * 1000 + modal
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _numberish(text: str) -> bool:
    return (
        bool(text)
        and any(ch.isdigit() for ch in text)
        and all(ch.isdigit() or ch in ".,-+ ()%\u00a0\u202f'" for ch in text)
    )


def _quoted_commas(text: str) -> bool:
    return '",' in text or ',"' in text
