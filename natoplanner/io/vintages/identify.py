"""What a file is: a NATO edition, an IMF WEO release, a reference series, or neither.

``natoplanner import`` and File > Import use this to route a file: a
vintage to the vintage readers, history from another source to a reference
series, anything else to the scenario-input importer (io/sources).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from natoplanner.core.allies import AllyRegistry
from natoplanner.core.dataset import LAST_DATA_YEAR
from natoplanner.io.errors import FileProblemError
from natoplanner.io.vintages.files import open_source
from natoplanner.io.vintages.nato_edition import is_nato_edition
from natoplanner.io.vintages.reference import find_reference, history_sheet, last_header_year
from natoplanner.io.vintages.weo import find_weo_sheet


class SourceKind(StrEnum):
    """What ``import --as`` accepts."""

    VINTAGE = "vintage"
    REFERENCE = "reference"
    INPUTS = "inputs"


@dataclass(frozen=True)
class Identification:
    """What a file was found to be, in one line (``description``)."""

    kind: SourceKind
    reader: str  # "nato_edition", "imf_weo", "sipri", "world_bank", "" for inputs
    description: str


def identify(
    path: str | Path,
    registry: AllyRegistry | None = None,
    last_history_year: int = LAST_DATA_YEAR,
) -> Identification:
    """Say what ``path`` is; files that cannot be opened are scenario inputs to the importer.

    (The importer then reports why the file cannot be read, in its own words.)
    A sheet of allies' figures whose years all lie at or before
    ``last_history_year`` (the base year: nothing to project) is history, a
    national outturn, and becomes a reference series; a SIPRI or World Bank
    file with later years is left to the importer as scenario inputs.
    """
    name = Path(path).name
    try:
        table = open_source(path)
        if is_nato_edition(table):
            return Identification(
                SourceKind.VINTAGE,
                "nato_edition",
                f"{name}: NATO's edition workbook (history, estimates flagged) → a NATO edition "
                "vintage",
            )
        if find_weo_sheet(table) is not None:
            return Identification(
                SourceKind.VINTAGE,
                "imf_weo",
                f"{name}: an IMF World Economic Outlook file (forecasts) → a GDP forecast vintage",
            )
        if {"about", "assumptions"} <= {n.strip().casefold() for n in table.sheet_names}:
            return Identification(SourceKind.INPUTS, "", f"{name}: a natoplanner scenario")
        reference = find_reference(table)
        if reference is None:
            registry = registry or AllyRegistry.bundled()
            outturn = history_sheet(table, registry, last_history_year)
            if outturn is not None:
                reference = ("national", outturn)
    except FileProblemError:
        return Identification(SourceKind.INPUTS, "", f"{name}: scenario inputs")
    if reference is not None:
        kind, sheet = reference
        label = {
            "sipri": "SIPRI's military expenditure workbook",
            "world_bank": "a World Bank download of MS.MIL.XPND.GD.ZS",
            "national": f"allies' figures for years up to {last_history_year} only (an outturn)",
        }[kind]
        last_year = last_header_year(sheet)
        if last_year is not None and last_year > last_history_year:
            # Figures for projection years: the importer can use them as inputs.
            return Identification(
                SourceKind.INPUTS,
                "",
                f"{name}: {label} with figures after {last_history_year} → scenario inputs "
                "(--as reference keeps it as a reference series)",
            )
        return Identification(
            SourceKind.REFERENCE,
            kind,
            f"{name}: {label} (history from another source) → a reference series",
        )
    return Identification(SourceKind.INPUTS, "", f"{name}: scenario inputs")
