"""Small helpers every window uses: number formatting, labels for core enums,
the read-only table model and action helpers."""
