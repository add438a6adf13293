"""``natoplanner check`` and ``natoplanner import`` on real layouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from natoplanner.app import main
from natoplanner.core.scenario import Measure
from tests.io import import_fixtures as fx

OCT_2025 = "IMF WEO October 2025"


def _growth_csv(path: Path, typo: bool = True) -> Path:
    """IMF WEO October 2025 growth for 2027-2030, in a long layout, plus one typo and a region."""
    lines = ["Country,Year,Real GDP growth (percent change)"]
    for iso3 in fx.IMF_ALLIES:
        for year in range(2026, 2031):
            lines.append(f"{iso3},{year},{fx.imf(iso3, year, vintage=OCT_2025)}")
    lines += ["Polnad,2027,3.0", "Euro area,2027,1.1"] if typo else ["Euro area,2027,1.1"]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_check_prints_plan_and_problems_and_exit_1_for_an_unknown_name_with_figures(
    tmp_path, capsys
):
    code = main(["check", str(_growth_csv(tmp_path / "weo.csv"))])
    captured = capsys.readouterr()
    out = captured.out
    assert code == 1  # "Polnad" holds a figure that would be lost: an error
    assert "measure: real_growth" in out and "unit: percent" in out
    assert "20 cells for 5 allies" in out  # 5 allies × 2027-2030
    assert "2026 is history" not in out and "years outside 2027–2040 (history)" in out
    assert (
        "error: weo.csv, sheet 'weo.csv', cell A27: 'Polnad' is not a NATO ally; "
        "did you mean Poland" in captured.err
    )
    assert "Euro area" in out


def test_check_not_importable_exits_1(tmp_path, capsys):
    sipri = fx.sipri_workbook(tmp_path / "sipri.xlsx")  # 2014-2026 only: all history for base 2026
    # As scenario inputs (--as inputs) SIPRI's history has nothing for the projection years...
    assert main(["check", str(sipri), "--sheet", "Share of GDP", "--as", "inputs"]) == 1
    captured = capsys.readouterr()
    assert "nothing to import" in captured.out and "not importable" in captured.err
    # ...detected, it is history that would become a reference series (issue 17).
    assert main(["check", str(sipri)]) == 0
    out = capsys.readouterr().out
    assert "reference series 'SIPRI military expenditure (share of GDP)'" in out


def test_check_broken_file_exits_1_with_one_clear_line(tmp_path, capsys):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 truncated")
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("natoplanner check: broken.xlsx") and "Traceback" not in err


def test_check_unit_not_fitting_measure_exits_1(tmp_path, capsys):
    path = _growth_csv(tmp_path / "weo.csv")
    assert main(["check", str(path), "--measure", "real_growth", "--unit", "usd_millions"]) == 1
    assert "does not fit" in capsys.readouterr().err


def test_import_writes_scenario_workbook_and_into_keeps_other_inputs(tmp_path, capsys):
    pytest.importorskip("natoplanner.io.workbook.files")
    from natoplanner.io.workbook.files import load_scenario, save_scenario

    source = _growth_csv(tmp_path / "weo.csv", typo=False)
    out = tmp_path / "imported.xlsx"
    assert main(["import", str(source), "--out", str(out)]) == 0
    assert f"saved {out}" in capsys.readouterr().out
    loaded = load_scenario(out)
    assert loaded.year_input(Measure.REAL_GROWTH, "POL", 2027) == 2.861  # WEO Oct 2025, Poland 2027
    assert loaded.year_input(Measure.REAL_GROWTH, "NOR", 2030) == pytest.approx(
        fx.imf("NOR", 2030, vintage=OCT_2025)
    )
    assert loaded.year_input(Measure.REAL_GROWTH, "POL", 2031) is None

    # --into: an existing scenario keeps its own inputs; the import adds to them.
    base = load_scenario(out)
    base.set_year_input(Measure.CORE_BUDGET, "DEU", 2030, 160000.0)
    into = tmp_path / "mine.xlsx"
    save_scenario(base, into)
    budget = tmp_path / "budget.csv"
    budget.write_text(
        "Core defence budget (million national currency)\nCountry,2027\nPoland,200000\n"
    )
    out2 = tmp_path / "merged.xlsx"
    assert main(["import", str(budget), "--into", str(into), "--out", str(out2)]) == 0
    merged = load_scenario(out2)
    assert merged.year_input(Measure.CORE_BUDGET, "POL", 2027) == 200000
    assert merged.year_input(Measure.CORE_BUDGET, "DEU", 2030) == 160000
    assert merged.year_input(Measure.REAL_GROWTH, "POL", 2027) == 2.861


def test_import_nothing_importable_writes_nothing(tmp_path, capsys):
    sipri = fx.sipri_workbook(tmp_path / "sipri.xlsx")
    out = tmp_path / "out.xlsx"
    assert main(["import", str(sipri), "--as", "inputs", "--out", str(out)]) == 1
    assert not out.exists()
