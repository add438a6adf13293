"""The live formulas of the ``Results`` sheet, mirroring core/projection.py.

Each function returns the formula text for one cell, so the writer places
them and the reader can tell a formula a person replaced by hand. Every
formula refers to ``Assumptions`` (inputs and base-year figures) or to the
cell to its left (the previous year), exactly as the projection recurses:

- GDP[t] = override, else GDP[t-1]·(1+g/100)·(1+p/100);
- pp cost[t] = B[b]/share[b] · GDP[t]/GDP[b];
- budget[t] = override, else the policy (nominal/real growth on B[t-1],
  constant share · pp cost, ramp share · pp cost, explicit: B[t-1]);
- a ramp restarts from the share an override implies (helper blocks hold the
  ramp's start year and start share);
- share = budget / pp cost; related share = override, else its track;
  total = core + related; gaps = target − share (pp), · pp cost (money).

The app and the formulas read every input cell alike: a drop-down word is
compared after TRIM and in any case (the reader's ``policy_word``), an
unknown word gives #N/A; a cleared policy cell takes the same default as the
app (``IF(ISBLANK(...))``, from the core's dataclasses); a number typed as
text gives #N/A (the app warns, naming the cell, and its next save writes a
number).
"""

from __future__ import annotations

from functools import cache, lru_cache

from openpyxl.utils import get_column_letter

from natoplanner.core.scenario import (
    RELATED_CAP_PCT,
    BudgetPolicy,
    CorePolicy,
    RelatedPolicy,
    RelatedTrack,
    Targets,
)
from natoplanner.io.workbook.layout import (
    POLICY_COLUMN_INDEX,
    RESULT_BLOCKS,
    SHEET_ASSUMPTIONS,
    Layout,
    policy_label,
)

#: What a cleared policy cell means, on both sides (the reader uses the same dataclass defaults).
POLICY_DEFAULTS: dict[str, float] = {
    "rate_pct": CorePolicy.rate_pct,
    "target_pct": CorePolicy.target_pct,
    "target_year": CorePolicy.target_year,
    "core_target_pct": Targets.core_pct,
    "total_target_pct": Targets.total_pct,
    "related_share_pct": RelatedTrack.share_pct,
    "related_target_pct": RelatedTrack.target_pct,
    "related_target_year": RelatedTrack.target_year,
}


def number_or(cell: str, default: str) -> str:
    """``cell`` when it holds a number, ``default`` when it is empty, #N/A for text."""
    return f"IF(ISNUMBER({cell}),{cell},IF(ISBLANK({cell}),{default},NA()))"


def policy_word(cell: str) -> str:
    """A drop-down cell as compared: TRIM, any case (as the reader's ``policy_word``)."""
    return f"LOWER(TRIM({cell}))"


class ResultFormulas:
    """Formula text of every ``Results`` cell for one ally row set."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        # References repeat across the grid; caching them halves the build time.
        self._policy = cache(self._policy)  # type: ignore[method-assign]
        self._input = cache(self._input)  # type: ignore[method-assign]
        self._result = cache(self._result)  # type: ignore[method-assign]
        self._year = cache(self._year)  # type: ignore[method-assign]

    # -- references ----------------------------------------------------------
    def _policy(self, key: str, ally: int) -> str:
        column = get_column_letter(POLICY_COLUMN_INDEX[key])
        return f"{SHEET_ASSUMPTIONS}!${column}${self.layout.policy_row(ally)}"

    def _policy_number(self, key: str, ally: int) -> str:
        """A number of the policy table, with the app's default when the cell is cleared."""
        return number_or(self._policy(key, ally), f"{POLICY_DEFAULTS[key]:g}")

    def _input(self, block: str, ally: int, year: int) -> str:
        column = get_column_letter(self.layout.assumption_column(year))
        return f"{SHEET_ASSUMPTIONS}!{column}{self.layout.assumption_row(block, ally)}"

    def _result(self, block: str, ally: int, year: int, *, absolute_column: bool = False) -> str:
        column = get_column_letter(self.layout.result_column(year))
        return f"{'$' if absolute_column else ''}{column}{self.layout.result_row(block, ally)}"

    def _year(self, block: str, year: int) -> str:
        column = get_column_letter(self.layout.result_column(year))
        return f"{column}${self.layout.result_header_row(block)}"

    @staticmethod
    def _ramp(
        start_share: str,
        start_year: str,
        target: str,
        target_year: str,
        year: str,
        *,
        never_cut: bool = False,
    ) -> str:
        fraction = (
            f"IF({target_year}-{start_year}>0,({year}-{start_year})/({target_year}-{start_year}),1)"
        )
        if never_cut:  # a core ramp never cuts: from above its target it holds its share
            target = f"MAX({target},{start_share})"
        return f"({start_share}+({target}-{start_share})*MIN(1,MAX(0,{fraction})))"

    # -- one cell --------------------------------------------------------------
    def formula(self, block: str, ally: int, year: int) -> str | None:
        """The formula of result ``block`` for ``ally`` (row position) in ``year``, or None."""
        text = (
            self._base(block, ally)
            if year == self.layout.base_year
            else self._later(block, ally, year)
        )
        return "=" + text if text else None

    def _pp_cost(self, ally: int, year: int) -> str:
        b = self.layout.base_year
        return (
            f"{self._policy('base_budget_mn', ally)}/{self._policy('base_share_pct', ally)}"
            f"*{self._result('gdp', ally, year)}"
            f"/{self._result('gdp', ally, b, absolute_column=True)}"
        )

    def _base(self, block: str, ally: int) -> str:
        b = self.layout.base_year
        cell = {
            "gdp": lambda: self._policy("base_gdp_bn", ally),
            "pp_cost": lambda: self._pp_cost(ally, b),
            "ramp_year": lambda: "BaseYear",
            "ramp_share": lambda: self._policy("base_share_pct", ally),
            "budget": lambda: self._policy("base_budget_mn", ally),
            "related_ramp_year": lambda: "BaseYear",
            "related_ramp_share": lambda: self._policy_number("related_share_pct", ally),
            "related_share": lambda: self._related_base(ally),
            "price_index": lambda: "1",
            "fx": lambda: self._policy("fx_per_usd", ally),
        }.get(block)
        return cell() if cell else self._derived(block, ally, b)

    def _later(self, block: str, ally: int, year: int) -> str:
        previous = year - 1
        growth = self._result("growth", ally, year)
        deflator = self._result("deflator", ally, year)
        pp_cost = self._result("pp_cost", ally, year)
        budget_override = self._input("budget", ally, year)
        related_override = self._input("related", ally, year)
        before = self._result(block, ally, previous)
        match block:
            case "growth" | "deflator":
                override = self._input(block, ally, year)
                default = self._input(block + "_default", ally, year)
                return number_or(override, default)
            case "gdp":
                override = self._input("gdp", ally, year)
                grown = f"{self._result('gdp', ally, previous)}*(1+{growth}/100)*(1+{deflator}/100)"
                return number_or(override, grown)
            case "pp_cost":
                return self._pp_cost(ally, year)
            case "ramp_year" | "related_ramp_year":
                override = budget_override if block == "ramp_year" else related_override
                return f"IF(ISNUMBER({override}),{self._year(block, year)},{before})"
            case "ramp_share":
                implied = f"{self._result('budget', ally, year)}/{pp_cost}"
                return f"IF(ISNUMBER({budget_override}),{implied},{before})"
            case "related_ramp_share":
                return f"IF(ISNUMBER({related_override}),{related_override},{before})"
            case "budget":
                return self._budget(ally, year, budget_override, deflator, pp_cost)
            case "related_share":
                return self._related(ally, year, related_override)
            case "price_index":
                return f"{before}*(1+{deflator}/100)"
            case "fx":  # typed, else relative PPP from the year before
                us = self.layout.us_position
                relative = (
                    f"{before}*(1+{deflator}/100)/(1+{self._result('deflator', us, year)}/100)"
                )
                return number_or(self._input("fx", ally, year), relative)
        return self._derived(block, ally, year)

    def _budget(self, ally: int, year: int, override: str, deflator: str, pp_cost: str) -> str:
        previous = self._result("budget", ally, year - 1)
        policy = self._policy("core_policy", ally)
        rate = self._policy_number("rate_pct", ally)
        held = number_or(self._policy("share_pct", ally), self._policy("base_share_pct", ally))
        ramp = self._ramp(
            self._result("ramp_share", ally, year - 1),
            self._result("ramp_year", ally, year - 1),
            self._policy_number("target_pct", ally),
            self._policy_number("target_year", ally),
            self._year("budget", year),
            never_cut=True,
        )
        # Growth to the "grow until" year, then the share reached is held.
        until = self._policy("growth_until", ally)
        share_held = f"{previous}/{self._result('pp_cost', ally, year - 1)}*{pp_cost}"
        holding = f"AND(ISNUMBER({until}),{self._year('budget', year)}>{until})"
        branches = [
            (BudgetPolicy.NOMINAL_GROWTH, f"IF({holding},{share_held},{previous}*(1+{rate}/100))"),
            (
                BudgetPolicy.REAL_GROWTH,
                f"IF({holding},{share_held},{previous}*(1+{rate}/100)*(1+{deflator}/100))",
            ),
            (BudgetPolicy.CONSTANT_SHARE, f"{held}*{pp_cost}"),
            (BudgetPolicy.RAMP_TO_TARGET, f"{ramp}*{pp_cost}"),
            (BudgetPolicy.EXPLICIT, previous),  # the last amount holds
        ]
        return number_or(override, _choose(policy, branches))

    def _related(self, ally: int, year: int, override: str) -> str:
        policy = self._policy("related_policy", ally)
        start = self._policy_number("related_share_pct", ally)
        ramp = self._ramp(
            self._result("related_ramp_share", ally, year - 1),
            self._result("related_ramp_year", ally, year - 1),
            self._policy_number("related_target_pct", ally),
            self._policy_number("related_target_year", ally),
            self._year("related_share", year),
        )
        branches = [
            (RelatedPolicy.NOT_SET, "0"),
            (RelatedPolicy.CONSTANT_SHARE, start),
            (RelatedPolicy.RAMP_TO_TARGET, ramp),
        ]
        return number_or(override, _choose(policy, branches))

    def _related_base(self, ally: int) -> str:
        start = self._policy_number("related_share_pct", ally)
        branches = [
            (RelatedPolicy.NOT_SET, "0"),
            (RelatedPolicy.CONSTANT_SHARE, start),
            (RelatedPolicy.RAMP_TO_TARGET, start),
        ]
        return _choose(self._policy("related_policy", ally), branches)

    def _derived(self, block: str, ally: int, year: int) -> str:
        def r(key: str) -> str:
            return self._result(key, ally, year)

        match block:
            case "core_share":
                return f"{r('budget')}/{r('pp_cost')}"
            case "total_share":  # related counts up to 1.5% of GDP (Hague 3.5 + 1.5)
                return f"{r('core_share')}+MIN({r('related_share')},{RELATED_CAP_PCT:g})"
            case "core_gap_pp":
                return f"{self._policy_number('core_target_pct', ally)}-{r('core_share')}"
            case "total_gap_pp":
                return f"{self._policy_number('total_target_pct', ally)}-{r('total_share')}"
            case "core_gap_mn":
                return f"{r('core_gap_pp')}*{r('pp_cost')}"
            case "core_gap_usd_mn":  # deflated to base-year prices, at the base-year rate
                fx = self._policy("fx_per_usd", ally)
                return f"{r('core_gap_mn')}/{r('price_index')}/{fx}"
            case "core_usd_mn":
                return f"{r('budget')}/{r('fx')}"
            case "growth" | "deflator":
                return ""  # no base-year value: the base year is data
        raise KeyError(block)


def _choose(policy_cell: str, branches: list[tuple[object, str]]) -> str:
    """The branch whose drop-down word the cell holds; #N/A for any other word (the app refuses)."""
    word = policy_word(policy_cell)
    text = "NA()"
    for kind, expression in reversed(branches):
        text = f'IF({word}="{policy_label(kind)}",{expression},{text})'
    return text


@lru_cache(maxsize=4)
def formula_grid(layout: Layout) -> dict[str, tuple[tuple[str | None, ...], ...]]:
    """Every Results formula for ``layout``: {block key: rows of allies × years base..2040}.

    The formulas depend on the layout alone (positions, not values), so a
    save or a load reuses them instead of rebuilding 7,000 strings.
    """
    formulas = ResultFormulas(layout)
    years = list(layout.result_years)
    return {
        block.key: tuple(
            tuple(formulas.formula(block.key, ally, year) for year in years)
            for ally in range(layout.n_allies)
        )
        for block in RESULT_BLOCKS
    }
