"""What a table measures and in which unit, from its words and then from its values.

Keywords in the sheet name, title rows and headers ("% of GDP", "current
US$", "millions", "milliards d'euros"...) name the measure, the currency and
the scale; shares below 1 are fractions; budgets and GDP without a stated
unit are compared with NATO's published figures to find the scale.
"""

from __future__ import annotations

import math
import re

import numpy as np

from natoplanner.core.allies import normalise_name
from natoplanner.core.dataset import Dataset
from natoplanner.io.sources.settings import SourceMeasure, Unit, UnitHint

_INFLATION = re.compile(
    r"inflation|consumer price|\bcpi\b|\bhicp\b|deflat|pcpipch|prix a la consommation|"
    r"indice des prix"
)
_SHARE = re.compile(
    r"(share|percent(age)?|per cent|pourcentage|part|ratio|%|en %)\s*(of|du|de|des|in|to)?\s*"
    r"(the\s*)?((real|nominal|current|national)\s*)?"
    r"(gdp|gross domestic product|pib|produit interieur brut|gni)|"
    r"%\s*gdp|gdp\s*share|"
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
_CURRENCY = r"(€|\$|£|eur|euros?|usd|us \$|dollars?|gbp|pln|nok|sek|dkk|cad|czk|try|huf|ron|lcu)"
_SCALES = (
    (
        1e9,
        re.compile(
            r"\bthousand millions?\b|\bbillions?\b|\bbn\b|\bbln\b|\bmilliards?\b|\bmrds?\b|"
            rf"\bmds?\s?{_CURRENCY}|{_CURRENCY}\s?(bn|mds?|mrds?)\b|\bbnusd\b"
        ),
    ),
    (
        1e6,
        re.compile(
            r"\bmillions?\b|\bmn\b|\bmio\b|\bmln\b|\bmeur\b|\bmusd\b|"
            rf"\bm\s?{_CURRENCY}(?![a-z])|{_CURRENCY}\s?(m|mn|mio)\b"
        ),
    ),
    (
        1e3,
        re.compile(
            r"\bthousands?\b|\bmilliers?\b|\b000s?\b|\bkeur\b|\bteur\b|"
            rf"\bk\s?{_CURRENCY}(?![a-z])|{_CURRENCY}\s?k\b"
        ),
    ),
)


def guess_measure(texts: list[str]) -> tuple[SourceMeasure, UnitHint, str]:
    """The measure the describing texts name, a unit hint, and a note saying why.

    ``texts[0]`` is the sheet's name (a CSV file's name): the unit words of
    the titles and headers win over it ("bn.csv" says nothing against a
    header "million national currency").
    """
    folded = _fold(texts)
    inside = _fold(texts[1:]) if len(texts) > 1 else folded
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
    usd, scale = _currency(inside), _scale(inside)
    if usd is None:
        usd = _currency(folded)
    if scale is None:
        scale = _scale(folded)
    percent = "%" in folded or bool(_PERCENT_WORDS.search(folded))
    return measure, UnitHint(usd, scale, percent), why


def _fold(texts: list[str]) -> str:
    return " | ".join(
        normalise_name(t)
        if "%" not in t and "$" not in t and "€" not in t and "£" not in t
        else _fold_keep_symbols(t)
        for t in texts
    )


def _currency(folded: str) -> bool | None:
    return True if _USD.search(folded) else (False if _NATIONAL.search(folded) else None)


def _scale(folded: str) -> float | None:
    return next((factor for factor, pattern in _SCALES if pattern.search(folded)), None)


# "Percent change" and "in %" state the unit; "percentage of GDP" in a
# title does not (SIPRI's sheet says so above fractions).
_PERCENT_WORDS = re.compile(r"\bpercent change\b|\bin percent\b|\ben pourcentage\b|\bpct\b")


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
        return _rate_unit(measure, hint, values, numbers, dataset)
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


def _rate_unit(
    measure: SourceMeasure,
    hint: UnitHint,
    values: list[tuple[str, int, float]],
    numbers: np.ndarray,
    dataset: Dataset,
) -> tuple[Unit, str]:
    """Percent or fraction: a "%" in the headers decides; else NATO's shares, else the sizes."""
    span = f"values {numbers.min():.4g} to {numbers.max():.4g}" if len(numbers) else "no values"
    if hint.percent:
        return Unit.PERCENT, f"read as percent: the file's headers say % ({span})"
    if measure is SourceMeasure.SHARE_OF_GDP and len(numbers):
        published = _published_share_ratio(values, dataset)
        if published is not None:
            unit, ratio = published
            kind = "fractions of GDP (0.0425 = 4.25%)" if unit is Unit.FRACTION else "percent"
            return unit, (
                f"shares read as {kind}: compared with NATO's published shares of the same "
                f"allies, median ratio {ratio:.2f} ({span})"
            )
    small = len(numbers) and np.nanmax(np.abs(numbers)) < 1.0
    if measure is SourceMeasure.SHARE_OF_GDP and small and np.nanmedian(np.abs(numbers)) < 0.2:
        return Unit.FRACTION, f"shares read as fractions of GDP: {span} (0.0425 = 4.25%)"
    if (
        measure is not SourceMeasure.SHARE_OF_GDP
        and len(numbers)
        and np.nanmax(np.abs(numbers)) < 0.25
    ):
        return Unit.FRACTION, f"rates read as fractions (0.025 = 2.5%): {span}"
    if measure is SourceMeasure.SHARE_OF_GDP and len(numbers):
        return Unit.PERCENT, f"shares read as percent of GDP: {span}"
    return Unit.PERCENT, "values read as percent"


def _published_share_ratio(
    values: list[tuple[str, int, float]], dataset: Dataset
) -> tuple[Unit, float] | None:
    """Percent or fraction, by the median ratio to NATO's share of the same ally (nearest year)."""
    history = dataset.history.set_index(["iso3", "year"])["defence_share_gdp_pct"]
    last = int(dataset.history["year"].max())
    keys = [(iso3, min(year, last)) for iso3, year, _ in values]
    published = history.reindex(keys).to_numpy(dtype=float)
    numbers = np.array([v for _, _, v in values], dtype=float)
    ok = np.isfinite(published) & (published > 0) & (numbers > 0)
    if ok.sum() < 1:
        return None
    ratio = float(np.median(numbers[ok] / published[ok]))
    for unit, factor in ((Unit.PERCENT, 1.0), (Unit.FRACTION, 100.0)):
        if 1 / 4 <= ratio * factor <= 4:
            return unit, ratio * factor
    return None


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
    # Projection years are compared with the last published year; the band
    # widens with the distance (budgets may double by 2035, a unit is ×1000).
    last = int(dataset.history["year"].max())
    keys = [(iso3, min(year, last)) for iso3, year, _ in values]
    allowed = np.array(
        [math.log10(1.25) + 0.05 * max(0, year - last) for _, year, _ in values], dtype=float
    )
    best: tuple[float, Unit, str] | None = None
    for usd, reference in references.items():
        published = reference.reindex(keys).to_numpy(dtype=float)
        numbers = np.array([v for _, _, v in values], dtype=float)
        ok = np.isfinite(published) & (published > 0) & (numbers > 0)
        if ok.sum() < 2:
            continue
        for scale in (1.0, 1e3, 1e6, 1e9):
            errors = np.abs(np.log10(numbers[ok] * scale / published[ok]))
            excess = float(np.median(errors - allowed[ok]))
            median = float(np.median(errors))
            if excess < 0 and (best is None or median < best[0]):
                best = (
                    median,
                    Unit.money(usd, scale),
                    f"median gap {10**median - 1:.1%} over {int(ok.sum())} ally-years",
                )
    return (best[1], best[2]) if best else None
