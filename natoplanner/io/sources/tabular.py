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
import gc
import pickle
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
SCENARIO_SHEETS = frozenset({"about", "assumptions"})
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
    #: False when no cell showed which separator is the decimal one ("." assumed).
    decimal_known: bool = True

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
    #: Excel error values ("#DIV/0!") the reader would show as empty cells.
    error_cells: dict[tuple[int, int], str] = field(default_factory=dict)
    #: Formula cells on a circular reference (their cached 0 is no figure).
    circular_cells: set[tuple[int, int]] = field(default_factory=set)
    #: Cells inside a merged range, filled with the range's top-left value: cell → top-left.
    merged_copies: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    #: True for CSV: every row should have as many cells as the header.
    fixed_width: bool = False
    _width: int | None = field(default=None, repr=False, compare=False)

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        """Width of the widest row (computed once: a sheet is not edited after reading)."""
        if self._width is None:
            self._width = max((len(r) for r in self.rows), default=0)
        return self._width

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
        #: Read workbook sheets in a child process (a window sets this): the reader
        #: holds the interpreter lock for a whole sheet, which would freeze the window.
        self.read_in_process = False

    @property
    def is_scenario_workbook(self) -> bool:
        """True for a natoplanner scenario workbook (sheets "About" and "Assumptions").

        Its figures are a scenario's inputs, not a data table: read as a table
        it would give bogus overrides, so callers offer to open it instead.
        """
        return SCENARIO_SHEETS <= {n.strip().casefold() for n in self.sheet_names}

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
            hidden = name in self.hidden_sheets
            if self.read_in_process and self.path.stat().st_size > IN_PROCESS_BYTES:
                self._sheets[name] = _read_sheet_in_process(self.path, self.kind, name, hidden)
            else:
                self._sheets[name] = _read_workbook_sheet(self.path, self.kind, name, hidden)
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
    try:
        kind = _sheet_scan.check_container(path)
        if kind == "xlsx":
            _external_container_check(path)
    except FileProblemError:
        raise
    except _sheet_scan.DAMAGE_ERRORS as error:
        raise _sheet_scan.damaged_part(path, "the zip directory", error) from None
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
        with _open_workbook(path) as workbook:
            metadata = workbook.sheets_metadata
    except FileProblemError:
        raise
    except Exception as error:  # calamine raises its own and OS errors for broken files
        raise _damaged(path, error, kind=kind) from None
    names = [m.name for m in metadata]
    hidden = {m.name for m in metadata if m.visible != calamine.SheetVisibleEnum.Visible}
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


class _open_workbook:  # noqa: N801 - a context manager named like the action
    """calamine on the file's content, whatever its name says (a renamed .ods or .xls)."""

    def __init__(self, path: Path) -> None:
        self.handle = path.open("rb")
        try:
            self.workbook = calamine.CalamineWorkbook.from_filelike(self.handle)
        except BaseException:
            self.handle.close()
            raise

    def __enter__(self) -> calamine.CalamineWorkbook:
        return self.workbook

    def __exit__(self, *_exc: object) -> None:
        self.workbook.close()
        self.handle.close()


_KIND_NAMES = {
    "xlsx": "an Excel workbook",
    "xls": "an Excel 97-2003 workbook",
    "ods": "an OpenDocument spreadsheet",
}


def _damaged(
    path: Path, error: BaseException, sheet: str | None = None, kind: str | None = None
) -> FileProblemError:
    text = f"{type(error).__name__}: {error}" if not str(error) else str(error)
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
    what = _KIND_NAMES.get(kind or "", "a workbook")
    named = ""
    if kind and path.suffix.lower().lstrip(".") != kind and kind != "xlsx":
        named = f" (it is {what} named {path.suffix})"
    return FileProblemError.at(
        path,
        f"{what} that cannot be read: it is damaged{named}",
        sheet=sheet,
        expected=f"a complete, valid {kind or 'spreadsheet'} file",
        found=text,
    )


def _read_workbook_sheet(path: Path, kind: str, name: str, hidden: bool) -> RawSheet:
    extent = _sheet_scan.SheetExtent()
    if kind == "xlsx":
        extent = _sheet_scan.scan_sheet(path, name)
        _check_area(path, name, extent.last_row, extent.last_col)
    try:
        with _open_workbook(path) as workbook:
            with_sheet = workbook.get_sheet_by_name(name)
            _check_area(
                path,
                name,
                with_sheet.end[0] + 1 if with_sheet.end else 0,
                with_sheet.end[1] + 1 if with_sheet.end else 0,
            )
            rows = with_sheet.to_python(skip_empty_area=False)
            merged = getattr(with_sheet, "merged_cell_ranges", None) or []
    except FileProblemError:
        raise
    except Exception as error:
        if kind == "xlsx":
            located = _sheet_scan.xml_error(path, name)
            if located is not None:
                raise located from None
        raise _damaged(path, error, name, kind) from None
    if kind != "xlsx":
        # xls and ods give whole numbers as int; the importer reads floats.
        rows = [
            [float(c) if type(c) is int else c for c in row]  # noqa: E721 - bool is an int
            for row in rows
        ]
    sheet = RawSheet(
        name,
        rows,
        hidden,
        extent.uncached_formulas,
        extent.error_cells,
        extent.circular_cells(),
    )
    _fill_merged(sheet, merged)
    # Rows as tuples from here on (nothing edits them): the collector untracks
    # tuples of numbers and strings, so its full passes stay short in a window.
    sheet.rows = [tuple(row) for row in sheet.rows]
    return sheet


#: Workbooks larger than this are read in a child process when asked (about 20,000 rows).
IN_PROCESS_BYTES = 1_000_000


def _read_sheet_in_process(path: Path, kind: str, name: str, hidden: bool) -> RawSheet:
    """:func:`_read_workbook_sheet` in a fresh child process; in this one if that fails.

    The waiting thread releases the interpreter lock, so the window stays
    responsive while a large sheet is parsed.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            sheet, blobs = pool.submit(_sheet_in_chunks, path, kind, name, hidden).result()
    except FileProblemError:
        raise
    except (BrokenProcessPool, OSError, RuntimeError, ImportError):
        return _read_workbook_sheet(path, kind, name, hidden)
    rows: list = []
    collecting = gc.isenabled()
    gc.disable()  # 200,000 new rows would set off full collections, each a pause
    try:
        for blob in blobs:  # small loads: the lock is released between them
            rows.extend(pickle.loads(blob))
    finally:
        if collecting:
            gc.enable()
    sheet.rows = rows
    sheet._width = None
    return sheet


_CHUNK_ROWS = 5000


def _sheet_in_chunks(path: Path, kind: str, name: str, hidden: bool) -> tuple[RawSheet, list]:
    """(the sheet without its rows, its rows pickled 5,000 at a time): in the child process."""
    sheet = _read_workbook_sheet(path, kind, name, hidden)
    rows, sheet.rows = sheet.rows, []
    blobs = [
        pickle.dumps(rows[i : i + _CHUNK_ROWS], protocol=pickle.HIGHEST_PROTOCOL)
        for i in range(0, len(rows), _CHUNK_ROWS)
    ]
    return sheet, blobs


def _fill_merged(sheet: RawSheet, ranges: list) -> None:
    """Give every cell of a merged range the top-left value (a country merged over rows)."""
    for (r0, c0), (r1, c1) in ranges:
        if (r1 - r0 + 1) * (c1 - c0 + 1) > 100_000:
            continue
        value = sheet.cell(r0, c0)
        for r in range(r0, min(r1, sheet.n_rows - 1) + 1):
            row = sheet.rows[r]
            for c in range(c0, c1 + 1):
                if (r, c) == (r0, c0):
                    continue
                while len(row) <= c:
                    row.append("")
                if row[c] == "":
                    row[c] = value
                    sheet.merged_copies[(r, c)] = (r0, c0)
    sheet._width = None  # rows may have grown


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
_SNIFF_BYTES = 1 << 16


def read_text_table(path: str | Path) -> RawTable:
    """Read ``path`` as delimited text whatever its extension (the IMF's WEO
    download is tab-separated text named ``.xls``); as :func:`read_table` does a CSV."""
    return _read_csv(Path(path))


def _read_csv(path: Path) -> RawTable:
    """Stream the rows of a CSV file; stop at the cell limit instead of reading it whole."""
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise FileProblemError.at(
            path,
            "the file is too large to import",
            expected=f"at most {MAX_TEXT_BYTES // 1_000_000} MB",
            found=f"{size:,} bytes",
        )
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    encoding, label, skip = sniff_encoding(path, head)
    try:
        rows, delimiter = _csv_rows(path, encoding, skip)
    except UnicodeDecodeError:
        if encoding != "utf-8":
            raise _not_decodable(path, encoding) from None
        # Not UTF-8 after all (seen only past the sniffed head): Windows Western it is.
        encoding, label = "cp1252", "cp1252 (Windows Western)"
        rows, delimiter = _csv_rows(path, encoding, skip)
    if not any(any(c for c in row) for row in rows):
        raise FileProblemError.at(
            path,
            "the file has no data",
            expected="a header row and rows of figures",
            found="only blank lines",
        )
    decimal = detect_decimal(c for row in rows[:5000] for c in row if _numberish(c))
    if delimiter == "," and decimal is None:
        # Comma-separated cells: a comma inside a number needs quotes, so an
        # unquoted "3.803" is a decimal point by the format's own convention.
        decimal = "."
    fmt = CsvFormat(label, delimiter, decimal or ".", decimal_known=decimal is not None)
    sheet = RawSheet(path.name, rows, fixed_width=True)
    return RawTable(path, "csv", [path.name], set(), fmt, {path.name: sheet})


def sniff_encoding(path: Path, head: bytes) -> tuple[str, str, int]:
    """(codec, label, bytes to skip) for CSV bytes starting with ``head``: BOMs, UTF-16, UTF-8.

    Raises FileProblemError for binary data. UTF-8 is a guess to be confirmed
    while reading (cp1252 if a byte sequence turns out not to be UTF-8).
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", "UTF-8 (BOM)", 3
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "UTF-16", 0
    sample = head[:4096]
    if (
        len(sample) >= 4
        and sample[1::2].count(0) > 0.4 * len(sample) / 2
        and sample[0::2].count(0) == 0
    ):
        return "utf-16-le", "UTF-16", 0
    if (
        len(sample) >= 4
        and sample[0::2].count(0) > 0.4 * len(sample) / 2
        and sample[1::2].count(0) == 0
    ):
        return "utf-16-be", "UTF-16", 0
    controls = sum(1 for byte in head if byte < 32 and byte not in b"\t\r\n")
    if sample.count(0) > max(8, len(sample) // 100) or controls > 0.05 * max(len(head), 1):
        raise FileProblemError.at(
            path,
            "this is not a spreadsheet or a CSV text file",
            expected="an .xlsx workbook or a CSV file",
            found="binary data",
        )
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not just a character cut at the end of the sample
            return "cp1252", "cp1252 (Windows Western)", 0
    return "utf-8", "UTF-8", 0


def _csv_rows(path: Path, encoding: str, skip: int) -> tuple[list[tuple[str, ...]], str]:
    with path.open("r", encoding=encoding, newline="", errors="strict") as handle:
        if skip:
            handle.read(1)  # the BOM, decoded as U+FEFF
        sample = handle.read(_SNIFF_BYTES)
        delimiter = detect_delimiter(sample)
        handle.seek(0)
        if skip:
            handle.read(1)
        reader = csv.reader(handle, delimiter=delimiter, strict=True)
        collecting = gc.isenabled()
        gc.disable()  # rows of strings hold no cycles; full collections only cost time
        rows: list[tuple[str, ...]] = []
        texts: dict[str, str] = {}  # one object per distinct text: names and years repeat
        cells = 0
        try:
            for row in reader:
                cells += max(len(row), 1)
                if cells > MAX_CELLS:
                    raise FileProblemError.at(
                        path,
                        "the file is too large to import: cut it down to the table you need",
                        cell=f"line {reader.line_num}",
                        expected=f"at most {MAX_CELLS:,} cells",
                        found=f"more than {MAX_CELLS:,} cells by line {reader.line_num:,}",
                    )
                # Tuples of strings: the collector untracks them, so full collections stay
                # cheap while a window shows a 200,000-row file.
                rows.append(tuple([texts.setdefault(c, c) for c in (c.strip() for c in row)]))
        except csv.Error as error:
            raise _csv_error(path, reader.line_num, rows, error) from None
        finally:
            if collecting:
                gc.enable()
    return rows, delimiter


def _csv_error(path: Path, line: int, rows: list[list[str]], error: csv.Error) -> FileProblemError:
    text = str(error)
    if "end of data" in text or "EOF" in text:
        start = sum(1 for _ in rows) + 1
        return FileProblemError.at(
            path,
            f"a quote opened on line {start} or later is never closed: the rest of the file "
            f"would be one cell",
            cell=f"line {start}",
            expected='a closing " for every opening "',
            found=f"end of file at line {line}",
        )
    return FileProblemError.at(
        path,
        f"line {line} cannot be read: a cell is too long or a quote is misplaced",
        cell=f"line {line}",
        expected=f"cells of at most {csv.field_size_limit():,} characters, quotes around cells",
        found=text,
    )


def _not_decodable(path: Path, encoding: str) -> FileProblemError:
    return FileProblemError.at(
        path, f"the text is not valid {encoding}", expected=encoding, found="undecodable bytes"
    )


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
