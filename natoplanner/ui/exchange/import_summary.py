"""What the import dialog shows of a preview.

The marked table and where it scrolls to, the summary line, the details
(the importer's English report, or the plan's counts, allies and years in
the interface language), the question about a unit that fits the figures
better, and whether Import is enabled.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractItemView

from natoplanner.io.sources.importer import ImportPreview
from natoplanner.ui.exchange.import_words import (
    ally_name,
    interface_in_english,
    reason_text,
    unit_label,
)


class ImportSummary:
    """Shows the latest preview (a mixin of
    :class:`~natoplanner.ui.exchange.import_dialog.ImportDialog`: ``self`` is the
    QDialog with its widgets; ``self.preview`` is the preview shown).
    """

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
                "%1", reason_text(plan.blocking[0].reason)
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

    def _show_settings_problem(self, message: str) -> None:
        self._preview_current = False
        self.summary_label.setText(
            self.tr("These settings describe no table: %1").replace("%1", message)
        )
        self._update_import_button()
