"""A corpus of bad or awkward files: each ends in a clear message or a correct import, fast.

Every case states its expected outcome: either a :class:`FileProblemError`
whose message matches a pattern, or a plan whose content is checked against
NATO's published figures. How long each takes is measured in benchmarks/bench_import.py,
not here; pytest-timeout stops a case that hangs.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from natoplanner.core.dataset import Dataset
from natoplanner.core.scenario import Scenario
from natoplanner.io.errors import FileProblemError
from natoplanner.io.sources.importer import CellStatus, ImportPreview, plan_file
from tests.io.bad_files import BUDGET_ROWS, cell_xml, raw_xlsx, rows_xml

POL_2025, POL_2026, DEU_2025, DEU_2026 = 166029, 193789, 99298, 124660  # NATO 2026 ed., national mn


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], Path]
    error: str | None = None  # regex the message must match
    check: Callable[[ImportPreview], None] | None = None


def _changes(preview: ImportPreview) -> dict[tuple[str, int], float]:
    return {(c.iso3, c.year): c.value for c in preview.plan.changes}


def _has_budget_figures(preview: ImportPreview) -> None:
    changes = _changes(preview)
    assert changes[("POL", 2025)] == POL_2025 and changes[("DEU", 2026)] == DEU_2026


def _control_characters_kept(preview: ImportPreview) -> None:
    """Pol\\0and is not Poland: not imported, and the message shows the character escaped."""
    changes = _changes(preview)
    assert ("POL", 2025) not in changes and changes[("DEU", 2026)] == DEU_2026
    messages = [str(p) for p in preview.plan.problems()]
    assert any("Pol\\x00and\\x07" in m and m.endswith("") for m in messages), messages
    assert not any("\x00" in m for m in messages)


def _write(name: str, data: bytes | str, encoding: str = "utf-8") -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
        return path

    return build


def _budget_csv(extra_rows: str = "", header: str = "Country,2025,2026") -> str:
    return (
        f"Defence expenditure (million national currency)\n{header}\n"
        f"Poland,{POL_2025},{POL_2026}\nGermany,{DEU_2025},{DEU_2026}\n{extra_rows}"
    )


def _openpyxl_book(name: str, fill: Callable[[openpyxl.Workbook], None]) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        wb = openpyxl.Workbook()
        fill(wb)
        path = folder / name
        wb.save(path)
        return path

    return build


def _budget_sheet(ws) -> None:
    for row in BUDGET_ROWS:
        ws.append(row)


def _valid_xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    wb = openpyxl.Workbook()
    _budget_sheet(wb.active)
    wb.save(buffer)
    return buffer.getvalue()


# -- builders needing more than a line ------------------------------------------
def _zip_bomb(folder: Path) -> Path:
    path = folder / "bomb.xlsx"
    raw_xlsx(path, {"S": rows_xml(BUDGET_ROWS)})
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.xml", b"\0" * 60_000_000)  # 60 MB from ~60 KB
    return path


def _entity_expansion(folder: Path) -> Path:
    prolog = (
        '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    )
    return raw_xlsx(folder / "billion_laughs.xlsx", {"S": rows_xml(BUDGET_ROWS)}, prolog=prolog)


def _external_entity(folder: Path) -> Path:
    prolog = '<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    return raw_xlsx(folder / "xxe.xlsx", {"S": rows_xml(BUDGET_ROWS)}, prolog=prolog)


def _encrypted(folder: Path) -> Path:
    # The start of an OLE compound file holding an encrypted OOXML package, as
    # Excel writes for "Encrypt with password": the directory names its streams.
    body = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1016)
    for stream in ("EncryptionInfo", "EncryptedPackage"):
        body += stream.encode("utf-16-le") + b"\0" * (64 - 2 * len(stream)) + b"\0" * 64
    path = folder / "protected.xlsx"
    path.write_bytes(bytes(body) + b"\0" * 4096)
    return path


def _not_xlsx_zip(folder: Path) -> Path:
    path = folder / "report.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("[Content_Types].xml", "<Types/>")
    return path


def _duplicates(wb: openpyxl.Workbook) -> None:
    _budget_sheet(wb.active)
    wb.active.append(["Poland", 1, 2])  # a second, different Poland row
    wb.active.append(["Turkey", fx_tur(2025), fx_tur(2026)])
    wb.active.append(["Türkiye", fx_tur(2025), fx_tur(2026)])


def fx_tur(year: int) -> float:
    history = Dataset.bundled().history
    return float(
        history[(history.iso3 == "TUR") & (history.year == year)][
            "defence_exp_national_million"
        ].iloc[0]
    )


def _check_duplicates(preview: ImportPreview) -> None:
    _has_budget_figures(preview)
    messages = [p.message for p in preview.plan.problems()]
    # The second Poland row has other figures: an error. Türkiye after Turkey repeats the
    # same figures: a warning, imported once.
    errors = [p.message for p in preview.plan.errors()]
    assert sum("already given" in m and "other figures" in m for m in errors) == 1
    assert sum("given again with the same figures" in m for m in messages) == 1
    assert _changes(preview)[("TUR", 2026)] == fx_tur(2026)


def _negative_and_text(wb: openpyxl.Workbook) -> None:
    _budget_sheet(wb.active)
    wb.active.append(["France", -5, "about 60 bn"])


def _check_invalid(*fragments: str) -> Callable[[ImportPreview], None]:
    def check(preview: ImportPreview) -> None:
        _has_budget_figures(preview)
        reasons = " | ".join(i.reason for i in preview.plan.invalid)
        for fragment in fragments:
            assert fragment in reasons, reasons
        for problem in preview.plan.problems():
            if problem.severity == "error":
                assert problem.cell and problem.sheet and problem.expected

    return check


def _dates(wb: openpyxl.Workbook) -> None:
    _budget_sheet(wb.active)
    wb.active.append(["France", dt.datetime(2025, 3, 1), True])


def _merged_header(wb: openpyxl.Workbook) -> None:
    ws = wb.active
    ws.append(["Defence expenditure", None, None])
    ws.append([None, "Million national currency", None])
    ws.merge_cells("A1:C1")
    ws.merge_cells("B2:C2")
    for row in BUDGET_ROWS[1:]:
        ws.append(row)


def _hidden_data_sheet(wb: openpyxl.Workbook) -> None:
    wb.active.title = "Read me"
    wb.active["A1"] = "Figures are on the hidden sheet."
    data = wb.create_sheet("Data")
    _budget_sheet(data)
    data.sheet_state = "hidden"


def _hidden_decoy(wb: openpyxl.Workbook) -> None:
    decoy = wb.active
    decoy.title = "Old"
    decoy.append(["Country", 2025, 2026])
    decoy.append(["Poland", 1, 1])
    decoy.append(["Germany", 1, 1])
    decoy.sheet_state = "hidden"
    _budget_sheet(wb.create_sheet("Current"))


def _max_columns(folder: Path) -> Path:
    xml = rows_xml(BUDGET_ROWS).replace(
        "</row>", cell_xml(0, 16383, "last column XFD") + "</row>", 1
    )
    return raw_xlsx(folder / "wide.xlsx", {"S": xml})


def _claims_million_rows(folder: Path) -> Path:
    return raw_xlsx(
        folder / "dimension.xlsx", {"S": rows_xml(BUDGET_ROWS)}, dimension="A1:C1048576"
    )


def _far_corner(folder: Path) -> Path:
    xml = rows_xml(BUDGET_ROWS) + f'<row r="1048576">{cell_xml(1048575, 16383, 1)}</row>'
    return raw_xlsx(folder / "corner.xlsx", {"S": xml})


def _uncached_formulas(folder: Path) -> Path:
    rows = rows_xml(BUDGET_ROWS[:3])
    germany = (
        '<row r="4"><c r="A4" t="inlineStr"><is><t>Germany</t></is></c>'
        f"{cell_xml(3, 1, None, formula='B3*0.6')}{cell_xml(3, 2, DEU_2026)}</row>"
    )
    return raw_xlsx(folder / "formulas.xlsx", {"S": rows + germany})


def _check_uncached(preview: ImportPreview) -> None:
    changes = _changes(preview)
    assert changes[("POL", 2025)] == POL_2025 and changes[("DEU", 2026)] == DEU_2026
    assert ("DEU", 2025) not in changes
    report = preview.report_at(3, 1)
    assert report.status is CellStatus.SKIPPED and "formula without a saved value" in report.reason


def _rows_200k(folder: Path) -> Path:
    # A long file: 200,000 rows, mostly history and non-allies; 31 allies × 2027-2031 at the end,
    # each at its IMF WEO April 2026 growth forecast.
    dataset = Dataset.bundled()
    april = dataset.forecasts[dataset.forecasts.vintage == "IMF WEO April 2026"]
    lines = ["Country,Year,Real GDP growth (%)"]
    filler = 200_000 - len(april[april.year >= 2027])
    names = ["Austria", "World", "Poland"]
    lines += [f"{names[i % 3]},{1900 + i % 120},{i % 7}.5" for i in range(filler)]
    for row in april[april.year >= 2027].itertuples():
        lines.append(f"{row.iso3},{row.year},{row.real_gdp_growth_pct}")
    path = folder / "long.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


def _check_200k(preview: ImportPreview) -> None:
    changes = _changes(preview)
    forecasts = Dataset.bundled().forecasts
    april = forecasts[(forecasts.vintage == "IMF WEO April 2026") & (forecasts.year >= 2027)]
    assert len(changes) == len(april[april.iso3 != "ISL"])  # Iceland: no armed forces, no path
    assert changes[("POL", 2027)] == 2.38  # IMF WEO April 2026, Poland 2027


def _check_names_safe(preview: ImportPreview) -> None:
    _has_budget_figures(preview)
    skipped = [i for i in preview.plan.skipped if "not a country name" in i.reason]
    assert len(skipped) == 2 and all(len(i.reason) < 200 for i in skipped)


def _huge_cells(folder: Path) -> Path:
    # Random letters: 1 MB of one letter would compress 1000:1 and look like a zip bomb.
    import random

    big = "".join(random.Random(6).choices("abcdefghijklmnopqrstuvwxyz ", k=1_000_000))
    return raw_xlsx(folder / "huge.xlsx", {"S": rows_xml([*BUDGET_ROWS, [big, big, 1.0]])})


def _check_huge(preview: ImportPreview) -> None:
    _has_budget_figures(preview)
    assert all(len(str(p)) < 400 for p in preview.plan.problems())
    assert len(preview.plan.summary()) < 5000


def _utf16_tab(folder: Path) -> Path:
    path = folder / "unicode.txt"
    text = _budget_csv().replace(",", "\t").replace("Germany", "Türkiye")
    path.write_bytes(text.encode("utf-16"))
    return path


CASES = [
    Case("zero bytes csv", _write("empty.csv", b""), error="empty"),
    Case("zero bytes xlsx", _write("empty.xlsx", b""), error="empty"),
    Case("blank lines", _write("blank.csv", "\n  \n\n"), error="no data"),
    Case(
        "png named xlsx",
        _write("chart.xlsx", b"\x89PNG\r\n\x1a\n" + b"\0" * 200),
        error="spreadsheet name but is not a spreadsheet|not an Excel",
    ),
    Case("binary named csv", _write("data.csv", bytes(range(256)) * 20), error="not a spreadsheet"),
    Case(
        "csv named xlsx",
        _write("budget.xlsx", _budget_csv()),
        error="not a spreadsheet|not an Excel",
    ),
    Case(
        "truncated xlsx",
        lambda f: _write("cut.xlsx", _valid_xlsx_bytes()[:3000])(f),
        error="damaged|truncated",
    ),
    Case("zip bomb", _zip_bomb, error="zip bomb"),
    Case("entity expansion", _entity_expansion, error="DTD|entity|document type"),
    Case("external entity", _external_entity, error="DTD|entity|document type"),
    Case("encrypted", _encrypted, error="password"),
    Case("zip not workbook", _not_xlsx_zip, error="not an Excel workbook"),
    Case(
        "text without table",
        _write("notes.csv", "Minutes of the meeting\nNo figures here.\n"),
        error="no table of countries by year",
    ),
    Case(
        "header only",
        _write("header.csv", "Country,2025,2026\n"),
        error="header row but no data rows",
    ),
    Case("duplicate allies", _openpyxl_book("dup.xlsx", _duplicates), check=_check_duplicates),
    Case(
        "negative and non-numeric",
        _openpyxl_book("neg.xlsx", _negative_and_text),
        check=_check_invalid("negative amount", "is not a number"),
    ),
    Case(
        "nan and inf",
        _write("nan.csv", _budget_csv("France,NaN,inf\nItaly,-inf,1e400\n")),
        check=_check_invalid("not a finite number"),
    ),
    Case(
        "dates and booleans",
        _openpyxl_book("dates.xlsx", _dates),
        check=_check_invalid("a date", "TRUE/FALSE"),
    ),
    Case(
        "merged header cells",
        _openpyxl_book("merged.xlsx", _merged_header),
        check=_has_budget_figures,
    ),
    Case(
        "hidden data sheet",
        _openpyxl_book("hidden.xlsx", _hidden_data_sheet),
        check=lambda p: (
            _has_budget_figures(p),
            p.settings.sheet == "Data" or pytest.fail(str(p.settings)),
        ),
    ),
    Case(
        "hidden decoy sheet",
        _openpyxl_book("decoy.xlsx", _hidden_decoy),
        check=lambda p: (
            _has_budget_figures(p),
            p.settings.sheet == "Current" or pytest.fail(str(p.settings)),
        ),
    ),
    Case("16384 columns", _max_columns, check=_has_budget_figures),
    Case("dimension claims a million rows", _claims_million_rows, check=_has_budget_figures),
    Case("cell at XFD1048576", _far_corner, error="too large|absurd"),
    Case("200,000 rows", _rows_200k, check=_check_200k),
    Case("formulas without cached values", _uncached_formulas, check=_check_uncached),
    Case(
        "formula injection text",
        _write("inject.csv", _budget_csv("\"=cmd|' /C calc'!A0\",1,2\n@SUM(A1:A2),3,4\n")),
        check=_check_names_safe,
    ),
    Case("1 MB cells", _huge_cells, check=_check_huge),
    Case(
        "1 MB csv cell",
        _write("huge.csv", _budget_csv("France," + "9" * 1_000_000 + "x,1\n")),
        error="line 5 cannot be read: a cell is too long",
    ),
    Case(
        "control characters",
        _write(
            "ctrl.csv", _budget_csv("\x1b[31mFrance\x07,1,2\n").replace("Poland", "Pol\x00and\x07")
        ),
        check=lambda p: _control_characters_kept(p),
    ),
    Case(
        "utf-16 tab separated",
        _utf16_tab,
        check=lambda p: (
            (any(r.iso3 == "TUR" for r in p.rows) and _changes(p)[("POL", 2025)] == POL_2025)
            or pytest.fail("Türkiye")
        ),
    ),
    Case(
        "unknown names with suggestion",
        _write("typo.csv", _budget_csv("Polnad,1,2\nAtlantis,3,4\n")),
        check=lambda p: (
            {u.text: u.suggestion_iso3 for u in p.plan.unmatched}["Polnad"] == "POL"
            or pytest.fail(str(p.plan.unmatched))
        ),
    ),
    Case(
        "share over 100 percent",
        _write("share.csv", "Share of GDP (%)\nCountry,2025\nPoland,425\nGermany,2.22\n"),
        check=lambda p: (
            "outside 0–100%" in p.plan.invalid[0].reason or pytest.fail(str(p.plan.invalid))
        ),
    ),
    Case(
        "semicolon utf-8 without BOM",
        _write("sc.csv", _budget_csv().replace(",", ";")),
        check=_has_budget_figures,
    ),
    Case(
        "thousands separators in quotes",
        _write(
            "k.csv",
            _budget_csv().replace(f"{POL_2025}", '"166,029"').replace(f"{DEU_2026}", '"124,660.0"'),
        ),
        check=_has_budget_figures,
    ),
    Case(
        "years as text with suffixes",
        _write("e.csv", _budget_csv(header="Country,2025e,FY2026")),
        check=_has_budget_figures,
    ),
    Case(
        "no country column",
        _write("nums.csv", "2025,2026\n1,2\n3,4\n"),
        error="no column of country names",
    ),
    Case("missing file", lambda f: f / "does-not-exist.xlsx", error="no such file"),
]


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return Scenario(base_year=2024)


def test_corpus_has_at_least_thirty_cases():
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_file(case: Case, tmp_path: Path, scenario: Scenario) -> None:
    path = case.build(tmp_path)
    try:
        preview = plan_file(path, scenario)
    except FileProblemError as error:
        assert case.error is not None, f"unexpected refusal: {error}"
        assert error.problems and all(p.file for p in error.problems)
        import re

        assert re.search(case.error, str(error)), str(error)
        assert "Traceback" not in str(error) and len(str(error)) < 1000
    else:
        assert case.error is None, (
            f"expected an error matching {case.error!r}; got {preview.plan.summary()}"
        )
        case.check(preview)
        preview.plan.summary()  # always printable
