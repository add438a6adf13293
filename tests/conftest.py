"""Test set-up shared by every package: Qt offscreen, no user settings touched."""

import os

# Before any Qt import: CI has no display, and tests must never pop windows.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
