"""Issue 14: every value that enters a scenario is the value its source meant, or the import
stops and says where and why. One test (or a few) per defect, each with the file it needs,
asserting the imported value against the figure written into the file (or NATO's table).
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from natoplanner.app import main
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Measure, Scenario
from natoplanner.io.errors import FileProblemError
from natoplanner.io.sources.importer import CellStatus, plan_file
from natoplanner.io.sources.settings import Unit
from tests.io import import_fixtures as fx
from tests.io.bad_files import raw_xlsx, rows_xml

DEU_2026_MN = 124660.0  # NATO 2026 edition, Germany 2026e, million EUR


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return Scenario()


def _cells(capsys, argv: list[str]) -> tuple[int, dict[tuple[str, int], float], str]:
    """Run ``check --csv``: exit code, {(iso3, year): value}, stderr."""
    code = main(["check", *argv, "--csv"])
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out))) if captured.out else []
    return code, {(r["iso3"], int(r["year"])): float(r["value"]) for r in rows}, captured.err


def _changes(preview) -> dict[tuple[str, int], float]:
    return {(c.iso3, c.year): c.in_measure_unit for c in preview.plan.changes}


def _xlsx(path: Path, rows: list[list[object]], merge: list[str] = ()) -> Path:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    for area in merge:
        wb.active.merge_cells(area)
    wb.save(path)
    return path


# -- 1. the value column comes from its own header -------------------------------------
def test_two_figure_columns_are_refused_until_one_is_chosen(tmp_path, capsys):
    path = tmp_path / "two.csv"
    path.write_text(
        "Country,Year,Defence share of GDP (%),Real GDP growth (%)\n"
        "Poland,2029,4.5,2.1\nGermany,2029,3.5,1.2\n"
    )
    code, cells, err = _cells(capsys, [str(path)])
    assert code == 1
    assert "several columns could hold the values" in err
    assert "C 'Defence share of GDP (%)'" in err and "D 'Real GDP growth (%)'" in err
    code, cells, _ = _cells(capsys, [str(path), "--column", "C"])
    assert code == 0 and cells[("POL", 2029)] == 4.5  # the share, not the growth figure
    code, cells, _ = _cells(capsys, [str(path), "--column", "Real GDP growth (%)"])
    assert code == 0 and cells[("POL", 2029)] == 2.1
    out = tmp_path / "out.xlsx"
    assert main(["import", str(path), "--out", str(out)]) == 1
    assert not out.exists()


def test_amount_column_beside_a_share_column_gives_the_amount(tmp_path, capsys, scenario):
    path = tmp_path / "two.csv"
    usd = fx.nato("DEU", 2026, "defence_exp_usd_million_current")
    path.write_text(
        f"Country,Year,Share of GDP (%),Defence spending (USD m)\nGermany,2030,3.5,{usd}\n"
    )
    code, cells, err = _cells(capsys, [str(path)])
    assert code == 1 and "several columns" in err
    code, cells, _ = _cells(capsys, [str(path), "--column", "D"])
    fx_rate = float(scenario.base.fx_per_usd[scenario.row("DEU")])
    assert code == 0
    assert cells[("DEU", 2030)] == pytest.approx(usd * fx_rate, rel=1e-12)  # EUR million
    assert cells[("DEU", 2030)] != 95.0 and cells[("DEU", 2030)] > 1000


def test_measure_core_budget_on_a_share_column_is_refused(tmp_path, capsys):
    path = tmp_path / "share.csv"
    path.write_text("Country,Year,Share of GDP (%)\nGermany,2030,3.5\nPoland,2030,4.7\n")
    out = tmp_path / "out.xlsx"
    assert main(["import", str(path), "--measure", "core_budget", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "cannot be read as core defence budget" in err and "cell C1" in err
    assert not out.exists()


# -- 2. decimal commas in the text cells of workbooks ------------------------------------
def test_workbook_text_cells_with_decimal_commas(tmp_path, scenario):
    share = _xlsx(
        tmp_path / "share.xlsx",
        [
            ["Defence expenditure (% of GDP)"],
            ["Country", 2029],
            ["Poland", "4,5"],
            ["Italy", "2,1"],
        ],
    )
    assert _changes(plan_file(share, scenario)) == {("POL", 2029): 4.5, ("ITA", 2029): 2.1}
    budget = _xlsx(
        tmp_path / "budget.xlsx",
        [
            ["Defence expenditure (million national currency)"],
            ["Country", 2027],
            ["Germany", "95000,5"],
            ["France", "61 000,25"],
        ],
    )
    assert _changes(plan_file(budget, scenario)) == {
        ("DEU", 2027): 95000.5,
        ("FRA", 2027): 61000.25,
    }


def test_workbook_text_that_stays_ambiguous_is_refused(tmp_path, scenario):
    path = _xlsx(
        tmp_path / "ambiguous.xlsx",
        [
            ["Defence expenditure (million national currency)"],
            ["Country", 2027],
            ["Estonia", "2,500"],
        ],
    )
    preview = plan_file(path, scenario)
    assert preview.plan.changes == []
    report = preview.report_at(2, 1)
    assert report.status is CellStatus.INVALID and "ambiguous" in report.reason
    assert "2500 or 2.5" in report.reason


def test_a_point_in_a_decimal_comma_column_is_refused_not_multiplied(tmp_path, scenario):
    path = _xlsx(
        tmp_path / "mixed.xlsx",
        [
            ["Defence expenditure (% of GDP)"],
            ["Country", 2029],
            ["Poland", "4,5"],
            ["Italy", "2,1"],
            ["Spain", "1.9"],
        ],
    )
    preview = plan_file(path, scenario)
    assert ("ESP", 2029) not in _changes(preview)  # never 19%
    assert preview.report_at(4, 1).status is CellStatus.INVALID


# -- 4. units -------------------------------------------------------------------------
def test_percent_sign_in_the_header_wins_over_small_values(tmp_path, scenario):
    path = tmp_path / "small.csv"
    path.write_text(
        "Country,Year,Defence share of GDP (%)\nLuxembourg,2027,0.9\nBelgium,2027,0.95\n"
    )
    preview = plan_file(path, scenario)
    assert preview.settings.unit is Unit.PERCENT
    assert _changes(preview) == {("LUX", 2027): 0.9, ("BEL", 2027): 0.95}


def test_a_column_mixing_fractions_and_percents_is_refused(tmp_path, scenario):
    path = tmp_path / "mixed.csv"
    path.write_text(
        "Defence share of GDP\nCountry,2027\nPoland,4.7\nGermany,3.5\nFrance,0.021\nItaly,2.0\n"
    )
    preview = plan_file(path, scenario)
    changes = _changes(preview)
    assert changes[("POL", 2027)] == 4.7 and ("FRA", 2027) not in changes
    report = preview.report_at(4, 1)
    assert report.status is CellStatus.INVALID and "mixes units" in report.reason
    assert preview.plan.has_errors


@pytest.mark.parametrize(
    ("title", "written", "expected_mn"),
    [
        ("Dépenses de défense (Md€)", 60.5, 60500.0),
        ("Defence budget, EUR bn", 60.5, 60500.0),
        ("Verteidigungsausgaben (Mrd EUR)", 60.5, 60500.0),
        ("Budget de la défense (M€)", 60500.0, 60500.0),
        ("Budget de la défense en millions d'euros", 60500.0, 60500.0),
        ("Defence budget (k€)", 60_500_000.0, 60500.0),
        ("Defence spending, thousand EUR", 60_500_000.0, 60500.0),
    ],
)
def test_scale_words_in_titles(tmp_path, scenario, title, written, expected_mn):
    path = tmp_path / "scale.csv"
    path.write_text(f"{title}\nCountry,2027\nFrance,{written}\n")
    assert _changes(plan_file(path, scenario)) == {("FRA", 2027): pytest.approx(expected_mn)}


# -- 5. plausibility against the scenario's path ---------------------------------------
def test_amounts_a_thousand_times_too_small_are_refused_with_the_likely_unit(
    tmp_path, capsys, scenario
):
    # Projection-only file: budgets in billions, the header says millions.
    paths = Projection(scenario.copy()).paths
    lines = ["Defence budget (million national currency)", "Country,2027,2028"]
    for iso3 in ("ALB", "POL", "DEU", "FRA"):
        row = scenario.row(iso3)
        bn = [round(paths.core_budget_mn[row, y - 2026] / 1000, 3) for y in (2027, 2028)]
        lines.append(f"{iso3},{bn[0]},{bn[1]}")
    path = tmp_path / "bn.csv"
    path.write_text("\n".join(lines) + "\n")
    preview = plan_file(path, scenario)
    assert preview.plan.blocking and preview.plan.likely_unit is Unit.NATIONAL_BILLIONS
    out = tmp_path / "out.xlsx"
    assert main(["import", str(path), "--out", str(out)]) == 1
    assert "look like billion national currency" in capsys.readouterr().err
    assert not out.exists()
    fixed = plan_file(path, scenario, unit="national_billions")
    assert not fixed.plan.has_errors
    assert _changes(fixed)[("POL", 2027)] == pytest.approx(
        round(paths.core_budget_mn[scenario.row("POL"), 1] / 1000, 3) * 1000
    )


def test_a_share_table_read_as_money_is_refused(tmp_path, scenario):
    path = tmp_path / "shares.csv"
    path.write_text(
        "Defence expenditure (million national currency)\nCountry,2027\n"
        "Poland,4.7\nGermany,3.5\nItaly,2.0\nAlbania,2.1\n"
    )
    preview = plan_file(path, scenario)
    assert preview.plan.blocking and not preview.plan.importable


# -- 6. no cell silently dropped ------------------------------------------------------
def test_merged_country_cells_are_filled_down(tmp_path, scenario):
    path = _xlsx(
        tmp_path / "merged.xlsx",
        [
            ["Country", "Year", "Defence share of GDP (%)"],
            ["Poland", 2027, 4.7],
            [None, 2028, 4.8],
            [None, 2029, 4.9],
            ["Germany", 2027, 3.0],
            [None, 2028, 3.2],
        ],
        merge=["A2:A4", "A5:A6"],
    )
    assert _changes(plan_file(path, scenario)) == {
        ("POL", 2027): 4.7,
        ("POL", 2028): 4.8,
        ("POL", 2029): 4.9,
        ("DEU", 2027): 3.0,
        ("DEU", 2028): 3.2,
    }


def test_short_and_wide_csv_rows_are_errors_naming_the_row(tmp_path, scenario):
    path = tmp_path / "rows.csv"
    path.write_text(
        "Defence share of GDP (%)\nCountry,2027,2028,2029\n"
        "Poland,4.7,4.8,4.9\nGermany,3.0,3.1\nItaly,2,0,2.1,2.2\n"
    )
    preview = plan_file(path, scenario)
    changes = _changes(preview)
    assert changes == {("POL", 2027): 4.7, ("POL", 2028): 4.8, ("POL", 2029): 4.9}
    messages = [str(p) for p in preview.plan.errors()]
    assert any("row 4 has 3 cells where the header has 4" in m and "D4" in m for m in messages)
    assert any("row 5 has 5 cells but the header only 4" in m and "E5" in m for m in messages)


def test_excel_error_cells_and_circular_formulas_are_errors(tmp_path, scenario):
    sheet = rows_xml([["Defence share of GDP (%)"], ["Country", 2027], ["Poland", 4.7]])
    sheet += (
        '<row r="4"><c r="A4" t="inlineStr"><is><t>Germany</t></is></c>'
        '<c r="B4" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'
        '<row r="5"><c r="A5" t="inlineStr"><is><t>Italy</t></is></c>'
        '<c r="B5"><f>B5+1</f><v>0</v></c></row>'
    )
    path = raw_xlsx(tmp_path / "errors.xlsx", {"Sheet1": sheet})
    preview = plan_file(path, scenario)
    assert _changes(preview) == {("POL", 2027): 4.7}
    germany, italy = preview.report_at(3, 1), preview.report_at(4, 1)
    assert germany.status is CellStatus.INVALID and "#DIV/0!" in germany.reason
    assert italy.status is CellStatus.INVALID and "circular reference" in italy.reason


# -- 7. damaged files: a message naming the file and the part, exit 1 ------------------
def _damage_sheet(path: Path) -> Path:
    """A workbook whose sheet part has a corrupted deflate stream (zlib.error when inflated)."""
    good = raw_xlsx(path, {"Sheet1": rows_xml([["Country", 2027], ["Poland", 4.7]] * 2000)})
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    offset = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[offset + 40 : offset + 80] = b"\xff" * 40
    path.write_bytes(bytes(data))
    return path


def test_a_corrupted_deflate_stream_names_the_part(tmp_path, capsys):
    path = _damage_sheet(tmp_path / "damaged.xlsx")
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert "damaged.xlsx" in err and "xl/worksheets/sheet1.xml" in err
    assert "Traceback" not in err


def test_malformed_sheet_xml_names_part_and_line(tmp_path, capsys):
    path = raw_xlsx(
        tmp_path / "bad.xlsx", {"Sheet1": rows_xml([["Country", 2027]]) + "<row r='2'><c"}
    )
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert "malformed" in err and "xl/worksheets/sheet1.xml" in err and "line" in err


# -- 9. exit contract ----------------------------------------------------------------
def test_errors_write_nothing_unless_partial(tmp_path, capsys):
    from natoplanner.io.workbook.files import load_scenario

    path = tmp_path / "some.csv"
    path.write_text("Defence share of GDP (%)\nCountry,2027\nPoland,4.7\nGermany,n.a.x\n")
    out = tmp_path / "out.xlsx"
    assert main(["import", str(path), "--out", str(out)]) == 1 and not out.exists()
    assert main(["import", str(path), "--out", str(out), "--partial"]) == 0
    loaded = load_scenario(out)
    projected = Projection(loaded).paths.core_share_pct[loaded.row("POL"), 1]
    assert projected == pytest.approx(4.7, rel=1e-9)
    assert loaded.year_input(Measure.CORE_BUDGET, "DEU", 2027) is None


def test_warnings_only_exit_0_and_are_listed(tmp_path, capsys):
    path = tmp_path / "dup.csv"
    path.write_text("Defence share of GDP (%)\nCountry,2027\nPoland,4.7\nPoland,4.7\n")
    assert main(["check", str(path)]) == 0
    assert "warning:" in capsys.readouterr().err


# -- 10. no command writes over a file without --force ---------------------------------
def test_import_out_refuses_an_existing_file_and_never_the_source(tmp_path, capsys):
    path = tmp_path / "share.csv"
    path.write_text("Defence share of GDP (%)\nCountry,2027\nPoland,4.7\n")
    out = tmp_path / "out.xlsx"
    out.write_bytes(b"keep me")
    assert main(["import", str(path), "--out", str(out)]) == 1
    assert out.read_bytes() == b"keep me" and "--force" in capsys.readouterr().err
    assert main(["import", str(path), "--out", str(out), "--force"]) == 0
    source = tmp_path / "source.xlsx"
    _xlsx(source, [["Defence share of GDP (%)"], ["Country", 2027], ["Poland", 4.7]])
    before = source.read_bytes()
    assert main(["import", str(source), "--out", str(source), "--force"]) == 1
    assert source.read_bytes() == before


def test_new_refuses_an_existing_file_through_the_same_rule(tmp_path, capsys):
    out = tmp_path / "s.xlsx"
    out.write_bytes(b"keep me")
    assert main(["new", str(out)]) == 1
    assert out.read_bytes() == b"keep me" and "--force" in capsys.readouterr().err


# -- 11. a scenario workbook is not a data table ----------------------------------------
def test_importing_a_scenario_workbook_is_refused_or_its_inputs_taken(tmp_path, capsys):
    from natoplanner.io.workbook.files import load_scenario, save_scenario

    mine = Scenario(name="Mine")
    mine.set_year_input(Measure.CORE_BUDGET, "POL", 2030, 250_000.0)
    mine.set_year_input(Measure.REAL_GROWTH, "DEU", 2028, 1.25)
    source = tmp_path / "mine.xlsx"
    save_scenario(mine, source)
    out = tmp_path / "out.xlsx"
    assert main(["import", str(source), "--out", str(out)]) == 1
    assert "scenario workbook" in capsys.readouterr().err and not out.exists()
    assert main(["import", str(source), "--scenario-inputs", "--out", str(out)]) == 0
    loaded = load_scenario(out)
    assert loaded.year_input(Measure.CORE_BUDGET, "POL", 2030) == 250_000.0
    assert loaded.year_input(Measure.REAL_GROWTH, "DEU", 2028) == 1.25


# -- 12. messages that point to the real cause -----------------------------------------
@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("header.csv", "Country,Year,Value\n", "header row but no data rows"),
        ("quote.csv", 'Country,2027\nPoland,"4.7\nGermany,3.0\n', "quote opened"),
    ],
)
def test_messages_name_the_real_cause(tmp_path, name, data, message, scenario):
    path = tmp_path / name
    path.write_text(data)
    with pytest.raises(FileProblemError, match=message):
        plan_file(path, scenario)


def test_an_ods_named_xlsx_is_read(tmp_path, scenario):
    ods = tmp_path / "real.ods"
    fx_ods = _xlsx(
        tmp_path / "src.xlsx", [["Defence share of GDP (%)"], ["Country", 2027], ["Poland", 4.7]]
    )
    pytest.importorskip("subprocess")
    from tests.io.conftest import soffice_path

    if soffice_path() is None:
        pytest.skip("LibreOffice not installed")
    import subprocess

    subprocess.run(
        [
            soffice_path(),
            "--headless",
            "--convert-to",
            "ods",
            "--outdir",
            str(tmp_path),
            str(fx_ods),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    (tmp_path / "src.ods").rename(ods)
    renamed = ods.with_name("renamed.xlsx")
    ods.rename(renamed)
    assert _changes(plan_file(renamed, scenario)) == {("POL", 2027): 4.7}


def test_zip_bomb_refusal_names_the_large_part(tmp_path, scenario):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 20_000_000)
    with pytest.raises(FileProblemError, match="xl/worksheets/sheet1.xml inflates"):
        plan_file(path, scenario)


def test_country_names_not_mistaken(tmp_path, scenario):
    path = tmp_path / "names.csv"
    path.write_text(
        'Defence share of GDP (%)\nCountry,2027\n"Congo, Republic",1.0\n'
        '"Central African Republic",1.0\nPol\0and,4.7\nPoland,4.7\n'
    )
    preview = plan_file(path, scenario)
    assert _changes(preview) == {("POL", 2027): 4.7}  # only the clean "Poland" row
    messages = " | ".join(str(p) for p in preview.plan.problems())
    assert "Czechia" not in messages
    assert "Pol\\x00and" in messages and "\0" not in messages
    kinds = {r.text: r.kind.value for r in preview.rows}
    assert kinds["Central African Republic"] == "not a NATO ally"


def test_check_csv_gives_shares_in_percent_and_amounts_in_million_national_currency(
    tmp_path, capsys, scenario
):
    fractions = tmp_path / "fractions.csv"
    fractions.write_text(
        "Military expenditure as a share of GDP\nCountry,2027\nPoland,0.047\nItaly,0.021\n"
    )
    code, cells, _ = _cells(capsys, [str(fractions)])
    assert code == 0 and cells == {("POL", 2027): 4.7, ("ITA", 2027): 2.1}
    usd = tmp_path / "usd.csv"
    usd.write_text("Defence expenditure (US$ million)\nCountry,2027\nPoland,50000\n")
    code, cells, _ = _cells(capsys, [str(usd)])
    rate = float(scenario.base.fx_per_usd[scenario.row("POL")])
    assert code == 0 and cells[("POL", 2027)] == pytest.approx(50000 * rate, rel=1e-12)
