"""NATO's edition workbook ("def-exp-2026-en.xlsx") → a NATO edition vintage.

Layout (as read by the parser data/SOURCES.md names, GitHub
``aiutononesistonousername/leave-the-gun-take-the-cannoli``,
``cannoli/transform.py``): sheets "Table 1" … "Table 8b"; each sheet holds
titled blocks. A block's header row has years from column B ("2014" … with
"2025e"-style labels for estimates); its title is the nearest text-only row
above; allies run down column A (NATO's spellings, "(Euros)" suffixes, a
trailing "*"), followed by the aggregates; the block ends at an empty
column A or a "Notes" row.

Blocks read: Table 1 "Current prices" (million national currency), Table 2
"Current prices and exchange rates" (USD million), Table 3 "Share of real
GDP (%)" and "Annual real change (%)", Table 5 "Current prices and exchange
rates" and "Constant <year> prices and exchange rates" (USD million), Table
8a "Equipment". Derived columns follow data/SOURCES.md §1 (rounded as the
bundled file is: GDP to 0.001 bn, shares and growth to 0.01).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from natoplanner.core.allies import AllyRegistry
from natoplanner.core.vintages import NATO_REQUIRED, FigureTable, Provenance, Vintage, VintageKind
from natoplanner.io.errors import FileProblemError, Problem
from natoplanner.io.sources.country_names import is_region_or_total
from natoplanner.io.sources.tabular import RawSheet, RawTable
from natoplanner.io.vintages.files import CellReader, open_source, text_of, year_label

NATO_PUBLISHER = "NATO Public Diplomacy Division"
#: (sheet, title pattern) → measure; "gdp_usd_million_*" are raw Table 5 figures.
BLOCKS = (
    ("Table 1", re.compile(r"^current prices", re.I), "defence_exp_national_million"),
    ("Table 2", re.compile(r"^current prices", re.I), "defence_exp_usd_million_current"),
    ("Table 3", re.compile(r"share of (real )?gdp", re.I), "defence_share_gdp_pct"),
    ("Table 3", re.compile(r"annual real change", re.I), "defence_real_change_pct"),
    ("Table 5", re.compile(r"^current prices", re.I), "gdp_usd_million_current"),
    ("Table 5", re.compile(r"^constant \d{4} prices", re.I), "gdp_usd_million_constant"),
    ("Table 8a", re.compile(r"^equipment", re.I), "equipment_share_pct"),
)
REQUIRED_SHEETS = ("Table 1", "Table 2", "Table 3", "Table 5")
#: A one-year change of real GDP beyond this (%) is a series break (Luxembourg's
#: switch to GNI in 2023: −32%), not growth; the largest real change in the
#: bundled edition is 15%.
SERIES_BREAK_PCT = 20.0
_CUTOFF = re.compile(r"cut-?off date[^0-9]{0,40}(\d{1,2}) (\w+) ((?:19|20)\d{2})", re.I)
_MONTHS = "january february march april may june july august september october november december"


@dataclass
class _Block:
    sheet: str
    title: str
    header_row: int
    years: list[tuple[int, int, bool]]  # (column, year, is_estimate)
    rows: dict[str, int]  # iso3 → row


def is_nato_edition(table: RawTable) -> bool:
    """True when ``table`` has NATO's "Table 1", "Table 2", "Table 3" and "Table 5" sheets."""
    names = {n.casefold() for n in table.sheet_names}
    return all(s.casefold() in names for s in REQUIRED_SHEETS)


def read_nato_edition(
    path: str | Path,
    registry: AllyRegistry,
    *,
    name: str | None = None,
    imported_at: str | None = None,
) -> Vintage:
    """Read NATO's edition workbook as a vintage (see the module docstring).

    Raises
    ------
    FileProblemError
        A required table or block absent; an ally with armed forces missing
        (all listed); a row that is neither an ally nor an aggregate; a figure
        that is not a number; years that differ between tables. Each names
        its sheet and cell.
    """
    table = open_source(path)
    sheets = {n.casefold(): n for n in table.sheet_names}
    absent = [s for s in REQUIRED_SHEETS if s.casefold() not in sheets]
    if absent:
        raise FileProblemError.at(
            table.path,
            "this is not NATO's edition workbook: " + ", ".join(absent) + " missing",
            expected="sheets 'Table 1' … 'Table 8b'",
            found=", ".join(table.sheet_names[:10]),
        )
    problems: list[Problem] = []
    raw: dict[str, np.ndarray] = {}
    estimate_years: set[int] = set()
    years_seen: dict[str, list[int]] = {}
    present: dict[str, set[str]] = {}
    notes: list[str] = []
    cutoff = ""
    for sheet_name, pattern, measure in BLOCKS:
        actual = sheets.get(sheet_name.casefold())
        if actual is None:
            continue
        sheet = table.sheet(actual)
        reader = CellReader(table, sheet)
        block = _find_block(sheet, pattern, registry, reader)
        cutoff = cutoff or _cutoff(sheet)
        if block is None:
            problems += reader.problems
            if measure in NATO_REQUIRED or measure == "gdp_usd_million_current":
                problems.append(
                    Problem(
                        str(table.path),
                        f"no block titled like '{pattern.pattern}'",
                        actual,
                        expected="a title row above a header row of years",
                        found=None,
                    )
                )
            continue
        years = [y for _, y, _ in block.years]
        years_seen[f"{actual} '{block.title}'"] = years
        estimate_years |= {y for _, y, e in block.years if e}
        matrix = np.full((len(registry), len(years)), np.nan)
        for iso3, row in block.rows.items():
            r = registry.index_of(iso3)
            for k, (col, year, _) in enumerate(block.years):
                matrix[r, k] = reader.number(row, col, f"{iso3} {year}")
        if measure in _AMOUNT_MEASURES:
            scale, note = _amount_scale(sheet, block, reader)
            matrix *= scale
            if note:
                notes.append(note)
        problems += reader.problems
        raw[measure] = matrix
        present[measure] = set(block.rows)
    if problems:
        raise FileProblemError(problems[:50])
    distinct = {tuple(v) for v in years_seen.values()}
    if len(distinct) > 1:
        listing = "; ".join(f"{k}: {v[0]}-{v[-1]}" for k, v in years_seen.items())
        raise FileProblemError.at(
            table.path,
            "the tables cover different years",
            expected="the same years",
            found=listing,
        )
    years = list(next(iter(distinct)))
    if years != list(range(years[0], years[-1] + 1)):
        raise FileProblemError.at(
            table.path,
            "the years are not consecutive",
            expected="consecutive years",
            found=", ".join(map(str, years)),
        )
    armed = [a.iso3 for a in registry if not a.no_armed_forces]
    missing_required = sorted(
        {
            iso3
            for m in (*NATO_REQUIRED[:3], "gdp_usd_million_current")
            for iso3 in armed
            if iso3 not in present.get(m, set())
        }
    )
    if missing_required:
        raise FileProblemError.at(
            table.path,
            f"{len(missing_required)} allies with armed forces are missing from Tables 1, 2, 3 "
            "or 5: " + ", ".join(missing_required),
            expected="every ally but Iceland",
            found=f"{len(armed) - len(missing_required)} allies",
        )
    values, derived_notes = _derive(raw, registry, years)
    notes += derived_notes
    covered = set.intersection(*(present[m] for m in present))
    estimate = np.zeros((len(registry), len(years)), dtype=bool)
    for iso3 in covered:
        estimate[registry.index_of(iso3), [years.index(y) for y in sorted(estimate_years)]] = True
    first, last = years[0], years[-1]
    default_name = f"NATO {last} edition ({first}-{last})" + (
        f", cut-off {cutoff}" if cutoff else ""
    )
    missing = tuple(a.iso3 for a in registry if a.iso3 not in covered)
    return Vintage(
        name=name or default_name,
        kind=VintageKind.NATO_EDITION,
        publisher=NATO_PUBLISHER,
        release_date="",
        cutoff=cutoff,
        provenance=Provenance(Path(table.path).name, "Table 1 … Table 8a", imported_at or _now()),
        figures=FigureTable(registry.iso3_codes, np.arange(first, last + 1), values, estimate),
        missing=missing,
        notes=tuple(notes),
    )


#: Measures in money: NATO's tables give them in millions, as their titles say.
_AMOUNT_MEASURES = frozenset(
    {
        "defence_exp_national_million",
        "defence_exp_usd_million_current",
        "gdp_usd_million_current",
        "gdp_usd_million_constant",
    }
)
_SCALE_WORDS = (
    (re.compile(r"\bbillions?\b", re.I), 1000.0),
    (re.compile(r"\bmillions?\b", re.I), 1.0),
)


def _amount_scale(sheet: RawSheet, block: _Block, reader: CellReader) -> tuple[float, str]:
    """(factor to million, note) from the sheet's title rows above the block."""
    texts = [
        text_of(c)
        for cells in sheet.rows[: block.header_row + 1]
        for c in cells[:1]
        if isinstance(c, str)
    ]
    found = {factor for pattern, factor in _SCALE_WORDS for t in texts if pattern.search(t)}
    if len(found) == 1:
        return found.pop(), ""
    if len(found) > 1:
        reader.problem(
            block.header_row,
            0,
            "the title says both million and billion",
            "one unit for the table",
            "; ".join(texts)[:60],
        )
        return 1.0, ""
    return 1.0, f"{sheet.name}: no unit in the title, read as million (NATO's tables)"


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _find_block(
    sheet: RawSheet, pattern: re.Pattern, registry: AllyRegistry, reader: CellReader
) -> _Block | None:
    title = ""
    row = 0
    while row < sheet.n_rows:
        cells = sheet.rows[row]
        years = _header_years(cells)
        if years:
            body, end = _body(sheet, row + 1, registry, reader)
            if pattern.search(title):
                return _Block(sheet.name, title, row, years, body)
            row = end
            continue
        first = text_of(cells[0]) if cells else ""
        if first and all(text_of(c) == "" for c in cells[1:]):
            title = first
        row += 1
    return None


def _header_years(cells: list) -> list[tuple[int, int, bool]]:
    years = []
    for col in range(1, len(cells)):
        label = year_label(cells[col])
        if label is None:
            if years:
                break
            if text_of(cells[col]) == "":
                continue
            return []
        years.append((col, label[0], label[1]))
    return years if len(years) >= 3 else []


def _clean_name(text: str) -> str:
    return text.split(" (")[0].strip().rstrip("*").strip()


def _body(
    sheet: RawSheet, start: int, registry: AllyRegistry, reader: CellReader
) -> tuple[dict[str, int], int]:
    rows: dict[str, int] = {}
    row = start
    while row < sheet.n_rows:
        label = text_of(sheet.cell(row, 0))
        if not label or label.casefold().startswith("note"):
            break
        name = _clean_name(label)
        ally = registry.match(name)
        if ally is not None:
            if ally.iso3 in rows:
                reader.problem(
                    row,
                    0,
                    f"{ally.name_en} appears twice in the block "
                    f"(first on row {rows[ally.iso3] + 1})",
                    "one row per ally",
                    label,
                )
            rows[ally.iso3] = row
        elif not is_region_or_total(name):
            suggestion = registry.suggest(name)
            hint = f" (did you mean {suggestion.name_en}?)" if suggestion else ""
            reader.problem(
                row,
                0,
                f"'{label}' is neither an ally nor a NATO aggregate{hint}",
                "an ally or an aggregate row",
                label,
            )
        row += 1
    return rows, row


def _cutoff(sheet: RawSheet) -> str:
    for cells in sheet.rows:
        for cell in cells[:2]:
            match = _CUTOFF.search(text_of(cell))
            if match and match.group(2).casefold() in _MONTHS.split():
                month = _MONTHS.split().index(match.group(2).casefold()) + 1
                return f"{match.group(3)}-{month:02d}-{int(match.group(1)):02d}"
    return ""


def _derive(
    raw: dict[str, np.ndarray], registry: AllyRegistry, years: list[int]
) -> tuple[dict[str, np.ndarray], list[str]]:
    """The bundled file's columns from NATO's tables (data/SOURCES.md §1)."""
    values = {m: raw[m] for m in raw if not m.startswith("gdp_usd_million")}
    notes = []
    gdp_usd = raw["gdp_usd_million_current"]
    national = raw["defence_exp_national_million"]
    usd = raw["defence_exp_usd_million_current"]
    with np.errstate(divide="ignore", invalid="ignore"):
        values["gdp_usd_billion_current"] = np.round(gdp_usd / 1000, 3)
        values["defence_share_gdp_pct_nominal_derived"] = np.round(usd / gdp_usd * 100, 2)
        values["gdp_national_billion_derived"] = np.round(gdp_usd / 1000 * national / usd, 3)
        constant = raw.get("gdp_usd_million_constant")
        if constant is not None:
            growth = np.full_like(constant, np.nan)
            growth[:, 1:] = np.round((constant[:, 1:] / constant[:, :-1] - 1) * 100, 2)
            breaks = np.abs(growth) > SERIES_BREAK_PCT
            for r, c in zip(*np.nonzero(breaks), strict=True):
                notes.append(
                    f"{registry.iso3_codes[r]} {years[c]}: real GDP changes by "
                    f"{growth[r, c]:+.1f}% in one year, read as a series break (such as GNI in "
                    "place of GDP); growth left empty"
                )
            growth[breaks] = np.nan
            values["real_gdp_growth_pct_derived"] = growth
        else:
            notes.append("Table 5 at constant prices not found: real GDP growth not derived")
    for matrix in values.values():
        matrix[~np.isfinite(matrix)] = np.nan
    return values, notes
