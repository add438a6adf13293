"""Three facts about a path toward a target, instead of one invented verdict.

The Hague declaration asks allies for "annual plans showing a credible,
incremental path" and sets no number (DESIGN §4). So the planner reports,
per ally:

1. **reached**: whether the share reaches the target by the target year;
2. **incremental**: whether the share never falls from one year to the next
   before it reaches the target (the first year it falls, if it does);
3. **timing**: the part of the needed increase done by the 2029 review, beside
   the part a linear path would have done, ``(2029 − b) / (T − b)`` (33% for
   2026 → 2035). The path is called *back-loaded* only when its part is below
   a user-set fraction of the linear part: that threshold is **this tool's
   heuristic**, not the declaration's, and is a setting of the scenario.

A path that does not reach its target reports that fact only: the timing of
an increase it does not make is not reported (the default scenario, which
holds today's share, says "does not reach 3.5% by 2035", not also "0% of the
increase by 2029"). An ally at or above the target in the base year needs no
increase: no timing either. Nor does an ally that needs less than
:data:`MIN_TIMED_INCREASE_PP` more: the part of an increase of 0.01 pp done by
2029 is rounding noise (Denmark, 3.49% against 3.5%, read "−119% of the
increase by 2029" on a plan whose share dips by 0.01 pp first). That
threshold is this tool's heuristic too.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: Default back-loading threshold, as a fraction of the linear path's part by the review.
DEFAULT_BACKLOAD_FRACTION = 0.5
#: Shares are compared with targets after rounding noise of this size (pp).
TOLERANCE_PP = 1e-9
#: Below this needed increase (pp of GDP) the timing is not reported (this tool's
#: heuristic): NATO publishes shares to two decimals and revises base-year shares by
#: 0.10-0.32 pp (RMS by edition, data/nato_share_gdp_vintages.csv; SOURCES.md §8), so
#: the part of a smaller increase done by 2029 says nothing about the plan.
MIN_TIMED_INCREASE_PP = 0.1


RECORD_KEYS = (
    "reaches_target",
    "incremental",
    "share_of_increase_by_review_pct",
    "linear_share_of_increase_by_review_pct",
    "back_loaded",
)


@dataclass(frozen=True)
class PathFacts:
    """The facts about one ally's path (shares in % of GDP, fractions 0..1).

    ``share_of_increase_by_review`` is the fraction of the needed increase
    (target − base-year share) done by the review year, None when the path
    does not reach the target or no increase is needed; ``linear_share_of_increase``
    the linear path's fraction; ``backload_fraction`` the threshold used, as a
    fraction of the linear part.
    """

    has_path: bool
    target_pct: float
    target_year: int
    review_year: int
    reaches_target: bool
    first_year_falls: int | None
    share_of_increase_by_review: float | None
    linear_share_of_increase: float
    backload_fraction: float
    already_met: bool
    #: Needs more than nothing but less than :data:`MIN_TIMED_INCREASE_PP`: no timing.
    small_increase: bool = False

    @property
    def incremental(self) -> bool:
        """True when the share never falls before the target is reached."""
        return self.first_year_falls is None

    @property
    def back_loaded(self) -> bool:
        """True when the part done by the review is below the threshold × the linear part."""
        done = self.share_of_increase_by_review
        return (
            done is not None
            and done < self.backload_fraction * self.linear_share_of_increase - 1e-12
        )

    @property
    def needs_attention(self) -> bool:
        """True when any of the three facts is unfavourable (for sorting and colour only)."""
        return self.has_path and (
            not self.reaches_target or not self.incremental or self.back_loaded
        )

    def record(self) -> dict[str, object]:
        """The facts as plain values for tables and CSV (None where not applicable):
        ``reaches_target``, ``incremental``, ``back_loaded`` as "yes"/"no";
        ``share_of_increase_by_review_pct`` and ``linear_share_of_increase_by_review_pct`` in %."""
        if not self.has_path:
            return dict.fromkeys(RECORD_KEYS)
        done = self.share_of_increase_by_review

        def yes_no(flag: bool) -> str:
            return "yes" if flag else "no"

        return {
            "reaches_target": yes_no(self.reaches_target),
            "incremental": yes_no(self.incremental),
            "share_of_increase_by_review_pct": None if done is None else round(100 * done, 1),
            "linear_share_of_increase_by_review_pct": round(100 * self.linear_share_of_increase, 1),
            "back_loaded": None if done is None else yes_no(self.back_loaded),
        }

    def describe(self) -> str:
        """The facts in English, e.g. "reaches 3.5% by 2035; incremental; 33% of the
        increase by 2029 (linear path: 33%)". The UI words them in its own language."""
        if not self.has_path:
            return "no armed forces: no target path"
        target = f"{self.target_pct:g}%"
        parts = [
            f"reaches {target} by {self.target_year}"
            if self.reaches_target
            else f"does not reach {target} by {self.target_year}"
        ]
        if self.already_met:
            parts[0] = f"at or above {target} in the base year"
        parts.append(
            "incremental" if self.incremental else f"share falls in {self.first_year_falls}"
        )
        if self.share_of_increase_by_review is not None:
            timing = (
                f"{self.share_of_increase_by_review:.0%} of the increase by {self.review_year} "
                f"(linear path: {self.linear_share_of_increase:.0%})"
            )
            if self.back_loaded:
                timing += (
                    f", back-loaded (below {self.backload_fraction:.0%} of linear; "
                    "this tool's heuristic)"
                )
            parts.append(timing)
        elif self.small_increase:
            parts.append(
                f"needs less than {MIN_TIMED_INCREASE_PP:g} pp more: timing not reported "
                "(this tool's heuristic)"
            )
        return "; ".join(parts)


def linear_share_of_increase(base_year: int, target_year: int, review_year: int) -> float:
    """Fraction of an increase a linear path from ``base_year`` to ``target_year``
    has done by ``review_year`` (1.0 when the target year is not after the review)."""
    if target_year <= review_year:
        return 1.0
    return max(review_year - base_year, 0) / (target_year - base_year)


def path_facts(
    shares_pct: np.ndarray,
    base_year: int,
    targets_pct: np.ndarray,
    target_years: np.ndarray,
    review_year: int,
    backload_fraction: float,
    has_path: np.ndarray,
) -> list[PathFacts]:
    """The facts of every path (rows) toward its target.

    Parameters
    ----------
    shares_pct : ndarray (allies × years)
        Shares of GDP (%) from ``base_year`` on, at least to the latest target year.
    base_year : int
        Year of column 0.
    targets_pct : ndarray
        Target per ally (% of GDP).
    target_years : ndarray of int
        Year by which each ally's target is to be reached.
    review_year : int
        The review (2029); the part of the increase is measured in
        ``min(review_year, target_year)``.
    backload_fraction : float
        Threshold, as a fraction of the linear path's part (this tool's heuristic).
    has_path : ndarray of bool
        False for allies without NATO figures (Iceland).
    """
    n_years = shares_pct.shape[1]
    target_cols = np.clip(np.asarray(target_years) - base_year, 0, n_years - 1).astype(int)
    cols = np.arange(n_years)[None, :]
    with np.errstate(invalid="ignore"):
        met = shares_pct >= targets_pct[:, None] - TOLERANCE_PP
        met_by_target = met & (cols <= target_cols[:, None])
        reached = met_by_target.any(axis=1)
        # Before the target is reached: up to the first year met, else to the target year.
        last = np.where(reached, met_by_target.argmax(axis=1), target_cols)
        falls = np.diff(shares_pct, axis=1) < -TOLERANCE_PP
        falls &= cols[:, 1:] <= last[:, None]
        needed = targets_pct - shares_pct[:, 0]
    has_falls = falls.any(axis=1)
    first_fall = falls.argmax(axis=1) + 1
    facts = []
    for i in range(len(shares_pct)):
        target_year = int(target_years[i])
        linear = linear_share_of_increase(base_year, target_year, review_year)
        already = bool(has_path[i]) and bool(needed[i] <= TOLERANCE_PP)
        small = bool(has_path[i]) and not already and bool(needed[i] < MIN_TIMED_INCREASE_PP)
        done = None
        if has_path[i] and reached[i] and not already and not small:
            review_col = min(max(review_year - base_year, 0), int(target_cols[i]))
            done = float((shares_pct[i, review_col] - shares_pct[i, 0]) / needed[i])
        facts.append(
            PathFacts(
                has_path=bool(has_path[i]),
                target_pct=float(targets_pct[i]),
                target_year=target_year,
                review_year=review_year,
                reaches_target=bool(has_path[i] and reached[i]),
                first_year_falls=base_year + int(first_fall[i])
                if has_path[i] and has_falls[i]
                else None,
                share_of_increase_by_review=done,
                linear_share_of_increase=linear,
                backload_fraction=float(backload_fraction),
                already_met=already,
                small_increase=small,
            )
        )
    return facts
