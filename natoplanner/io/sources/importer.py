"""Import figures from a spreadsheet into a scenario: preview, plan, apply.

The flow the GUI's import dialog and the command line share::

    table = read_table(path)                       # raw cells (tabular.py)
    detection = detect(table)                      # guessed ImportSettings + notes
    preview = preview_import(table, detection.settings, scenario)
    # the user corrects: settings = preview.settings.with_changes(unit=Unit.PERCENT)
    preview = preview_import(table, settings, scenario)
    summary = apply_plan(scenario, preview.plan)   # one step; state() before it undoes it

Every value cell of the table gets a :class:`CellReport` (ok, skipped with
the reason, invalid with the reason) with its address ("Sheet1!C7"); the
:class:`ImportPlan` lists the scenario inputs that will change, in scenario
units, and everything skipped or not matched. The preview is built in
:mod:`natoplanner.io.sources.preview` (rows and labels, value cells, the unit check).

Mapping to scenario inputs (units of :class:`~natoplanner.core.scenario.Measure`):

- core budget → ``CORE_BUDGET`` in million national currency; US dollars are
  converted at NATO's base-year exchange rate (``scenario.base.fx_per_usd``).
- share of GDP → ``CORE_BUDGET``: share × the cost of one point of GDP on
  NATO's basis in that year (``Projection.paths.pp_cost_mn``), so the
  projected share equals the imported one under the scenario's GDP path.
- nominal GDP → ``NOMINAL_GDP`` in billion national currency (USD converted).
- real growth → ``REAL_GROWTH`` (%); inflation → ``DEFLATOR`` (%).
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

from natoplanner.core.scenario import Scenario
from natoplanner.io.errors import FileProblemError
from natoplanner.io.sources.detect import column_index, detect, refuse_contradicting_measure
from natoplanner.io.sources.plan import (
    TARGET_MEASURE,
    CellReport,
    CellStatus,
    Change,
    ImportPlan,
    ImportPreview,
    RowReport,
    SkippedItem,
    UnmatchedName,
    apply_plan,
)
from natoplanner.io.sources.preview.builder import PlanBuilder
from natoplanner.io.sources.settings import (
    Detection,
    ImportSettings,
    Layout,
    SourceMeasure,
    Unit,
    UnitHint,
    units_for,
)
from natoplanner.io.sources.tabular import RawTable, read_table
from natoplanner.io.sources.units import guess_unit

__all__ = [
    "CellReport",
    "CellStatus",
    "Change",
    "Detection",
    "ImportPlan",
    "ImportPreview",
    "ImportSettings",
    "Layout",
    "RowReport",
    "SkippedItem",
    "TARGET_MEASURE",
    "SourceMeasure",
    "Unit",
    "UnmatchedName",
    "apply_plan",
    "detect",
    "plan_file",
    "preview_import",
    "read_table",
    "units_for",
]


# -- building the preview --------------------------------------------------------
def plan_file(
    path: str | Path,
    scenario: Scenario,
    *,
    sheet: str | None = None,
    column: str | None = None,
    measure: SourceMeasure | str | None = None,
    unit: Unit | str | None = None,
) -> ImportPreview:
    """Read, detect and preview ``path`` in one call (the command line's path).

    ``column`` names the value column of a long table (its letter, "C", or
    its heading); the measure and unit then come from that column's header.
    ``measure`` and ``unit`` override the detected ones; when only the
    measure is given, the unit is guessed again for it.

    Raises
    ------
    FileProblemError
        When the file cannot be read, holds no table, names no such column,
        or when ``measure`` contradicts the column's header (a share of GDP
        read as amounts).
    ValueError
        When ``unit`` does not fit ``measure``.
    """
    table = read_table(path)
    detection = detect(table, sheet, dataset=scenario.dataset)
    if column is not None:
        found = detection.settings
        index = column_index(table, table.sheet(found.sheet), found.header_row, column)
        detection = detect(table, found.sheet, dataset=scenario.dataset, column=index)
    settings = detection.settings
    if measure is not None and SourceMeasure(measure) != settings.measure:
        guessed, _ = guess_unit(
            SourceMeasure(measure), _hint_from(settings.unit), [], scenario.dataset
        )
        settings = settings.with_changes(
            measure=SourceMeasure(measure), unit=Unit(unit) if unit is not None else guessed
        )
    elif unit is not None:
        settings = settings.with_changes(unit=Unit(unit))
    if measure is not None:
        refuse_contradicting_measure(table, settings)
    preview = preview_import(table, settings, scenario)
    preview.plan.notes[:0] = list(detection.notes)
    return preview


def _hint_from(unit: Unit) -> UnitHint:
    """Keep the currency and scale the file stated when the user changes the measure."""
    return UnitHint(unit.is_usd, unit.scale) if unit.is_money else UnitHint()


def preview_import(
    table: RawTable,
    settings: ImportSettings,
    scenario: Scenario,
    progress: Callable[[int, int], None] | None = None,
) -> ImportPreview:
    """Classify every value cell under ``settings`` and build the plan for ``scenario``.

    ``progress(rows_done, rows_total)`` is called every few thousand rows; it
    may raise to stop the work (a GUI's cancel button), so a large file never
    runs to its end after the user gave up on it.

    Raises
    ------
    FileProblemError
        When the settings point outside the sheet.
    ValueError
        When the settings are inconsistent (see :meth:`ImportSettings.validate`).
    """
    settings.validate()
    sheet = table.sheet(settings.sheet)
    if settings.header_row >= sheet.n_rows:
        raise FileProblemError.at(
            table.path,
            "the header row is below the end of the sheet",
            sheet=sheet.name,
            expected=f"a row ≤ {sheet.n_rows}",
            found=settings.header_row + 1,
        )
    builder = PlanBuilder(table, sheet, settings, scenario)
    # The preview allocates one small object per cell and row, none cyclic; the
    # collector's full passes over a 200,000-row sheet would double the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        builder.run(progress)
    finally:
        if collecting:
            gc.enable()
    preview = ImportPreview(table, sheet, settings, builder.cells, builder.rows, builder.plan)
    return preview
