"""Read a scenario back from its workbook: ``Assumptions`` is the truth.

Every cell is parsed leniently (numbers typed as text, "2,5", cleared cells)
and every problem is reported with its sheet and cell. ``Results`` is only
checked: formulas replaced by hand are ignored with a warning, since the
projection is recomputed from the assumptions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

from natoplanner.core.dataset import Dataset
from natoplanner.core.scenario import Scenario
from natoplanner.io.errors import FileProblemError, Problem
from natoplanner.io.workbook.extras import not_kept
from natoplanner.io.workbook.fiscal_rules import ALLY_HEADERS, rule_cells
from natoplanner.io.workbook.layout import (
    ASSUMPTION_BLOCKS,
    POLICY_COLUMNS,
    SCHEMA_VERSION,
    SETTING_ROW,
    SETTING_VALUE_LAST_COLUMN,
    SHEET_ABOUT,
    SHEET_ASSUMPTIONS,
    SHEET_RESULTS,
    Layout,
)
from natoplanner.io.workbook.sheets.about import read_schema_version
from natoplanner.io.workbook.sheets.assumptions_read import scenario_from_assumptions
from natoplanner.io.workbook.sheets.assumptions_write import assumption_cells
from natoplanner.io.workbook.sheets.cell_reading import (
    SheetCells,
    rows_and_percent_cells,
    sheet_rows,
)
from natoplanner.io.workbook.sheets.results import hand_edited_results
from natoplanner.io.workbook.sheets.vintages import SHEET_VINTAGES, workbook_dataset
from natoplanner.io.xlsx_safety import XlsxLimits, check_xlsx_container

#: A scenario workbook is small; anything far larger is not one of ours. Rows and
#: cells are counted on the sheets read (a colleague's own sheets, or LibreOffice
#: declaring row 1,048,576 after a deleted row, do not make the file absurd).
SCENARIO_LIMITS = XlsxLimits(
    max_file_bytes=50_000_000,
    max_total_bytes=200_000_000,
    max_rows=100_000,
    max_columns=16_384,
    max_cells=5_000_000,
    checked_sheets=frozenset({SHEET_ABOUT, SHEET_ASSUMPTIONS, SHEET_RESULTS, SHEET_VINTAGES}),
)


@dataclass
class LoadedScenario:
    """A scenario read from a workbook, with what the reader noticed.

    ``warnings`` lists problems that did not stop the load (hand-edited
    ``Results`` cells ignored, an older schema migrated, edited reference
    cells ignored, empty parameters replaced by their default).
    """

    scenario: Scenario
    warnings: list[Problem] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION
    #: What a colleague added that a natoplanner Save would drop (own sheets, notes beside
    #: the tables, comments, pictures, filters), one warning per kind, each naming it.
    not_kept: list[Problem] = field(default_factory=list)


def read_workbook(path: Path, dataset: Dataset | None = None) -> LoadedScenario:
    """Read the scenario in ``path`` (see :func:`natoplanner.io.workbook.files.read_scenario`)."""
    path = Path(path)
    info = check_xlsx_container(path, SCENARIO_LIMITS)
    for sheet in (SHEET_ABOUT, SHEET_ASSUMPTIONS):
        if sheet not in info.sheet_names:
            raise FileProblemError.at(
                path,
                "this is not a natoplanner scenario workbook (to read data from another "
                "spreadsheet, "
                "use Import)",
                sheet=sheet,
                expected=f"a sheet named '{sheet}'",
                found="sheets " + ", ".join(repr(s) for s in info.sheet_names[:8]),
            )
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except FileProblemError:
        raise
    except Exception as error:  # openpyxl raises many kinds on malformed parts
        raise FileProblemError.at(
            path,
            "the workbook cannot be read",
            expected="a valid .xlsx workbook",
            found=f"{type(error).__name__}: {error}",
        ) from None
    try:
        return _read(
            path, workbook, dataset or Dataset.bundled(), info.sheet_names, info.sheet_parts
        )
    finally:
        workbook.close()


def _read(
    path: Path,
    workbook,
    dataset: Dataset,
    sheet_names: list[str],
    sheet_parts: dict[str, str] | None = None,
) -> LoadedScenario:
    sheet_parts = sheet_parts or {}
    warnings: list[Problem] = []
    errors: list[Problem] = []
    version = read_schema_version(
        path, SheetCells(path, SHEET_ABOUT, sheet_rows(workbook, SHEET_ABOUT, 60, 2), errors)
    )
    if version < SCHEMA_VERSION:
        warnings.append(
            Problem(
                str(path),
                f"written with workbook schema {version}; read as schema "
                f"{SCHEMA_VERSION} (saving writes the new schema)",
                SHEET_ABOUT,
                severity="warning",
            )
        )
    dataset = workbook_dataset(path, workbook, sheet_names, dataset)  # its stored vintages
    n_allies = len(dataset.registry)
    last_row = Layout(n_allies, dataset_base_year(dataset)).assumption_block_title_row(
        len(ASSUMPTION_BLOCKS)
    )
    rows, percent_cells = rows_and_percent_cells(workbook, SHEET_ASSUMPTIONS, last_row + 40, 40)
    scenario, assumption_warnings = scenario_from_assumptions(
        path, rows, dataset, version, percent_cells
    )
    warnings.extend(assumption_warnings)
    layout = Layout.of_schema(n_allies, scenario.base_year, version)
    if SHEET_RESULTS in sheet_names:
        part = sheet_parts.get(SHEET_RESULTS)
        warnings.extend(hand_edited_results(path, workbook, scenario, layout, part, version))
    extras = not_kept(path, sheet_parts, rows, assumption_area(scenario, layout))
    return LoadedScenario(scenario, warnings, version, extras)


def assumption_area(scenario: Scenario, layout: Layout) -> set[tuple[int, int]]:
    """Every 'Assumptions' cell natoplanner writes or reads, empty input cells included."""
    area = set(assumption_cells(scenario, layout))
    rules = set(rule_cells(scenario, layout))  # the escape-clause block (sheets/fiscal_room.py)
    area |= rules
    area.update(
        (row, column) for row in {r for r, _ in rules} for column in range(1, len(ALLY_HEADERS) + 1)
    )
    for key in SETTING_ROW.values():
        area.update((key, column) for column in range(1, SETTING_VALUE_LAST_COLUMN + 1))
    area.update(
        (layout.policy_row(i), column)
        for i in range(layout.n_allies)
        for column in range(1, len(POLICY_COLUMNS) + 1)
    )
    years = list(layout.projection_years)
    for index in range(len(layout.assumption_blocks)):
        top = layout.assumption_block_title_row(index) + 2
        area.update(
            (top + i, layout.assumption_column(year))
            for i in range(layout.n_allies)
            for year in years
        )
    return area


def dataset_base_year(dataset: Dataset) -> int:
    """Any base year: block rows do not depend on it (only year columns do)."""
    return int(dataset.history_years[-1])
