"""Reasons worded for the user, in English, that the window can say in its own language.

A :class:`Reason` is the English text itself (a ``str``: the command line, logs and
every comparison see the words as before) that also keeps its template and values:
``Reason("{iso3} {year} is given again in {cell}", iso3="POL", year=2028, cell="C7")``.
The window translates the template ("ImportReasons" context, French in
scripts/translations_fr.py) and fills in the same values, translating values that are
reasons themselves. ``scripts/update_translations.py`` collects every literal template
written as ``Reason("…", …)`` in ``natoplanner/io``.
"""

from __future__ import annotations

from collections.abc import Mapping


class Reason(str):
    """English text of ``template.format(**params)``, with ``template`` and ``params`` kept."""

    template: str
    params: Mapping[str, object]

    def __new__(cls, template: str, **params: object) -> Reason:
        english = {key: _english(value) for key, value in params.items()}
        text = super().__new__(cls, template.format(**english))
        text.template = template
        text.params = params
        return text

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, object]]:
        return (self.template,), dict(self.params)


def _english(value: object) -> object:
    """A value as the English text shows it: an ally by its English name, a unit or
    measure by its label; anything else as it is (numbers keep their format spec)."""
    if hasattr(value, "name_en"):
        return value.name_en
    label = getattr(value, "label", None)
    return label if isinstance(label, str) else value
