"""Where everything sits in a scenario workbook (schema version 4).

The writer and the reader share this module, so a cell is placed and found
through one definition. ``Assumptions`` holds, top to bottom: the scenario
settings, one row per ally with its policies and targets (plus grey
base-year reference figures), then one block per year-indexed measure
(allies × years). ``Results`` holds one block per computed path (allies ×
base year..2040), each a grid of live formulas.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from natoplanner.core.allies import AllyRegistry
from natoplanner.core.scenario import (
    MAX_HORIZON,
    BudgetPolicy,
    DeflatorSource,
    Measure,
    RelatedPolicy,
)

#: 4: the default deflator's source (row 9), and an exchange-rate block (the last
#: year block of Assumptions, its path and the current-USD budget last on Results).
#: A schema-3 reader would take the grey deflator block for the vintage's CPI, so it
#: refuses the file instead.
SCHEMA_VERSION = 4
#: Results blocks newer than schema 2, with the schema that brought them: USD amounts
#: at base-year prices (3: a price index divides the nominal gap), the exchange-rate
#: path and current-USD budget (4). An older file's are not taken for hand edits; a
#: save rewrites them.
RESULT_BLOCKS_SINCE = {"core_gap_usd_mn": 3, "price_index": 3, "fx": 4, "core_usd_mn": 4}
SHEET_ABOUT = "About"
SHEET_ASSUMPTIONS = "Assumptions"
SHEET_RESULTS = "Results"
SHEET_SUMMARY = "Summary"
SHEET_ALLIANCE = "Alliance"
SHEET_HISTORY = "History"
SHEETS = (
    SHEET_ABOUT,
    SHEET_ASSUMPTIONS,
    SHEET_RESULTS,
    SHEET_SUMMARY,
    SHEET_ALLIANCE,
    SHEET_HISTORY,
)

# About: label in column A, value in column B.
ABOUT_SCHEMA_LABEL = "Schema version"

# Assumptions settings: (key, label), from row 3.
SETTINGS = (
    ("name", "Scenario name"),
    ("notes", "Notes"),
    ("horizon", "Horizon (last projected year)"),
    ("gdp_vintage", "GDP forecast vintage"),
    ("base_year", "Base year (NATO data)"),
    (
        "backload_fraction",
        "Back-loaded below (fraction of the linear path's part of the increase by 2029; "
        "this tool's heuristic)",
    ),
    ("deflator_source", "Default deflator (every ally; choose it in natoplanner)"),
)
# Settings added after schema 2 was published: an older file leaves them empty (default).
OPTIONAL_SETTINGS = ("backload_fraction", "deflator_source")
#: The words the deflator setting holds (the reader also takes the enum's value).
DEFLATOR_SOURCE_WORDS = {
    DeflatorSource.WEO: "GDP forecast vintage",
    DeflatorSource.NATO_HISTORY: "NATO implied GDP deflator",
}
SETTINGS_FIRST_ROW = 3
# Labels span columns A:B, values C:H (merged), so both read in full.
SETTING_VALUE_COLUMN = 3
SETTING_VALUE_LAST_COLUMN = 8
SETTING_ROW = {key: SETTINGS_FIRST_ROW + i for i, (key, _) in enumerate(SETTINGS)}
# Row 10 since schema 2: the back-loading setting took the spare row 8, the
# deflator setting (schema 4) the spare row 9.
POLICY_HEADER_ROW = 10
assert SETTINGS_FIRST_ROW + len(SETTINGS) <= POLICY_HEADER_ROW


@dataclass(frozen=True)
class Column:
    """One column of the per-ally policy table."""

    key: str
    header: str
    number_format: str | None = None
    editable: bool = True
    width: float = 14


#: Input cells in % stay "General": a colleague who types "2.5%" there gets a
#: percent-formatted 0.025 in Excel and LibreOffice alike, which the reader
#: recognises by its format (a fixed "0.00" would hide it; LibreOffice stores
#: 0.025 even under a literal '0.00"%"' format).
INPUT_PCT = "General"

# Schema 1 had no per-ally targets (every ally held the Hague 3.5 / 5.0).
TARGET_KEYS = ("core_target_pct", "total_target_pct")

POLICY_COLUMNS = (
    Column("iso3", "ISO3", editable=False, width=7),
    Column("ally", "Ally", editable=False, width=18),
    Column("currency", "Currency", editable=False, width=9),
    Column("core_policy", "Core budget policy", width=17),
    Column("rate_pct", "Growth rate (% a year)", INPUT_PCT),
    Column("share_pct", "Held share (% of GDP; empty = base-year share)", INPUT_PCT, width=18),
    Column("target_pct", "Ramp target (% of GDP)", INPUT_PCT),
    Column("target_year", "Ramp target year", "0", width=11),
    Column("core_target_pct", "Core target (% of GDP)", INPUT_PCT),
    Column("total_target_pct", "Total target (% of GDP)", INPUT_PCT),
    Column("related_policy", "Related track", width=16),
    Column("related_share_pct", "Related share (% of GDP; ramp start)", INPUT_PCT, width=16),
    Column("related_target_pct", "Related ramp target (% of GDP)", INPUT_PCT),
    Column("related_target_year", "Related target year", "0", width=11),
    Column("base_gdp_bn", "Base-year GDP (billion national currency)", "#,##0.000", False, 16),
    Column(
        "base_budget_mn", "Base-year core budget (million national currency)", "#,##0.0", False, 17
    ),
    Column("base_share_pct", "Base-year core share (% of GDP, NATO)", "0.00", False),
    Column("fx_per_usd", "National currency per USD (base year)", "0.0000", False),
    # Added after schema 2 was published (optional on reading): after this year a
    # growth policy holds the share it reached (a goal "by year T").
    Column(
        "growth_until", "Grow until (year; then hold the share; empty = every year)", "0", width=14
    ),
)
#: Policy columns an older schema-2 file may lack (read as their default).
OPTIONAL_POLICY_KEYS = ("growth_until",)
POLICY_COLUMN_INDEX = {c.key: i + 1 for i, c in enumerate(POLICY_COLUMNS)}
#: Policy columns whose figures are in % (a percent-formatted cell there means value × 100).
PERCENT_POLICY_KEYS = frozenset(c.key for c in POLICY_COLUMNS if c.key.endswith("_pct"))


def policy_label(kind: BudgetPolicy | RelatedPolicy) -> str:
    """The word written in the workbook: "ramp to target" for RAMP_TO_TARGET."""
    return str(kind.value).replace("_", " ")


CORE_POLICY_LABELS = tuple(policy_label(k) for k in BudgetPolicy)
RELATED_POLICY_LABELS = tuple(policy_label(k) for k in RelatedPolicy)


@dataclass(frozen=True)
class Block:
    """A grid of allies × years: title row, header row, one row per ally."""

    key: str
    title: str
    number_format: str
    measure: Measure | None = None  # the input it holds (None: reference or result)
    defined_name: str = ""

    @property
    def in_percent(self) -> bool:
        """Whether the block's figures are in % (a year or of GDP), not money."""
        return "(% " in self.title


ASSUMPTION_BLOCKS = (
    Block(
        "growth",
        "Real GDP growth override (% a year) — empty = IMF default below",
        INPUT_PCT,
        Measure.REAL_GROWTH,
        "GrowthOverride",
    ),
    Block(
        "growth_default",
        "IMF real GDP growth, default (% a year) — reference, not read back",
        "0.00",
        None,
        "GrowthIMF",
    ),
    Block(
        "deflator",
        "GDP deflator override (% a year) — empty = default below",
        INPUT_PCT,
        Measure.DEFLATOR,
        "DeflatorOverride",
    ),
    Block(
        "deflator_default",
        "Default deflator (% a year; its source in the settings above) — reference, not read back",
        "0.00",
        None,
        "DeflatorIMF",
    ),
    Block(
        "gdp",
        "Nominal GDP override (billion national currency) — empty = grown by growth and deflator",
        "#,##0.000",
        Measure.NOMINAL_GDP,
        "GDPOverride",
    ),
    Block(
        "budget",
        "Core defence budget override (million national currency) — empty = policy",
        "#,##0.0",
        Measure.CORE_BUDGET,
        "BudgetOverride",
    ),
    Block(
        "related",
        "Related spending override (% of GDP) — empty = related track",
        INPUT_PCT,
        Measure.RELATED_SHARE,
        "RelatedOverride",
    ),
    Block(
        "fx",
        "Exchange rate override (national currency per USD; current-USD figures only) — "
        "empty = relative PPP (Results)",
        "#,##0.0000",
        Measure.EXCHANGE_RATE,
        "FxOverride",
    ),
)
#: Year blocks a file of schema 3 or before holds (the exchange-rate block came with 4).
YEAR_BLOCKS_BEFORE_SCHEMA_4 = 7

RESULT_BLOCKS = (
    Block("growth", "Real GDP growth used (% a year)", "0.00"),
    Block("deflator", "GDP deflator used (% a year)", "0.00"),
    Block("gdp", "Nominal GDP (billion national currency)", "#,##0.000", defined_name="GDP"),
    Block(
        "pp_cost",
        "Cost of 1 percentage point of GDP (million national currency, NATO basis)",
        "#,##0.0",
    ),
    Block("ramp_year", "Core ramp: start year (restarts after a budget override)", "0"),
    Block("ramp_share", "Core ramp: start share (% of GDP)", "0.000"),
    Block(
        "budget",
        "Core defence budget (million national currency)",
        "#,##0.0",
        defined_name="CoreBudget",
    ),
    Block(
        "core_share", "Core defence share (% of GDP, NATO basis)", "0.00", defined_name="CoreShare"
    ),
    Block("related_ramp_year", "Related ramp: start year (restarts after an override)", "0"),
    Block("related_ramp_share", "Related ramp: start share (% of GDP)", "0.000"),
    Block("related_share", "Related spending (% of GDP)", "0.00", defined_name="RelatedShare"),
    Block("total_share", "Total: core + related (% of GDP)", "0.00", defined_name="TotalShare"),
    Block("core_gap_pp", "Gap to core target (percentage points; positive = short)", "0.00"),
    Block("total_gap_pp", "Gap to total target (percentage points; positive = short)", "0.00"),
    Block("core_gap_mn", "Gap to core target (million national currency)", "#,##0.0"),
    Block(
        "core_gap_usd_mn",
        "Gap to core target (million USD, base-year prices and exchange rates)",
        "#,##0.0",
    ),
    Block("price_index", "Price index (base year = 1, from the deflator used)", "0.0000"),
    Block(
        "fx",
        "Exchange rate used (national currency per USD): typed, else relative PPP "
        "(the year before × the ally's over the US price index change)",
        "#,##0.0000",
    ),
    Block("core_usd_mn", "Core defence budget (million current USD, at that rate)", "#,##0.0"),
)

FIRST_YEAR_COLUMN = 3  # column C; A = ISO3, B = ally
_ASSUMPTION_INDEX = {b.key: i for i, b in enumerate(ASSUMPTION_BLOCKS)}
_RESULT_INDEX = {b.key: i for i, b in enumerate(RESULT_BLOCKS)}


@functools.cache
def _us_position() -> int:
    """Where the United States sits in the bundled registry's order (every scenario's)."""
    return AllyRegistry.bundled().index_of("USA")


@dataclass(frozen=True)
class Layout:
    """Row and column positions for ``n_allies`` allies and a base year."""

    n_allies: int
    base_year: int
    #: Year blocks the file's Assumptions hold (fewer in a file before schema 4).
    year_blocks: int = len(ASSUMPTION_BLOCKS)
    #: Row position of the United States (the exchange rates' unit) among the allies.
    us_position: int = field(default_factory=lambda: _us_position())

    @classmethod
    def of_schema(cls, n_allies: int, base_year: int, schema_version: int) -> Layout:
        """The layout of a file written with ``schema_version``."""
        old = schema_version < 4
        return cls(
            n_allies, base_year, YEAR_BLOCKS_BEFORE_SCHEMA_4 if old else len(ASSUMPTION_BLOCKS)
        )

    @property
    def assumption_blocks(self) -> tuple[Block, ...]:
        """The year blocks of Assumptions, top to bottom, as the file holds them."""
        return ASSUMPTION_BLOCKS[: self.year_blocks]

    # -- Assumptions ----------------------------------------------------------
    @property
    def projection_years(self) -> range:
        return range(self.base_year + 1, MAX_HORIZON + 1)

    def policy_row(self, ally: int) -> int:
        return POLICY_HEADER_ROW + 1 + ally

    def policy_cell(self, key: str, ally: int) -> str:
        return f"{get_column_letter(POLICY_COLUMN_INDEX[key])}{self.policy_row(ally)}"

    @property
    def _block_height(self) -> int:
        return self.n_allies + 3  # title, header, allies, blank

    def assumption_block_title_row(self, index: int) -> int:
        return POLICY_HEADER_ROW + self.n_allies + 2 + index * self._block_height

    def assumption_row(self, block_key: str, ally: int) -> int:
        return self.assumption_block_title_row(_ASSUMPTION_INDEX[block_key]) + 2 + ally

    def assumption_column(self, year: int) -> int:
        return FIRST_YEAR_COLUMN + year - self.base_year - 1

    # -- Results ---------------------------------------------------------------
    @property
    def result_years(self) -> range:
        return range(self.base_year, MAX_HORIZON + 1)

    def result_block_title_row(self, index: int) -> int:
        return 3 + index * self._block_height

    def result_row(self, block_key: str, ally: int) -> int:
        return self.result_block_title_row(_RESULT_INDEX[block_key]) + 2 + ally

    def result_header_row(self, block_key: str) -> int:
        return self.result_row(block_key, 0) - 1

    def result_column(self, year: int) -> int:
        return FIRST_YEAR_COLUMN + year - self.base_year


def cell_name(column: int, row: int) -> str:
    """ "C12" for column 3, row 12."""
    return f"{get_column_letter(column)}{row}"
