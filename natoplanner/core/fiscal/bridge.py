"""The bridge between a national defence budget (the budget law's figure) and NATO's.

NATO's definition differs from national budgets (it adds military pensions,
Ukraine aid, defence spending of other ministries, and leaves some items
out), so the two figures for one year differ. The bridge is one ratio per
ally, NATO ÷ national, taken from a year where both are published
(``data/budget_bridge.csv``, sources in SOURCES.md §6) or typed by the user,
and held constant over the projection (the simplest assumption, stated as
such). The projection stays on NATO's basis; the bridge only converts.

Fiscal years: NATO designates a fiscal year by the calendar year holding
most of its months, so for Canada and the United Kingdom NATO year Y is the
fiscal year April Y – March Y+1, and for the United States October Y-1 –
September Y (SOURCES.md §1, caveat 4).
"""

from __future__ import annotations

import csv
import functools
import math
from dataclasses import dataclass

import numpy as np

from natoplanner.core.dataset import FIRST_HISTORY_YEAR, Dataset
from natoplanner.core.resources import data_path

FISCAL_YEAR_NOTES = {
    "CAN": "NATO year Y = Canada's fiscal year April Y – March Y+1",
    "GBR": "NATO year Y = the UK's fiscal year April Y – March Y+1",
    "USA": "NATO year Y = the US fiscal year October Y-1 – September Y",
}


@dataclass(frozen=True)
class BridgePoint:
    """One published pair: the national budget and NATO's figure for the same year.

    ``national_budget_mn`` and ``nato_mn`` in million national currency;
    ``ratio`` = NATO ÷ national.
    """

    iso3: str
    year: int
    national_budget_mn: float
    nato_mn: float
    what: str
    date: str
    publisher: str
    url: str

    @property
    def ratio(self) -> float:
        return self.nato_mn / self.national_budget_mn


@functools.cache
def _bridge_rows() -> tuple[dict[str, str], ...]:
    with data_path("budget_bridge.csv").open("r", encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def bundled_bridge(dataset: Dataset) -> dict[str, BridgePoint]:
    """The published bridge points by ISO3, NATO's figure read from ``dataset``."""
    spending = dataset.history_matrix("defence_exp_national_million")
    codes = dataset.registry.iso3_codes
    points = {}
    for row in _bridge_rows():
        iso3, year = row["iso3"], int(row["year"])
        nato = float(spending[codes.index(iso3), year - FIRST_HISTORY_YEAR])
        if math.isnan(nato):
            continue
        points[iso3] = BridgePoint(
            iso3,
            year,
            float(row["national_budget_mn"]),
            nato,
            row["what"],
            row["date"],
            row["publisher"],
            row["url"],
        )
    return points


def bundled_ratios(dataset: Dataset) -> tuple[tuple[str, float], ...]:
    """(ISO3, NATO ÷ national) for every ally with a published bridge point."""
    # 12 decimals: LibreOffice keeps 15 significant digits, so a colleague's
    # re-save gives back the same ratio (the change is below 1e-12).
    return tuple(sorted((iso3, round(p.ratio, 12)) for iso3, p in bundled_bridge(dataset).items()))


def budget_law_mn(nato_basis_mn: np.ndarray, ratio: float | None) -> np.ndarray:
    """NATO-basis amounts (million national currency) in budget-law terms (÷ ratio); NaN without."""
    if ratio is None:
        return np.full_like(np.asarray(nato_basis_mn, dtype=float), np.nan)
    return np.asarray(nato_basis_mn, dtype=float) / ratio
