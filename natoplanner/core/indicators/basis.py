"""What a share is measured against, and on which basis, per ally (DESIGN §3 traps).

- **Denominator.** NATO measures Luxembourg against GNI from 2023
  (``gdp_denominator`` in the NATO table): its "share of GDP" is a share of
  GNI, and its "GDP" path is grown GNI.
- **Basis.** NATO's headline share (Table 3) is computed at constant prices;
  where it differs from cash ÷ GDP by more than 0.05 pp
  (``share_basis_diff_flag``: the Netherlands, 2022–2026; 2.58% against
  2.29% in 2026) both are shown.
- **Deflator.** The deflator in use (the scenario's choice: IMF CPI of its
  vintage, a stand-in for the GDP deflator, or NATO's implied GDP deflator;
  typed years over either) is named beside every real figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from natoplanner.core.dataset import FIRST_HISTORY_YEAR, Dataset
from natoplanner.core.scenario import DeflatorSource, Measure, Scenario


@dataclass(frozen=True)
class ShareBasis:
    """One ally's base-year measurement: ``denominator`` ("GDP" or "GNI"), NATO's
    headline share and, where NATO flags a basis difference, the cash share (% of
    the denominator)."""

    iso3: str
    denominator: str
    headline_share_pct: float
    cash_share_pct: float | None

    def describe(self) -> str:
        """English note, "" when there is nothing to say."""
        parts = []
        if self.denominator != "GDP":
            parts.append(
                f"share of {self.denominator}, not GDP: NATO measures it against "
                f"{self.denominator} (its 'GDP' path here is {self.denominator})"
            )
        if self.cash_share_pct is not None:
            parts.append(
                f"NATO basis {self.headline_share_pct:.2f}% (constant prices), "
                f"cash ÷ {self.denominator} {self.cash_share_pct:.2f}%"
            )
        return "; ".join(parts)


def share_bases(scenario: Scenario) -> list[ShareBasis]:
    """The base-year :class:`ShareBasis` of every ally (registry order)."""
    dataset = scenario.dataset
    denominators = _denominator_notes(dataset, scenario.base_year)
    col = scenario.base_year - FIRST_HISTORY_YEAR
    headline = dataset.history_matrix("defence_share_gdp_pct")[:, col]
    cash = dataset.history_matrix("defence_share_gdp_pct_nominal_derived")[:, col]
    flagged = dataset.history_matrix("share_basis_diff_flag")[:, col] == 1
    bases = []
    for i, code in enumerate(dataset.registry.iso3_codes):
        # "GDP", or "GNI from 2023 (Vilnius 2023 arrangement; series break)".
        text = denominators.get(code, "GDP")
        denominator = text.split()[0] if isinstance(text, str) and text.strip() else "GDP"
        bases.append(
            ShareBasis(
                code, denominator, float(headline[i]), float(cash[i]) if flagged[i] else None
            )
        )
    return bases


def _denominator_notes(dataset: Dataset, year: int) -> dict[str, str]:
    """Each ally's denominator note in ``year`` ("GDP", "GNI from 2023 …").

    The bundled table carries the notes; an imported NATO edition's workbook
    does not, so NATO's convention is taken from the bundled table's latest
    year at or before ``year`` (Luxembourg stays on GNI).
    """
    history = dataset.history
    if "gdp_denominator" not in history.columns:
        history = Dataset.bundled().history
        year = min(year, int(history["year"].max()))
    at_year = history[history["year"] == year].set_index("iso3")["gdp_denominator"]
    return {code: text for code, text in at_year.items() if isinstance(text, str)}


def deflator_label(scenario: Scenario) -> str:
    """The deflator in use, e.g. "IMF WEO April 2026 CPI (stand-in for the GDP
    deflator)" or "NATO implied GDP deflator (each year's to 2026, then the
    2017-2026 average; IMF WEO April 2026 where NATO has none)", with "; typed
    deflator for N allies" when the user typed deflator years."""
    typed = scenario.allies_with_inputs(Measure.DEFLATOR)
    vintage = scenario.gdp_vintage
    if scenario.deflator_source is DeflatorSource.NATO_HISTORY:
        first, last = scenario.dataset.nato_deflator_years()
        label = (
            f"NATO implied GDP deflator (each year's to {last}, then the {first}-{last} "
            f"average; {vintage} where NATO has none)"
        )
    elif scenario.vintages_used()[1].price_basis == "GDP deflator":
        label = f"{vintage} GDP deflator (CPI where it has none)"
    else:
        label = f"{vintage} CPI (stand-in for the GDP deflator)"
    if typed:
        label += f"; typed deflator for {typed} {'ally' if typed == 1 else 'allies'}"
    return label
