"""Importing the layouts ministries receive, checked against NATO's and the IMF's published figures.

Scenarios based on 2024 make NATO's 2025e and 2026e figures projection-year
inputs, so an import of NATO's own numbers must reproduce them exactly.
"""

from __future__ import annotations

import math

import pytest

from natoplanner.core.projection import Projection
from natoplanner.core.scenario import Measure, Scenario
from natoplanner.io.sources.detect import Layout, SourceMeasure, Unit, detect
from natoplanner.io.sources.importer import CellStatus, apply_plan, plan_file, preview_import
from natoplanner.io.sources.tabular import read_table
from tests.io import import_fixtures as fx


@pytest.fixture(scope="module")
def scenario_2024() -> Scenario:
    return Scenario(base_year=2024)


@pytest.fixture(scope="module")
def sipri(tmp_path_factory) -> object:
    return fx.sipri_workbook(tmp_path_factory.mktemp("sipri") / "SIPRI-Milex-data.xlsx")


def _changes(preview) -> dict[tuple[str, int], float]:
    return {(c.iso3, c.year): c.value for c in preview.plan.changes}


# -- SIPRI ----------------------------------------------------------------------
def test_sipri_share_sheet_fractions_become_budgets_that_reproduce_nato_shares(
    sipri, scenario_2024
):
    preview = plan_file(sipri, scenario_2024, sheet="Share of GDP")
    settings = preview.settings
    assert settings.header_row == 4  # Excel row 5, under four title rows
    assert settings.layout is Layout.WIDE and settings.country_column == 0
    assert settings.measure is SourceMeasure.SHARE_OF_GDP and settings.unit is Unit.FRACTION
    assert any("fractions" in n for n in preview.plan.notes)

    # Hand calculation: a share s in 2025 costs s × B2024/s2024 × GDP2025/GDP2024,
    # with GDP2025 = GDP2024 × (1 + g)(1 + p) from the scenario's 2025 growth and deflator.
    row = scenario_2024.row("POL")
    g = scenario_2024.effective_growth_pct()[row, 0] / 100
    p = scenario_2024.effective_deflator_pct()[row, 0] / 100
    cost_2025 = 137176 / 3.75 * (1 + g) * (1 + p)  # NATO 2024: PLN 137,176 m at 3.75% of GDP
    assert _changes(preview)[("POL", 2025)] == pytest.approx(4.25 * cost_2025, rel=1e-9)

    scenario = scenario_2024.copy()
    apply_plan(scenario, preview.plan)
    paths = Projection(scenario).paths
    for iso3, year, published in (
        ("POL", 2025, 4.25),
        ("POL", 2026, 4.68),
        ("DEU", 2025, 2.22),
        ("DEU", 2026, 2.69),
    ):
        share = paths.core_share_pct[scenario.row(iso3), year - 2024]
        assert share == pytest.approx(published, abs=1e-9), (iso3, year)


def test_sipri_regions_other_countries_markers_and_history_are_listed(sipri, scenario_2024):
    preview = plan_file(sipri, scenario_2024, sheet="Share of GDP")
    plan = preview.plan
    by_category = {}
    for item in plan.skipped:
        by_category.setdefault(item.category, set()).add(item.text)
    assert by_category["regions or totals"] == {
        "Africa",
        "North Africa",
        "Europe",
        "Central Europe",
        "Western Europe",
    }
    assert by_category["countries not in NATO"] == {"Algeria", "Czechoslovakia", "Austria"}
    history = [i for i in plan.skipped if i.category.startswith("cells for years outside")]
    assert len(history) == 7 * 11 - 1  # 7 allies × 2014-2024, less Germany 2014 ("...")
    # Germany is row 12 (5 title/header rows, 5 region/other rows, Poland), 2014 in column C.
    report = preview.report_at(11, 2)
    assert report.address == "Share of GDP!C12" and report.status is CellStatus.SKIPPED
    assert "no figure" in report.reason
    assert len(plan.changes) == 14 and plan.allies == [
        "CZE",
        "DEU",
        "FRA",
        "GBR",
        "MKD",
        "POL",
        "TUR",
    ]
    assert not plan.unmatched and not plan.invalid
    summary = plan.summary()
    assert (
        "14 cells for 7 allies" in summary
        and "Czechoslovakia" in summary
        and "Western Europe" in summary
    )


def test_sipri_usd_sheet_chosen_first_and_converted_at_base_year_rate(sipri, scenario_2024):
    preview = plan_file(sipri, scenario_2024)
    assert preview.settings.sheet == "Current US$"  # first sheet with the most allies
    assert preview.settings.unit is Unit.USD_MILLIONS
    # NATO 2025e Poland USD 44,154 m at the 2024 rate PLN 137,176 m / USD 34,454 m.
    assert _changes(preview)[("POL", 2025)] == pytest.approx(44154 * 137176 / 34454, rel=1e-12)
    assert any("exchange rates" in n for n in preview.plan.notes)


def test_user_corrects_unit_in_preview(sipri, scenario_2024):
    table = read_table(sipri)
    first = plan_file(sipri, scenario_2024, sheet="Share of GDP")
    corrected = preview_import(table, first.settings.with_changes(unit=Unit.PERCENT), scenario_2024)
    # SIPRI's fractions read as percent are 100 times below every ally's path: refused,
    # with the unit that fits them named.
    assert _changes(corrected) == {} and corrected.plan.likely_unit is Unit.FRACTION
    assert "look like fraction" in corrected.plan.blocking[0].reason
    back = preview_import(table, corrected.settings.with_changes(unit=Unit.FRACTION), scenario_2024)
    assert _changes(back) == _changes(first)
    with pytest.raises(ValueError, match="does not fit"):
        first.settings.with_changes(unit=Unit.USD_MILLIONS)


def test_corrected_header_row_reclassifies_cells(sipri, scenario_2024):
    table = read_table(sipri)
    first = plan_file(sipri, scenario_2024, sheet="Share of GDP")
    # The user says the header is one row lower: the Africa row becomes the header,
    # so its year columns stay, and the remaining rows are read the same way.
    moved = preview_import(table, first.settings.with_changes(header_row=5), scenario_2024)
    assert _changes(moved) == _changes(first)
    assert preview_import(
        table, first.settings.with_changes(header_row=12), scenario_2024
    ).plan.changes


# -- NATO tables ----------------------------------------------------------------
def test_nato_table_usd_with_estimate_headers(tmp_path, scenario_2024):
    preview = plan_file(fx.nato_table(tmp_path / "def-exp-2026-en.xlsx"), scenario_2024)
    s = preview.settings
    assert dict(s.year_columns)[12] == 2025 and dict(s.year_columns)[13] == 2026  # "2025e", "2026e"
    assert s.unit is Unit.USD_MILLIONS
    changes = _changes(preview)
    assert len(preview.plan.allies) == 31  # every ally but Iceland
    assert changes[("DEU", 2026)] == pytest.approx(147002 * 86638 / 93747, rel=1e-12)
    regions = {i.text for i in preview.plan.skipped if i.category == "regions or totals"}
    assert regions == {"NATO Europe and Canada", "NATO Total"}


def test_nato_table_national_currency_imports_published_amounts(tmp_path, scenario_2024):
    path = fx.nato_table(
        tmp_path / "t1.xlsx",
        column="defence_exp_national_million",
        title="Table 1: Defence expenditure (million national currency, current prices)",
    )
    preview = plan_file(path, scenario_2024)
    assert preview.settings.unit is Unit.NATIONAL_MILLIONS
    changes = _changes(preview)
    assert changes[("POL", 2025)] == 166029 and changes[("DEU", 2026)] == 124660
    scenario = scenario_2024.copy()
    apply_plan(scenario, preview.plan)
    assert scenario.year_input(Measure.CORE_BUDGET, "POL", 2026) == 193789


def test_unit_without_words_found_by_comparing_with_published_figures(tmp_path, scenario_2024):
    # Same national-currency figures in thousands, and no unit written anywhere.
    path = fx.nato_table(
        tmp_path / "bare.xlsx", column="defence_exp_national_million", title="Defence spending"
    )
    import openpyxl

    wb = openpyxl.load_workbook(path)
    for row in wb.active.iter_rows(min_row=5, min_col=2):
        for cell in row:
            if isinstance(cell.value, (int, float)):
                cell.value = cell.value * 1000
    wb.save(path)
    preview = plan_file(path, scenario_2024)
    assert preview.settings.unit is Unit.NATIONAL_THOUSANDS
    assert any("published figures" in n for n in preview.plan.notes)
    assert _changes(preview)[("POL", 2025)] == pytest.approx(166029)


# -- World Bank, French ministry, IMF -------------------------------------------
def test_world_bank_csv_four_metadata_lines(tmp_path, scenario_2024):
    preview = plan_file(fx.world_bank_csv(tmp_path / "API_NY.GDP.MKTP.KD.ZG.csv"), scenario_2024)
    assert (
        preview.table.csv_format.encoding == "UTF-8 (BOM)"
        and preview.table.csv_format.delimiter == ","
    )
    assert (
        preview.settings.header_row == 4 and preview.settings.measure is SourceMeasure.REAL_GROWTH
    )
    changes = _changes(preview)
    # NATO Table 5 constant-price GDP change, as published: Poland 2025 3.63%, Germany 2026 0.66%.
    assert changes[("POL", 2025)] == 3.63 and changes[("DEU", 2026)] == 0.66
    assert {c.measure for c in preview.plan.changes} == {Measure.REAL_GROWTH}
    skipped = {i.text for i in preview.plan.skipped}
    assert {"Euro area", "World", "Austria"} <= skipped


def test_french_budget_csv_semicolons_decimal_commas_cp1252(tmp_path, scenario_2024):
    preview = plan_file(fx.french_budget_csv(tmp_path / "budget_defense.csv"), scenario_2024)
    fmt = preview.table.csv_format
    assert (fmt.delimiter, fmt.decimal) == (";", ",") and fmt.encoding.startswith("cp1252")
    assert preview.settings.unit is Unit.NATIONAL_MILLIONS
    changes = _changes(preview)
    assert changes[("DEU", 2025)] == 99298 and changes[("DEU", 2026)] == 124660
    assert changes[("TUR", 2026)] == fx.nato("TUR", 2026, "defence_exp_national_million")
    assert changes[("CZE", 2025)] == fx.nato(
        "CZE", 2025, "defence_exp_national_million"
    )  # "Tchéquie"
    assert len(changes) == 10


def test_imf_long_extract_sets_growth_inputs(tmp_path):
    scenario = Scenario()  # base 2026: 2026 is history, 2027-2031 are inputs
    path = tmp_path / "WEOApr2026.csv"
    fx.imf_long_csv(path)
    # Rewrite the values with the October 2025 vintage so the import changes something.
    text = path.read_text().splitlines()
    out = [text[0]]
    for line in text[1:]:
        head, year, _ = line.rsplit(",", 2)
        iso3 = line.split(",")[1]
        value = fx.imf(iso3, int(year), vintage="IMF WEO October 2025") if int(year) <= 2030 else ""
        out.append(f"{head},{year},{value}")
    path.write_text("\n".join(out) + "\n")
    preview = plan_file(path, scenario)
    s = preview.settings
    assert (
        s.layout is Layout.LONG
        and s.measure is SourceMeasure.REAL_GROWTH
        and s.unit is Unit.PERCENT
    )
    apply_plan(scenario, preview.plan)
    assert (
        scenario.year_input(Measure.REAL_GROWTH, "POL", 2027) == 2.861
    )  # WEO Oct 2025, Poland 2027
    assert scenario.year_input(Measure.REAL_GROWTH, "POL", 2031) is None  # empty cell: not set
    assert sorted(preview.plan.years) == [2027, 2028, 2029, 2030]
    assert any("2026 is history" in i.reason for i in preview.plan.skipped)


def test_inflation_maps_to_deflator_and_gdp_in_usd_billions(tmp_path, scenario_2024):
    path = tmp_path / "weo.csv"
    path.write_text("Country,Subject,2025,2026\nPoland,Inflation rate (percent),3.803,2.776\n")
    preview = plan_file(path, scenario_2024)
    assert preview.settings.measure is SourceMeasure.INFLATION
    assert {c.measure for c in preview.plan.changes} == {Measure.DEFLATOR}
    gdp = tmp_path / "gdp.csv"
    gdp.write_text("Country,Indicator,2025\nPoland,GDP (current US$ billions),1038.864\n")
    preview = plan_file(gdp, scenario_2024)
    assert preview.settings.unit is Unit.USD_BILLIONS
    (change,) = preview.plan.changes
    # NATO Table 5 Poland 2025 USD 1,038.864 bn at the 2024 PLN/USD rate.
    assert change.measure is Measure.NOMINAL_GDP
    assert change.value == pytest.approx(1038.864 * 137176 / 34454, rel=1e-12)


def test_apply_is_one_step_and_all_or_nothing(sipri, scenario_2024):
    scenario = scenario_2024.copy()
    before = scenario.state()
    preview = plan_file(sipri, scenario, sheet="Share of GDP")
    apply_plan(scenario, preview.plan)
    assert not scenario.inputs_equal(scenario_2024)
    scenario.restore(before)
    assert scenario.inputs_equal(scenario_2024)

    from dataclasses import replace

    from natoplanner.core.errors import ScenarioInputError

    bad = replace(preview.plan.changes[-1], value=math.inf)
    preview.plan.changes.append(bad)
    with pytest.raises(ScenarioInputError):
        apply_plan(scenario, preview.plan)
    assert scenario.inputs_equal(scenario_2024)


def test_changing_measure_keeps_or_resets_unit(sipri, scenario_2024):
    settings = plan_file(sipri, scenario_2024, sheet="Share of GDP").settings
    assert settings.with_measure(SourceMeasure.REAL_GROWTH).unit is Unit.FRACTION
    assert settings.with_measure(SourceMeasure.CORE_BUDGET).unit is Unit.NATIONAL_MILLIONS
    assert settings.with_measure(SourceMeasure.NOMINAL_GDP).unit is Unit.NATIONAL_BILLIONS
    assert settings.with_measure(SourceMeasure.CORE_BUDGET, Unit.USD).unit is Unit.USD


def test_preview_reports_progress_and_can_be_stopped(tmp_path):
    """A long file's preview reports progress and stops when the callback raises (cancel)."""
    path = tmp_path / "long.csv"
    rows = ["country,year,value"] + [f"Poland,{2027 + i % 10},{1000 + i}" for i in range(12_000)]
    path.write_text("\n".join(rows), encoding="utf-8")
    table = read_table(path)
    scenario = Scenario()
    settings = detect(table, dataset=scenario.dataset).settings
    seen = []
    preview_import(table, settings, scenario, lambda done, total: seen.append((done, total)))
    assert seen and seen[0][0] < seen[-1][0] and all(t == 12_001 for _d, t in seen)

    class Stop(Exception):
        pass

    def stop(done, total):
        raise Stop

    with pytest.raises(Stop):
        preview_import(table, settings, scenario, stop)
