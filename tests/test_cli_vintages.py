"""``natoplanner import --as``, ``check`` on history, ``sources`` and ``set`` for vintages."""

from __future__ import annotations

from pathlib import Path

from natoplanner.app import main
from natoplanner.io.workbook.files import load_scenario
from tests.io.import_fixtures import sipri_workbook
from tests.io.vintages.fixtures import nato_edition_workbook, weo_download
from tests.io.vintages.test_vintage_workbook import _october_2026


def test_import_a_weo_release_makes_the_scenario_use_it(tmp_path: Path, capsys) -> None:
    source = _october_2026(tmp_path)
    out = tmp_path / "oct.xlsx"
    assert main(["import", str(source), "--out", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == (
        "detected: WEOOct2026all.xls: an IMF World Economic Outlook file (forecasts) → a GDP "
        "forecast vintage"
    )
    assert "the scenario now uses GDP vintage 'IMF WEO October 2026'" in printed[1]
    source.unlink()
    assert load_scenario(out).gdp_vintage == "IMF WEO October 2026"
    assert main(["sources", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    used = [line for line in lines if line.startswith("*")]
    assert len(used) == 2
    assert used[0].startswith("* NATO 2026 edition")
    assert used[1].startswith("* IMF WEO October 2026 [IMF WEO]")
    assert "WEOOct2026all.xls" in used[1]
    assert any(line.startswith("  IMF WEO April 2026 [IMF WEO]") for line in lines)


def test_the_april_2026_extract_is_the_bundled_vintage(tmp_path: Path, capsys) -> None:
    source = weo_download(tmp_path / "WEOApr2026all.xls")
    out = tmp_path / "apr.xlsx"
    assert main(["import", str(source), "--as", "vintage", "--out", str(out)]) == 0
    assert "same figures as the bundled vintage" in capsys.readouterr().out


def test_an_implausible_release_is_refused_unless_accepted(tmp_path: Path, capsys) -> None:
    source = weo_download(tmp_path / "WEOOct2026all.xls", footer=None)
    lines = source.read_text(encoding="utf-16").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("000\tUSA\tPCPIPCH"))
    lines[row] = lines[row].replace("\t3.228\t", "\t32.28\t")  # a decimal slip
    source.write_text("\n".join(lines), encoding="utf-16")
    out = tmp_path / "out.xlsx"
    assert main(["import", str(source), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert "USA 2026 cpi_inflation_pct: 32.28 in the new vintage, 3.228" in captured.out
    assert "refused" in captured.err and not out.exists()
    assert main(["import", str(source), "--out", str(out), "--accept-implausible"]) == 0


def test_check_on_nato_edition_and_sipri_says_what_they_would_become(
    tmp_path: Path, capsys
) -> None:
    edition = nato_edition_workbook(tmp_path / "def-exp-2026-en.xlsx")
    assert main(["check", str(edition)]) == 0
    out = capsys.readouterr().out
    assert "would become NATO edition 'NATO 2026 edition (2014-2026), cut-off 2026-07-03'" in out
    assert main(["import", str(edition), "--out", str(tmp_path / "e.xlsx")]) == 0
    assert "already uses" in capsys.readouterr().out
    sipri = sipri_workbook(tmp_path / "sipri.xlsx")
    out_path = tmp_path / "ref.xlsx"
    assert main(["import", str(sipri), "--out", str(out_path)]) == 0
    assert "reference series 'SIPRI military expenditure (share of GDP)'" in (
        capsys.readouterr().out
    )
    assert main(["sources", str(out_path)]) == 0
    assert "definitions: SIPRI's definition is broader" in capsys.readouterr().out
    reloaded = load_scenario(out_path)
    assert [r.name for r in reloaded.dataset.references] == [
        "SIPRI military expenditure (share of GDP)"
    ]


def test_set_gdp_vintage_and_an_unknown_edition(tmp_path: Path, capsys) -> None:
    path = tmp_path / "s.xlsx"
    assert main(["new", str(path)]) == 0
    assert main(["set", str(path), "--gdp-vintage", "imf weo october 2025"]) == 0
    assert "GDP forecast: IMF WEO October 2025" in capsys.readouterr().out
    assert load_scenario(path).gdp_vintage == "IMF WEO October 2025"
    assert main(["set", str(path), "--nato-edition", "NATO 2031 edition"]) == 1
    assert "available: NATO 2026 edition" in capsys.readouterr().err


def test_import_a_new_edition_moves_the_base_year_and_lists_what_no_longer_applies(
    tmp_path: Path, capsys
) -> None:
    from natoplanner.core.scenario import Measure

    start = tmp_path / "start.xlsx"
    assert main(["new", str(start)]) == 0
    scenario = load_scenario(start)
    scenario.set_year_input(Measure.CORE_BUDGET, "POL", 2027, 210_000.0)
    scenario.set_year_input(Measure.CORE_BUDGET, "POL", 2030, 250_000.0)
    from natoplanner.io.workbook.files import save_scenario

    save_scenario(scenario, start)
    edition = nato_edition_workbook(
        tmp_path / "def-exp-2027-en.xlsx", years=list(range(2014, 2028)), cutoff_note=False
    )
    out = tmp_path / "on2027.xlsx"
    capsys.readouterr()
    assert main(["import", str(edition), "--into", str(start), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "now uses NATO edition 'NATO 2027 edition (2014-2027)', base year 2027" in printed
    assert (
        "no longer applies: POL core defence budget (million national currency) 2027: now NATO "
        "history" in printed
    )
    edition.unlink()
    reopened = load_scenario(out)
    assert (reopened.base_year, reopened.nato_edition) == (2027, "NATO 2027 edition (2014-2027)")
    assert reopened.year_input(Measure.CORE_BUDGET, "POL", 2030) == 250_000.0
    row = reopened.row("DEU")
    bundled = load_scenario(start).dataset.history_matrix("defence_exp_national_million")
    # The test edition's 2027 is 2026 × 1.05 (rounded to whole millions as NATO's Table 1).
    assert reopened.base.core_budget_mn[row] == int(bundled[row, -1] * 1.05)
    # Back to the bundled edition with set; the base year returns to 2026.
    assert (
        main(
            ["set", str(out), "--nato-edition", "nato 2026 edition (2014-2026), cut-off 2026-07-03"]
        )
        == 0
    )
    assert load_scenario(out).base_year == 2026
