"""File > Import…: read a spreadsheet, check the guessed layout, import as overrides.

The dialog shows what :mod:`natoplanner.io.sources.importer` guessed (sheet, header
row, layout, country and year columns, measure and unit, each detected
choice labelled as such) and a preview of the sheet in which every cell says
what the import does with it. Every correction re-runs the preview. The
figures then go either into the open scenario as per-year overrides (one
undoable step) or into a new scenario in its own window.

Reading, detecting and previewing run off the GUI thread
(:class:`~natoplanner.ui.exchange.import_job.ImportJob`), with a progress bar and a
Cancel button, so a 200,000-row file never freezes the window. Files that
cannot be read end in a message naming the file, sheet, cell, what was
expected and what was found (:class:`~natoplanner.io.errors.FileProblemError`).

The settings controls live in :mod:`~natoplanner.ui.exchange.import_form`;
File > Import… and drag-and-drop in :mod:`~natoplanner.ui.exchange.import_open`.
"""

from __future__ import annotations

import gc
import itertools
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.scenario import Scenario
from natoplanner.io.errors import FileProblemError
from natoplanner.io.sources.detect import (
    Detection,
    ImportSettings,
)
from natoplanner.io.sources.importer import (
    ImportPreview,
    apply_plan,
    detect,
    preview_import,
)
from natoplanner.io.sources.tabular import RawTable, read_table
from natoplanner.ui.exchange.import_form import ImportSettingsForm
from natoplanner.ui.exchange.import_job import Checkpoint, ImportJob
from natoplanner.ui.exchange.import_preview import GLYPHS, ImportPreviewModel, Mark
from natoplanner.ui.exchange.import_words import ally_name, interface_in_english, unit_label
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


def problem_message(error: BaseException, path: Path) -> str:
    """The text shown for a failed read: every problem with file, sheet, cell, expected, found."""
    if isinstance(error, FileProblemError):
        return "\n".join(str(p) for p in error.problems[:10])
    if isinstance(error, (ValueError, ScenarioInputError)):
        return f"{path.name}: {error}"
    return f"{path.name}: the file could not be read ({type(error).__name__}: {error})"


class ImportDialog(QDialog):
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
        self.resize(1080, 760)
        # Non-modal: the scenario may change while the dialog is open, and a
        # share of GDP becomes a budget through the scenario's GDP path.
        window.document.projected.connect(self._on_scenario_changed)
        window.document.reset.connect(self._on_scenario_changed)
        if path is not None:
            self.load(Path(path))

    # -- widgets ---------------------------------------------------------------
    def _build(self) -> None:
        self.file_edit = QLineEdit(self)
        self.file_edit.setReadOnly(True)
        self.file_edit.setAccessibleName(self.tr("File to import"))
        self.file_edit.setPlaceholderText(self.tr("Choose a spreadsheet (.xlsx, .csv)…"))
        self.browse_button = QPushButton(self.tr("&Choose file…"), self)
        self.browse_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.file_edit)
        file_row.addWidget(file_label)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)

        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.progress_label = QLabel(self)
        self.cancel_button = QPushButton(self.tr("Cancel &reading"), self)
        self.cancel_button.clicked.connect(self.cancel_job)
        self.progress_row = QWidget(self)
        progress_layout = QHBoxLayout(self.progress_row)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        progress_layout.addWidget(self.progress_label)
        progress_layout.addWidget(self.progress, 1)
        progress_layout.addWidget(self.cancel_button)
        self.progress_row.hide()

        self.form = ImportSettingsForm(self.window_.document.scenario.dataset, self)
        # The form's controls, by the names the dialog has always offered.
        for name in (
            "sheet_combo",
            "header_spin",
            "layout_combo",
            "country_combo",
            "years_label",
            "year_combo",
            "value_combo",
            "measure_combo",
            "unit_combo",
            "detected_label",
        ):
            setattr(self, name, getattr(self.form, name))

        self.model = ImportPreviewModel(self.window_.document.scenario.dataset.registry, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Import preview"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setDefaultSectionSize(
            self.fontMetrics().horizontalAdvance("⊘ 0.000000") + 14
        )
        rows_header = self.view.verticalHeader()
        rows_header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows_header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Fixed: measuring 200,000 row headings would stall; fits "12345  ⊘ North Macedonia".
        rows_header.setFixedWidth(self.fontMetrics().horizontalAdvance("00000  ⊘ ") + 170)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.legend = QLabel(
            self.tr("Tinted green: imported · %1 skipped · %2 name not matched · %3 invalid")
            .replace("%1", GLYPHS[Mark.SKIPPED])
            .replace("%2", GLYPHS[Mark.UNMATCHED])
            .replace("%3", GLYPHS[Mark.INVALID])
            + self.tr(" — hover a cell for the reason"),
            self,
        )
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Import details"))
        self.details.setMaximumHeight(self.fontMetrics().height() * 6 + 12)

        scenario_name = self.window_.document.scenario.name
        self.into_open = QRadioButton(
            self.tr("Apply to “%1” as per-year overrides (one undo step)").replace(
                "%1", scenario_name
            ),
            self,
        )
        self.into_new = QRadioButton(self.tr("Open as a &new scenario"), self)
        self.into_open.setChecked(True)
        self.target_group = QButtonGroup(self)
        self.target_group.addButton(self.into_open)
        self.target_group.addButton(self.into_new)
        target_row = QHBoxLayout()
        target_row.addWidget(self.into_open)
        target_row.addWidget(self.into_new)
        target_row.addStretch(1)

        self.partial_check = QCheckBox(
            self.tr(
                "Leave out the cells with errors (⊘ and names not matched) and import the rest"
            ),
            self,
        )
        self.partial_check.setVisible(False)
        self.partial_check.toggled.connect(lambda _on: self._update_import_button())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.progress_row)
        layout.addWidget(self.form)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.details)
        layout.addLayout(target_row)
        layout.addWidget(self.partial_check)
        layout.addWidget(self.buttons)

        self.form.sheet_chosen.connect(self._on_sheet_changed)
        self.form.value_column_chosen.connect(self._on_value_column_chosen)
        self.form.edited.connect(self._on_settings_edited)
        self.target_group.buttonToggled.connect(self._on_target_changed)

    # -- state -----------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._job is not None

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
        scenario = self._target_scenario()
        steps = (
            self.tr("Reading %1…").replace("%1", path.name),
            self.tr("Finding the table…"),
            self.tr("Checking every cell…"),
        )

        def work(checkpoint: Checkpoint):
            checkpoint(0, steps[0])
            table = read_table(path)
            table.read_in_process = True  # a large sheet must not freeze the window
            checkpoint(1, steps[1])
            detection = detect(table, dataset=scenario.dataset)
            checkpoint(2, steps[2])
            preview = preview_import(
                table, detection.settings, scenario, lambda _done, _total: checkpoint(2, steps[2])
            )
            preview.prepare()
            return table, detection, preview

        self._start(work, 3, self._on_loaded)

    def _on_loaded(self, result) -> None:
        self.table, self.detection, preview = result
        self.form.fill(self.table, preview.settings, self.detection)
        self._show_preview(preview)

    # -- jobs ------------------------------------------------------------------------
    def _start(self, work, steps: int, on_result) -> None:
        """Run ``work`` in the background; a newer request replaces a pending one."""
        if self._job is not None:
            self._job.cancel()
            self._pending = (work, steps, on_result)
            return
        self.error_text = None
        self._preview_current = False
        job = ImportJob(work, steps)
        job.progress.connect(self._on_progress)
        job.done.connect(self._job_done)
        self._on_result = on_result
        self._job = job
        self.progress.setRange(0, steps)
        self.progress.setValue(0)
        self.progress_row.show()
        self.import_button.setEnabled(False)
        job.start()

    def _on_progress(self, step: int, text: str) -> None:
        self.progress.setValue(step)
        self.progress_label.setText(text)

    def _job_done(self, job: ImportJob, outcome: str, payload: object) -> None:
        if job is not self._job:
            return
        self._job = None
        handler = {"finished": self._on_result, "failed": self._on_failed}.get(outcome)
        if job.is_cancelled:  # a result that arrives after Cancel is dropped
            handler = None
        self.progress_row.hide()
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._start(*pending)
            return
        if handler is not None:
            handler(payload)
        elif self.preview is None:
            self.summary_label.setText(self.tr("Reading cancelled."))
        else:
            self.summary_label.setText(
                self.tr("Cancelled: the preview still shows the earlier settings.")
            )
        self._update_import_button()

    def cancel_job(self) -> None:
        """Stop the running read or preview; the dialog stays usable."""
        self._pending = None
        if self._job is not None:
            self._job.cancel()

    def _on_failed(self, error: BaseException) -> None:
        path = self.path or Path("?")
        self.error_text = problem_message(error, path)
        self._show_preview(None)
        self.summary_label.setText(self.tr("Nothing can be imported from this file."))
        self.details.setPlainText(self.error_text)
        if self.table is None:
            self.window_.prompts.error(
                self.tr("Cannot import %1").replace("%1", path.name), self.error_text
            )

    # -- corrections -------------------------------------------------------------
    def current_settings(self) -> ImportSettings:
        """The settings the controls show; raises ValueError when they describe no table."""
        return self.form.current_settings()

    def _on_value_column_chosen(self, column: int) -> None:
        self._on_sheet_changed(self.sheet_combo.currentData(), column)

    def _on_sheet_changed(self, sheet: str, column: int | None = None) -> None:
        table, scenario = self.table, self._target_scenario()
        steps = (self.tr("Reading sheet %1…").replace("%1", sheet), self.tr("Checking every cell…"))

        def work(checkpoint: Checkpoint):
            checkpoint(0, steps[0])
            detection = detect(table, sheet, dataset=scenario.dataset, column=column)
            checkpoint(1, steps[1])
            preview = preview_import(
                table, detection.settings, scenario, lambda _done, _total: checkpoint(1, steps[1])
            )
            preview.prepare()
            return detection, preview

        def done(result) -> None:
            self.detection, preview = result
            self.form.fill(table, preview.settings, self.detection)
            self._show_preview(preview)

        self._start(work, 2, done)

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

    def _repreview(self, settings: ImportSettings) -> None:
        table, scenario = self.table, self._target_scenario()
        step = self.tr("Checking every cell…")

        def work(checkpoint: Checkpoint):
            checkpoint(0, step)
            preview = preview_import(
                table, settings, scenario, lambda _done, _total: checkpoint(0, step)
            )
            preview.prepare()
            return preview

        self._start(work, 1, self._show_preview)

    def _show_settings_problem(self, message: str) -> None:
        self._preview_current = False
        self.summary_label.setText(
            self.tr("These settings describe no table: %1").replace("%1", message)
        )
        self._update_import_button()

    # -- preview -------------------------------------------------------------------
    def _plan_summary(self, plan) -> str:
        """What the import changes, for an interface language other than English.

        The importer words its summary and problems in English (the command
        line prints them); here the counts, allies (in the interface language)
        and years are read from the plan, the file's own texts quoted as they are.
        """
        registry = self.window_.document.scenario.dataset.registry
        lines = []
        if plan.changes:
            years = sorted({c.year for c in plan.changes})
            span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
            lines.append(
                self.tr("%1 cells for %2 allies (%3), years %4")
                .replace("%1", str(len(plan.changes)))
                .replace("%2", str(len(plan.allies)))
                .replace("%3", ", ".join(ally_name(registry.get(a)) for a in plan.allies))
                .replace("%4", span)
            )
        else:
            lines.append(self.tr("nothing to import"))
        if plan.skipped:
            lines.append(
                self.tr("%1 cells skipped (hover over a cell for the reason)").replace(
                    "%1", str(len(plan.skipped))
                )
            )
        if plan.unmatched:
            lines.append(
                self.tr("%1 names not matched to an ally: %2")
                .replace("%1", str(len(plan.unmatched)))
                .replace("%2", "; ".join(f"“{u.text}”" for u in plan.unmatched[:12]))
            )
        if plan.invalid:
            lines.append(
                self.tr("%1 invalid cells: %2")
                .replace("%1", str(len(plan.invalid)))
                .replace("%2", ", ".join(str(i.address) for i in plan.invalid[:8]))
            )
        return "\n".join(lines)

    def _show_preview(self, preview: ImportPreview | None) -> None:
        self.preview = preview
        self._preview_current = preview is not None
        self.model.set_preview(preview)
        if preview is not None:
            self.form.base_settings = preview.settings
            cells = (c for c in preview.cells.values() if c.iso3 and c.year)
            self.form.sample = [
                (c.iso3, c.year, c.source_value)
                for c in itertools.islice(cells, 2000)
                if c.source_value is not None
            ]
        if preview is None:
            self.summary_label.clear()
            self.details.clear()
            self._update_import_button()
            return
        self.form.mark_value_choice(preview.settings.value_candidates)
        self.summary_label.setText(self.summary_line(preview))
        self.details.setPlainText(
            preview.details() if interface_in_english() else self._plan_summary(preview.plan)
        )
        settings = preview.settings
        self.view.horizontalHeader().setResizeContentsPrecision(200)  # not 200,000 rows
        self.view.resizeColumnToContents(settings.country_column)
        if self.view.columnWidth(settings.country_column) > 260:
            self.view.setColumnWidth(settings.country_column, 260)
        # Show the title rows when they are few, then the first imported cell.
        top = 0 if settings.header_row < 8 else settings.header_row - 1
        self.view.scrollTo(self.model.index(top, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        extent = preview.imported_extent()
        if extent is not None:
            first_row, first_col, last_col = extent
            last_col = min(last_col, self.model.columnCount() - 1)
            self.view.scrollTo(self.model.index(first_row, last_col))
            self.view.scrollTo(self.model.index(first_row, min(first_col, last_col)))
        self._update_import_button()
        QTimer.singleShot(0, self, lambda: self._offer_likely_unit(preview))

    def _offer_likely_unit(self, preview: ImportPreview) -> None:
        """Most figures are implausible in the chosen unit: ask about the one that fits them."""
        likely = preview.plan.likely_unit
        key = (preview.settings, likely)
        if likely is None or preview is not self.preview or key in self._asked_units:
            return
        self._asked_units.add(key)
        question = (
            self.tr(
                "Most figures read as %1 are far from the scenario's path for their ally "
                "(this tool's check). They look like %2. Read them as %2?"
            )
            .replace("%1", unit_label(preview.settings.unit))
            .replace("%2", unit_label(likely))
        )
        if self.window_.prompts.confirm(self.tr("Check the unit"), question):
            index = self.unit_combo.findData(likely)
            if index >= 0:
                self.unit_combo.setCurrentIndex(index)

    def summary_line(self, preview: ImportPreview) -> str:
        """One line: what will change, and how much is left out."""
        plan = preview.plan
        counts = preview.counts()
        skipped = counts.get("skipped", 0)
        invalid = counts.get("invalid", 0)
        if plan.blocking:
            text = self.tr("Nothing will be imported until this is settled: %1").replace(
                "%1", plan.blocking[0].reason
            )
            return text
        if plan.changes:
            years = plan.years
            span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
            text = (
                self.tr("Will set %1 inputs for %2 allies, %3")
                .replace("%1", str(len(plan.changes)))
                .replace("%2", str(len(plan.allies)))
                .replace("%3", span)
            )
        else:
            text = self.tr("Nothing to import with these settings")
        text += (
            self.tr(" · %1 cells skipped · %2 invalid")
            .replace("%1", str(skipped))
            .replace("%2", str(invalid))
        )
        if plan.unmatched:
            text += self.tr(" · %1 names not matched").replace("%1", str(len(plan.unmatched)))
        return text

    def _update_import_button(self) -> None:
        plan = self.preview.plan if self.preview is not None else None
        errors = plan is not None and plan.has_errors and not plan.blocking
        self.partial_check.setVisible(errors)
        ready = (
            self._job is None
            and self._preview_current
            and plan is not None
            and plan.importable
            and (not plan.has_errors or self.partial_check.isChecked())
        )
        self.import_button.setEnabled(ready)

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
