"""Data vintages: the bundled releases as vintages, a catalog, plausibility, using one."""

from __future__ import annotations

import csv
import math

import numpy as np
import pytest

from natoplanner.core.dataset import Dataset
from natoplanner.core.projection import Projection
from natoplanner.core.resources import data_path
from natoplanner.core.scenario import Scenario
from natoplanner.core.vintages import (
    CPI_INFLATION_PCT,
    DEFLATOR_PCT,
    REAL_GROWTH_PCT,
    FigureTable,
    Provenance,
    Vintage,
    VintageCatalog,
    VintageKind,
    contradictions,
    figure_table_from_records,
)


def _csv_rows(name: str) -> list[dict[str, str]]:
    with data_path(name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return Dataset.bundled()


def test_bundled_vintages_are_the_shipped_releases(dataset: Dataset) -> None:
    vintages = dataset.bundled_vintages()
    assert [v.name for v in vintages] == [
        "NATO 2026 edition (2014-2026), cut-off 2026-07-03",
        "IMF WEO April 2026",
        "IMF WEO October 2025",
        "IMF WEO April 2025",
    ]
    assert [v.kind for v in vintages] == [VintageKind.NATO_EDITION] + [VintageKind.IMF_WEO] * 3
    assert all(v.bundled for v in vintages)
    edition = vintages[0]
    assert edition.cutoff == "2026-07-03"
    assert edition.missing == ("ISL",)
    assert (edition.first_year, edition.last_year) == (2014, 2026)
    assert [v.release_date for v in vintages[1:]] == ["2026-04-14", "2025-10-14", "2025-04-22"]


def test_bundled_edition_carries_every_figure_of_the_nato_file(dataset: Dataset) -> None:
    figures = dataset.bundled_vintages()[0].figures
    for row in _csv_rows("nato_defence_expenditure.csv"):
        year = int(row["year"])
        for measure in ("defence_exp_national_million", "defence_share_gdp_pct"):
            expected = float(row[measure]) if row[measure] else math.nan
            got = figures.value(measure, row["iso3"], year)
            assert got == expected or (math.isnan(got) and math.isnan(expected))
        col = year - 2014
        assert figures.estimate[figures.allies.index(row["iso3"]), col] == (
            row["estimate_flag"] == "e"
        )


def test_bundled_gdp_vintages_carry_every_forecast_row(dataset: Dataset) -> None:
    rows = _csv_rows("gdp_forecast.csv")
    for row in rows:
        figures = dataset.gdp_vintage(row["vintage"]).figures
        year = int(row["year"])
        iso3 = row["iso3"]
        assert figures.value(REAL_GROWTH_PCT, iso3, year) == float(row["real_gdp_growth_pct"])
        assert figures.value(CPI_INFLATION_PCT, iso3, year) == float(row["cpi_inflation_pct"])
    april = dataset.gdp_vintage("IMF WEO April 2026")
    assert (april.first_year, april.last_year) == (2026, 2031)
    assert april.price_basis.startswith("CPI")
    assert int((~np.isnan(april.figures.matrix(REAL_GROWTH_PCT))).sum()) == 32 * 6


def _flat_gdp_vintage(name: str, growth: float, price: float, *, deflator: bool) -> Vintage:
    codes = Dataset.bundled().registry.iso3_codes
    years = np.arange(2026, 2032)
    shape = (len(codes), len(years))
    values = {REAL_GROWTH_PCT: np.full(shape, growth), CPI_INFLATION_PCT: np.full(shape, 50.0)}
    if deflator:
        values[DEFLATOR_PCT] = np.full(shape, price)
    return Vintage(
        name=name,
        kind=VintageKind.IMF_WEO,
        publisher="test",
        release_date="2026-10",
        cutoff="",
        provenance=Provenance("test.tsv", "test", "2026-12-01T09:00:00Z"),
        figures=FigureTable(codes, years, values, np.ones(shape, dtype=bool)),
    )


def test_an_imported_gdp_vintage_drives_the_projection(dataset: Dataset) -> None:
    vintage = _flat_gdp_vintage("IMF WEO October 2026", 1.0, 2.0, deflator=True)
    extended = dataset.with_vintages(gdp_vintages=(vintage,))
    assert extended.forecast_vintages[0] == "IMF WEO October 2026"
    scenario = Scenario(extended, gdp_vintage="IMF WEO October 2026")
    projection = Projection(scenario)
    projection.update()
    row = scenario.row("DEU")
    base_gdp = float(dataset.history_matrix("gdp_national_billion_derived")[row, -1])
    # By hand: 2027 GDP = 2026 GDP × 1.01 × 1.02 (the deflator wins over CPI's 50%).
    assert projection.paths.gdp_bn[row, 1] == pytest.approx(base_gdp * 1.01 * 1.02)
    # Years past the vintage (2032+) hold its last year's values.
    assert projection.paths.gdp_bn[row, 7] == pytest.approx(base_gdp * (1.01 * 1.02) ** 7)
    assert [v.name for v in scenario.vintages_used()] == [dataset.edition, "IMF WEO October 2026"]
    # The bundled dataset is untouched.
    assert "IMF WEO October 2026" not in dataset.forecast_vintages


def test_cpi_stands_in_when_a_vintage_has_no_deflator() -> None:
    vintage = _flat_gdp_vintage("IMF WEO October 2026", 1.0, 2.0, deflator=False)
    scenario = Scenario(
        Dataset.bundled().with_vintages(gdp_vintages=(vintage,)), gdp_vintage=vintage.name
    )
    assert scenario.default_deflator_pct()[0, 0] == 50.0
    assert vintage.price_basis.startswith("CPI")


def _edition_2027(dataset: Dataset) -> Vintage:
    bundled = dataset.edition_vintage
    figures = bundled.figures
    years = np.arange(2014, 2028)
    values = {}
    for measure, matrix in figures.values.items():
        grown = np.full((matrix.shape[0], len(years)), np.nan)
        grown[:, :-1] = matrix
        grown[:, -1] = matrix[:, -1] * 1.1  # 2027e = 2026e + 10% (a made-up test edition)
        values[measure] = grown
    estimate = np.zeros((len(figures.allies), len(years)), dtype=bool)
    estimate[:, -2:] = True
    edition = Vintage(
        name="NATO 2027 edition (test)",
        kind=VintageKind.NATO_EDITION,
        publisher="test",
        release_date="2027-07",
        cutoff="",
        provenance=Provenance("def-exp-2027-en.xlsx", "Table 1", "2027-07-10T00:00:00Z"),
        figures=FigureTable(figures.allies, years, values, estimate),
    )
    return edition


def test_an_edition_with_a_later_year_moves_the_default_base_year(dataset: Dataset) -> None:
    edition = _edition_2027(dataset)
    on_2027 = dataset.with_vintages(edition=edition)
    scenario = Scenario(on_2027)
    assert scenario.base_year == 2027
    assert scenario.nato_edition == "NATO 2027 edition (test)"
    row = scenario.row("POL")
    assert scenario.base.core_budget_mn[row] == pytest.approx(
        dataset.history_matrix("defence_exp_national_million")[row, -1] * 1.1
    )
    assert on_2027.history["year"].max() == 2027
    assert on_2027.imported_vintages == (edition,)


def test_catalog_names_are_unique_and_bundled_vintages_stay(dataset: Dataset) -> None:
    catalog = dataset.catalog()
    assert len(catalog.vintages) == 4
    with pytest.raises(ValueError, match="cannot be removed"):
        catalog.remove("IMF WEO April 2026")
    clash = _flat_gdp_vintage("imf weo april 2026", 1.0, 2.0, deflator=True)
    with pytest.raises(ValueError, match="another name"):
        catalog.add(clash)
    catalog.add(clash.renamed("IMF WEO April 2026 (reread)"))
    assert "imf weo april 2026 (reread)" in catalog
    assert catalog.remove("IMF WEO April 2026 (reread)").name == "IMF WEO April 2026 (reread)"
    assert [v.name for v in catalog.of_kind(VintageKind.IMF_WEO)][0] == "IMF WEO April 2026"
    # The same release read twice is one vintage.
    same = dataset.gdp_vintage("IMF WEO April 2026")
    twin = Vintage(**{**same.__dict__, "bundled": False})
    catalog.add(twin)
    assert catalog.get("IMF WEO April 2026") is same
    assert isinstance(VintageCatalog().vintages, tuple)


def test_contradictions_flag_scale_slips_not_revisions() -> None:
    allies = ("ALB", "DEU")
    current = figure_table_from_records(
        allies,
        [
            ("ALB", 2023, "defence_share_gdp_pct", 1.75, False),
            ("DEU", 2023, "defence_share_gdp_pct", 1.57, False),
            ("DEU", 2023, REAL_GROWTH_PCT, -0.3, False),
            ("ALB", 2023, REAL_GROWTH_PCT, 3.9, False),
        ],
    )
    new = figure_table_from_records(
        allies,
        [
            ("ALB", 2023, "defence_share_gdp_pct", 1.29, False),  # NATO's revision: kept
            ("DEU", 2023, "defence_share_gdp_pct", 0.0157, False),  # a fraction: flagged
            ("DEU", 2023, REAL_GROWTH_PCT, 2.0, False),  # 2.3 pp: kept
            ("ALB", 2023, REAL_GROWTH_PCT, 39.0, False),  # 35.1 pp: flagged
        ],
    )
    found = contradictions(new, current)
    assert {(c.iso3, c.measure) for c in found} == {
        ("DEU", "defence_share_gdp_pct"),
        ("ALB", REAL_GROWTH_PCT),
    }
    assert "0.0157" in next(c.describe() for c in found if c.iso3 == "DEU")


def test_figure_tables_refuse_a_figure_given_twice() -> None:
    with pytest.raises(ValueError, match="given twice"):
        figure_table_from_records(
            ("ALB",), [("ALB", 2020, "x", 1.0, False), ("ALB", 2020, "x", 2.0, False)]
        )
    with pytest.raises(ValueError, match="unknown ally"):
        figure_table_from_records(("ALB",), [("XXX", 2020, "x", 1.0, False)])


def test_switching_edition_keeps_the_overrides_that_still_apply(dataset: Dataset) -> None:
    from natoplanner.core.scenario import BudgetPolicy, CorePolicy, Measure
    from natoplanner.core.vintages.use import switch_edition

    scenario = Scenario(dataset)
    scenario.set_year_input(Measure.CORE_BUDGET, "POL", 2027, 200_000.0)
    scenario.set_year_input(Measure.CORE_BUDGET, "POL", 2030, 250_000.0)
    scenario.set_core_policy("DEU", CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_year=2027))
    scenario.set_core_policy("FRA", CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_year=2032))
    edition = _edition_2027(dataset)
    switched = switch_edition(scenario, edition, move_base_year=True)
    moved = switched.scenario
    assert (moved.base_year, moved.nato_edition) == (2027, edition.name)
    assert moved.year_input(Measure.CORE_BUDGET, "POL", 2030) == 250_000.0
    assert moved.core_policy("FRA").target_year == 2032
    assert moved.core_policy("DEU") == CorePolicy()
    assert len(switched.dropped) == 2
    assert "POL core defence budget (million national currency) 2027: now NATO history" in (
        switched.dropped
    )
    assert any(d.startswith("DEU core policy") for d in switched.dropped)
    # The old scenario is untouched; keeping the base year keeps every input.
    assert scenario.year_input(Measure.CORE_BUDGET, "POL", 2027) == 200_000.0
    kept = switch_edition(scenario, edition, move_base_year=False)
    assert kept.scenario.base_year == 2026 and kept.dropped == ()


def test_switching_edition_keeps_the_scenario_settings(dataset: Dataset) -> None:
    """The deflator source, the back-loading threshold and the escape-clause rules are the
    scenario's, not NATO's: a new edition keeps them (they were reset to defaults)."""
    import dataclasses

    from natoplanner.core.scenario import DeflatorSource
    from natoplanner.core.vintages.use import switch_edition

    scenario = Scenario(dataset, deflator_source=DeflatorSource.NATO_HISTORY)
    scenario.set_backload_fraction(0.3)
    scenario.fiscal = dataclasses.replace(scenario.fiscal, cap_pct=0.8)
    edition = _edition_2027(dataset)
    moved = switch_edition(scenario, edition, move_base_year=True).scenario
    assert moved.deflator_source is DeflatorSource.NATO_HISTORY
    assert moved.backload_fraction == 0.3 and moved.fiscal.cap_pct == 0.8
    back = switch_edition(moved, dataset.edition_vintage, move_base_year=False)
    assert back.scenario.base_year == 2026
    assert back.dropped == (
        "base year 2027: the edition ends in 2026, so projections start from 2026",
    )
