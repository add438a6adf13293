"""Opening refuses bad files quickly, with a clear message, before any parser runs."""

from __future__ import annotations

import io
import struct
import time
import zipfile
from pathlib import Path

import pytest

from natoplanner.core.scenario import Scenario
from natoplanner.io.errors import FileProblemError
from natoplanner.io.workbook.files import read_scenario, save_scenario
from natoplanner.io.xlsx_safety import OLE_MAGIC, XlsxLimits, check_xlsx_container

QUICK_S = 2.0


@pytest.fixture(scope="module")
def good_xlsx(tmp_path_factory, dataset) -> bytes:
    path = tmp_path_factory.mktemp("good") / "good.xlsx"
    save_scenario(Scenario(dataset), path)
    return path.read_bytes()


def rewrite(data: bytes, changes: dict[str, bytes]) -> bytes:
    """A copy of the zip ``data`` with some parts replaced or added."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item.filename, changes.pop(item.filename, None) or source.read(item))
        for name, content in changes.items():
            target.writestr(name, content)
    return out.getvalue()


def patch_declared_size(data: bytes, member: str, size: int) -> bytes:
    """Overwrite the uncompressed size a zip declares for ``member`` (local and central headers)."""
    buffer = bytearray(data)
    name = member.encode()
    for signature, size_offset, name_offset in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (start := buffer.find(signature, start)) != -1:
            if buffer[start + name_offset : start + name_offset + len(name)] == name:
                struct.pack_into("<I", buffer, start + size_offset, size)
            start += 4
    return bytes(buffer)


def refused(tmp_path: Path, content: bytes, name: str = "file.xlsx") -> FileProblemError:
    path = tmp_path / name
    path.write_bytes(content)
    started = time.perf_counter()
    with pytest.raises(FileProblemError) as caught:
        read_scenario(path)
    assert time.perf_counter() - started < QUICK_S
    assert caught.value.problems[0].file == str(path)
    return caught.value


def test_old_xls_file(tmp_path):
    error = refused(tmp_path, OLE_MAGIC + bytes(4096), "old.xlsx")
    assert "Excel 97-2003" in str(error)


def test_encrypted_workbook(tmp_path):
    content = OLE_MAGIC + bytes(512) + "EncryptionInfo".encode("utf-16-le") + bytes(512)
    assert "password-protected" in str(refused(tmp_path, content))


def test_csv_renamed_to_xlsx(tmp_path):
    error = refused(tmp_path, b"iso3,year,budget\nPOL,2027,200000\n", "data.xlsx")
    assert "not an Excel .xlsx workbook" in str(error) and "CSV text" in str(error)


def test_empty_file(tmp_path):
    assert "empty" in str(refused(tmp_path, b""))


def test_truncated_zip(tmp_path, good_xlsx):
    assert "truncated" in str(refused(tmp_path, good_xlsx[: len(good_xlsx) // 2]))


def test_opendocument_and_word_files(tmp_path):
    ods = io.BytesIO()
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    assert ".ods" in str(refused(tmp_path, ods.getvalue(), "sheet.xlsx"))
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    assert "Word document" in str(refused(tmp_path, docx.getvalue(), "letter.xlsx"))


def test_zip_bomb_by_declared_size(tmp_path, good_xlsx):
    bomb = patch_declared_size(good_xlsx, "xl/worksheets/sheet2.xml", 4_000_000_000)
    error = refused(tmp_path, bomb)
    assert "zip bomb" in str(error) and "declares 4,00" in str(error)


def test_zip_bomb_by_compression_ratio(tmp_path, good_xlsx):
    bomb = rewrite(good_xlsx, {"xl/media/padding.bin": bytes(30_000_000)})
    assert "zip bomb" in str(refused(tmp_path, bomb))


def test_a_part_larger_than_declared_is_caught_while_decompressing(tmp_path, good_xlsx):
    lying = patch_declared_size(good_xlsx, "xl/worksheets/sheet3.xml", 1000)
    assert "damaged" in str(refused(tmp_path, lying))


def test_actual_size_over_the_limit_stops_decompression_early(tmp_path, good_xlsx):
    path = tmp_path / "big.xlsx"
    path.write_bytes(rewrite(good_xlsx, {"xl/media/noise.bin": bytes(range(256)) * 40_000}))
    limits = XlsxLimits(max_total_bytes=5_000_000, max_member_bytes=5_000_000)
    with pytest.raises(FileProblemError, match="zip bomb"):
        check_xlsx_container(path, limits)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">&lol3;</workbook>"""


def test_xml_entity_expansion(tmp_path, good_xlsx):
    error = refused(tmp_path, rewrite(good_xlsx, {"xl/workbook.xml": BILLION_LAUGHS}))
    assert "document type definition" in str(error)


def test_external_entity_in_a_sheet(tmp_path, good_xlsx):
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    error = refused(tmp_path, rewrite(good_xlsx, {"xl/worksheets/sheet1.xml": xxe}))
    assert "entit" in str(error)


def test_entities_hidden_in_utf16_are_caught_by_defusedxml(tmp_path, good_xlsx):
    hidden = BILLION_LAUGHS.replace(b'version="1.0"', b'version="1.0" encoding="UTF-16"').decode()
    error = refused(tmp_path, rewrite(good_xlsx, {"xl/workbook.xml": hidden.encode("utf-16")}))
    assert "cannot be read safely" in str(error)


def test_a_declared_dimension_is_not_the_size_the_rows_present_are(tmp_path, good_xlsx):
    """LibreOffice declares A1:L1048576 once a row was deleted; the file is still small."""
    with zipfile.ZipFile(io.BytesIO(good_xlsx)) as archive:
        sheet = archive.read("xl/worksheets/sheet2.xml")
    start = sheet.index(b"<dimension")
    end = sheet.index(b"/>", start) + 2
    huge = sheet[:start] + b'<dimension ref="A1:XFD1048576"/>' + sheet[end:]
    path = tmp_path / "declared.xlsx"
    path.write_bytes(rewrite(good_xlsx, {"xl/worksheets/sheet2.xml": huge}))
    assert read_scenario(path).warnings == []
    # Real rows still count: the same sheet against a limit below its ~300 rows.
    with pytest.raises(FileProblemError, match="absurd") as caught:
        check_xlsx_container(path, XlsxLimits(max_rows=100))
    problem = caught.value.problems[0]
    assert problem.sheet == "Assumptions"
    assert 200 < int(problem.found.split(" rows")[0].replace(",", "")) < 1000


def test_a_plain_workbook_is_not_taken_for_a_scenario(tmp_path):
    import openpyxl

    path = tmp_path / "data.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "budget"
    workbook.save(path)
    with pytest.raises(FileProblemError, match="use Import"):
        read_scenario(path)


def test_check_reports_sheets_and_dimensions_of_a_good_file(tmp_path, good_xlsx):
    path = tmp_path / "good.xlsx"
    path.write_bytes(good_xlsx)
    info = check_xlsx_container(path)
    assert info.sheet_names == [
        "About",
        "Assumptions",
        "Results",
        "Summary",
        "Alliance",
        "History",
        "Fiscal room",
    ]
    rows, columns = info.dimensions["Assumptions"]
    assert rows > 200 and columns >= 16
    with pytest.raises(FileProblemError, match="absurd"):
        check_xlsx_container(path, XlsxLimits(max_rows=100))
