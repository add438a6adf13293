"""What a file is: a NATO edition, an IMF WEO release, a reference series, or neither.

``natoplanner import`` and File > Import use this to route a file: a
vintage to the vintage readers, history from another source to a reference
series, anything else to the scenario-input importer (io/sources).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from natoplanner.io.errors import FileProblemError
from natoplanner.io.vintages.files import open_source
from natoplanner.io.vintages.nato_edition import is_nato_edition
from natoplanner.io.vintages.reference import find_reference
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


def identify(path: str | Path) -> Identification:
    """Say what ``path`` is; files that cannot be opened are scenario inputs to the importer.

    (The importer then reports why the file cannot be read, in its own words.)
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
        reference = find_reference(table)
    except FileProblemError:
        return Identification(SourceKind.INPUTS, "", f"{name}: scenario inputs")
    if reference is not None:
        kind, _ = reference
        label = {
            "sipri": "SIPRI's military expenditure workbook",
            "world_bank": "a World Bank download of MS.MIL.XPND.GD.ZS",
        }[kind]
        return Identification(
            SourceKind.REFERENCE,
            kind,
            f"{name}: {label} (history from another source) → a reference series",
        )
    return Identification(SourceKind.INPUTS, "", f"{name}: scenario inputs")
