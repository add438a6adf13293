"""IMF WEO files → GDP vintages: the April 2026 figures read back exactly; strict checks."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from natoplanner.core.dataset import Dataset
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Scenario
from natoplanner.core.vintages import DEFLATOR_PCT, NOMINAL_GDP_BN, REAL_GROWTH_PCT
from natoplanner.io.errors import FileProblemError
from natoplanner.io.vintages.weo import read_weo
from tests.io.vintages.fixtures import imf_portal_csv, weo_download, weo_row

REGISTRY = Dataset.bundled().registry


def test_a_weo_download_with_the_april_2026_figures_is_that_vintage(tmp_path: Path) -> None:
    path = weo_download(
        tmp_path / "WEOApr2026all.xls",
        extra_rows=[weo_row("AUT", "NGDP_RPCH", {2026: 0.682}, units="Percent change")],
    )
    vintage = read_weo(path, REGISTRY, imported_at="2026-12-01T09:00:00Z")
    bundled = Dataset.bundled().gdp_vintage("IMF WEO April 2026")
    assert vintage.name == "IMF WEO April 2026"
    assert vintage.release_date == "2026-04"
    assert vintage.figures.same_figures(bundled.figures)
    assert vintage.provenance.file == "WEOApr2026all.xls"
    assert vintage.provenance.imported_at == "2026-12-01T09:00:00Z"
    assert not vintage.bundled


def test_the_portal_csv_gives_the_same_vintage_with_its_publication_date(tmp_path: Path) -> None:
    vintage = read_weo(imf_portal_csv(tmp_path / "weo.csv"), REGISTRY)
    assert (vintage.name, vintage.release_date) == ("IMF WEO April 2026", "2026-04-14")
    bundled = Dataset.bundled().gdp_vintage("IMF WEO April 2026")
    assert vintage.figures.same_figures(bundled.figures)


def test_the_release_comes_from_the_file_name_without_a_footer(tmp_path: Path) -> None:
    path = weo_download(tmp_path / "WEOOct2026all.xls", footer=None)
    vintage = read_weo(path, REGISTRY)
    assert vintage.name == "IMF WEO October 2026"
    with pytest.raises(FileProblemError, match="give the vintage a name"):
        read_weo(weo_download(tmp_path / "extract.xls", footer=None), REGISTRY)
    named = read_weo(tmp_path / "extract.xls", REGISTRY, name="Ministry's WEO copy")
    assert named.name == "Ministry's WEO copy"


def test_every_missing_ally_is_listed(tmp_path: Path) -> None:
    path = weo_download(tmp_path / "WEOApr2026all.xls", drop=("POL", "USA", "ISL"))
    with pytest.raises(FileProblemError) as error:
        read_weo(path, REGISTRY)
    message = str(error.value)
    assert "3 of 32 allies" in message
    for code in ("POL", "USA", "ISL"):
        assert code in message


def test_units_come_from_the_files_own_columns(tmp_path: Path) -> None:
    path = weo_download(tmp_path / "WEOApr2026all.xls", units={"PCPIPCH": "Index"})
    with pytest.raises(FileProblemError) as error:
        read_weo(path, REGISTRY)
    problem = error.value.problems[0]
    assert "PCPIPCH" in problem.message and problem.found == "index"
    assert problem.cell == "G3"  # the first ally's CPI row, column G = Units


def test_a_deflator_and_nominal_gdp_in_billions_replace_cpi(tmp_path: Path) -> None:
    # Poland's NGDP_D and NGDP rows (made-up test values): the deflator
    # becomes 100→104 = 4%, then 2% a year; nominal GDP is read in the file's scale.
    index_from_2026 = {y: round(104.0 * 1.02 ** (y - 2026), 3) for y in range(2026, 2032)}
    rows = [
        weo_row("POL", "NGDP_D", {2025: 100.0, **index_from_2026}, units="Index"),
        weo_row(
            "POL",
            "NGDP",
            {2025: 3_900_000.0, 2026: 4_100_000.0},
            units="National currency",
            scale="Millions",
        ),
    ]
    path = weo_download(tmp_path / "WEOApr2026all.xls", extra_rows=rows)
    vintage = read_weo(path, REGISTRY, name="IMF WEO April 2026 with deflator")
    row = REGISTRY.index_of("POL")
    deflator = vintage.figures.matrix(DEFLATOR_PCT)
    assert deflator[row, 0] == pytest.approx(4.0)
    assert deflator[row, 1] == pytest.approx(2.0, abs=1e-3)
    assert vintage.figures.matrix(NOMINAL_GDP_BN)[row, 0] == pytest.approx(4100.0)
    assert vintage.price_basis == "GDP deflator"
    dataset = Dataset.bundled().with_vintages(gdp_vintages=(vintage,))
    scenario = Scenario(dataset, gdp_vintage=vintage.name)
    projection = Projection(scenario)
    projection.update()
    growth = vintage.figures.value(REAL_GROWTH_PCT, "POL", 2027)
    base = scenario.base.gdp_bn[row]
    price = 1 + deflator[row, 1] / 100
    assert projection.paths.gdp_bn[row, 1] == pytest.approx(base * (1 + growth / 100) * price)
    assert price == pytest.approx(1.02, abs=1e-5)
    # Germany has no deflator row: CPI stands in.
    deu = REGISTRY.index_of("DEU")
    assert np.isnan(deflator[deu]).all()
    assert scenario.default_deflator_pct()[deu, 0] == pytest.approx(
        vintage.figures.value("cpi_inflation_pct", "DEU", 2027)
    )


def test_a_figure_that_is_not_a_number_names_its_cell(tmp_path: Path) -> None:
    path = weo_download(tmp_path / "WEOApr2026all.xls")
    text = path.read_text(encoding="utf-16").replace("\t0.791\t", "\t0,79x\t", 1)
    path.write_text(text, encoding="utf-16")
    with pytest.raises(FileProblemError) as error:
        read_weo(path, REGISTRY)
    assert "DEU NGDP_RPCH 2026" in str(error.value)


def test_a_file_that_is_not_weo_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(FileProblemError, match="not an IMF World Economic Outlook file"):
        read_weo(path, REGISTRY)


def test_a_vintage_read_in_the_wrong_unit_contradicts_the_current_one(tmp_path: Path) -> None:
    from natoplanner.core.vintages.use import gdp_contradictions

    path = weo_download(tmp_path / "WEOOct2026all.xls", footer=None)
    lines = path.read_text(encoding="utf-16").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("000\tDEU\tNGDP_RPCH"))
    lines[row] = lines[row].replace("\t1.183\t", "\t0.01183\t")  # 2027, read as a fraction
    path.write_text("\r\n".join(lines), encoding="utf-16")
    dataset = Dataset.bundled()
    vintage = read_weo(path, REGISTRY)
    found = gdp_contradictions(dataset, vintage, "IMF WEO April 2026")
    assert [(c.iso3, c.year, c.measure) for c in found] == [("DEU", 2027, REAL_GROWTH_PCT)]
    # The same figures as April 2026, and October 2025's revisions, are plausible.
    same = read_weo(weo_download(tmp_path / "WEOApr2026all.xls"), REGISTRY)
    assert gdp_contradictions(dataset, same, "IMF WEO October 2025") == []
