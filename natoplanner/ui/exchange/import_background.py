"""The import dialog's background work: read, detect and preview off the GUI thread.

Each request (a file, another sheet or value column, corrected settings)
becomes an :class:`~natoplanner.ui.exchange.import_job.ImportJob` with a
progress bar and a Cancel button; a newer request replaces a pending one,
a result that arrives after Cancel is dropped, and a failure ends in a
message naming file, sheet, cell, what was expected and what was found.
"""

from __future__ import annotations

from pathlib import Path

from natoplanner.core.errors import ScenarioInputError
from natoplanner.io.errors import FileProblemError
from natoplanner.io.sources.detect import ImportSettings
from natoplanner.io.sources.importer import detect, preview_import
from natoplanner.io.sources.tabular import read_table
from natoplanner.ui.exchange.import_job import Checkpoint, ImportJob


def problem_message(error: BaseException, path: Path) -> str:
    """The text shown for a failed read: every problem with file, sheet, cell, expected, found."""
    if isinstance(error, FileProblemError):
        return "\n".join(str(p) for p in error.problems[:10])
    if isinstance(error, (ValueError, ScenarioInputError)):
        return f"{path.name}: {error}"
    return f"{path.name}: the file could not be read ({type(error).__name__}: {error})"


class BackgroundImport:
    """Runs the dialog's reads and previews in the background (a mixin of
    :class:`~natoplanner.ui.exchange.import_dialog.ImportDialog`: ``self`` is the
    QDialog with its widgets, ``self.path``, ``self.table`` and ``self._job``).
    """

    @property
    def busy(self) -> bool:
        return self._job is not None

    # -- requests ----------------------------------------------------------------
    def _read(self, path: Path) -> None:
        """Read ``path``, detect its layout and preview it; the form is filled when done."""
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

    def _redetect(self, sheet: str, column: int | None = None) -> None:
        """Detect ``sheet`` again (``column``: the value column the user chose) and preview it."""
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

    def _repreview(self, settings: ImportSettings) -> None:
        """Preview the table again with the corrected ``settings`` (same sheet, no detection)."""
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

    # -- running -------------------------------------------------------------------
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
