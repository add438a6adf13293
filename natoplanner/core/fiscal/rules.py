"""The national escape clause as editable scenario assumptions, and the bundled EU figures.

Facts (sources in ``data/SOURCES.md`` §5): the Council activated the
national escape clause of the Stability and Growth Pact for fifteen member
states on 8 July 2025 and for Germany on 10 October 2025; it covers four
years (2025-2028) and allows up to 1.5% of GDP of flexibility a year for
*increased* defence spending; 2021 is the benchmark year the increase is
measured from. The EU measures defence on COFOG division 02 (general
government "Defence"), not on NATO's definition: a planner may type a
COFOG-basis baseline share per ally; without it the NATO-basis share of the
baseline year stands in, and every output says which basis it used.

All of this is an assumption of the scenario (extension past 2028 is under
discussion), validated here and saved in the workbook.
"""

from __future__ import annotations

import csv
import functools
import math
from dataclasses import dataclass, field, replace

from natoplanner.core.dataset import FIRST_HISTORY_YEAR, LAST_DATA_YEAR, Dataset
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.fiscal.bridge import bundled_ratios
from natoplanner.core.resources import data_path

DEFAULT_FIRST_YEAR = 2025
DEFAULT_LAST_YEAR = 2028
DEFAULT_CAP_PCT = 1.5
DEFAULT_BASELINE_YEAR = 2021
LATEST_RULE_YEAR = 2040


@dataclass(frozen=True)
class EuFacts:
    """Bundled EU facts of one ally (``data/eu_fiscal.csv``).

    ``clause_decision`` is the Council's decision date (ISO text), "reported"
    when only a press report was found, or "" when not activated;
    ``safe_allocation_eur_bn`` the Commission's tentative SAFE loan allocation
    of 9 September 2025 in billion euro (None: not a SAFE applicant).
    """

    iso3: str
    eu_member: bool
    clause_decision: str
    safe_allocation_eur_bn: float | None


@functools.cache
def eu_facts() -> dict[str, EuFacts]:
    """The bundled EU facts by ISO3 (read once)."""
    with data_path("eu_fiscal.csv").open("r", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {
        row["iso3"]: EuFacts(
            row["iso3"],
            row["eu_member"] == "1",
            row["escape_clause_activated"],
            float(row["safe_tentative_allocation_eur_bn"])
            if row["safe_tentative_allocation_eur_bn"]
            else None,
        )
        for row in rows
    }


def is_eu_member(iso3: str) -> bool:
    """Whether the ally is an EU member state (bundled fact; unknown codes: False)."""
    facts = eu_facts().get(iso3)
    return bool(facts and facts.eu_member)


@dataclass(frozen=True)
class FiscalAssumptions:
    """The escape-clause rules a scenario assumes.

    Parameters
    ----------
    covered : frozenset of str
        ISO3 codes of the EU allies for which the clause is activated.
    first_year, last_year : int
        The clause's years (inclusive); after ``last_year`` the whole
        increase is outside it ("the cliff").
    cap_pct : float
        Largest deviation allowed in a year, % of GDP.
    baseline_year : int
        The year whose share the increase is measured against (a NATO data
        year, 2014..2026).
    cofog_baseline_pct : tuple of (str, float)
        COFOG-02-basis baseline shares (% of GDP) typed by the user, by ISO3;
        allies not listed use NATO's share of the baseline year.
    bridge_ratio : tuple of (str, float)
        NATO ÷ national defence budget per ally (core/fiscal/bridge.py): the
        published ratio by default, editable; allies not listed have none.
    public_finances_pct : tuple of (str, float, float)
        Per ally, base-year general-government net lending and gross debt
        (% of GDP), typed by the user (IMF WEO GGXCNL_NGDP and GGXWDG_NGDP
        are not bundled: no stored copy was found); either may be NaN.
    """

    covered: frozenset[str]
    first_year: int = DEFAULT_FIRST_YEAR
    last_year: int = DEFAULT_LAST_YEAR
    cap_pct: float = DEFAULT_CAP_PCT
    baseline_year: int = DEFAULT_BASELINE_YEAR
    cofog_baseline_pct: tuple[tuple[str, float], ...] = field(default=())
    bridge_ratio: tuple[tuple[str, float], ...] = field(default=())
    public_finances_pct: tuple[tuple[str, float, float], ...] = field(default=())

    @classmethod
    def bundled(cls) -> FiscalAssumptions:
        """The rules as published: every ally with a Council activation in the data."""
        return _bundled_assumptions()

    def cofog_baseline(self, iso3: str) -> float | None:
        """The typed COFOG-basis baseline share of ``iso3`` (% of GDP), or None."""
        return dict(self.cofog_baseline_pct).get(iso3)

    def with_cofog_baseline(self, iso3: str, share_pct: float | None) -> FiscalAssumptions:
        """A copy with ``iso3``'s COFOG baseline set (None clears it)."""
        values = {k: v for k, v in self.cofog_baseline_pct if k != iso3}
        if share_pct is not None:
            values[iso3] = float(share_pct)
        return replace(self, cofog_baseline_pct=tuple(sorted(values.items())))

    def bridge(self, iso3: str) -> float | None:
        """The NATO ÷ national budget ratio of ``iso3``, or None (no bridge)."""
        return dict(self.bridge_ratio).get(iso3)

    def with_bridge(self, iso3: str, ratio: float | None) -> FiscalAssumptions:
        """A copy with ``iso3``'s bridge ratio set (None removes it)."""
        values = {k: v for k, v in self.bridge_ratio if k != iso3}
        if ratio is not None:
            values[iso3] = float(ratio)
        return replace(self, bridge_ratio=tuple(sorted(values.items())))

    def public_finances(self, iso3: str) -> tuple[float, float]:
        """(net lending, gross debt) of ``iso3`` in the base year, % of GDP; NaN where not typed."""
        for code, lending, debt in self.public_finances_pct:
            if code == iso3:
                return lending, debt
        return math.nan, math.nan

    def with_public_finances(
        self, iso3: str, net_lending_pct: float | None, gross_debt_pct: float | None
    ) -> FiscalAssumptions:
        """A copy with ``iso3``'s base-year net lending and gross debt (None: not typed)."""
        values = [v for v in self.public_finances_pct if v[0] != iso3]
        lending = math.nan if net_lending_pct is None else float(net_lending_pct)
        debt = math.nan if gross_debt_pct is None else float(gross_debt_pct)
        if not (math.isnan(lending) and math.isnan(debt)):
            values.append((iso3, lending, debt))
        return replace(self, public_finances_pct=tuple(sorted(values)))

    def with_covered(self, iso3: str, covered: bool) -> FiscalAssumptions:
        """A copy with the clause activated (or not) for ``iso3``."""
        codes = set(self.covered)
        (codes.add if covered else codes.discard)(iso3)
        return replace(self, covered=frozenset(codes))


@functools.cache
def _bundled_assumptions() -> FiscalAssumptions:
    covered = frozenset(iso3 for iso3, facts in eu_facts().items() if facts.clause_decision)
    return FiscalAssumptions(covered, bridge_ratio=bundled_ratios(Dataset.bundled()))


def _year(field_name: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or float(value) % 1:
        raise ScenarioInputError(field_name, f"expected a year, got {value!r}")
    if not low <= value <= high:
        raise ScenarioInputError(field_name, f"must be between {low} and {high}, got {value:g}")
    return int(value)


def _share(field_name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ScenarioInputError(field_name, f"expected a number in % of GDP, got {value!r}")
    if not 0.0 <= value <= 100.0:
        raise ScenarioInputError(field_name, f"must be ≥ 0 and ≤ 100 % of GDP, got {value:g}")
    return float(value)


def validate(assumptions: FiscalAssumptions, iso3_codes: tuple[str, ...]) -> FiscalAssumptions:
    """``assumptions`` checked and normalised; raises :class:`ScenarioInputError` naming the input.

    Only EU member states can be covered (the Stability and Growth Pact binds
    no one else); the baseline year must be a NATO data year before the
    clause's first year.
    """
    baseline = _year(
        "escape clause baseline year",
        assumptions.baseline_year,
        FIRST_HISTORY_YEAR,
        LAST_DATA_YEAR,
    )
    first = _year(
        "escape clause first year", assumptions.first_year, baseline + 1, LATEST_RULE_YEAR
    )
    last = _year("escape clause last year", assumptions.last_year, first, LATEST_RULE_YEAR)
    cap = _share("escape clause cap", assumptions.cap_pct)
    known = set(iso3_codes)
    for iso3 in sorted(assumptions.covered):
        if iso3 not in known:
            raise ScenarioInputError("escape clause allies", f"unknown ally code {iso3!r}")
        if not is_eu_member(iso3):
            raise ScenarioInputError(
                f"escape clause ({iso3})",
                "only EU member states can use the Stability and Growth Pact's escape clause",
            )
    cofog = {}
    for iso3, value in assumptions.cofog_baseline_pct:
        if iso3 not in known:
            raise ScenarioInputError("COFOG baseline share", f"unknown ally code {iso3!r}")
        cofog[iso3] = _share(f"COFOG baseline share ({iso3})", value)
    bridge = {}
    for iso3, value in assumptions.bridge_ratio:
        field_name = f"NATO ÷ national budget ratio ({iso3})"
        if iso3 not in known:
            raise ScenarioInputError(field_name, f"unknown ally code {iso3!r}")
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 10:
            raise ScenarioInputError(field_name, f"must be > 0 and ≤ 10, got {value!r}")
        bridge[iso3] = float(value)
    finances = []
    for iso3, lending, debt in assumptions.public_finances_pct:
        if iso3 not in known:
            raise ScenarioInputError("net lending and debt", f"unknown ally code {iso3!r}")
        for name, value, low, high in (
            (f"net lending ({iso3})", lending, -100.0, 100.0),
            (f"gross debt ({iso3})", debt, 0.0, 1000.0),
        ):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ScenarioInputError(name, f"expected a number in % of GDP, got {value!r}")
            if not math.isnan(value) and not low <= value <= high:
                raise ScenarioInputError(name, f"must be between {low:g} and {high:g} % of GDP")
        if not (math.isnan(lending) and math.isnan(debt)):
            finances.append((iso3, float(lending), float(debt)))
    return FiscalAssumptions(
        frozenset(assumptions.covered),
        first,
        last,
        cap,
        baseline,
        tuple(sorted(cofog.items())),
        tuple(sorted(bridge.items())),
        tuple(sorted(finances)),
    )


def set_fiscal_assumptions(scenario, assumptions: FiscalAssumptions) -> None:
    """Validate ``assumptions`` and make them ``scenario.fiscal`` (paths do not change)."""
    scenario.fiscal = validate(assumptions, scenario.dataset.registry.iso3_codes)
    scenario.revision += 1
