"""Data > Sources: vintages and reference series in the window (import, use, remove, plot)."""
