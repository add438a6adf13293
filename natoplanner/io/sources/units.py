"""What a table measures and in which unit, from its words and then from its values.

Keywords in the sheet name, title rows and headers ("% of GDP", "current
US$", "millions", "milliards d'euros"...) name the measure, the currency and
the scale; shares below 1 are fractions; budgets and GDP without a stated
unit are compared with NATO's published figures to find the scale.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from natoplanner.core.allies import normalise_name
from natoplanner.core.dataset import Dataset
from natoplanner.io.sources.settings import SourceMeasure, Unit

_INFLATION = re.compile(
    r"inflation|consumer price|\bcpi\b|\bhicp\b|deflat|pcpipch|prix a la consommation|"
    r"indice des prix"
)
_SHARE = re.compile(
    r"(share|percent(age)?|per cent|pourcentage|part|ratio|%|en %)\s*(of|du|de|des|in|to)?\s*"
    r"(the\s*)?(gdp|gross domestic product|pib|produit interieur brut)|%\s*gdp|gdp\s*share|"
    r"as a share of gdp|milex gdp"
)
_GROWTH = re.compile(
    r"growth|croissance|ngdp_rpch|percent change|% change|variation annuelle|"
    r"annual %|kd\.zg|real gdp change|volume change"
)
_BUDGET = re.compile(
    r"militar|defen[cs]e|defense|armed forces|budget|depenses|expenditure|spending|milex|"
    r"credits|armee|ministere des armees"
)
_GDP = re.compile(r"\bgdp\b|gross domestic product|\bpib\b|produit interieur brut|\bngdp\b")
_USD = re.compile(r"us\s?\$|\busd\b|u\.s\. dollar|us dollar|\bdollars?\b|\$")
_NATIONAL = re.compile(
    r"\blcu\b|local currenc|national currenc|monnaie nationale|\beur\b|€|euros?\b|"
    r"\bpln\b|\bgbp\b|£|zloty|\bnok\b|\bsek\b|\bdkk\b|\bcad\b|\bczk\b|\btry\b|\bhuf\b|\bron\b"
)
_SCALES = (
    (1e9, re.compile(r"\bbillions?\b|\bbn\b|milliards?|\bmrd\b|\bbln\b")),
    (1e6, re.compile(r"\bmillions?\b|\bmn\b|\bmio\b|\bmln\b|m€|€m|\$m|\bm\$")),
    (1e3, re.compile(r"\bthousands?\b|milliers|k€|'000|\b000s\b|\bthousand\b")),
)


@dataclass(frozen=True)
class UnitHint:
    """What the texts say about the unit: currency (None = silent) and scale."""

    usd: bool | None = None
    scale: float | None = None


def guess_measure(texts: list[str]) -> tuple[SourceMeasure, UnitHint, str]:
    """The measure the describing texts name, a unit hint, and a note saying why."""
    folded = " | ".join(
        normalise_name(t)
        if "%" not in t and "$" not in t and "€" not in t and "£" not in t
        else _fold_keep_symbols(t)
        for t in texts
    )
    checks = (
        (SourceMeasure.INFLATION, _INFLATION),
        (SourceMeasure.SHARE_OF_GDP, _SHARE),
        (SourceMeasure.REAL_GROWTH, _GROWTH),
        (SourceMeasure.CORE_BUDGET, _BUDGET),
        (SourceMeasure.NOMINAL_GDP, _GDP),
    )
    measure, why = (
        SourceMeasure.CORE_BUDGET,
        "measure not named in the file: assumed core defence budget — check it",
    )
    for candidate, pattern in checks:
        if match := pattern.search(folded):
            measure, why = (
                candidate,
                f'measure: {candidate.label} (the file says "{_words_at(folded, match)}")',
            )
            break
    usd = True if _USD.search(folded) else (False if _NATIONAL.search(folded) else None)
    scale = next((factor for factor, pattern in _SCALES if pattern.search(folded)), None)
    return measure, UnitHint(usd, scale), why


def _words_at(text: str, match: re.Match[str]) -> str:
    start = text.rfind(" ", 0, match.start()) + 1
    end = text.find(" ", match.end())
    return text[start : end if end >= 0 else len(text)].strip(" |")


def _fold_keep_symbols(text: str) -> str:
    return " ".join(
        normalise_name(part) if part not in "%$€£" else part for part in re.split(r"([%$€£])", text)
    ).replace("  ", " ")


def guess_unit(
    measure: SourceMeasure, hint: UnitHint, values: list[tuple[str, int, float]], dataset: Dataset
) -> tuple[Unit, str]:
    """The unit of ``values`` for ``measure``, and a note saying how it was decided."""
    numbers = np.array([v for _, _, v in values], dtype=float)
    if not measure.is_money:
        if (
            measure is SourceMeasure.SHARE_OF_GDP
            and len(numbers)
            and np.nanmax(np.abs(numbers)) < 1.0
            and np.nanmedian(np.abs(numbers)) < 0.2
        ):
            return Unit.FRACTION, (
                f"shares read as fractions of GDP: values {numbers.min():.4g} to "
                f"{numbers.max():.4g} (0.0425 = 4.25%)"
            )
        unit_note = "values read as percent"
        if measure is SourceMeasure.SHARE_OF_GDP and len(numbers):
            unit_note = (
                f"shares read as percent of GDP: values {numbers.min():.4g} to {numbers.max():.4g}"
            )
        return Unit.PERCENT, unit_note
    by_data = _unit_from_published(measure, values, dataset)
    if hint.usd is not None and hint.scale is not None:
        unit = Unit.money(hint.usd, hint.scale)
        note = f"unit from the file's text: {unit.label}"
        if by_data is not None and by_data[0] != unit:
            note += (
                f" — but the values look like {by_data[0].label} when compared with NATO's "
                f"published figures ({by_data[1]}); check it"
            )
        return unit, note
    if (
        by_data is not None
        and (hint.usd is None or by_data[0].is_usd == hint.usd)
        and (hint.scale is None or by_data[0].scale == hint.scale)
    ):
        return (
            by_data[0],
            f"unit {by_data[0].label}, found by comparing with NATO's published figures "
            f"({by_data[1]})",
        )
    usd = bool(hint.usd)
    scale = hint.scale or (1e6 if measure is SourceMeasure.CORE_BUDGET else 1e9)
    unit = Unit.money(usd, scale)
    return unit, f"unit not stated in the file: assumed {unit.label} — check it"


def _unit_from_published(
    measure: SourceMeasure, values: list[tuple[str, int, float]], dataset: Dataset
) -> tuple[Unit, str] | None:
    """Compare values with NATO's figures for the same ally and year to find currency and scale."""
    history = dataset.history.set_index(["iso3", "year"])
    if measure is SourceMeasure.CORE_BUDGET:
        references = {
            False: history["defence_exp_national_million"] * 1e6,
            True: history["defence_exp_usd_million_current"] * 1e6,
        }
    else:
        references = {
            False: history["gdp_national_billion_derived"] * 1e9,
            True: history["gdp_usd_billion_current"] * 1e9,
        }
    keys = [(iso3, year) for iso3, year, _ in values]
    best: tuple[float, Unit, str] | None = None
    for usd, reference in references.items():
        published = reference.reindex(keys).to_numpy(dtype=float)
        numbers = np.array([v for _, _, v in values], dtype=float)
        ok = np.isfinite(published) & (published > 0) & (numbers > 0)
        if ok.sum() < 2:
            continue
        for scale in (1.0, 1e3, 1e6, 1e9):
            errors = np.abs(np.log10(numbers[ok] * scale / published[ok]))
            median = float(np.median(errors))
            if median < math.log10(1.25) and (best is None or median < best[0]):
                best = (
                    median,
                    Unit.money(usd, scale),
                    f"median gap {10**median - 1:.1%} over {int(ok.sum())} ally-years",
                )
    return (best[1], best[2]) if best else None
