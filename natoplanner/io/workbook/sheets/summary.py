"""The ``Summary`` sheet: per ally at the horizon, live formulas beside columns as saved."""

from __future__ import annotations

import numpy as np
from openpyxl.formatting.rule import FormulaRule
from openpyxl.utils import get_column_letter

from natoplanner.core.indicators.basis import ShareBasis, deflator_label, share_bases
from natoplanner.core.projection import Projection
from natoplanner.core.scenario import RELATED_CAP_PCT, Scenario
from natoplanner.io.workbook.cell_text import escape_text, looks_like_formula
from natoplanner.io.workbook.fastsheet import FastCells
from natoplanner.io.workbook.formulas import POLICY_DEFAULTS, number_or
from natoplanner.io.workbook.layout import (
    SETTING_ROW,
    SETTING_VALUE_COLUMN,
    SHEET_ASSUMPTIONS,
    SHEET_RESULTS,
    Layout,
    cell_name,
)
from natoplanner.io.workbook.sheets.cell_writing import (
    BOLD,
    CENTER_WRAP,
    HEADER_FILL,
    MET_FILL,
    SAVED_FILL,
    SAVED_NOTE,
    SHORT_FILL,
    TITLE,
    absolute_cell,
    finite_or_none,
)

SUMMARY_HEADER_ROW = 4


def _summary_columns(saved_on: str, scenario: Scenario) -> list[tuple[str, str | None, float]]:
    """(header, number format, width) of the Summary columns; C-K live, the rest as saved."""
    saved = f"as saved on {saved_on}"
    return [
        ("ISO3", None, 7),
        ("Ally", None, 18),
        ("Core share, base year (% of GDP)", "0.00", 12),
        ("Core share at horizon (% of GDP)", "0.00", 12),
        ("Related at horizon (% of GDP)", "0.00", 12),
        ("Total at horizon (% of GDP)", "0.00", 12),
        ("Core target (% of GDP)", "0.00", 10),
        ("Total target (% of GDP)", "0.00", 10),
        ("Core gap at horizon (pp)", "0.00", 10),
        ("Core gap at horizon (million national currency)", "#,##0", 14),
        ("Core gap at horizon (million USD, base-year prices and exchange rates)", "#,##0", 14),
        (f"First year at core target ({saved})", "0", 13),
        (f"First year at total target ({saved})", "0", 13),
        (f"Required nominal budget growth (% a year, {saved})", "0.00", 14),
        (f"Required real budget growth (% a year, {saved})", "0.00", 14),
        (f"Core policy ({saved})", None, 22),
        (f"Related track ({saved})", None, 22),
        (f"Core target reached by the horizon ({saved})", None, 12),
        (f"Incremental: share never falls before reaching it ({saved})", None, 13),
        (f"Part of the needed increase done by 2029 (%, {saved})", "0", 13),
        (f"Linear path's part by 2029 (%, {saved})", "0", 12),
        (
            f"Back-loaded: below {scenario.backload_fraction:.0%} of the linear part "
            f"(this tool's heuristic; {saved})",
            None,
            14,
        ),
        (f"Path facts and warnings ({saved})", None, 50),
    ]


def write_summary(
    fast: FastCells,
    scenario: Scenario,
    projection: Projection,
    layout: Layout,
    values: dict[str, np.ndarray],
    saved_on: str,
) -> None:
    """Fill the ``Summary`` sheet: live columns as formulas, the others as saved on ``saved_on``."""
    ws = fast.worksheet
    name_cell = (
        f"{SHEET_ASSUMPTIONS}!{absolute_cell(cell_name(SETTING_VALUE_COLUMN, SETTING_ROW['name']))}"
    )
    title = "Summary at the horizon — "
    fast.formula(
        1, 1, f'="{title}"&{name_cell}', fast.style(font=TITLE), escape_text(title + scenario.name)
    )
    fast.text(
        2,
        1,
        "Columns C–K and the title are live formulas (they follow 'Assumptions', including the "
        f"horizon); the columns marked 'as saved on {saved_on}' were computed by natoplanner "
        "when the file was saved and do not follow later edits in Excel or LibreOffice. "
        f"Real growth uses the deflator: {deflator_label(scenario)}.",
        fast.style(font=SAVED_NOTE),
    )
    summary = projection.summary()
    bases = share_bases(scenario)
    horizon_column = scenario.horizon - scenario.base_year
    last_col = get_column_letter(layout.result_column(layout.result_years[-1]))

    def at_horizon(block: str, i: int) -> tuple[str, float]:
        row = layout.result_row(block, i)
        formula = f"=INDEX({SHEET_RESULTS}!$C${row}:${last_col}${row},1,Horizon-BaseYear+1)"
        return formula, values[block][i, horizon_column]

    def target(key: str, i: int) -> tuple[str, float]:
        reference = f"{SHEET_ASSUMPTIONS}!{layout.policy_cell(key, i)}"
        return "=" + number_or(reference, f"{POLICY_DEFAULTS[key]:g}"), None

    columns = _summary_columns(saved_on, scenario)
    header_style = fast.style(font=BOLD, fill=HEADER_FILL, alignment=CENTER_WRAP)
    saved_header_style = fast.style(font=BOLD, fill=SAVED_FILL, alignment=CENTER_WRAP)
    for index, (text, _, width) in enumerate(columns, start=1):
        style = saved_header_style if "as saved" in text else header_style
        fast.text(SUMMARY_HEADER_ROW, index, text, style)
        ws.column_dimensions[get_column_letter(index)].width = width
    fast.row_height(SUMMARY_HEADER_ROW, 90)
    styles = [fast.style(number_format) for _, number_format, _ in columns]
    text_style = fast.style()
    quoted_style = fast.style(quote_prefix=True)
    targets = {"core_target_pct": projection.core_targets_pct()}
    targets["total_target_pct"] = projection.total_targets_pct()
    for i, ally in enumerate(scenario.allies):
        row = SUMMARY_HEADER_ROW + 1 + i
        record = summary.iloc[i]
        has_data = bool(projection.has_target_path[i])
        fast.text(row, 1, ally.iso3)
        fast.text(row, 2, escape_text(ally.name_en))
        live = [
            (
                f"={SHEET_RESULTS}!$C${layout.result_row('core_share', i)}",
                values["core_share"][i, 0],
            ),
            at_horizon("core_share", i),
            at_horizon("related_share", i),
            at_horizon("total_share", i),
            (target("core_target_pct", i)[0], targets["core_target_pct"][i]),
            (target("total_target_pct", i)[0], targets["total_target_pct"][i]),
            at_horizon("core_gap_pp", i),
            at_horizon("core_gap_mn", i),
            at_horizon("core_gap_usd_mn", i),
        ]
        saved = [
            _year_or_none(record["first_year_core"]),
            _year_or_none(record["first_year_total"]),
            finite_or_none(record["required_nominal_growth_pct"]) if has_data else None,
            finite_or_none(record["required_real_growth_pct"]) if has_data else None,
            record["core_policy"],
            record["related_track"],
            *(
                value if value is not None else "—"
                for value in record["path_facts"].record().values()
            ),
            _path_note(record, bases[i]),
        ]
        if has_data:
            for offset, (formula, value) in enumerate(live, start=3):
                fast.formula(row, offset, formula, styles[offset - 1], value)
        for offset, value in enumerate(saved, start=3 + len(live)):
            if isinstance(value, str):
                style = quoted_style if looks_like_formula(value) else text_style
                fast.text(row, offset, escape_text(value), style)
            elif value is not None:
                fast.number(row, offset, value, styles[offset - 1])
    first, last = SUMMARY_HEADER_ROW + 1, SUMMARY_HEADER_ROW + len(scenario.allies)
    for column, target_column in (("D", "G"), ("F", "H")):
        area = f"{column}{first}:{column}{last}"
        rule = f"AND(ISNUMBER({column}{first}),{column}{first}>={target_column}{first}-1E-9)"
        ws.conditional_formatting.add(area, FormulaRule(formula=[rule], fill=MET_FILL))
        short = f"AND(ISNUMBER({column}{first}),{column}{first}<{target_column}{first}-1E-9)"
        ws.conditional_formatting.add(area, FormulaRule(formula=[short], fill=SHORT_FILL))
    ws.freeze_panes = cell_name(3, SUMMARY_HEADER_ROW + 1)


def _path_note(record, basis: ShareBasis) -> str:
    """The path facts in words, the warning on related spending above 1.5%, and what
    the share is measured against (Luxembourg: GNI; the Netherlands: both bases)."""
    note = record["path_note"]
    if record["related_above_cap"]:
        note += (
            f"; related spending above {RELATED_CAP_PCT:g}% of GDP: the excess is not counted "
            "toward 5%"
        )
    if basis.describe():
        note += "; " + basis.describe()
    return note


def _year_or_none(value: object) -> int | None:
    try:
        return None if value is None or value is np.nan or value != value else int(value)
    except TypeError:
        return None
