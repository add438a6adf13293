"""Where bundled files live, found through the installed package.

Data and translations are looked up with :mod:`importlib.resources`, so a
wheel installed anywhere (or a frozen PyInstaller app) finds them; never via
paths relative to the working directory.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def data_path(name: str) -> Traversable:
    """A bundled dataset file (``data/`` in the repository)."""
    return files("natoplanner.data").joinpath(name)


def resource_path(name: str) -> Traversable:
    """A bundled resource file (``resources/`` in the repository): icons, translations."""
    return files("natoplanner.resources").joinpath(name)
