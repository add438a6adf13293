"""Indicators shown to a minister: path facts and alliance aggregates (DESIGN §4)."""
