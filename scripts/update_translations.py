#!/usr/bin/env python3
"""Regenerate the French translation source and compile it.

    python scripts/update_translations.py [--refresh]

1. ``pyside6-lupdate`` reads every ``tr()`` / ``QCoreApplication.translate()``
   string in natoplanner/ui/**/*.py into resources/translations/natoplanner_fr.ts
   (existing translations are kept; new strings appear as "unfinished").
2. Strings still untranslated are filled from scripts/translations_fr.py
   (source text → French), then listed: translate what is left there or in
   Qt Linguist (``pyside6-linguist``). With ``--refresh`` a finished
   translation that differs from scripts/translations_fr.py is replaced by it
   too (after a French wording was corrected there); each change is listed.
3. ``pyside6-lrelease`` compiles natoplanner_fr.qm, which ships in the wheel
   (pyproject package-data) and is loaded by natoplanner/ui/shell/language.py.

Both tools come with PySide6-Essentials (next to the Python interpreter).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("fr",)


def tool(name: str) -> str:
    """The PySide6 tool ``name``, next to this interpreter or on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6-Essentials")
    return found


#: ``name.tr("…")`` outside a class: lupdate files these under the variable's
#: name, Qt looks them up under the object's class at run time.
OBJECT_CONTEXTS = {"window": "MainWindow", "context": "ImportDialog"}


def wrapper_strings(path: Path) -> list[tuple[str, str]]:
    """(context, text) pairs lupdate cannot see in ``path``.

    Feature modules translate through a module helper
    ``def _tr(text): return QCoreApplication.translate("Ctx", text)`` or call
    ``window.tr("…")`` in functions; lupdate reads neither correctly.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    helpers: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "translate"
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                    and len(call.args) > 1
                    and isinstance(call.args[1], ast.Name)
                ):
                    helpers[node.name] = str(call.args[0].value)
    found = []
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call) or not call.args:
            continue
        text = call.args[0]
        if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
            continue
        if isinstance(call.func, ast.Name) and call.func.id in helpers:
            found.append((helpers[call.func.id], text.value))
        elif (
            isinstance(call.func, ast.Attribute)
            and call.func.attr == "tr"
            and isinstance(call.func.value, ast.Name)
            and call.func.value.id in OBJECT_CONTEXTS
        ):
            found.append((OBJECT_CONTEXTS[call.func.value.id], text.value))
    return found


def add_wrapper_strings(ts: Path, pairs: list[tuple[str, str]]) -> None:
    """Put ``pairs`` in their run-time contexts; drop lupdate's variable-name contexts."""
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    for name in OBJECT_CONTEXTS:
        if name in contexts:
            root.remove(contexts.pop(name))
    for context_name, text in pairs:
        context = contexts.get(context_name)
        if context is None:
            context = contexts[context_name] = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = context_name
        if any(m.findtext("source") == text for m in context.iter("message")):
            continue
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation", type="unfinished")
    tree.write(ts, encoding="utf-8")


def translated_text(message: ET.Element) -> str | tuple[str, ...]:
    """A message's translation as in scripts/translations_fr.py (a tuple for plurals)."""
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return tuple(form.text or "" for form in translation)
    return translation.text or ""


def _same(french: str | tuple[str, ...], message: ET.Element) -> bool:
    current = translated_text(message)
    if isinstance(current, tuple):
        wanted = french if isinstance(french, tuple) else (french, french)
        return current == wanted
    return current == (french if isinstance(french, str) else french[-1])


REASONS_CONTEXT = "ImportReasons"


def _literal_templates(node: ast.expr) -> list[str]:
    """The string literals a ``Reason(...)`` template can be: a literal, or either
    branch of ``"…" if … else "…"``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literal_templates(node.body) + _literal_templates(node.orelse)
    return []


def reason_templates(root: Path) -> list[str]:
    """Every template written as ``Reason("…", …)`` under ``root`` (natoplanner/io), in
    file order: the window translates them in the "ImportReasons" context."""
    found: list[str] = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "Reason"
                and node.args
            ):
                found += [t for t in _literal_templates(node.args[0]) if t not in found]
    return found


def fill(ts: Path, translations: dict, refresh: bool = False) -> list[str]:
    """Fill unfinished messages of ``ts`` from ``translations`` (with ``refresh``, also
    finished ones that differ, each printed); returns sources still missing."""
    tree = ET.parse(ts)
    missing = []
    parents = {message: context for context in tree.getroot() for message in context}
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        # "Context::source" entries win: one window may need another mnemonic.
        context = parents[message].findtext("name") or ""
        french = translations.get(f"{context}::{source}", translations.get(source))
        if translation.get("type") != "unfinished":
            if not refresh or french is None or _same(french, message):
                continue
            print(f"refreshed: {source!r} -> {french!r}")
            translation.set("type", "unfinished")
        if french is None:
            missing.append(source)
            continue
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            for text in french if isinstance(french, tuple) else (french, french):
                ET.SubElement(translation, "numerusform").text = text
        else:
            translation.text = french if isinstance(french, str) else french[-1]
        del translation.attrib["type"]
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8"
    )
    return missing


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="also replace finished translations that differ from translations_fr.py",
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from translations_fr import FR

    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "natoplanner" / "ui").rglob("*.py"))
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for code in LANGUAGES:
        ts = TRANSLATIONS / f"natoplanner_{code}.ts"
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *sources,
                "-source-language",
                "en",
                "-target-language",
                code,
                "-no-obsolete",
                "-locations",
                "none",
                "-ts",
                str(ts.relative_to(ROOT)),
            ],
            cwd=ROOT,
            check=True,
        )
        pairs = [pair for source in sources for pair in wrapper_strings(ROOT / source)]
        pairs += [(REASONS_CONTEXT, t) for t in reason_templates(ROOT / "natoplanner" / "io")]
        add_wrapper_strings(ts, pairs)
        missing = fill(ts, {"fr": FR}[code], refresh=args.refresh)
        for source in missing:
            print(f"untranslated ({code}): {source!r}")
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
            cwd=ROOT,
            check=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
