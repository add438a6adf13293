"""How NATO's published share of GDP for a year moved between editions.

Reads ``data/nato_share_gdp_vintages.csv`` (``Dataset.vintages``). Estimates
(``e``) for the latest years move most: the United States' 2024 share went
3.38 (2024 edition, estimate) → 3.21 (2025 edition, estimate) → 3.30 (2026
edition, actual); see ``data/SOURCES.md``.
"""

from __future__ import annotations

import pandas as pd

from natoplanner.core.allies import UnknownAllyError
from natoplanner.core.dataset import Dataset
from natoplanner.core.errors import ScenarioInputError

#: Publication date (or month) and kind of each vintage in the file, from
#: data/SOURCES.md §1. The 2023 edition is "July 2023" (attribution unverified).
VINTAGE_PUBLISHED = {
    "ed2023": ("2023-07", "edition"),
    "sgar2023": ("2024-03", "annual report"),
    "ed2024": ("2024-06-17", "edition"),
    "ed2025": ("2025-08-28", "edition"),
    "sgar2025": ("2026-03-26", "annual report"),
    "ed2026": ("2026-07-03", "edition"),  # cut-off date; published a few days later
}


def share_revisions(dataset: Dataset, iso3: str, *, editions_only: bool = False) -> pd.DataFrame:
    """NATO's published core share for each year, across editions, oldest first.

    Parameters
    ----------
    dataset : Dataset
    iso3 : str
        Ally code (names and aliases accepted too).
    editions_only : bool
        Keep NATO's annual editions and drop the Secretary General's reports
        (whose figures are rounded to 0.1).

    Returns
    -------
    DataFrame
        One row per year and publication: ``iso3``, ``year``, ``vintage``,
        ``vintage_label``, ``published`` (ISO date or month), ``kind``
        ("edition" or "annual report"), ``is_estimate``, ``share_pct`` (% of
        GDP), ``change_pp`` (against the previous publication of the same
        year in this frame; NaN for the first), ``source``. Sorted by year,
        then publication.
    """
    try:
        ally = dataset.registry.resolve(iso3)
    except UnknownAllyError as error:
        raise ScenarioInputError("ally", str(error)) from None
    rows = dataset.vintages[dataset.vintages["iso3"] == ally.iso3]
    rows = rows.dropna(subset=["defence_share_gdp_pct"])
    published = rows["vintage"].map(lambda v: VINTAGE_PUBLISHED.get(v, ("9999", "other"))[0])
    kind = rows["vintage"].map(lambda v: VINTAGE_PUBLISHED.get(v, ("9999", "other"))[1])
    frame = pd.DataFrame(
        {
            "iso3": ally.iso3,
            "year": rows["year"].astype(int),
            "vintage": rows["vintage"],
            "vintage_label": rows["vintage_label"],
            "published": published,
            "kind": kind,
            "is_estimate": rows["estimate_flag"].fillna("").eq("e"),
            "share_pct": rows["defence_share_gdp_pct"].astype(float),
            "source": rows["source"],
        }
    )
    if editions_only:
        frame = frame[frame["kind"] == "edition"]
    frame = frame.sort_values(["year", "published"], kind="stable").reset_index(drop=True)
    frame.insert(8, "change_pp", frame.groupby("year")["share_pct"].diff())
    return frame


def revision_table(dataset: Dataset, iso3: str, *, editions_only: bool = False) -> pd.DataFrame:
    """Wide view of :func:`share_revisions`: years × vintages (publication order), % of GDP."""
    tidy = share_revisions(dataset, iso3, editions_only=editions_only)
    order = sorted(tidy["vintage"].unique(), key=lambda v: VINTAGE_PUBLISHED.get(v, ("9999",))[0])
    return tidy.pivot(index="year", columns="vintage", values="share_pct").reindex(columns=order)
