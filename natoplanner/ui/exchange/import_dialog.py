"""File > Import…: read a spreadsheet, check the guessed layout, import as overrides.

The dialog shows what :mod:`natoplanner.io.sources.importer` guessed (sheet, header
row, layout, country and year columns, measure and unit, each detected
choice labelled as such) and a preview of the sheet in which every cell says
what the import does with it. Every correction re-runs the preview. The
figures then go either into the open scenario as per-year overrides (one
undoable step) or into a new scenario in its own window.

Reading, detecting and previewing run off the GUI thread, with a progress
bar and a Cancel button, so a 200,000-row file never freezes the window
(:mod:`~natoplanner.ui.exchange.import_background`). Files that cannot be
read end in a message naming the file, sheet, cell, what was expected and
what was found (:class:`~natoplanner.io.errors.FileProblemError`).

This module holds the dialog's state, its corrections and the import itself.
The widgets are built in :mod:`~natoplanner.ui.exchange.import_layout`, the
settings controls live in :mod:`~natoplanner.ui.exchange.import_form`, what a
preview shows in :mod:`~natoplanner.ui.exchange.import_summary`; File > Import…
and drag-and-drop in :mod:`~natoplanner.ui.exchange.import_open`. The three
mixins' ``self.tr()`` strings sit in translation contexts of their own class
names; PySide6 looks a string up under each class of the dialog's MRO.
"""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog

from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.scenario import Scenario
from natoplanner.io.sources.detect import Detection, ImportSettings
from natoplanner.io.sources.importer import ImportPreview, apply_plan
from natoplanner.io.sources.tabular import RawTable
from natoplanner.ui.exchange.import_background import BackgroundImport
from natoplanner.ui.exchange.import_job import ImportJob
from natoplanner.ui.exchange.import_layout import ImportDialogLayout
from natoplanner.ui.exchange.import_summary import ImportSummary
from natoplanner.ui.shell.workspace import unique_name
from natoplanner.ui.window.commands import ReplaceInputs
from natoplanner.ui.window.document import ScenarioDocument

IMPORT_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt")
IMPORT_FILTER = "Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt)"
FOLDER_KEY = "import/folder"


class Target:
    """Where the imported figures go."""

    OPEN_SCENARIO = "open"
    NEW_SCENARIO = "new"


class ImportDialog(ImportDialogLayout, BackgroundImport, ImportSummary, QDialog):
    """Import figures from a spreadsheet into the open scenario or a new one.

    Signals come from the background jobs; ``preview`` is the latest preview
    (None while reading or after a failure) and ``busy`` tells whether a job runs.
    """

    def __init__(self, window, path: Path | None = None) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Import figures"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.path: Path | None = None
        self.table: RawTable | None = None
        self.detection: Detection | None = None
        self.preview: ImportPreview | None = None
        self.error_text: str | None = None
        self._job: ImportJob | None = None
        self._pending: tuple | None = None
        self._preview_current = False
        self._closing = False
        self._on_result = None
        self._asked_units: set = set()
        self._build()
        self._connect()
        self.resize(1080, 760)
        # Non-modal: the scenario may change while the dialog is open, and a
        # share of GDP becomes a budget through the scenario's GDP path.
        window.document.projected.connect(self._on_scenario_changed)
        window.document.reset.connect(self._on_scenario_changed)
        if path is not None:
            self.load(Path(path))

    def _connect(self) -> None:
        """What the controls do."""
        self.browse_button.clicked.connect(self.choose_file)
        self.cancel_button.clicked.connect(self.cancel_job)
        self.partial_check.toggled.connect(lambda _on: self._update_import_button())
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self.form.sheet_chosen.connect(self._redetect)
        self.form.value_column_chosen.connect(self._on_value_column_chosen)
        self.form.edited.connect(self._on_settings_edited)
        self.target_group.buttonToggled.connect(self._on_target_changed)

    # -- state -----------------------------------------------------------------
    @property
    def target(self) -> str:
        return Target.NEW_SCENARIO if self.into_new.isChecked() else Target.OPEN_SCENARIO

    def _target_scenario(self) -> Scenario:
        """The scenario the preview converts for (a copy: the job runs in another thread)."""
        current = self.window_.document.scenario
        if self.target == Target.OPEN_SCENARIO:
            return current.copy()
        return Scenario(
            current.dataset,
            base_year=current.base_year,
            horizon=current.horizon,
            gdp_vintage=current.gdp_vintage,
            name=self._new_scenario_name(),
        )

    def _new_scenario_name(self) -> str:
        taken = {d.scenario.name for d in self.window_.workspace.documents}
        stem = self.path.stem if self.path else self.tr("Imported")
        return unique_name(stem, taken)

    # -- files -------------------------------------------------------------------
    def choose_file(self) -> None:
        folder = QSettings().value(FOLDER_KEY, str(Path.home()))
        path = self.window_.prompts.open_path(str(folder), self.tr(IMPORT_FILTER))
        if path is not None:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Read ``path`` in the background, detect its layout and preview it."""
        self.path = Path(path)
        QSettings().setValue(FOLDER_KEY, str(self.path.parent))
        self.file_edit.setText(str(self.path))
        self.table = self.detection = None
        self._show_preview(None)
        self.form.clear()
        self._read(path)

    # -- corrections -------------------------------------------------------------
    def current_settings(self) -> ImportSettings:
        """The settings the controls show; raises ValueError when they describe no table."""
        return self.form.current_settings()

    def _on_value_column_chosen(self, column: int) -> None:
        self._redetect(self.sheet_combo.currentData(), column)

    def _on_settings_edited(self) -> None:
        if self.table is None:
            return
        settings, problem = self.form.settings_or_problem()
        if settings is None:
            self._show_settings_problem(problem)
            return
        self._repreview(settings)

    def _on_scenario_changed(self, *_args) -> None:
        if self._closing:
            return
        if self.target == Target.OPEN_SCENARIO and self.preview is not None:
            self._on_settings_edited()

    def _on_target_changed(self, _button, checked: bool) -> None:
        if checked and self.preview is not None:
            self._on_settings_edited()

    # -- applying ------------------------------------------------------------------
    def apply(self) -> None:
        """Import the previewed figures (one undo step) and close with a summary."""
        if not self.import_button.isEnabled():
            return
        plan = self.preview.plan
        name = self.path.name if self.path else "?"
        text = (
            self.tr("Import %1 cells from %2")
            .replace("%1", str(len(plan.changes)))
            .replace("%2", name)
        )
        window = self.window_
        if self.target == Target.OPEN_SCENARIO:
            document = window.document
        else:
            document = ScenarioDocument(self._target_scenario())
        updated = document.scenario.copy()
        try:
            summary = apply_plan(updated, plan)
        except (ScenarioInputError, ValueError) as error:
            window.prompts.error(self.tr("Cannot import %1").replace("%1", name), str(error))
            return
        before = document.scenario.state()
        if self.target == Target.NEW_SCENARIO:
            window = window.workspace.open_window(document)
        self._closing = True  # the push below re-projects: no new preview for a closing dialog
        document.push(ReplaceInputs(document, text, before, updated.state()))
        window.statusBar().showMessage(text, 8000)
        self.accept()
        self.window_.prompts.information(self.tr("Imported from %1").replace("%1", name), summary)

    def done(self, result: int) -> None:  # accept, reject and close all end here
        self.cancel_job()
        self._closing = True
        gc.unfreeze()  # what the jobs froze (see ImportJob) goes back to the collector
        super().done(result)
