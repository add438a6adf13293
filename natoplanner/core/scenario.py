"""Scenario inputs: what a planner assumes, ally by ally and year by year.

A :class:`Scenario` holds only inputs; :mod:`natoplanner.core.projection`
turns them into paths. Inputs are changed one at a time through the setters,
which validate the value (raising :class:`ScenarioInputError` naming the
input) and mark the allies the change touches, so the next projection
recomputes only those.

Year-indexed inputs cover the projection years ``base_year + 1 .. MAX_HORIZON``
whatever the horizon, so changing the horizon never loses an override.
Units: growth and deflator in % a year, GDP in billion national currency,
budgets in million national currency, shares and targets in % of GDP.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

import numpy as np

from natoplanner.core.allies import UnknownAllyError
from natoplanner.core.dataset import LAST_DATA_YEAR, LATEST_VINTAGE, BaseYearData, Dataset
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.fiscal.rules import FiscalAssumptions
from natoplanner.core.indicators.path_facts import DEFAULT_BACKLOAD_FRACTION
from natoplanner.core.vintages import Vintage

MAX_HORIZON = 2040
DEFAULT_BASE_YEAR = LAST_DATA_YEAR
DEFAULT_HORIZON = 2035
REVIEW_YEAR = 2029
CORE_TARGET_PCT = 3.5
TOTAL_TARGET_PCT = 5.0
GUIDELINE_PCT = 2.0
RELATED_CAP_PCT = 1.5


class BudgetPolicy(StrEnum):
    """How an ally's core defence budget moves after the base year (DESIGN §4)."""

    EXPLICIT = "explicit"
    NOMINAL_GROWTH = "nominal_growth"
    REAL_GROWTH = "real_growth"
    CONSTANT_SHARE = "constant_share"
    RAMP_TO_TARGET = "ramp_to_target"


class RelatedPolicy(StrEnum):
    """How the defence- and security-related share (the 1.5% track) moves."""

    NOT_SET = "not_set"
    CONSTANT_SHARE = "constant_share"
    RAMP_TO_TARGET = "ramp_to_target"


class DeflatorSource(StrEnum):
    """Where every ally's default GDP deflator path (% a year) comes from; a typed
    deflator year overrides it either way."""

    #: The GDP forecast vintage's price measure: its GDP deflator where it has
    #: one, else CPI inflation standing in for it (the bundled WEO vintages).
    WEO = "weo"
    #: NATO's implied GDP deflator: its own figure in the years its table covers,
    #: then the average of its last ten years (Dataset.nato_deflator_pct).
    NATO_HISTORY = "nato_history"


class Measure(StrEnum):
    """Inputs a planner can set for one ally and one projection year."""

    REAL_GROWTH = "real_growth_pct"
    DEFLATOR = "deflator_pct"
    NOMINAL_GDP = "nominal_gdp_bn"
    CORE_BUDGET = "core_budget_mn"
    RELATED_SHARE = "related_share_pct"
    #: National currency per US dollar, for money in current USD only (the nominal
    #: view of alliance totals); shares and national amounts never use it.
    EXCHANGE_RATE = "fx_per_usd"


MEASURE_LABELS = {
    Measure.REAL_GROWTH: "real GDP growth (%)",
    Measure.DEFLATOR: "GDP deflator (%)",
    Measure.NOMINAL_GDP: "nominal GDP (billion national currency)",
    Measure.CORE_BUDGET: "core defence budget (million national currency)",
    Measure.RELATED_SHARE: "related spending (% of GDP)",
    Measure.EXCHANGE_RATE: "exchange rate (national currency per USD)",
}


@dataclass(frozen=True)
class CorePolicy:
    """Core budget policy of one ally.

    ``rate_pct`` is the annual growth (%) for the growth policies;
    ``share_pct`` the share held by ``CONSTANT_SHARE`` (None: the base-year
    share); ``target_pct`` and ``target_year`` define ``RAMP_TO_TARGET``. A
    ramp never cuts: an ally above its ramp target keeps its share (to cut,
    choose ``CONSTANT_SHARE`` at the lower share or type the amounts).
    ``growth_until`` (growth policies only): the last year the budget grows
    at ``rate_pct``; after it the share reached is held (None: grow every year).
    """

    kind: BudgetPolicy = BudgetPolicy.CONSTANT_SHARE
    rate_pct: float = 0.0
    share_pct: float | None = None
    target_pct: float = CORE_TARGET_PCT
    target_year: int = DEFAULT_HORIZON
    growth_until: int | None = None

    def describe(self) -> str:
        """A short label such as "ramp to 3.5% by 2035"."""
        match self.kind:
            case BudgetPolicy.EXPLICIT:
                return "explicit amounts"
            case BudgetPolicy.NOMINAL_GROWTH:
                return f"nominal growth {self.rate_pct:g}%/yr" + self._until()
            case BudgetPolicy.REAL_GROWTH:
                return f"real growth {self.rate_pct:g}%/yr" + self._until()
            case BudgetPolicy.CONSTANT_SHARE:
                return (
                    "hold base-year share"
                    if self.share_pct is None
                    else f"hold {self.share_pct:g}% of GDP"
                )
            case BudgetPolicy.RAMP_TO_TARGET:
                return f"ramp to {self.target_pct:g}% by {self.target_year}"
        raise AssertionError(self.kind)

    def _until(self) -> str:
        return "" if self.growth_until is None else f" to {self.growth_until}, then hold the share"

    @property
    def holds_after(self) -> int | None:
        """Last year of growth for a growth policy that then holds its share, else None."""
        growth = self.kind in (BudgetPolicy.NOMINAL_GROWTH, BudgetPolicy.REAL_GROWTH)
        return self.growth_until if growth else None


@dataclass(frozen=True)
class RelatedTrack:
    """The related-spending path of one ally, in % of GDP.

    ``NOT_SET`` is 0% and shown as "not set": NATO publishes no national
    figure for this track, so it is always a user assumption. ``share_pct``
    is the constant share, or the base-year start of a ramp.
    """

    kind: RelatedPolicy = RelatedPolicy.NOT_SET
    share_pct: float = 0.0
    target_pct: float = RELATED_CAP_PCT
    target_year: int = DEFAULT_HORIZON

    def describe(self) -> str:
        match self.kind:
            case RelatedPolicy.NOT_SET:
                return "not set"
            case RelatedPolicy.CONSTANT_SHARE:
                return f"hold {self.share_pct:g}% of GDP"
            case RelatedPolicy.RAMP_TO_TARGET:
                return f"ramp {self.share_pct:g}% → {self.target_pct:g}% by {self.target_year}"
        raise AssertionError(self.kind)


@dataclass(frozen=True)
class Targets:
    """An ally's targets in % of GDP (Hague: 3.5 core, 5.0 total)."""

    core_pct: float = CORE_TARGET_PCT
    total_pct: float = TOTAL_TARGET_PCT


@dataclass
class ScenarioState:
    """A copy of every input, for undo of multi-input changes and for files."""

    name: str
    notes: str
    horizon: int
    gdp_vintage: str
    year_inputs: dict[Measure, np.ndarray]
    core_policies: list[CorePolicy]
    related_tracks: list[RelatedTrack]
    targets: list[Targets]
    backload_fraction: float = DEFAULT_BACKLOAD_FRACTION
    deflator_source: DeflatorSource = DeflatorSource.WEO


class Scenario:
    """The inputs of one planning scenario.

    Parameters
    ----------
    dataset : Dataset
        The data the scenario rests on (``Dataset.bundled()`` by default).
    base_year : int, optional
        Last year with NATO data the projection starts from (default: the
        edition's last year, 2026 for the bundled edition).
    horizon : int
        Last projected year (default 2035, at most 2040).
    gdp_vintage : str
        IMF WEO vintage supplying default real growth and CPI (deflator proxy).
    deflator_source : DeflatorSource
        Where the default deflator comes from (the vintage, or NATO's history).
    """

    def __init__(
        self,
        dataset: Dataset | None = None,
        *,
        base_year: int | None = None,
        horizon: int = DEFAULT_HORIZON,
        gdp_vintage: str = LATEST_VINTAGE,
        deflator_source: DeflatorSource = DeflatorSource.WEO,
        name: str = "Default scenario",
    ) -> None:
        self.dataset = dataset if dataset is not None else Dataset.bundled()
        last_year = self.dataset.last_data_year
        if base_year is None:
            base_year = last_year
        if not 2015 <= base_year <= last_year:
            raise ScenarioInputError(
                "base year", f"must be between 2015 and {last_year}, got {base_year}"
            )
        self.base_year = base_year
        self.base: BaseYearData = self.dataset.base_year_data(base_year)
        self.years = np.arange(base_year + 1, MAX_HORIZON + 1)
        self.allies = tuple(self.dataset.registry)
        shape = (len(self.allies), len(self.years))
        self.revision = 0
        # Revision of each ally's last change: every Projection of this
        # scenario compares it with what it computed, so several projections
        # (window, workbook writer, goal seek) can follow the same scenario.
        self._row_revision = np.zeros(len(self.allies), dtype=np.int64)
        self.name = name
        self.notes = ""
        self._horizon = base_year + 1
        self.set_horizon(horizon)
        self._gdp_vintage = ""
        self._deflator_source = DeflatorSource(deflator_source)
        self._default_growth_pct = np.zeros(shape)
        self._default_deflator_pct = np.zeros(shape)
        self.set_gdp_vintage(gdp_vintage)
        self._year_inputs = {measure: np.full(shape, np.nan) for measure in Measure}
        self._core_policies = [CorePolicy() for _ in self.allies]
        self._related_tracks = [RelatedTrack() for _ in self.allies]
        self._targets = [Targets() for _ in self.allies]
        self._backload_fraction = DEFAULT_BACKLOAD_FRACTION
        # Escape-clause rules (core/fiscal): they change no projected path.
        self.fiscal: FiscalAssumptions = FiscalAssumptions.bundled()

    # -- bookkeeping -------------------------------------------------------
    def _touch(self, rows: Iterable[int]) -> None:
        rows = list(rows)
        self.revision += 1
        self._row_revision[rows] = self.revision

    @property
    def row_revisions(self) -> np.ndarray:
        """Per ally, the :attr:`revision` of its last input change (read-only)."""
        view = self._row_revision.view()
        view.flags.writeable = False
        return view

    def row(self, iso3: str) -> int:
        """Position of an ally in every per-ally array."""
        try:
            return self.dataset.registry.index_of(iso3)
        except UnknownAllyError as error:
            raise ScenarioInputError("ally", str(error)) from None

    def column(self, year: int, field: str = "year") -> int:
        """Position of a projection year in every year-indexed array."""
        if not isinstance(year, (int, np.integer)) or not self.base_year < year <= MAX_HORIZON:
            raise ScenarioInputError(
                field, f"year must be between {self.base_year + 1} and {MAX_HORIZON}, got {year!r}"
            )
        return int(year) - self.base_year - 1

    # -- horizon and vintage ----------------------------------------------
    @property
    def horizon(self) -> int:
        return self._horizon

    def set_horizon(self, horizon: int) -> None:
        """Set the last projected year (base year + 1 .. 2040)."""
        if (
            not isinstance(horizon, (int, np.integer))
            or not self.base_year < horizon <= MAX_HORIZON
        ):
            raise ScenarioInputError(
                "horizon",
                f"must be a year after the base year {self.base_year} "
                f"and at most {MAX_HORIZON}, got {horizon!r}",
            )
        self._horizon = int(horizon)
        self.revision += 1  # paths run to MAX_HORIZON; only summaries change

    @property
    def gdp_vintage(self) -> str:
        return self._gdp_vintage

    def set_gdp_vintage(self, vintage: str) -> None:
        """Use another IMF WEO vintage for the default growth and deflator."""
        self._gdp_vintage, (self._default_growth_pct, self._default_deflator_pct) = (
            vintage,
            self.default_paths(vintage, self._deflator_source),
        )
        self._touch(range(len(self.allies)))

    @property
    def deflator_source(self) -> DeflatorSource:
        return self._deflator_source

    def set_deflator_source(self, source: DeflatorSource | str) -> None:
        """Take the default deflator from the vintage or from NATO's history."""
        try:
            source = DeflatorSource(source)
        except ValueError:
            expected = ", ".join(s.value for s in DeflatorSource)
            raise ScenarioInputError(
                "deflator", f"must be one of {expected}, got {source!r}"
            ) from None
        self._default_deflator_pct = self.default_paths(self._gdp_vintage, source)[1]
        self._deflator_source = source
        self._touch(range(len(self.allies)))

    def default_paths(self, vintage: str, source: DeflatorSource) -> tuple[np.ndarray, np.ndarray]:
        """Default real growth and deflator (% a year), allies × projection years, for a
        vintage and a deflator source (the scenario's own or another: the workbook
        reader compares them with a file's grey blocks). Allies NATO has no
        deflator for (Iceland) keep the vintage's."""
        try:
            growth, deflator = self.dataset.forecast_matrices(vintage, self.years)
        except ValueError as error:
            raise ScenarioInputError("GDP forecast vintage", str(error)) from None
        if source is DeflatorSource.NATO_HISTORY:
            nato = self.dataset.nato_deflator_pct(self.years)
            deflator = np.where(np.isnan(nato), deflator, nato)
        return growth, deflator

    @property
    def backload_fraction(self) -> float:
        """Back-loading threshold: a path is flagged when the part of its increase done
        by the 2029 review is below this fraction (0..1) of the linear path's part.
        This tool's heuristic, not the Hague declaration's."""
        return self._backload_fraction

    def set_backload_fraction(self, fraction: float) -> None:
        """Set the back-loading threshold (a fraction of the linear part, 0..1)."""
        value = _check_range("back-loading threshold", fraction, 0.0, 1.0, "(fraction of linear)")
        self._backload_fraction = value
        self.revision += 1  # no path changes, only the facts about them

    @property
    def nato_edition(self) -> str:
        """Name of the NATO edition the scenario's history and base year come from."""
        return self.dataset.edition

    def vintages_used(self) -> tuple[Vintage, ...]:
        """The NATO edition and the GDP forecast vintage this scenario rests on."""
        return (self.dataset.edition_vintage, self.dataset.gdp_vintage(self._gdp_vintage))

    @property
    def horizon_column(self) -> int:
        return self._horizon - self.base_year - 1

    # -- year inputs -------------------------------------------------------
    def year_input(self, measure: Measure, iso3: str, year: int) -> float | None:
        """The value the user set for ``measure`` in ``year``, or None (default/policy)."""
        value = self._year_inputs[Measure(measure)][self.row(iso3), self.column(year)]
        return None if math.isnan(value) else float(value)

    def year_inputs(self, measure: Measure) -> np.ndarray:
        """Read-only view of the (allies × years) overrides of ``measure`` (NaN = none)."""
        view = self._year_inputs[Measure(measure)].view()
        view.flags.writeable = False
        return view

    def allies_with_inputs(self, measure: Measure) -> int:
        """How many allies have at least one year of ``measure`` typed."""
        return int((~np.isnan(self._year_inputs[Measure(measure)])).any(axis=1).sum())

    def check_year_input(
        self, measure: Measure, iso3: str, year: int, value: object
    ) -> float | None:
        """Validate a value for :meth:`set_year_input` without setting it; returns it as float.

        Raises :class:`ScenarioInputError` naming the input when it is not acceptable.
        """
        measure = Measure(measure)
        self.row(iso3)
        self.column(year, f"{MEASURE_LABELS[measure]} year")
        return None if value is None else _validate_year_value(measure, iso3, year, value)

    def set_year_input(self, measure: Measure, iso3: str, year: int, value: float | None) -> None:
        """Set (or with None, clear) one year's input for one ally; validates first."""
        measure = Measure(measure)
        value = self.check_year_input(measure, iso3, year, value)
        row, col = self.row(iso3), self.column(year)
        self._year_inputs[measure][row, col] = np.nan if value is None else value
        self._touch([row])

    def effective_growth_pct(self) -> np.ndarray:
        """Real GDP growth (%) per ally and projection year: override, else IMF default."""
        return _with_defaults(self._year_inputs[Measure.REAL_GROWTH], self._default_growth_pct)

    def effective_deflator_pct(self) -> np.ndarray:
        """GDP deflator (%) per ally and projection year: override, else the default
        of the :attr:`deflator_source`."""
        return _with_defaults(self._year_inputs[Measure.DEFLATOR], self._default_deflator_pct)

    def default_growth_pct(self) -> np.ndarray:
        return self._default_growth_pct

    def default_deflator_pct(self) -> np.ndarray:
        return self._default_deflator_pct

    # -- policies and targets ---------------------------------------------
    def core_policy(self, iso3: str) -> CorePolicy:
        return self._core_policies[self.row(iso3)]

    def check_core_policy(self, iso3: str, policy: CorePolicy) -> CorePolicy:
        """Validate a policy for :meth:`set_core_policy`; raises :class:`ScenarioInputError`."""
        self.row(iso3)
        return _validate_core_policy(self, iso3, policy)

    def set_core_policy(self, iso3: str, policy: CorePolicy) -> None:
        """Set an ally's core budget policy (validated)."""
        row = self.row(iso3)
        self._core_policies[row] = _validate_core_policy(self, iso3, policy)
        self._touch([row])

    def related_track(self, iso3: str) -> RelatedTrack:
        return self._related_tracks[self.row(iso3)]

    def check_related_track(self, iso3: str, track: RelatedTrack) -> RelatedTrack:
        """Validate a track for :meth:`set_related_track`; raises :class:`ScenarioInputError`."""
        self.row(iso3)
        return _validate_related_track(self, iso3, track)

    def set_related_track(self, iso3: str, track: RelatedTrack) -> None:
        """Set an ally's related-spending path (validated)."""
        row = self.row(iso3)
        self._related_tracks[row] = _validate_related_track(self, iso3, track)
        self._touch([row])

    def targets(self, iso3: str) -> Targets:
        return self._targets[self.row(iso3)]

    def set_targets(self, iso3: str, targets: Targets) -> None:
        """Set an ally's own targets (% of GDP), e.g. Spain's 2.1% core."""
        row = self.row(iso3)
        for field, value in (
            ("core target", targets.core_pct),
            ("total target", targets.total_pct),
        ):
            _check_range(f"{field} ({iso3})", value, 0.0, 100.0, "%", low_open=True)
        self._targets[row] = Targets(float(targets.core_pct), float(targets.total_pct))
        self._touch([row])

    @property
    def core_policies(self) -> tuple[CorePolicy, ...]:
        return tuple(self._core_policies)

    @property
    def related_tracks(self) -> tuple[RelatedTrack, ...]:
        return tuple(self._related_tracks)

    @property
    def all_targets(self) -> tuple[Targets, ...]:
        return tuple(self._targets)

    # -- whole-state copies ------------------------------------------------
    def state(self) -> ScenarioState:
        """A deep copy of every input."""
        return ScenarioState(
            name=self.name,
            notes=self.notes,
            horizon=self._horizon,
            gdp_vintage=self._gdp_vintage,
            year_inputs={m: a.copy() for m, a in self._year_inputs.items()},
            core_policies=list(self._core_policies),
            related_tracks=list(self._related_tracks),
            targets=list(self._targets),
            backload_fraction=self._backload_fraction,
            deflator_source=self._deflator_source,
        )

    def restore(self, state: ScenarioState) -> None:
        """Put back every input from :meth:`state` (recomputes all allies)."""
        self.name, self.notes = state.name, state.notes
        self.set_horizon(state.horizon)
        if state.deflator_source != self._deflator_source:
            self.set_deflator_source(state.deflator_source)
        if state.gdp_vintage != self._gdp_vintage:
            self.set_gdp_vintage(state.gdp_vintage)
        self._year_inputs = {m: a.copy() for m, a in state.year_inputs.items()}
        self._core_policies = list(state.core_policies)
        self._related_tracks = list(state.related_tracks)
        self._targets = list(state.targets)
        self._backload_fraction = state.backload_fraction
        self._touch(range(len(self.allies)))

    def copy(self) -> Scenario:
        """An independent scenario with the same inputs and dataset."""
        duplicate = copy.copy(self)
        duplicate._year_inputs = {m: a.copy() for m, a in self._year_inputs.items()}
        duplicate._core_policies = list(self._core_policies)
        duplicate._related_tracks = list(self._related_tracks)
        duplicate._targets = list(self._targets)
        duplicate._row_revision = self._row_revision.copy()
        return duplicate

    def inputs_equal(self, other: Scenario) -> bool:
        """True when both scenarios hold the same inputs (NaN equals NaN)."""
        mine, theirs = self.state(), other.state()
        arrays_equal = all(
            np.array_equal(mine.year_inputs[m], theirs.year_inputs[m], equal_nan=True)
            for m in Measure
        )
        mine.year_inputs = theirs.year_inputs = {}
        return arrays_equal and mine == theirs and self.base_year == other.base_year


def _with_defaults(overrides: np.ndarray, defaults: np.ndarray) -> np.ndarray:
    return np.where(np.isnan(overrides), defaults, overrides)


def _check_range(
    field: str, value: object, low: float, high: float, unit: str, *, low_open: bool = False
) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
        raise ScenarioInputError(field, f"expected a number in {unit}, got {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise ScenarioInputError(field, f"expected a finite number in {unit}, got {value!r}")
    too_low = number <= low if low_open else number < low
    if too_low or number > high:
        bound = ">" if low_open else "≥"
        raise ScenarioInputError(
            field, f"must be {bound} {low:g} and ≤ {high:g} {unit}, got {number:g}"
        )
    return number


# Growth rates below -100% would make GDP or budgets negative; the upper
# bounds only catch typing slips (Türkiye's CPI reached 75% a year in 2022).
_YEAR_LIMITS = {
    Measure.REAL_GROWTH: (-100.0, 1000.0, "% a year", True),
    Measure.DEFLATOR: (-100.0, 1000.0, "% a year", True),
    Measure.NOMINAL_GDP: (0.0, 1e9, "billion national currency", True),
    Measure.CORE_BUDGET: (0.0, 1e12, "million national currency", False),
    Measure.RELATED_SHARE: (0.0, 100.0, "% of GDP", False),
    Measure.EXCHANGE_RATE: (0.0, 1e7, "national currency per USD", True),
}


def _validate_year_value(measure: Measure, iso3: str, year: int, value: object) -> float:
    if measure is Measure.EXCHANGE_RATE and iso3 == "USA":
        raise ScenarioInputError(
            f"{MEASURE_LABELS[measure]} (USA, {year})", "the US dollar is the unit: always 1"
        )
    low, high, unit, low_open = _YEAR_LIMITS[measure]
    return _check_range(
        f"{MEASURE_LABELS[measure]} ({iso3}, {year})", value, low, high, unit, low_open=low_open
    )


def _validate_target_year(scenario: Scenario, field: str, year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, (int, np.integer)):
        raise ScenarioInputError(field, f"expected a year, got {year!r}")
    if not scenario.base_year < year <= MAX_HORIZON:
        raise ScenarioInputError(
            field, f"must be between {scenario.base_year + 1} and {MAX_HORIZON}, got {year}"
        )
    return int(year)


def _enum_value(enum: type[StrEnum], value: object, field: str) -> StrEnum:
    try:
        return enum(value)
    except ValueError:
        choices = ", ".join(member.value for member in enum)
        raise ScenarioInputError(field, f"expected one of {choices}, got {value!r}") from None


def _validate_core_policy(scenario: Scenario, iso3: str, policy: CorePolicy) -> CorePolicy:
    label = f"core budget policy ({iso3})"
    kind = _enum_value(BudgetPolicy, policy.kind, f"{label} kind")
    rate = _check_range(
        f"{label} growth rate", policy.rate_pct, -100.0, 1000.0, "% a year", low_open=True
    )
    share = (
        None
        if policy.share_pct is None
        else _check_range(f"{label} share", policy.share_pct, 0.0, 100.0, "% of GDP")
    )
    target = _check_range(f"{label} target", policy.target_pct, 0.0, 100.0, "% of GDP")
    year = _validate_target_year(scenario, f"{label} target year", policy.target_year)
    until = (
        None
        if policy.growth_until is None
        else _validate_target_year(scenario, f"{label} grow-until year", policy.growth_until)
    )
    return replace(
        policy,
        kind=kind,
        rate_pct=rate,
        share_pct=share,
        target_pct=target,
        target_year=year,
        growth_until=until,
    )


def _validate_related_track(scenario: Scenario, iso3: str, track: RelatedTrack) -> RelatedTrack:
    label = f"related spending ({iso3})"
    kind = _enum_value(RelatedPolicy, track.kind, f"{label} kind")
    share = _check_range(f"{label} share", track.share_pct, 0.0, 100.0, "% of GDP")
    target = _check_range(f"{label} target", track.target_pct, 0.0, 100.0, "% of GDP")
    year = _validate_target_year(scenario, f"{label} target year", track.target_year)
    return replace(track, kind=kind, share_pct=share, target_pct=target, target_year=year)
