"""Errors the core raises for bad input, worded for the person who typed it."""

from __future__ import annotations


class ScenarioInputError(ValueError):
    """An input a scenario cannot hold (unknown ally, year out of range, negative GDP...).

    ``field`` names the input (e.g. ``"core budget override (POL, 2030)"``) so a
    user interface can show the message at the right place.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
