"""The preview's value cells: each classified (ok, skipped, invalid, with the reason) and converted
to scenario units.
"""

from __future__ import annotations

import datetime as dt
import math

from natoplanner.io.reasons import Reason
from natoplanner.io.sources.numbers import NumberTextError, parse_number
from natoplanner.io.sources.plan import (
    CellReport,
    CellStatus,
    Change,
    SkippedItem,
    blank_cell,
    local_address,
    short_text,
)
from natoplanner.io.sources.settings import SourceMeasure, Unit
from natoplanner.io.sources.tabular import cell_address


class CellReader:
    """Reads one value cell of an ally's row into the plan (a mixin of the plan builder).

    Uses the builder's ``sheet``, ``settings``, ``scenario``, ``decimal``, ``years``,
    ``first_year``/``last_year``, ``target``, ``pp_cost_mn``, ``seen``, ``cells``, ``plan``,
    ``_no_forces`` and ``_grid``.
    """

    def _value(self, r: int, c: int, iso3: str, year: int | None, cell: object) -> None:
        sheet = self.sheet
        if (r, c) in sheet.error_cells:
            error = sheet.error_cells[(r, c)]
            self._invalid(
                r,
                c,
                Reason("the cell holds the error {error}, not a figure", error=error),
                iso3,
                year,
                error,
            )
            return
        if (r, c) in sheet.circular_cells:
            self._invalid(
                r,
                c,
                Reason(
                    "circular reference: the formula depends on itself, so its saved value is "
                    "no figure"
                ),
                iso3,
                year,
                cell,
            )
            return
        if (r, c) in sheet.merged_copies:
            top = cell_address(*sheet.merged_copies[(r, c)])
            self._invalid(
                r,
                c,
                Reason("merged with {top}: one figure spans several years or rows", top=top),
                iso3,
                year,
                cell,
            )
            return
        if (r, c) in self.sheet.uncached_formulas:
            self._skip(
                r,
                c,
                "formulas without a saved value",
                Reason(
                    "formula without a saved value: open and save the file in Excel or LibreOffice"
                ),
                iso3,
                year,
            )
            return
        if blank_cell(cell):
            if not (isinstance(cell, str) and cell.strip() == ""):
                reason = Reason("no figure ('{text}')", text=cell.strip())
                self._cell(r, c, CellStatus.SKIPPED, reason, iso3, year)
                self.plan.skipped.append(
                    SkippedItem(
                        cell_address(r, c, self.sheet.name),
                        "cells marked as missing ('...', 'xxx', 'n/a')",
                        reason,
                    )
                )
            return
        if year is None:
            self._invalid(r, c, Reason("the year cell of this row is not a year"), iso3, None, cell)
            return
        if year not in self.years:
            when = "history" if year < self.first_year else "after the last projection year"
            self._skip(
                r,
                c,
                f"cells for years outside {self.first_year}–{self.last_year} ({when})",
                Reason(
                    "{year} is history: scenarios take inputs for {first}–{last}"
                    if year < self.first_year
                    else "{year} is after the last projection year: scenarios take inputs for "
                    "{first}–{last}",
                    year=year,
                    first=self.first_year,
                    last=self.last_year,
                ),
                iso3,
                year,
            )
            return
        try:
            number = self._number(cell)
        except NumberTextError as error:
            self._invalid(r, c, error.reason, iso3, year, cell)
            return
        if iso3 in self._no_forces:
            self._skip(
                r,
                c,
                "Iceland (no armed forces, no path)",
                Reason("Iceland has no armed forces: no projection to set"),
                iso3,
                year,
                number,
            )
            return
        if (iso3, year) in self.seen:
            first, first_number = self.seen[(iso3, year)]
            if first_number == number:
                reason = Reason(
                    "{iso3} {year} is given again, with the same figure, in {cell}",
                    iso3=iso3,
                    year=year,
                    cell=local_address(first),
                )
                self._cell(r, c, CellStatus.SKIPPED, reason, iso3, year, number)
                self.plan.warnings.append(
                    SkippedItem(cell_address(r, c, sheet.name), "duplicate", reason)
                )
            else:
                self._invalid(
                    r,
                    c,
                    Reason(
                        "{iso3} {year} is already given in {cell} with another figure "
                        "({first:g}); which is right?",
                        iso3=iso3,
                        year=year,
                        cell=local_address(first),
                        first=first_number,
                    ),
                    iso3,
                    year,
                    cell,
                )
            return
        try:
            value = self._convert(iso3, year, number)
        except ValueError as error:
            self._invalid(r, c, error.args[0], iso3, year, cell)
            return
        address = cell_address(r, c, self.sheet.name)
        self.seen[(iso3, year)] = (address, number)
        self._grid[address] = (r, c)
        self.cells[(r, c)] = CellReport(r, c, address, CellStatus.OK, "", iso3, year, number, value)
        in_measure_unit = (
            _percent(number, self.settings.unit)
            if self.settings.measure is SourceMeasure.SHARE_OF_GDP
            else value
        )
        self.plan.changes.append(
            Change(self.target, iso3, year, value, address, number, in_measure_unit)
        )

    def _number(self, cell: object) -> float:
        if isinstance(cell, bool):
            raise NumberTextError(str(cell), Reason("TRUE/FALSE, expected a number"))
        if isinstance(cell, (dt.date, dt.datetime, dt.time, dt.timedelta)):
            raise NumberTextError(
                str(cell),
                Reason("a date ({date}), expected a number — check the cell format", date=cell),
            )
        if isinstance(cell, (int, float)):
            if not math.isfinite(cell):
                raise NumberTextError(str(cell), Reason("not a finite number"))
            return float(cell)
        return parse_number(str(cell), self.decimal)

    def _convert(self, iso3: str, year: int, number: float, unit: Unit | None = None) -> float:
        """Source value → scenario units, with the scenario's limits (ValueError says why)."""
        s = self.settings
        unit = s.unit if unit is None else unit
        row = self.scenario.row(iso3)
        if s.measure.is_money:
            if number < 0:
                raise ValueError(Reason("negative amount {number:g}", number=number))
            # One factor from the file's scale to the scenario's (million for budgets,
            # billion for GDP): a figure already in that scale is taken exactly as written.
            target = 1e6 if s.measure is SourceMeasure.CORE_BUDGET else 1e9
            factor = unit.scale / target
            value = number if factor == 1.0 else number * factor
            if unit.is_usd:
                value *= float(self.scenario.base.fx_per_usd[row])
            if s.measure is SourceMeasure.CORE_BUDGET:
                if value > 1e12:
                    raise ValueError(
                        Reason("implausibly large budget (over 10^18 national currency)")
                    )
                return value
            if value <= 0:
                raise ValueError(Reason("GDP must be positive"))
            return value
        pct = _percent(number, unit)
        if s.measure is SourceMeasure.SHARE_OF_GDP:
            if not 0 <= pct <= 100:
                raise ValueError(Reason("{pct:g}% of GDP is outside 0–100%", pct=pct))
            cost = self.pp_cost_mn[row, year - self.scenario.base_year]
            return float(pct * cost)
        if pct <= -100 or pct > 1000:
            raise ValueError(Reason("{pct:g}% a year is outside -100%..1000%", pct=pct))
        return pct

    def _cell(
        self,
        r: int,
        c: int,
        status: CellStatus,
        reason: str,
        iso3: str | None = None,
        year: int | None = None,
        number: float | None = None,
    ) -> None:
        self.cells[(r, c)] = CellReport(
            r, c, cell_address(r, c, self.sheet.name), status, reason, iso3, year, number
        )

    def _skip(
        self,
        r: int,
        c: int,
        category: str,
        reason: str,
        iso3: str,
        year: int | None,
        number: float | None = None,
    ) -> None:
        self._cell(r, c, CellStatus.SKIPPED, reason, iso3, year, number)
        self.plan.skipped.append(SkippedItem(cell_address(r, c, self.sheet.name), category, reason))

    def _invalid(
        self, r: int, c: int, reason: str, iso3: str, year: int | None, cell: object
    ) -> None:
        self._cell(r, c, CellStatus.INVALID, reason, iso3, year)
        self.plan.invalid.append(
            SkippedItem(
                cell_address(r, c, self.sheet.name), "invalid", reason, short_text(str(cell))
            )
        )


def _percent(number: float, unit: Unit) -> float:
    """A rate in percent: a fraction × 100 without the binary noise (0.021 → 2.1, not 2.1000…04)."""
    if unit is Unit.FRACTION:
        return float(f"{number * 100:.12g}")
    return number
