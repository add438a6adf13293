"""Hand calculations for the analysis tests, straight from the bundled CSV files.

Nothing here uses natoplanner: NATO's 2026 edition (base year 2026) and the
IMF WEO April 2026 forecasts are read with pandas, and GDP is grown by
DESIGN §4's rule GDP[t] = GDP[t-1]·(1+g[t])·(1+p[t]), with g and p held at
their 2031 values after the IMF's last forecast year.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

DATA = Path(__file__).resolve().parents[2] / "data"
BASE = 2026
VINTAGE = "IMF WEO April 2026"


@cache
def nato_2026() -> pd.DataFrame:
    table = pd.read_csv(DATA / "nato_defence_expenditure.csv")
    return table[table["year"] == BASE].set_index("iso3")


@cache
def forecasts() -> pd.DataFrame:
    return pd.read_csv(DATA / "gdp_forecast.csv")


def base_share_pct(iso3: str) -> float:
    return float(nato_2026().at[iso3, "defence_share_gdp_pct"])


def base_budget_mn(iso3: str) -> float:
    return float(nato_2026().at[iso3, "defence_exp_national_million"])


def fx_per_usd(iso3: str) -> float:
    row = nato_2026().loc[iso3]
    return float(row["defence_exp_national_million"] / row["defence_exp_usd_million_current"])


def imf_pct(iso3: str, year: int, column: str, vintage: str = VINTAGE) -> float:
    rows = forecasts()
    rows = rows[(rows["iso3"] == iso3) & (rows["vintage"] == vintage)].set_index("year")
    return float(rows.at[min(year, int(rows.index.max())), column])


def growth_pct(iso3: str, year: int) -> float:
    return imf_pct(iso3, year, "real_gdp_growth_pct")


def cpi_pct(iso3: str, year: int) -> float:
    return imf_pct(iso3, year, "cpi_inflation_pct")


def gdp_ratio(iso3: str, year: int) -> float:
    """GDP[year] / GDP[2026] on the IMF path."""
    ratio = 1.0
    for t in range(BASE + 1, year + 1):
        ratio *= (1 + growth_pct(iso3, t) / 100) * (1 + cpi_pct(iso3, t) / 100)
    return ratio


def price_ratio(iso3: str, year: int) -> float:
    """Π (1 + CPI) over 2027..year."""
    return float(np.prod([1 + cpi_pct(iso3, t) / 100 for t in range(BASE + 1, year + 1)]))
