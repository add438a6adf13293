"""The preview's unit check: every change against the scenario's path for its ally and year.

A figure far from its path that fits another unit is refused; when most are far off, the unit is
wrong and the import is blocked, naming the unit that fits (this tool's 10x heuristic).
"""

from __future__ import annotations

from natoplanner.core.scenario import Measure
from natoplanner.io.reasons import Reason
from natoplanner.io.sources.plan import Change, SkippedItem
from natoplanner.io.sources.plausibility import Reference, is_plausible
from natoplanner.io.sources.settings import Unit, units_for


class UnitCheck:
    """Checks the plan's changes against the scenario's path (a mixin of the plan builder).

    Uses the builder's ``settings``, ``plan``, ``references``, ``_grid``, and
    :class:`~natoplanner.io.sources.preview.cells.CellReader`'s ``_convert`` and ``_invalid``.
    """

    def _check_plausibility(self) -> None:
        """Compare every change with the scenario's path for that ally and year.

        A figure far from its path that fits another unit (a fraction among
        percents, thousands among millions) is refused; one that fits no unit
        is a warning. When most figures are far off, the unit is wrong: the
        import is refused, with the unit that fits them.
        """
        checked: list[tuple[Change, float]] = []
        odd: list[tuple[Change, float, Unit | None]] = []
        for change in self.plan.changes:
            reference = self.references.reference(change.measure, change.iso3, change.year)
            if reference is None:
                continue
            checked.append((change, reference.value))
            if not is_plausible(change.measure, change.value, reference):
                odd.append((change, reference.value, self._fitting_unit(change, reference)))
        if not odd:
            return
        s = self.settings
        mostly = len(odd) > len(checked) / 2
        if mostly:
            likely = self._likely_unit(checked)
            change, ref, _ = odd[0]
            self.plan.blocking.append(
                SkippedItem(
                    change.source,
                    "implausible figures",
                    Reason(
                        (
                            "{odd} of {checked} figures read as {unit} are far from the "
                            "scenario's path for their ally (e.g. {iso3} {year}: {value:.4g} "
                            "against {ref:.4g}, this tool's 10× heuristic); they look like "
                            "{likely}"
                            if likely
                            else "{odd} of {checked} figures read as {unit} are far from the "
                            "scenario's path for their ally (e.g. {iso3} {year}: {value:.4g} "
                            "against {ref:.4g}, this tool's 10× heuristic)"
                        ),
                        odd=len(odd),
                        checked=len(checked),
                        unit=s.unit,
                        iso3=change.iso3,
                        year=change.year,
                        value=change.value,
                        ref=ref,
                        likely=likely,
                    ),
                )
            )
            self.plan.likely_unit = likely
        refused = set()
        for change, ref, fitting in odd:
            r, c = self._grid_of(change.source)
            facts = {
                "number": change.source_value,
                "unit": s.unit,
                "value": change.value,
                "ref": ref,
                "iso3": change.iso3,
                "year": change.year,
            }
            if fitting is not None or mostly:
                reason = Reason(
                    (
                        "implausible: {number:g} read as {unit} is {value:.4g} against "
                        "{ref:.4g} on the scenario's path for {iso3} {year}; it fits {fitting}: "
                        "the column mixes units"
                        if fitting is not None
                        else "implausible: {number:g} read as {unit} is {value:.4g} against "
                        "{ref:.4g} on the scenario's path for {iso3} {year}"
                    ),
                    fitting=fitting,
                    **facts,
                )
                self._invalid(r, c, reason, change.iso3, change.year, change.source_value)
                refused.add(change.source)
            else:
                self.plan.warnings.append(
                    SkippedItem(
                        change.source,
                        "implausible figure",
                        Reason(
                            "check this figure: {number:g} read as {unit} is {value:.4g} against "
                            "{ref:.4g} on the scenario's path for {iso3} {year} (this tool's "
                            "heuristic)",
                            **facts,
                        ),
                    )
                )
        if refused:
            self.plan.changes = [c for c in self.plan.changes if c.source not in refused]

    def _fitting_unit(self, change: Change, reference: Reference) -> Unit | None:
        """Another unit under which this figure would be plausible (the likely mistake)."""
        for unit in units_for(self.settings.measure):
            if unit is self.settings.unit:
                continue
            try:
                value = self._convert(change.iso3, change.year, change.source_value, unit)
            except ValueError:
                continue
            if is_plausible(change.measure, value, reference):
                return unit
        return None

    def _likely_unit(self, checked: list[tuple[Change, float]]) -> Unit | None:
        """The unit under which most figures are plausible, if one is."""
        best: tuple[int, Unit] | None = None
        for unit in units_for(self.settings.measure):
            fits = 0
            for change, ref in checked:
                try:
                    value = self._convert(change.iso3, change.year, change.source_value, unit)
                except ValueError:
                    continue
                fits += is_plausible(change.measure, value, Reference(ref, _unit_of(change)))
            if fits > len(checked) / 2 and (best is None or fits > best[0]):
                best = (fits, unit)
        return best[1] if best else None

    def _grid_of(self, address: str) -> tuple[int, int]:
        return self._grid[address]


def _unit_of(change: Change) -> str:
    if change.measure in (Measure.REAL_GROWTH, Measure.DEFLATOR):
        return "%"
    if change.measure is Measure.NOMINAL_GDP:
        return "billion national currency"
    return "million national currency"
