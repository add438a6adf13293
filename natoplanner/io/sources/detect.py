"""Guess how a table is laid out and what it measures, for the user to confirm.

Everything here is a guess with its reasons written down
(:attr:`Detection.notes`); :class:`ImportSettings` is what the user sees and
corrects in the import preview, and the importer follows it exactly.

- Sheet: the visible sheet with the most allies (hidden sheets only if no
  visible one has a table).
- Header row: the row in the first 60 with the most year headers (wide
  layout: ``2025``, ``"2025"``, ``"2025e"``, ``"FY2025"``), or a row naming a
  year column and a country column (long layout).
- Country column: the column with the most allies below the header.
- Measure and unit: keywords in the sheet name, title rows and headers
  ("% of GDP", "current US$", "millions", "milliards d'euros"...), then the
  values themselves: shares below 1 are fractions; budgets and GDP without a
  stated unit are compared with NATO's published figures to find the scale.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field, replace
from enum import StrEnum

import numpy as np

from natoplanner.core.allies import Ally, AllyRegistry, normalise_name
from natoplanner.core.dataset import Dataset
from natoplanner.io.errors import FileProblemError
from natoplanner.io.sources import country_names
from natoplanner.io.sources.numbers import NumberTextError, is_missing_marker, parse_number
from natoplanner.io.sources.tabular import RawSheet, RawTable, cell_address

HEADER_SEARCH_ROWS = 60
SAMPLE_ROWS = 2000
FIRST_YEAR, LAST_YEAR = 1900, 2100
MAX_LABEL_CHARS = 120


class Layout(StrEnum):
    """WIDE: one row per country, one column per year. LONG: country, year, value columns."""

    WIDE = "wide"
    LONG = "long"


class SourceMeasure(StrEnum):
    """What the imported figures are (before conversion to scenario inputs)."""

    CORE_BUDGET = "core_budget"
    SHARE_OF_GDP = "share_of_gdp"
    NOMINAL_GDP = "nominal_gdp"
    REAL_GROWTH = "real_growth"
    INFLATION = "inflation"

    @property
    def label(self) -> str:
        return {
            "core_budget": "core defence budget",
            "share_of_gdp": "core defence as a share of GDP",
            "nominal_gdp": "nominal GDP",
            "real_growth": "real GDP growth",
            "inflation": "inflation (used as the GDP deflator)",
        }[self.value]

    @property
    def is_money(self) -> bool:
        return self in (SourceMeasure.CORE_BUDGET, SourceMeasure.NOMINAL_GDP)


class Unit(StrEnum):
    """The unit of the imported figures.

    Money: national currency or US dollars, in units, thousands, millions or
    billions. Rates and shares: percent (4.25 = 4.25%) or fraction (0.0425).
    """

    NATIONAL = "national"
    NATIONAL_THOUSANDS = "national_thousands"
    NATIONAL_MILLIONS = "national_millions"
    NATIONAL_BILLIONS = "national_billions"
    USD = "usd"
    USD_THOUSANDS = "usd_thousands"
    USD_MILLIONS = "usd_millions"
    USD_BILLIONS = "usd_billions"
    PERCENT = "percent"
    FRACTION = "fraction"

    @property
    def is_money(self) -> bool:
        return self not in (Unit.PERCENT, Unit.FRACTION)

    @property
    def is_usd(self) -> bool:
        return self.value.startswith("usd")

    @property
    def scale(self) -> float:
        """Multiplier to whole currency units (money) or to percent (rates)."""
        if self is Unit.FRACTION:
            return 100.0
        for suffix, factor in (("_thousands", 1e3), ("_millions", 1e6), ("_billions", 1e9)):
            if self.value.endswith(suffix):
                return factor
        return 1.0

    @property
    def label(self) -> str:
        if not self.is_money:
            return "percent (4.25 = 4.25%)" if self is Unit.PERCENT else "fraction (0.0425 = 4.25%)"
        size = {1.0: "", 1e3: "thousand ", 1e6: "million ", 1e9: "billion "}[self.scale]
        return f"{size}{'US dollars' if self.is_usd else 'national currency'}".strip()

    @classmethod
    def money(cls, usd: bool, scale: float) -> Unit:
        size = {1.0: "", 1e3: "_thousands", 1e6: "_millions", 1e9: "_billions"}[scale]
        return cls(("usd" if usd else "national") + size)


def units_for(measure: SourceMeasure) -> tuple[Unit, ...]:
    """The units that make sense for ``measure`` (for a unit drop-down)."""
    if SourceMeasure(measure).is_money:
        return tuple(u for u in Unit if u.is_money)
    return (Unit.PERCENT, Unit.FRACTION)


@dataclass(frozen=True)
class ImportSettings:
    """How to read a table; detected, shown in the preview, corrected by the user.

    Rows and columns are 0-based indexes into the sheet's grid (row 0 is
    Excel's row 1). ``year_columns`` pairs each value column with its year
    (wide layout); ``year_column`` and ``value_column`` are for the long layout.
    """

    sheet: str
    header_row: int
    layout: Layout
    country_column: int
    measure: SourceMeasure
    unit: Unit
    year_columns: tuple[tuple[int, int], ...] = ()
    year_column: int | None = None
    value_column: int | None = None

    def with_changes(self, **changes: object) -> ImportSettings:
        """A corrected copy, e.g. ``settings.with_changes(unit=Unit.PERCENT)``; validated."""
        updated = replace(self, **changes)
        updated.validate()
        return updated

    def with_measure(self, measure: SourceMeasure, unit: Unit | None = None) -> ImportSettings:
        """A copy for another measure; keeps the unit if it fits, else the measure's usual unit."""
        measure = SourceMeasure(measure)
        fitting = units_for(measure)
        if unit is None:
            if self.unit in fitting:
                unit = self.unit
            else:
                unit = (
                    Unit.NATIONAL_MILLIONS if measure is SourceMeasure.CORE_BUDGET else fitting[0]
                )
                if measure is SourceMeasure.NOMINAL_GDP:
                    unit = Unit.NATIONAL_BILLIONS
        return self.with_changes(measure=measure, unit=Unit(unit))

    def validate(self) -> None:
        """Raise ValueError when the settings cannot describe a table."""
        if Unit(self.unit) not in units_for(self.measure):
            raise ValueError(
                f"unit '{self.unit.label}' does not fit {self.measure.label}; "
                f"choose one of: {', '.join(u.value for u in units_for(self.measure))}"
            )
        if self.header_row < 0 or self.country_column < 0:
            raise ValueError("header row and country column must be ≥ 0")
        if self.layout is Layout.WIDE and not self.year_columns:
            raise ValueError("a wide table needs at least one year column")
        if self.layout is Layout.LONG and (self.year_column is None or self.value_column is None):
            raise ValueError("a long table needs a year column and a value column")


@dataclass(frozen=True)
class Detection:
    """The guessed settings and, in plain words, why."""

    settings: ImportSettings
    notes: tuple[str, ...] = field(default=())


# -- labels and headers ---------------------------------------------------------
class LabelKind(StrEnum):
    ALLY = "ally"
    REGION = "region or total"
    OTHER_COUNTRY = "not a NATO ally"
    UNKNOWN = "unknown name"
    BLANK = "blank"
    NOT_A_NAME = "not a country name"


@dataclass(frozen=True)
class LabelMatch:
    kind: LabelKind
    text: str
    ally: Ally | None = None
    suggestion: Ally | None = None


_FOOTNOTE = re.compile(r"(\s*(\[[a-z0-9]{1,3}\]|\([a-z0-9]\)|[*†‡§¶#]+|\d))+$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean_label(cell: object) -> str:
    """Label text without control characters, footnote marks or surrounding spaces."""
    if isinstance(cell, float):
        return ""
    text = _CONTROL.sub("", str(cell)).strip()
    return _FOOTNOTE.sub("", text).strip() if len(text) <= MAX_LABEL_CHARS else text


def classify_label(cell: object, registry: AllyRegistry) -> LabelMatch:
    """Is this country cell an ally, a region or total, another country, or unknown?"""
    text = clean_label(cell)
    if not text or is_missing_marker(text):
        return LabelMatch(LabelKind.BLANK, text)
    if (
        len(text) > MAX_LABEL_CHARS
        or text.startswith(("=", "+", "@"))
        or not any(c.isalpha() for c in text)
    ):
        return LabelMatch(LabelKind.NOT_A_NAME, text)
    ally = registry.match(text)
    if ally is not None:
        return LabelMatch(LabelKind.ALLY, text, ally)
    if country_names.is_region_or_total(text):
        return LabelMatch(LabelKind.REGION, text)
    if country_names.is_other_country(text):
        return LabelMatch(LabelKind.OTHER_COUNTRY, text)
    return LabelMatch(LabelKind.UNKNOWN, text, suggestion=registry.suggest(text))


_YEAR_TEXT = re.compile(
    r"^(?:fy\s*|year\s*|an\s*)?((?:19|20|21)\d\d)\s*(e|est|\*|f|p|b|prov)?\.?$", re.IGNORECASE
)


def year_from_header(cell: object) -> int | None:
    """The year a header cell names: 2025, 2025.0, "2025", "2025e", "FY2025"; else None."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, (int, float)):
        if math.isfinite(cell) and float(cell).is_integer() and FIRST_YEAR <= cell <= LAST_YEAR:
            return int(cell)
        return None
    if isinstance(cell, (dt.date, dt.datetime)):
        return None
    match = _YEAR_TEXT.match(str(cell).strip())
    return int(match.group(1)) if match else None


def _year_headers(row: list[object]) -> list[tuple[int, int]]:
    """(column, year) pairs of a row that reads like a header of distinct, ordered years."""
    pairs = [(c, y) for c, cell in enumerate(row) if (y := year_from_header(cell)) is not None]
    years = [y for _, y in pairs]
    if len(years) == 1:
        # One year column counts only beside a column headed "Country" (or similar).
        named = any(isinstance(c, str) and normalise_name(c) in _COUNTRY_NAMES for c in row)
        return pairs if named else []
    if len(set(years)) < 2:
        return []
    steps = np.diff(years)
    if not (np.all(steps > 0) or np.all(steps < 0)):
        # A data row of integers can look like years; real headers are ordered.
        return []
    return pairs


_YEAR_NAMES = {
    "year",
    "years",
    "annee",
    "annees",
    "time",
    "period",
    "time period",
    "yr",
    "date",
    "jahr",
    "ano",
}
_VALUE_NAMES = {
    "value",
    "values",
    "obs value",
    "valeur",
    "amount",
    "montant",
    "data",
    "figure",
    "wert",
}
_COUNTRY_NAMES = {
    "country",
    "countries",
    "country name",
    "pays",
    "ally",
    "allies",
    "nation",
    "state",
    "iso",
    "iso3",
    "iso code",
    "country code",
    "code",
    "ref area",
    "member",
    "location",
    "land",
}


# -- detection ------------------------------------------------------------------
def detect(
    table: RawTable,
    sheet: str | None = None,
    registry: AllyRegistry | None = None,
    dataset: Dataset | None = None,
) -> Detection:
    """Guess the import settings for ``table`` (on ``sheet``, or the best sheet).

    Raises
    ------
    FileProblemError
        When no sheet holds a table of countries by year.
    """
    dataset = dataset or Dataset.bundled()
    registry = registry or dataset.registry
    if sheet is not None:
        return _detect_sheet(table, table.sheet(sheet), registry, dataset)
    failures: list[FileProblemError] = []
    best: tuple[int, Detection] | None = None
    for name in table.visible_sheet_names + sorted(table.hidden_sheets):
        if best is not None and name in table.hidden_sheets:
            break
        try:
            detection = _detect_sheet(table, table.sheet(name), registry, dataset)
        except FileProblemError as error:
            failures.append(error)
            continue
        score = _ally_count(table.sheet(name), detection.settings, registry)
        if best is None or score > best[0]:
            best = (score, detection)
    if best is None:
        raise FileProblemError([p for f in failures for p in f.problems][:10])
    detection = best[1]
    notes = list(detection.notes)
    if len(table.sheet_names) > 1:
        notes.insert(
            0,
            f"sheet '{detection.settings.sheet}' chosen of {len(table.sheet_names)} "
            f"(the one with the most allies)",
        )
    if detection.settings.sheet in table.hidden_sheets:
        notes.insert(0, f"sheet '{detection.settings.sheet}' is hidden in the workbook")
    elif table.hidden_sheets:
        notes.append("hidden sheets not used: " + ", ".join(sorted(table.hidden_sheets)))
    return Detection(detection.settings, tuple(notes))


def _ally_count(sheet: RawSheet, settings: ImportSettings, registry: AllyRegistry) -> int:
    rows = sheet.rows[settings.header_row + 1 : settings.header_row + 1 + SAMPLE_ROWS]
    return len(
        {a.iso3 for row in rows if (a := _match_ally(row, settings.country_column, registry))}
    )


def _match_ally(row: list[object], col: int, registry: AllyRegistry) -> Ally | None:
    if col >= len(row):
        return None
    cell = row[col]
    if not isinstance(cell, str) or not cell or len(cell) > MAX_LABEL_CHARS:
        return None
    return registry.match(clean_label(cell))


def _detect_sheet(
    table: RawTable, sheet: RawSheet, registry: AllyRegistry, dataset: Dataset
) -> Detection:
    notes: list[str] = []
    wide_layout, long_layout = _find_wide(sheet), _find_long(sheet)
    # A header naming a year column above a "row of years" means that row is
    # data (a long table's years and values), not a wide header.
    if long_layout is not None and (wide_layout is None or long_layout[0] <= wide_layout[0]):
        layout = long_layout
    else:
        layout = wide_layout
    if layout is None:
        raise FileProblemError.at(
            table.path,
            "no table of countries by year found",
            sheet=sheet.name,
            expected="a header row of years (2025, 2026, …) or columns named country, year, value",
            found=_first_text(sheet),
        )
    header_row, year_columns, year_column, value_column = layout
    if not any(any(c != "" for c in row) for row in sheet.rows[header_row + 1 :]):
        raise FileProblemError.at(
            table.path,
            "the table has a header but no rows under it",
            sheet=sheet.name,
            cell=cell_address(header_row, 0),
            expected="one row per country under the header",
        )
    country_column = _country_column(
        sheet, header_row, year_columns, year_column, value_column, registry
    )
    if country_column is None:
        raise FileProblemError.at(
            table.path,
            "no column of country names or codes found",
            sheet=sheet.name,
            cell=cell_address(header_row, 0),
            expected="a column of country names or ISO codes",
        )
    wide = bool(year_columns)
    if wide:
        first, last = year_columns[0][1], year_columns[-1][1]
        notes.append(
            f"wide table: header in row {header_row + 1}, {len(year_columns)} year columns "
            f"({min(first, last)}–{max(first, last)}), countries in column "
            f"{cell_address(0, country_column)[:-1]}"
        )
        estimates = [
            sheet.rows[header_row][c]
            for c, _ in year_columns
            if isinstance(sheet.rows[header_row][c], str)
            and re.search(r"[a-z*]$", sheet.rows[header_row][c].strip(), re.IGNORECASE)
        ]
        if estimates:
            notes.append(
                f"year headers with suffixes read as years: {', '.join(map(str, estimates[:5]))}"
            )
    else:
        notes.append(
            f"long table: header in row {header_row + 1}; country column "
            f"{cell_address(0, country_column)[:-1]}, "
            f"year column {cell_address(0, year_column)[:-1]}, "
            f"value column {cell_address(0, value_column)[:-1]}"
        )
    if header_row > 0:
        notes.append(f"{header_row} row(s) above the header read as titles")
    texts = _describing_texts(sheet, header_row, country_column, year_columns, year_column)
    measure, unit_hint, why = guess_measure(texts)
    notes.append(why)
    values = _sample_values(
        sheet,
        header_row,
        country_column,
        year_columns,
        year_column,
        value_column,
        registry,
        table.csv_format.decimal if table.csv_format else None,
    )
    unit, unit_note = guess_unit(measure, unit_hint, values, dataset)
    notes.append(unit_note)
    settings = ImportSettings(
        sheet=sheet.name,
        header_row=header_row,
        layout=Layout.WIDE if wide else Layout.LONG,
        country_column=country_column,
        measure=measure,
        unit=unit,
        year_columns=tuple(year_columns),
        year_column=year_column,
        value_column=value_column,
    )
    return Detection(settings, tuple(notes))


def _first_text(sheet: RawSheet) -> str:
    for row in sheet.rows[:20]:
        for cell in row:
            if isinstance(cell, str) and cell.strip():
                return cell.strip()[:60]
    return "no text in the first 20 rows" if sheet.rows else "an empty sheet"


def _find_wide(sheet: RawSheet) -> tuple[int, list[tuple[int, int]], None, None] | None:
    best_row, best_pairs = -1, []
    for r, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        pairs = _year_headers(row)
        if len(pairs) > len(best_pairs):
            best_row, best_pairs = r, pairs
    if not best_pairs:
        return None
    return best_row, best_pairs, None, None


def _find_long(sheet: RawSheet) -> tuple[int, list[tuple[int, int]], int, int] | None:
    for r, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        names = [normalise_name(c) if isinstance(c, str) else "" for c in row]
        year_cols = [c for c, n in enumerate(names) if n in _YEAR_NAMES]
        if not year_cols:
            continue
        year_col = year_cols[0]
        below = [
            rw[year_col]
            for rw in sheet.rows[r + 1 : r + 1 + 200]
            if year_col < len(rw) and rw[year_col] != ""
        ]
        if not below or sum(year_from_header(c) is not None for c in below) < 0.8 * len(below):
            continue
        value_cols = [c for c, n in enumerate(names) if n in _VALUE_NAMES]
        value_col = (
            value_cols[0] if value_cols else _rightmost_numeric(sheet, r, exclude={year_col})
        )
        if value_col is None:
            continue
        return r, [], year_col, value_col
    return None


def _rightmost_numeric(sheet: RawSheet, header_row: int, exclude: set[int]) -> int | None:
    rows = sheet.rows[header_row + 1 : header_row + 1 + 200]
    width = max((len(r) for r in rows), default=0)
    for c in reversed(range(width)):
        if c in exclude:
            continue
        cells = [r[c] for r in rows if c < len(r) and r[c] != ""]
        if cells and sum(_is_number(x) for x in cells) >= 0.6 * len(cells):
            return c
    return None


def _is_number(cell: object) -> bool:
    if isinstance(cell, float) and not isinstance(cell, bool):
        return True
    if isinstance(cell, str):
        if is_missing_marker(cell):
            return True
        for decimal in (".", ","):
            try:
                parse_number(cell, decimal)
            except NumberTextError:
                continue
            return True
    return False


def _country_column(
    sheet: RawSheet,
    header_row: int,
    year_columns: list[tuple[int, int]],
    year_column: int | None,
    value_column: int | None,
    registry: AllyRegistry,
) -> int | None:
    """The column with the most allies (then one named "country"), left of the years first."""
    rows = sheet.rows[header_row + 1 : header_row + 1 + SAMPLE_ROWS]
    width = max((len(r) for r in rows), default=0)
    used = {c for c, _ in year_columns} | {year_column, value_column}
    candidates = [c for c in range(width) if c not in used]
    if year_columns:
        candidates = [c for c in candidates if c < year_columns[0][0]] or candidates
    header = sheet.rows[header_row]
    scores = []
    for c in candidates:
        allies = {a.iso3 for row in rows if (a := _match_ally(row, c, registry))}
        named = (
            c < len(header)
            and isinstance(header[c], str)
            and normalise_name(header[c]) in _COUNTRY_NAMES
        )
        scores.append((len(allies), int(named), -c))
    best = max(scores, default=None)
    if best is not None and (best[0] or best[1]):
        return -best[2]
    text_columns = [c for c in candidates if _mostly_text(rows, c)]
    return text_columns[0] if text_columns else None


def _mostly_text(rows: list[list[object]], col: int) -> bool:
    cells = [r[col] for r in rows if col < len(r) and r[col] != ""]
    return bool(cells) and sum(isinstance(x, str) for x in cells) > 0.8 * len(cells)


def _describing_texts(
    sheet: RawSheet,
    header_row: int,
    country_column: int,
    year_columns: list[tuple[int, int]],
    year_column: int | None,
) -> list[str]:
    """Sheet name, title rows, non-year header cells and a few descriptor cells."""
    texts = [sheet.name]
    for row in sheet.rows[: header_row + 1]:
        texts += [
            c for c in row if isinstance(c, str) and c.strip() and year_from_header(c) is None
        ]
    year_cols = {c for c, _ in year_columns} | {year_column}
    for row in sheet.rows[header_row + 1 : header_row + 4]:
        texts += [
            c
            for i, c in enumerate(row)
            if isinstance(c, str)
            and i not in year_cols
            and i != country_column
            and any(ch.isalpha() for ch in c)
            and len(c) < 300
        ]
    return [t[:300] for t in texts]


_INFLATION = re.compile(
    r"inflation|consumer price|\bcpi\b|\bhicp\b|deflat|pcpipch|prix a la consommation|"
    r"indice des prix"
)
_SHARE = re.compile(
    r"(share|percent(age)?|per cent|pourcentage|part|ratio|%|en %)\s*(of|du|de|des|in|to)?\s*"
    r"(the\s*)?(gdp|gross domestic product|pib|produit interieur brut)|%\s*gdp|gdp\s*share|"
    r"as a share of gdp|milex gdp"
)
_GROWTH = re.compile(
    r"growth|croissance|ngdp_rpch|percent change|% change|variation annuelle|"
    r"annual %|kd\.zg|real gdp change|volume change"
)
_BUDGET = re.compile(
    r"militar|defen[cs]e|defense|armed forces|budget|depenses|expenditure|spending|milex|"
    r"credits|armee|ministere des armees"
)
_GDP = re.compile(r"\bgdp\b|gross domestic product|\bpib\b|produit interieur brut|\bngdp\b")
_USD = re.compile(r"us\s?\$|\busd\b|u\.s\. dollar|us dollar|\bdollars?\b|\$")
_NATIONAL = re.compile(
    r"\blcu\b|local currenc|national currenc|monnaie nationale|\beur\b|€|euros?\b|"
    r"\bpln\b|\bgbp\b|£|zloty|\bnok\b|\bsek\b|\bdkk\b|\bcad\b|\bczk\b|\btry\b|\bhuf\b|\bron\b"
)
_SCALES = (
    (1e9, re.compile(r"\bbillions?\b|\bbn\b|milliards?|\bmrd\b|\bbln\b")),
    (1e6, re.compile(r"\bmillions?\b|\bmn\b|\bmio\b|\bmln\b|m€|€m|\$m|\bm\$")),
    (1e3, re.compile(r"\bthousands?\b|milliers|k€|'000|\b000s\b|\bthousand\b")),
)


@dataclass(frozen=True)
class UnitHint:
    """What the texts say about the unit: currency (None = silent) and scale."""

    usd: bool | None = None
    scale: float | None = None


def guess_measure(texts: list[str]) -> tuple[SourceMeasure, UnitHint, str]:
    """The measure the describing texts name, a unit hint, and a note saying why."""
    folded = " | ".join(
        normalise_name(t)
        if "%" not in t and "$" not in t and "€" not in t and "£" not in t
        else _fold_keep_symbols(t)
        for t in texts
    )
    checks = (
        (SourceMeasure.INFLATION, _INFLATION),
        (SourceMeasure.SHARE_OF_GDP, _SHARE),
        (SourceMeasure.REAL_GROWTH, _GROWTH),
        (SourceMeasure.CORE_BUDGET, _BUDGET),
        (SourceMeasure.NOMINAL_GDP, _GDP),
    )
    measure, why = (
        SourceMeasure.CORE_BUDGET,
        "measure not named in the file: assumed core defence budget — check it",
    )
    for candidate, pattern in checks:
        if match := pattern.search(folded):
            measure, why = (
                candidate,
                f'measure: {candidate.label} (the file says "{_words_at(folded, match)}")',
            )
            break
    usd = True if _USD.search(folded) else (False if _NATIONAL.search(folded) else None)
    scale = next((factor for factor, pattern in _SCALES if pattern.search(folded)), None)
    return measure, UnitHint(usd, scale), why


def _words_at(text: str, match: re.Match[str]) -> str:
    start = text.rfind(" ", 0, match.start()) + 1
    end = text.find(" ", match.end())
    return text[start : end if end >= 0 else len(text)].strip(" |")


def _fold_keep_symbols(text: str) -> str:
    return " ".join(
        normalise_name(part) if part not in "%$€£" else part for part in re.split(r"([%$€£])", text)
    ).replace("  ", " ")


def _sample_values(
    sheet: RawSheet,
    header_row: int,
    country_column: int,
    year_columns: list[tuple[int, int]],
    year_column: int | None,
    value_column: int | None,
    registry: AllyRegistry,
    decimal: str | None,
) -> list[tuple[str, int, float]]:
    """(iso3, year, value) for ally rows, a sample for unit guessing."""
    found: list[tuple[str, int, float]] = []
    for row in sheet.rows[header_row + 1 : header_row + 1 + SAMPLE_ROWS]:
        ally = _match_ally(row, country_column, registry)
        if ally is None:
            continue
        if year_columns:
            cells = [(y, row[c]) for c, y in year_columns if c < len(row)]
        else:
            year = year_from_header(row[year_column]) if year_column < len(row) else None
            cells = [(year, row[value_column])] if year and value_column < len(row) else []
        for year, cell in cells:
            value = _number_or_none(cell, decimal)
            if value is not None:
                found.append((ally.iso3, year, value))
    return found


def _number_or_none(cell: object, decimal: str | None) -> float | None:
    if isinstance(cell, bool):
        return None
    if isinstance(cell, float):
        return cell if math.isfinite(cell) else None
    if isinstance(cell, str) and not is_missing_marker(cell):
        try:
            return parse_number(cell, decimal or ".")
        except NumberTextError:
            return None
    return None


def guess_unit(
    measure: SourceMeasure, hint: UnitHint, values: list[tuple[str, int, float]], dataset: Dataset
) -> tuple[Unit, str]:
    """The unit of ``values`` for ``measure``, and a note saying how it was decided."""
    numbers = np.array([v for _, _, v in values], dtype=float)
    if not measure.is_money:
        if (
            measure is SourceMeasure.SHARE_OF_GDP
            and len(numbers)
            and np.nanmax(np.abs(numbers)) < 1.0
            and np.nanmedian(np.abs(numbers)) < 0.2
        ):
            return Unit.FRACTION, (
                f"shares read as fractions of GDP: values {numbers.min():.4g} to "
                f"{numbers.max():.4g} (0.0425 = 4.25%)"
            )
        unit_note = "values read as percent"
        if measure is SourceMeasure.SHARE_OF_GDP and len(numbers):
            unit_note = (
                f"shares read as percent of GDP: values {numbers.min():.4g} to {numbers.max():.4g}"
            )
        return Unit.PERCENT, unit_note
    by_data = _unit_from_published(measure, values, dataset)
    if hint.usd is not None and hint.scale is not None:
        unit = Unit.money(hint.usd, hint.scale)
        note = f"unit from the file's text: {unit.label}"
        if by_data is not None and by_data[0] != unit:
            note += (
                f" — but the values look like {by_data[0].label} when compared with NATO's "
                f"published figures ({by_data[1]}); check it"
            )
        return unit, note
    if (
        by_data is not None
        and (hint.usd is None or by_data[0].is_usd == hint.usd)
        and (hint.scale is None or by_data[0].scale == hint.scale)
    ):
        return (
            by_data[0],
            f"unit {by_data[0].label}, found by comparing with NATO's published figures "
            f"({by_data[1]})",
        )
    usd = bool(hint.usd)
    scale = hint.scale or (1e6 if measure is SourceMeasure.CORE_BUDGET else 1e9)
    unit = Unit.money(usd, scale)
    return unit, f"unit not stated in the file: assumed {unit.label} — check it"


def _unit_from_published(
    measure: SourceMeasure, values: list[tuple[str, int, float]], dataset: Dataset
) -> tuple[Unit, str] | None:
    """Compare values with NATO's figures for the same ally and year to find currency and scale."""
    history = dataset.history.set_index(["iso3", "year"])
    if measure is SourceMeasure.CORE_BUDGET:
        references = {
            False: history["defence_exp_national_million"] * 1e6,
            True: history["defence_exp_usd_million_current"] * 1e6,
        }
    else:
        references = {
            False: history["gdp_national_billion_derived"] * 1e9,
            True: history["gdp_usd_billion_current"] * 1e9,
        }
    keys = [(iso3, year) for iso3, year, _ in values]
    best: tuple[float, Unit, str] | None = None
    for usd, reference in references.items():
        published = reference.reindex(keys).to_numpy(dtype=float)
        numbers = np.array([v for _, _, v in values], dtype=float)
        ok = np.isfinite(published) & (published > 0) & (numbers > 0)
        if ok.sum() < 2:
            continue
        for scale in (1.0, 1e3, 1e6, 1e9):
            errors = np.abs(np.log10(numbers[ok] * scale / published[ok]))
            median = float(np.median(errors))
            if median < math.log10(1.25) and (best is None or median < best[0]):
                best = (
                    median,
                    Unit.money(usd, scale),
                    f"median gap {10**median - 1:.1%} over {int(ok.sum())} ally-years",
                )
    return (best[1], best[2]) if best else None
