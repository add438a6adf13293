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

Dropping an .xlsx/.csv file on the window starts the dialog with it; a
natoplanner scenario workbook (sheets "About" and "Assumptions") is opened
as a scenario instead, as File > Open would: importing it cell by cell
would lose its policies, targets and name.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
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
    Layout,
    SourceMeasure,
    Unit,
    UnitHint,
    guess_unit,
    units_for,
    year_from_header,
)
from natoplanner.io.sources.importer import (
    CellStatus,
    ImportPreview,
    apply_plan,
    detect,
    preview_import,
)
from natoplanner.io.sources.tabular import RawTable, column_letters, read_table
from natoplanner.ui.exchange.import_job import Checkpoint, ImportJob
from natoplanner.ui.exchange.import_preview import GLYPHS, ImportPreviewModel, Mark
from natoplanner.ui.shell.workspace import unique_name
from natoplanner.ui.sources.actions import import_source
from natoplanner.ui.window.commands import ReplaceInputs
from natoplanner.ui.window.document import ScenarioDocument

IMPORT_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt")
IMPORT_FILTER = "Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt)"
SCENARIO_SHEETS = {"about", "assumptions"}
_FOLDER_KEY = "import/folder"


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


def year_columns_of(row: list[object]) -> tuple[tuple[int, int], ...]:
    """(column, year) of every cell of a header row that names a year ("2025", "2025e")."""
    return tuple((c, y) for c, cell in enumerate(row) if (y := year_from_header(cell)) is not None)


def _span_text(year_columns: tuple[tuple[int, int], ...]) -> str:
    columns = [c for c, _ in year_columns]
    years = [y for _, y in year_columns]
    return (
        f"{column_letters(min(columns))}–{column_letters(max(columns))}: "
        f"{min(years)}–{max(years)} ({len(years)})"
    )


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
        self._updating = False
        self._preview_current = False
        self._closing = False
        self._on_result = None
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

        self.sheet_combo = QComboBox(self)
        self.header_spin = QSpinBox(self)
        self.header_spin.setMaximumWidth(self.fontMetrics().horizontalAdvance("000000") + 40)
        self.header_spin.setToolTip(
            self.tr("Spreadsheet row that holds the column headings (years, “Country”)")
        )
        self.layout_combo = QComboBox(self)
        self.layout_combo.addItem(
            self.tr("Wide — a row per country, a column per year"), Layout.WIDE
        )
        self.layout_combo.addItem(self.tr("Long — country, year and value columns"), Layout.LONG)
        self.country_combo = QComboBox(self)
        self.years_label = QLabel(self)
        self.years_label.setToolTip(self.tr("Columns whose heading in the header row is a year"))
        self.year_combo = QComboBox(self)
        self.value_combo = QComboBox(self)
        self.measure_combo = QComboBox(self)
        self.unit_combo = QComboBox(self)
        self.detected_label = QLabel(self)
        self.detected_label.setWordWrap(True)
        for combo in (self.measure_combo, self.unit_combo):
            combo.setMinimumContentsLength(28)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        for combo in (self.sheet_combo, self.country_combo, self.year_combo, self.value_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(14)

        form = QGridLayout()
        form.setHorizontalSpacing(10)
        self._years_caption = QLabel(self.tr("Year columns:"), self)
        self._year_caption = QLabel(self.tr("&Year column:"), self)
        self._value_caption = QLabel(self.tr("&Value column:"), self)
        entries = (
            (0, 0, self.tr("&Sheet:"), self.sheet_combo),
            (0, 2, self.tr("&Header row:"), self.header_spin),
            (1, 0, self.tr("&Layout:"), self.layout_combo),
            (1, 2, self.tr("C&ountry column:"), self.country_combo),
            (3, 0, self.tr("&Measure:"), self.measure_combo),
            (3, 2, self.tr("&Unit:"), self.unit_combo),
        )
        for row, col, text, widget in entries:
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addWidget(label, row, col)
            form.addWidget(widget, row, col + 1)
        self._year_caption.setBuddy(self.year_combo)
        self._value_caption.setBuddy(self.value_combo)
        form.addWidget(self._years_caption, 2, 0)
        form.addWidget(self.years_label, 2, 1)
        form.addWidget(self._year_caption, 2, 0)
        form.addWidget(self.year_combo, 2, 1)
        form.addWidget(self._value_caption, 2, 2)
        form.addWidget(self.value_combo, 2, 3)
        form.addWidget(self.detected_label, 4, 0, 1, 4)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)

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
        layout.addLayout(form)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.details)
        layout.addLayout(target_row)
        layout.addWidget(self.buttons)

        self.sheet_combo.currentIndexChanged.connect(self._on_sheet_changed)
        for signal in (
            self.header_spin.valueChanged,
            self.layout_combo.currentIndexChanged,
            self.country_combo.currentIndexChanged,
            self.year_combo.currentIndexChanged,
            self.value_combo.currentIndexChanged,
            self.unit_combo.currentIndexChanged,
        ):
            signal.connect(self._on_settings_edited)
        self.measure_combo.currentIndexChanged.connect(self._on_measure_changed)
        self.target_group.buttonToggled.connect(self._on_target_changed)
        self._set_layout_widgets(Layout.WIDE)
        self._set_settings_enabled(False)

    # -- state -----------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._job is not None

    @property
    def target(self) -> str:
        return Target.NEW_SCENARIO if self.into_new.isChecked() else Target.OPEN_SCENARIO

    def _set_settings_enabled(self, enabled: bool) -> None:
        for widget in (
            self.sheet_combo,
            self.header_spin,
            self.layout_combo,
            self.country_combo,
            self.year_combo,
            self.value_combo,
            self.measure_combo,
            self.unit_combo,
        ):
            widget.setEnabled(enabled)

    def _set_layout_widgets(self, layout: Layout) -> None:
        wide = layout is Layout.WIDE
        self._years_caption.setVisible(wide)
        self.years_label.setVisible(wide)
        for widget in (self._year_caption, self.year_combo, self._value_caption, self.value_combo):
            widget.setVisible(not wide)

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
        folder = QSettings().value(_FOLDER_KEY, str(Path.home()))
        path = self.window_.prompts.open_path(str(folder), self.tr(IMPORT_FILTER))
        if path is not None:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Read ``path`` in the background, detect its layout and preview it."""
        self.path = Path(path)
        QSettings().setValue(_FOLDER_KEY, str(self.path.parent))
        self.file_edit.setText(str(self.path))
        self.table = self.detection = None
        self._show_preview(None)
        self._set_settings_enabled(False)
        self._updating = True
        for combo in (self.sheet_combo, self.country_combo, self.year_combo, self.value_combo):
            combo.clear()
        self._updating = False
        self.years_label.clear()
        self.detected_label.clear()
        scenario = self._target_scenario()
        steps = (
            self.tr("Reading %1…").replace("%1", path.name),
            self.tr("Finding the table…"),
            self.tr("Checking every cell…"),
        )

        def work(checkpoint: Checkpoint):
            checkpoint(0, steps[0])
            table = read_table(path)
            checkpoint(1, steps[1])
            detection = detect(table, dataset=scenario.dataset)
            checkpoint(2, steps[2])
            preview = preview_import(
                table, detection.settings, scenario, lambda _done, _total: checkpoint(2, steps[2])
            )
            return table, detection, preview

        self._start(work, 3, self._on_loaded)

    def _on_loaded(self, result) -> None:
        self.table, self.detection, preview = result
        self._fill_settings(preview.settings, self.detection)
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

    # -- settings ------------------------------------------------------------------
    def _fill_settings(self, settings: ImportSettings, detection: Detection | None) -> None:
        """Show ``settings`` in the controls (without re-running the preview)."""
        self._updating = True
        try:
            table = self.table
            sheet = table.sheet(settings.sheet)
            self.sheet_combo.clear()
            for name in table.sheet_names:
                shown = name + (self.tr(" (hidden)") if name in table.hidden_sheets else "")
                self.sheet_combo.addItem(shown, name)
            self.sheet_combo.setCurrentIndex(table.sheet_names.index(settings.sheet))
            self.header_spin.setRange(1, max(1, sheet.n_rows))
            self.header_spin.setValue(settings.header_row + 1)
            self.layout_combo.setCurrentIndex(self.layout_combo.findData(settings.layout))
            self._fill_columns(sheet, settings.header_row)
            self.country_combo.setCurrentIndex(self.country_combo.findData(settings.country_column))
            if settings.layout is Layout.LONG:
                self.year_combo.setCurrentIndex(self.year_combo.findData(settings.year_column))
                self.value_combo.setCurrentIndex(self.value_combo.findData(settings.value_column))
            self._set_layout_widgets(settings.layout)
            detected = detection.settings if detection else None
            self.measure_combo.clear()
            for measure in SourceMeasure:
                text = measure.label
                if detected is not None and measure is detected.measure:
                    text += self.tr(" (detected)")
                self.measure_combo.addItem(text, measure)
            self.measure_combo.setCurrentIndex(self.measure_combo.findData(settings.measure))
            self._fill_units(settings.measure, settings.unit)
            self._set_settings_enabled(True)
        finally:
            self._updating = False
        self._years = settings.year_columns
        self._update_years_label()
        self._update_detected_label(settings)

    def _fill_columns(self, sheet, header_row: int) -> None:
        width = min(sheet.n_cols, 256)
        for combo in (self.country_combo, self.year_combo, self.value_combo):
            combo.clear()
            for col in range(width):
                heading = str(sheet.cell(header_row, col)).strip()
                heading = heading if len(heading) <= 30 else heading[:29] + "…"
                combo.addItem(
                    f"{column_letters(col)} — {heading}" if heading else column_letters(col), col
                )

    def _fill_units(self, measure: SourceMeasure, unit: Unit) -> None:
        detected = self.detection.settings if self.detection else None
        self.unit_combo.clear()
        for candidate in units_for(measure):
            text = candidate.label
            if detected is not None and measure is detected.measure and candidate is detected.unit:
                text += self.tr(" (detected)")
            self.unit_combo.addItem(text, candidate)
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(unit)))

    def _update_years_label(self) -> None:
        years = getattr(self, "_years", ())
        self.years_label.setText(
            _span_text(years) if years else self.tr("none — the header row holds no years")
        )

    def _update_detected_label(self, settings: ImportSettings) -> None:
        detected = self.detection.settings if self.detection else None
        if detected is None:
            self.detected_label.clear()
            return
        text = (
            self.tr("Detected: %1 — %2")
            .replace("%1", detected.measure.label)
            .replace("%2", _unit_words(detected.unit, self))
        )
        if (settings.measure, settings.unit) != (detected.measure, detected.unit):
            text += (
                self.tr("; you chose %1 in %2")
                .replace("%1", settings.measure.label)
                .replace("%2", settings.unit.label)
            )
        self.detected_label.setText(text)
        self.detected_label.setToolTip("\n".join(self.detection.notes))

    def current_settings(self) -> ImportSettings:
        """The settings the controls show; raises ValueError when they describe no table."""
        layout = Layout(self.layout_combo.currentData())
        header_row = self.header_spin.value() - 1
        changes: dict[str, object] = {
            "sheet": self.sheet_combo.currentData(),
            "header_row": header_row,
            "layout": layout,
            "country_column": self.country_combo.currentData(),
            "measure": SourceMeasure(self.measure_combo.currentData()),
            "unit": Unit(self.unit_combo.currentData()),
        }
        if layout is Layout.WIDE:
            sheet = self.table.sheet(changes["sheet"])
            row = sheet.rows[header_row] if header_row < sheet.n_rows else []
            years = tuple((c, y) for c, y in year_columns_of(row) if c != changes["country_column"])
            self._years = years
            changes.update(year_columns=years, year_column=None, value_column=None)
        else:
            changes.update(
                year_columns=(),
                year_column=self.year_combo.currentData(),
                value_column=self.value_combo.currentData(),
            )
        base = self.preview.settings if self.preview else self.detection.settings
        return base.with_changes(**changes)

    def _on_sheet_changed(self, _index: int) -> None:
        if self._updating or self.table is None:
            return
        table, sheet, scenario = self.table, self.sheet_combo.currentData(), self._target_scenario()
        steps = (self.tr("Reading sheet %1…").replace("%1", sheet), self.tr("Checking every cell…"))

        def work(checkpoint: Checkpoint):
            checkpoint(0, steps[0])
            detection = detect(table, sheet, dataset=scenario.dataset)
            checkpoint(1, steps[1])
            return detection, preview_import(
                table, detection.settings, scenario, lambda _done, _total: checkpoint(1, steps[1])
            )

        def done(result) -> None:
            self.detection, preview = result
            self._fill_settings(preview.settings, self.detection)
            self._show_preview(preview)

        self._start(work, 2, done)

    def _on_measure_changed(self, _index: int) -> None:
        if self._updating or self.table is None:
            return
        measure = SourceMeasure(self.measure_combo.currentData())
        current = Unit(self.unit_combo.currentData())
        unit = self._unit_for(measure, current)
        self._updating = True
        try:
            self._fill_units(measure, unit)
        finally:
            self._updating = False
        self._on_settings_edited()

    def _unit_for(self, measure: SourceMeasure, current: Unit) -> Unit:
        """The unit to preselect when the user picks another measure."""
        detected = self.detection.settings if self.detection else None
        if detected is not None and detected.measure is measure:
            return detected.unit
        hint = UnitHint(current.is_usd, current.scale) if current.is_money else UnitHint()
        sample = []
        if self.preview is not None:
            sample = [
                (r.iso3, r.year, r.source_value)
                for r in self.preview.cells.values()
                if r.iso3 and r.year and r.source_value is not None
            ]
        unit, _note = guess_unit(measure, hint, sample, self.window_.document.scenario.dataset)
        return unit

    def _on_settings_edited(self, *_args) -> None:
        if self._updating or self.table is None:
            return
        if self.sender() is self.header_spin:
            self._updating = True
            try:
                sheet = self.table.sheet(self.sheet_combo.currentData())
                keep = [
                    c.currentData() for c in (self.country_combo, self.year_combo, self.value_combo)
                ]
                self._fill_columns(sheet, self.header_spin.value() - 1)
                for combo, col in zip(
                    (self.country_combo, self.year_combo, self.value_combo), keep, strict=True
                ):
                    combo.setCurrentIndex(max(0, combo.findData(col)))
            finally:
                self._updating = False
        self._set_layout_widgets(Layout(self.layout_combo.currentData()))
        try:
            settings = self.current_settings()
        except ValueError as error:
            self._update_years_label()
            self._show_settings_problem(str(error))
            return
        self._update_years_label()
        self._update_detected_label(settings)
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
            return preview_import(
                table, settings, scenario, lambda _done, _total: checkpoint(0, step)
            )

        self._start(work, 1, self._show_preview)

    def _show_settings_problem(self, message: str) -> None:
        self._preview_current = False
        self.summary_label.setText(
            self.tr("These settings describe no table: %1").replace("%1", message)
        )
        self._update_import_button()

    # -- preview -------------------------------------------------------------------
    def _show_preview(self, preview: ImportPreview | None) -> None:
        self.preview = preview
        self._preview_current = preview is not None
        self.model.set_preview(preview)
        if preview is None:
            self.summary_label.clear()
            self.details.clear()
            self._update_import_button()
            return
        self.summary_label.setText(self.summary_line(preview))
        self.details.setPlainText(preview.plan.summary())
        settings = preview.settings
        self.view.resizeColumnToContents(settings.country_column)
        if self.view.columnWidth(settings.country_column) > 260:
            self.view.setColumnWidth(settings.country_column, 260)
        # Show the title rows when they are few, then the first imported cell.
        top = 0 if settings.header_row < 8 else settings.header_row - 1
        self.view.scrollTo(self.model.index(top, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        imported = [c for c in preview.cells.values() if c.status is CellStatus.OK]
        if imported:
            first = min(imported, key=lambda c: (c.row, c.col))
            last_col = min(max(c.col for c in imported), self.model.columnCount() - 1)
            self.view.scrollTo(self.model.index(first.row, last_col))
            self.view.scrollTo(self.model.index(first.row, min(first.col, last_col)))
        self._update_import_button()

    def summary_line(self, preview: ImportPreview) -> str:
        """One line: what will change, and how much is left out."""
        plan = preview.plan
        counts = preview.counts()
        skipped = counts.get("skipped", 0)
        invalid = counts.get("invalid", 0)
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
        ready = (
            self._job is None
            and self._preview_current
            and self.preview is not None
            and self.preview.plan.importable
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
        super().done(result)


def _unit_words(unit: Unit, context: QObject) -> str:
    if unit is Unit.FRACTION:
        return context.tr("detected as fractions (0.0425 = 4.25%)")
    if unit is Unit.PERCENT:
        return context.tr("detected as percent (4.25 = 4.25%)")
    return context.tr("detected in %1").replace("%1", unit.label)


# -- opening the dialog ------------------------------------------------------------
def show_import_dialog(window, path: Path | None = None) -> ImportDialog:
    """Open the import dialog (non-blocking) on ``window``, reading ``path`` if given."""
    dialog = ImportDialog(window, path)
    dialog.show()
    return dialog


def start_import(window) -> ImportDialog | None:
    """File > Import…: ask for a file, then open the dialog with it."""
    folder = QSettings().value(_FOLDER_KEY, str(Path.home()))
    path = window.prompts.open_path(str(folder), window.tr(IMPORT_FILTER))
    if path is None:
        return None
    if import_source(window, Path(path)):  # a vintage or reference series: Data > Sources
        return None
    return show_import_dialog(window, Path(path))


def is_scenario_workbook(path: Path) -> bool:
    """True for a natoplanner scenario workbook (it has "About" and "Assumptions" sheets)."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return False
    try:
        names = read_table(path).sheet_names
    except FileProblemError:
        return False  # the import dialog will say what is wrong with it
    return SCENARIO_SHEETS <= {n.strip().casefold() for n in names}


def open_dropped_file(window, path: Path) -> None:
    """A file dropped on the window: open a scenario workbook, import anything else."""
    if is_scenario_workbook(path):
        window.open_scenario(path)
    elif not import_source(window, path):  # a vintage or reference series: Data > Sources
        show_import_dialog(window, path)


def dropped_file(urls: list[QUrl]) -> Path | None:
    """The one local spreadsheet file of a drop, or None (several files, folders, web links)."""
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in IMPORT_SUFFIXES else None


class FileDropFilter(QObject):
    """Accepts a spreadsheet dropped anywhere on the window (even on the plot)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        mime = event.mimeData()
        path = dropped_file(mime.urls()) if mime is not None and mime.hasUrls() else None
        if path is None:
            return False
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            # Leave the drop handler first: the dialog or a message box must not
            # run inside the platform's drag-and-drop loop.
            QTimer.singleShot(0, self.window_, lambda: open_dropped_file(self.window_, path))
        return True


def install(window) -> None:
    """File > Import… (Ctrl+I) and drag-and-drop of a file onto the window."""
    action = QAction(window.tr("&Import…"), window)
    action.setShortcut(QKeySequence("Ctrl+I"))
    action.setStatusTip(
        window.tr("Import figures from a spreadsheet (NATO, SIPRI, IMF, World Bank…)")
    )
    action.triggered.connect(lambda: start_import(window))
    window.import_action = action
    menu = window.file_menu
    anchor = next((a for a in menu.actions() if a.menu() is window.export_menu), None)
    menu.insertAction(anchor, action) if anchor is not None else menu.addAction(action)
    drop_filter = FileDropFilter(window)
    window.setAcceptDrops(True)
    window.installEventFilter(drop_filter)
    for child in window.findChildren(QWidget):
        if child.acceptDrops():
            child.installEventFilter(drop_filter)
