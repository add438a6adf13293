"""The ``Vintages`` sheet: figures of every imported vintage and reference series a scenario uses.

A colleague who opens the workbook has no copy of the WEO download or NATO's
edition workbook the scenario was built on; this sheet carries their
figures, so the workbook gives the same projection anywhere. Bundled
vintages are named (About sheet) but not copied: every natoplanner has them.

Layout: a title, then one row per vintage (name, kind, use, publisher,
release, cut-off, provenance, allies not covered, notes) under the header
row :data:`VINTAGE_HEADER`, then a blank row and the figures, one row per
(vintage, ally, measure) under :data:`FIGURE_HEADER` and one column per year
(a row "estimate" marks NATO's estimates and the IMF's projections with 1). natoplanner
reads the sheet back; it is not meant to be edited.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from natoplanner.core.dataset import Dataset
from natoplanner.core.scenario import Scenario
from natoplanner.core.vintages import (
    REFERENCE_MEASURE_LABELS,
    FigureTable,
    Provenance,
    ReferenceSeries,
    Vintage,
    VintageKind,
    figure_table_from_records,
)
from natoplanner.io.errors import FileProblemError, Problem
from natoplanner.io.workbook.cell_text import escape_text, parse_text
from natoplanner.io.workbook.fastsheet import FastCells

SHEET_VINTAGES = "Vintages"
USE_EDITION = "NATO edition"
USE_GDP = "GDP forecast"
USE_REFERENCE = "Reference series"
VINTAGE_HEADER = (
    "Vintage",
    "Kind",
    "Used as",
    "Publisher",
    "Release date",
    "Cut-off",
    "Source file",
    "Source sheet",
    "Imported at (UTC)",
    "Not covered",
    "Notes",
)
FIGURE_HEADER = ("Vintage", "ISO3", "Measure")  # then one column per year
ESTIMATE_ROW = "estimate"
_TITLE_ROW = 1
_VINTAGE_HEADER_ROW = 4


def used_imported_vintages(scenario: Scenario) -> list[tuple[str, Vintage]]:
    """(use, vintage) for each vintage the scenario uses that did not ship with natoplanner."""
    edition, gdp = scenario.vintages_used()
    return [(use, v) for use, v in ((USE_EDITION, edition), (USE_GDP, gdp)) if not v.bundled]


def write_vintage_sheet(workbook: Workbook, scenario: Scenario) -> list[FastCells]:
    """Add the ``Vintages`` sheet when the scenario uses an imported vintage or reference.

    Returns the sheet's cells for :class:`~natoplanner.io.workbook.fastsheet.FastCells`'
    save (an empty list when there is no sheet).
    """
    used: list[tuple[str, Vintage | ReferenceSeries]] = list(used_imported_vintages(scenario))
    used += [(USE_REFERENCE, r) for r in scenario.dataset.references]
    if not used:
        return []
    fast = FastCells(workbook, workbook.create_sheet(SHEET_VINTAGES))
    bold = fast.style(font=Font(bold=True))
    fast.text(_TITLE_ROW, 1, "Imported data vintages this scenario uses", bold)
    fast.text(
        _TITLE_ROW + 1,
        1,
        "natoplanner reads these figures back when it opens the file, so the projection is the "
        "same without the source files. Do not edit. Row 'estimate': 1 = NATO estimate or IMF "
        "projection.",
    )
    for col, text in enumerate(VINTAGE_HEADER, start=1):
        fast.text(_VINTAGE_HEADER_ROW, col, text, bold)
    for offset, (use, vintage) in enumerate(used, start=1):
        provenance = vintage.provenance
        is_reference = isinstance(vintage, ReferenceSeries)
        values = (
            vintage.name,
            vintage.measure if is_reference else vintage.kind.value,
            use,
            vintage.publisher,
            vintage.release_date,
            "" if is_reference else vintage.cutoff,
            provenance.file,
            provenance.sheet,
            provenance.imported_at,
            "" if is_reference else ", ".join(vintage.missing),
            vintage.definition if is_reference else " | ".join(vintage.notes),
        )
        for col, value in enumerate(values, start=1):
            if value:
                fast.text(_VINTAGE_HEADER_ROW + offset, col, escape_text(value))
    first = min(v.figures.first_year for _, v in used)
    last = max(v.figures.last_year for _, v in used)
    header_row = _VINTAGE_HEADER_ROW + len(used) + 2
    for col, text in enumerate(FIGURE_HEADER, start=1):
        fast.text(header_row, col, text, bold)
    for year in range(first, last + 1):
        fast.number(header_row, len(FIGURE_HEADER) + 1 + year - first, year, bold)
    row = header_row + 1
    for _, vintage in used:
        name = escape_text(vintage.name)
        figures = vintage.figures
        offset = len(FIGURE_HEADER) + 1 + figures.first_year - first
        rows = [(m, figures.matrix(m)) for m in figures.measures]
        rows.append((ESTIMATE_ROW, figures.estimate.astype(float)))
        for r, iso3 in enumerate(figures.allies):
            for measure, matrix in rows:
                values = matrix[r]
                present = ~np.isnan(values) & (values != 0 if measure == ESTIMATE_ROW else True)
                if not present.any():
                    continue
                fast.text(row, 1, name)
                fast.text(row, 2, iso3)
                fast.text(row, 3, measure)
                for c in np.nonzero(present)[0]:
                    fast.number(row, offset + int(c), float(values[c]))
                row += 1
    for col, width in zip("ABCDEFGHIJK", (34, 14, 14, 28, 12, 12, 24, 14, 20, 14, 60), strict=True):
        fast.worksheet.column_dimensions[col].width = width
    return [fast]


def workbook_dataset(path: Path, workbook, sheet_names: list[str], dataset: Dataset) -> Dataset:
    """The data a saved scenario rests on: ``dataset``'s bundled data plus its stored vintages.

    Without a ``Vintages`` sheet the scenario used only bundled vintages, whatever
    ``dataset`` (the caller's, perhaps on an imported edition) holds.
    """
    if SHEET_VINTAGES in sheet_names:
        return dataset_with_stored_vintages(path, list(workbook[SHEET_VINTAGES].values), dataset)
    if not dataset.imported_vintages and not dataset.references:
        return dataset
    return dataset.with_vintages(
        edition=dataset.bundled_vintages()[0], gdp_vintages=(), references=()
    )


def dataset_with_stored_vintages(path: Path, rows: list[tuple], dataset: Dataset) -> Dataset:
    """``dataset`` with the vintages stored in a ``Vintages`` sheet (its cell values).

    Raises
    ------
    FileProblemError
        A row that cannot be read, naming the cell.
    """
    problems: list[Problem] = []

    def problem(row: int, col: int, message: str, expected: str, found: object) -> None:
        problems.append(
            Problem(
                str(path),
                message,
                SHEET_VINTAGES,
                f"{get_column_letter(col + 1)}{row + 1}",
                expected,
                None if found is None else str(found)[:60],
            )
        )

    def cell(row: int, col: int) -> object:
        values = rows[row] if row < len(rows) else ()
        return values[col] if col < len(values) else None

    def text(row: int, col: int) -> str:
        value = cell(row, col)
        return "" if value is None else parse_text(value).strip()

    header = tuple(text(_VINTAGE_HEADER_ROW - 1, c) for c in range(len(VINTAGE_HEADER)))
    if header != VINTAGE_HEADER:
        problem(
            _VINTAGE_HEADER_ROW - 1,
            0,
            "not the vintages table",
            ", ".join(VINTAGE_HEADER),
            ", ".join(header),
        )
        raise FileProblemError(problems)
    meta: dict[str, tuple[str, dict[str, str], int]] = {}
    row = _VINTAGE_HEADER_ROW
    while text(row, 0):
        name = text(row, 0)
        fields = {key: text(row, c) for c, key in enumerate(VINTAGE_HEADER)}
        if fields["Used as"] not in (USE_EDITION, USE_GDP, USE_REFERENCE):
            problem(
                row,
                2,
                "unknown use",
                f"{USE_EDITION}, {USE_GDP} or {USE_REFERENCE}",
                fields["Used as"],
            )
        elif fields["Used as"] == USE_REFERENCE:
            if fields["Kind"] not in REFERENCE_MEASURE_LABELS:
                problem(
                    row, 1, "unknown measure", ", ".join(REFERENCE_MEASURE_LABELS), fields["Kind"]
                )
        else:
            try:
                VintageKind(fields["Kind"])
            except ValueError:
                problem(
                    row, 1, "unknown kind", ", ".join(k.value for k in VintageKind), fields["Kind"]
                )
        meta[name] = (fields["Used as"], fields, row)
        row += 1
    figure_header = row + 1
    if tuple(text(figure_header, c) for c in range(len(FIGURE_HEADER))) != FIGURE_HEADER:
        problem(
            figure_header,
            0,
            "not the figures table",
            ", ".join(FIGURE_HEADER),
            text(figure_header, 0),
        )
        raise FileProblemError(problems)
    header = rows[figure_header] if figure_header < len(rows) else ()
    year_columns = [
        (c, int(v))
        for c, v in enumerate(header)
        if c >= len(FIGURE_HEADER) and isinstance(v, (int, float)) and float(v).is_integer()
    ]
    codes = dataset.registry.iso3_codes
    records: dict[str, list[tuple[str, int, str, float, bool]]] = {name: [] for name in meta}
    estimates: dict[str, set[tuple[str, int]]] = {name: set() for name in meta}
    for r in range(figure_header + 1, len(rows)):
        name = text(r, 0)
        if not name:
            continue
        if name not in meta:
            problem(r, 0, "figure of a vintage not listed above", "a listed vintage", name)
            continue
        iso3, measure = text(r, 1), text(r, 2)
        if iso3 not in codes:
            problem(r, 1, "not an ally's ISO3 code", "an ally", iso3)
            continue
        for c, year in year_columns:
            value = cell(r, c)
            if value is None or value == "":
                continue
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not (math.isfinite(value))
            ):
                problem(r, c, "not a number", "a number", value)
                continue
            if measure == ESTIMATE_ROW:
                estimates[name].add((iso3, year))
            else:
                records[name].append((iso3, year, measure, float(value), False))
    for name in meta:
        flagged = estimates[name]
        records[name] = [
            (iso3, year, m, v, (iso3, year) in flagged) for iso3, year, m, v, _ in records[name]
        ]
    if problems:
        raise FileProblemError(problems[:50])
    edition: Vintage | None = None
    gdp: list[Vintage] = []
    references: list[ReferenceSeries] = []
    for name, (use, fields, meta_row) in meta.items():
        if not records[name]:
            problem(meta_row, 0, "the vintage has no figures below", "its figures", name)
            continue
        figures: FigureTable = figure_table_from_records(codes, records[name])
        provenance = Provenance(
            fields["Source file"], fields["Source sheet"], fields["Imported at (UTC)"]
        )
        if use == USE_REFERENCE:
            references.append(
                ReferenceSeries(
                    name=name,
                    publisher=fields["Publisher"],
                    measure=fields["Kind"],
                    definition=fields["Notes"],
                    provenance=provenance,
                    figures=figure_table_from_records(codes, records[name], (fields["Kind"],)),
                    release_date=fields["Release date"],
                )
            )
            continue
        vintage = Vintage(
            name=name,
            kind=VintageKind(fields["Kind"]),
            publisher=fields["Publisher"],
            release_date=fields["Release date"],
            cutoff=fields["Cut-off"],
            provenance=provenance,
            figures=figures,
            missing=tuple(c for c in fields["Not covered"].split(", ") if c),
            notes=tuple(n for n in fields["Notes"].split(" | ") if n),
        )
        if use == USE_EDITION:
            edition = vintage
        else:
            gdp.append(vintage)
    if problems:
        raise FileProblemError(problems)
    try:
        return dataset.with_vintages(
            edition=edition or dataset.bundled_vintages()[0],
            gdp_vintages=tuple(gdp),
            references=tuple(references),
        )
    except ValueError as error:
        raise FileProblemError.at(path, str(error), sheet=SHEET_VINTAGES) from None
