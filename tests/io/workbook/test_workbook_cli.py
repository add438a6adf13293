"""``natoplanner new`` writes the default scenario; ``natoplanner summary`` reads it back."""

from __future__ import annotations

from natoplanner.app import main
from natoplanner.core.scenario import Scenario
from natoplanner.io.workbook.files import read_scenario


def test_new_writes_the_default_scenario(tmp_path, dataset, capsys):
    path = tmp_path / "plan.xlsx"
    assert main(["new", str(path)]) == 0
    assert "wrote" in capsys.readouterr().out
    loaded = read_scenario(path)
    assert loaded.warnings == []
    assert loaded.scenario.inputs_equal(Scenario(dataset))


def test_new_with_horizon_and_name_then_summary(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    assert main(["new", str(path), "--horizon", "2038", "--name", "Baseline 2038"]) == 0
    scenario = read_scenario(path).scenario
    assert (scenario.horizon, scenario.name) == (2038, "Baseline 2038")
    capsys.readouterr()
    assert main(["summary", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Baseline 2038") and "Core 2038 %" in out and "POL" in out


def test_new_refuses_to_overwrite_without_force(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"keep me")
    assert main(["new", str(path)]) == 1
    assert "--force" in capsys.readouterr().err
    assert path.read_bytes() == b"keep me"
    assert main(["new", str(path), "--force"]) == 0


def test_summary_of_a_bad_file_prints_one_message_and_fails(tmp_path, capsys):
    path = tmp_path / "data.xlsx"
    path.write_text("iso3,budget\nPOL,1\n", encoding="utf-8")
    assert main(["summary", str(path)]) == 1
    err = capsys.readouterr().err
    assert "not an Excel .xlsx workbook" in err and "Traceback" not in err
