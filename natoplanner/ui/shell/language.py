"""Interface language: Qt Linguist translations and the number locale.

English is the source language; French comes from
``resources/translations/natoplanner_fr.qm`` (compiled from
``natoplanner_fr.ts`` by ``scripts/update_translations.py``), found through
importlib.resources. The default :class:`QLocale` follows the language, so
:mod:`natoplanner.ui.common.formatting` shows "3,50 %" in French; files keep plain
numbers whatever the language.
"""

from __future__ import annotations

from importlib.resources import as_file
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from natoplanner.core.resources import resource_path

#: Number locale of each interface language.
LOCALES = {
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
    "fr": (QLocale.Language.French, QLocale.Country.France),
}


def translation_file(code: str) -> str:
    """The bundled ``.qm`` name for ``code`` (e.g. "translations/natoplanner_fr.qm")."""
    return f"translations/natoplanner_{code}.qm"


def install_language(app: QCoreApplication, code: str) -> list[QTranslator]:
    """Make ``code`` the interface language of ``app``; returns the translators installed.

    Installs natoplanner's own translation and Qt's (standard buttons and
    dialogs), and sets the default locale used to format numbers. Call before
    any window is built: windows read their strings once.
    """
    language, country = LOCALES.get(code, LOCALES["en"])
    QLocale.setDefault(QLocale(language, country))
    installed: list[QTranslator] = []
    if code == "en":
        return installed
    ours = QTranslator(app)
    with as_file(resource_path(translation_file(code))) as path:
        loaded = path.is_file() and ours.load(str(path))
    if loaded:
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    for folder in qt_translation_folders():
        if qt.load(QLocale(language, country), "qtbase", "_", folder):
            app.installTranslator(qt)
            installed.append(qt)
            break
    return installed


def qt_translation_folders() -> list[str]:
    """Folders holding Qt's own ``qtbase_<lang>.qm``: PySide6 ships them.

    Qt's configured path comes first; the folder beside the PySide6 package
    is the fallback for a frozen (PyInstaller) build or a relocated install
    whose qt.conf points elsewhere. The files are loaded from there, never
    copied into natoplanner.
    """
    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    try:
        import PySide6

        folders.append(str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations"))
    except (ImportError, TypeError):
        pass
    return [f for f in dict.fromkeys(folders) if f and Path(f).is_dir()]


def remove_language(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo :func:`install_language` (tests switch back to English)."""
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale(*LOCALES["en"]))


#: Strings Qt's own widgets show that the ``qtbase_fr.qm`` shipped with PySide6
#: does not translate yet (Qt added the mnemonics after its translators' last
#: pass); natoplanner's translation file supplies them, in Qt's contexts.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
