"""Reading the ``Assumptions`` sheet back into a scenario: its settings, the policy table, the
grey base-year figures, then the ally-by-year blocks and the escape-clause rules.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np

from natoplanner.core.dataset import Dataset
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import (
    BudgetPolicy,
    CorePolicy,
    DeflatorSource,
    Measure,
    RelatedPolicy,
    RelatedTrack,
    Scenario,
    Targets,
)
from natoplanner.io.errors import FileProblemError, Problem
from natoplanner.io.workbook.fiscal_rules import read_rules
from natoplanner.io.workbook.layout import (
    DEFLATOR_SOURCE_WORDS,
    OPTIONAL_POLICY_KEYS,
    PERCENT_POLICY_KEYS,
    POLICY_COLUMNS,
    POLICY_HEADER_ROW,
    SCHEMA_VERSION,
    SETTING_ROW,
    SETTING_VALUE_COLUMN,
    SHEET_ASSUMPTIONS,
    TARGET_KEYS,
    Layout,
    cell_name,
    policy_label,
)
from natoplanner.io.workbook.sheets.assumption_blocks_read import (
    follow_reference_vintage,
    read_year_blocks,
)
from natoplanner.io.workbook.sheets.cell_reading import (
    SheetCells,
    apply_at,
    cell_position,
    has_problem,
    list_cells,
    moved_message,
    row_shift,
)


def _normalise_word(text: str) -> str:
    return " ".join(re.split(r"[\s_\-]+", text.strip().casefold()))


CORE_KINDS = {policy_label(k): k for k in BudgetPolicy}
RELATED_KINDS = {policy_label(k): k for k in RelatedPolicy}


def scenario_from_assumptions(
    file: Path,
    rows: list[tuple],
    dataset: Dataset,
    version: int = SCHEMA_VERSION,
    percent_cells: frozenset[tuple[int, int]] = frozenset(),
) -> tuple[Scenario, list[Problem]]:
    """Build the scenario from the cell values of an ``Assumptions`` sheet.

    Parameters
    ----------
    file : Path
        Named in problems.
    rows : list of tuple
        Cell values, row 1 first (as ``iter_rows(values_only=True)`` gives them).
    dataset : Dataset
    version : int
        Workbook schema version the rows follow.
    percent_cells : frozenset of (row, column)
        Numbers formatted as percentages (read by their meaning in % cells).

    Returns
    -------
    (Scenario, list of Problem)
        The scenario and the warnings met.

    Raises
    ------
    FileProblemError
        Listing every bad cell (at most 50).
    """
    errors: list[Problem] = []
    warnings: list[Problem] = []
    sheet = SheetCells(Path(file), SHEET_ASSUMPTIONS, rows, errors, percent_cells, warnings)
    scenario = _scenario_settings(Path(file), sheet, dataset)
    layout = Layout.of_schema(len(dataset.registry), scenario.base_year, version)
    _policies(sheet, scenario, layout, version, warnings)
    follow_reference_vintage(sheet, scenario, layout, dataset)
    read_year_blocks(sheet, scenario, layout, warnings)
    _doubtful_exchange_rates(sheet, scenario, layout)
    read_rules(Path(file), rows, scenario, layout, errors, warnings)  # escape clause
    if errors:
        raise FileProblemError(errors[:50])
    return scenario, warnings


def _scenario_settings(path: Path, sheet: SheetCells, dataset: Dataset) -> Scenario:
    def setting(key: str) -> tuple[int, int]:
        return SETTING_ROW[key], SETTING_VALUE_COLUMN

    base_year = sheet.year(*setting("base_year"), "base year")
    horizon = sheet.year(*setting("horizon"), "horizon")
    vintage = sheet.text(*setting("gdp_vintage")).strip()
    if sheet.problems:
        raise FileProblemError(sheet.problems)
    if vintage.casefold() not in {v.casefold() for v in dataset.forecast_vintages}:
        sheet.problem(
            *setting("gdp_vintage"),
            "unknown GDP forecast vintage",
            "one of " + ", ".join(dataset.forecast_vintages),
            vintage,
        )
        raise FileProblemError(sheet.problems)
    vintage = next(v for v in dataset.forecast_vintages if v.casefold() == vintage.casefold())
    for key, value in (("base_year", base_year), ("horizon", horizon)):
        if value is None:
            sheet.problem(*setting(key), f"the {key.replace('_', ' ')} is empty", "a year", None)
    if sheet.problems:
        raise FileProblemError(sheet.problems)
    deflator_source = _deflator_source(sheet, *setting("deflator_source"))
    try:
        scenario = Scenario(
            dataset,
            base_year=base_year,
            horizon=horizon,
            gdp_vintage=vintage,
            deflator_source=deflator_source,
            name=sheet.text(*setting("name")),
        )
    except ScenarioInputError as error:
        key = "base_year" if error.field == "base year" else "horizon"
        sheet.problem(*setting(key), error.message, "a valid year", sheet.value(*setting(key)))
        raise FileProblemError(sheet.problems) from None
    scenario.notes = sheet.text(*setting("notes"))
    backload = sheet.value(*setting("backload_fraction"))
    if backload is not None and backload != "":  # empty in files written before the setting
        number = sheet.number(*setting("backload_fraction"), "back-loading threshold")
        if number is not None:
            try:
                scenario.set_backload_fraction(number)
            except ScenarioInputError as error:
                sheet.problem(*setting("backload_fraction"), str(error), "0 to 1", backload)
        if sheet.problems:
            raise FileProblemError(sheet.problems)
    return scenario


def _doubtful_exchange_rates(sheet: SheetCells, scenario: Scenario, layout: Layout) -> None:
    """A warning on each typed exchange rate far from its relative-PPP path (typed the
    other way round?); the rate is read as typed."""
    typed = scenario.year_inputs(Measure.EXCHANGE_RATE)
    if np.isnan(typed).all():
        return
    with np.errstate(all="ignore"):  # extreme typed inputs are checked elsewhere
        projection = Projection(scenario)
    for i, j in zip(*np.nonzero(~np.isnan(typed)), strict=True):
        year, rate = int(scenario.years[j]), float(typed[i, j])
        doubt = projection.exchange_rate_doubt(scenario.allies[i].iso3, year, rate)
        if doubt:
            sheet.problem(
                layout.assumption_row("fx", int(i)),
                layout.assumption_column(year),
                doubt,
                "national currency per USD, near the relative-PPP path",
                rate,
                severity="warning",
            )


def _deflator_source(sheet: SheetCells, row: int, column: int) -> DeflatorSource:
    """The default deflator's source; empty (a file before schema 4) is the vintage's."""
    text = _normalise_word(sheet.text(row, column))
    if not text:
        return DeflatorSource.WEO
    for source, words in DEFLATOR_SOURCE_WORDS.items():
        if text in (_normalise_word(words), _normalise_word(source.value)):
            return source
    expected = " or ".join(f"'{words}'" for words in DEFLATOR_SOURCE_WORDS.values())
    sheet.problem(row, column, "unknown default deflator", expected, sheet.value(row, column))
    raise FileProblemError(sheet.problems)


def _optional_year(sheet: SheetCells, row: int, column: int | None) -> int | None:
    """A year in an optional column; empty (or no column) is None."""
    if column is None or sheet.value(row, column) in (None, ""):
        return None
    return sheet.year(row, column, "year")


def _policy_columns(sheet: SheetCells, version: int) -> dict[str, int]:
    headers = {
        _normalise_word(sheet.text(POLICY_HEADER_ROW, c)): c
        for c in range(1, 41)
        if sheet.value(POLICY_HEADER_ROW, c)
    }
    columns: dict[str, int] = {}
    for column in POLICY_COLUMNS:
        found = headers.get(_normalise_word(column.header))
        optional = column.key in OPTIONAL_POLICY_KEYS or (version < 2 and column.key in TARGET_KEYS)
        if found is None and not optional:
            sheet.problem(
                POLICY_HEADER_ROW,
                POLICY_COLUMNS.index(column) + 1,
                "a column of the policy table is missing or renamed",
                repr(column.header),
                sheet.value(POLICY_HEADER_ROW, POLICY_COLUMNS.index(column) + 1),
            )
        elif found is not None:
            columns[column.key] = found
    return columns


def _policies(
    sheet: SheetCells, scenario: Scenario, layout: Layout, version: int, warnings: list[Problem]
) -> None:
    columns = _policy_columns(sheet, version)
    if sheet.problems:
        raise FileProblemError(sheet.problems)
    for i, ally in enumerate(scenario.allies):
        row = layout.policy_row(i)
        found_iso = sheet.text(row, columns["iso3"]).strip().upper()
        if found_iso != ally.iso3:
            below = sheet.text(row + 1, columns["iso3"]).strip().upper()
            shift = row_shift(scenario, i, found_iso, below)
            message = moved_message(shift)
            sheet.problem(row, columns["iso3"], message, ally.iso3, found_iso)
            if shift:
                break  # every row below moved with it: one message says it
            continue
        cells = _AllyCells(sheet, row, columns, ally.name_en, warnings)
        core_kind = _kind(sheet, row, columns["core_policy"], CORE_KINDS, "core budget policy")
        related_kind = _kind(sheet, row, columns["related_policy"], RELATED_KINDS, "related track")
        core, related, targets = CorePolicy(), RelatedTrack(), Targets()
        core = CorePolicy(
            kind=core_kind or core.kind,
            rate_pct=cells.number("rate_pct", core.rate_pct),
            share_pct=cells.number("share_pct", None),
            target_pct=cells.number("target_pct", core.target_pct),
            target_year=cells.year("target_year", core.target_year),
            growth_until=_optional_year(sheet, row, columns.get("growth_until")),
        )
        related = RelatedTrack(
            kind=related_kind or related.kind,
            share_pct=cells.number("related_share_pct", related.share_pct),
            target_pct=cells.number("related_target_pct", related.target_pct),
            target_year=cells.year("related_target_year", related.target_year),
        )
        if "core_target_pct" in columns:  # schema 1: every ally on the Hague targets
            targets = Targets(
                cells.number("core_target_pct", targets.core_pct),
                cells.number("total_target_pct", targets.total_pct),
            )
        if core_kind is None or related_kind is None or has_problem(sheet, row):
            continue
        apply_at(sheet, row, columns["core_policy"], scenario.set_core_policy, ally.iso3, core)
        apply_at(
            sheet, row, columns["related_policy"], scenario.set_related_track, ally.iso3, related
        )
        column = columns.get("core_target_pct", columns["iso3"])
        apply_at(sheet, row, column, scenario.set_targets, ally.iso3, targets)
    _warn_edited_base_figures(sheet, scenario, layout, columns)


#: Grey policy-table columns the formulas use, and the base-year figure each must hold.
BASE_FIGURE_COLUMNS = {
    "base_gdp_bn": "gdp_bn",
    "base_budget_mn": "core_budget_mn",
    "base_share_pct": "core_share_pct",
    "fx_per_usd": "fx_per_usd",
}


def _warn_edited_base_figures(
    sheet: SheetCells, scenario: Scenario, layout: Layout, columns: dict[str, int]
) -> None:
    """One warning naming the grey base-year cells that no longer hold NATO's figures."""
    edited: list[str] = []
    for key, attribute in BASE_FIGURE_COLUMNS.items():
        if key not in columns:
            continue
        figures = getattr(scenario.base, attribute)
        for i in range(len(scenario.allies)):
            row, column = layout.policy_row(i), columns[key]
            raw = sheet.value(row, column)
            expected = float(figures[i])
            if math.isnan(expected):
                same = raw is None
            else:
                same = (
                    isinstance(raw, (int, float))
                    and not isinstance(raw, bool)
                    and math.isclose(raw, expected, rel_tol=1e-9, abs_tol=1e-12)
                )
            if not same:
                edited.append(cell_name(column, row))
    if edited:
        sheet.problem(
            *cell_position(edited[0]),
            f"{len(edited)} grey base-year cell(s) of the policy table differ from NATO's "
            f"figures ({list_cells(edited)}): natoplanner ignores them, but the spreadsheet's "
            "formulas use them, so its Results differ until natoplanner saves the file (which "
            "restores NATO's figures)",
            "NATO's base-year figures",
            sheet.value(*cell_position(edited[0])),
            severity="warning",
        )


class _AllyCells:
    """The policy-table cells of one ally; an empty cell takes the default, with a warning."""

    def __init__(
        self,
        sheet: SheetCells,
        row: int,
        columns: dict[str, int],
        ally: str,
        warnings: list[Problem],
    ) -> None:
        self.sheet, self.row, self.columns, self.ally, self.warnings = (
            sheet,
            row,
            columns,
            ally,
            warnings,
        )

    def _defaulted(self, column: int, value, default):
        if value is not None or default is None or has_problem(self.sheet, self.row, column):
            return value
        self.warnings.append(
            Problem(
                str(self.sheet.file),
                f"{self.ally}: empty cell read as {default:g}",
                self.sheet.name,
                cell_name(column, self.row),
                severity="warning",
            )
        )
        return default

    def number(self, key: str, default: float | None) -> float | None:
        column = self.columns[key]
        value = self.sheet.number(
            self.row, column, f"{self.ally}: {key.replace('_', ' ')}", key in PERCENT_POLICY_KEYS
        )
        return self._defaulted(column, value, default)

    def year(self, key: str, default: int) -> int:
        column = self.columns[key]
        value = self.sheet.year(self.row, column, f"{self.ally}: {key.replace('_', ' ')}")
        return self._defaulted(column, value, default)


def policy_word(text: str) -> str:
    """A drop-down word as the workbook's formulas compare it: TRIM (spaces only), any case."""
    return " ".join(part for part in text.split(" ") if part).lower()


def _kind(sheet: SheetCells, row: int, column: int, kinds: dict, what: str):
    text = policy_word(sheet.text(row, column))
    if text in kinds:
        return kinds[text]
    sheet.problem(
        row, column, f"unknown {what}", "one of " + ", ".join(kinds), sheet.value(row, column)
    )
    return None
