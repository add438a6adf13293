"""The import dialog's settings form: sheet, header row, layout, columns, measure, unit.

The form shows the settings the detector guessed (each detected choice
labelled as such) and turns what the user picks back into
:class:`~natoplanner.io.sources.settings.ImportSettings`. It emits
``sheet_chosen`` when the user picks another sheet (the dialog detects it
again) and ``edited`` for any other correction (the dialog previews again);
filling the controls from settings emits neither.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QSpinBox, QWidget

from natoplanner.core.dataset import Dataset
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
from natoplanner.io.sources.tabular import RawSheet, RawTable, column_letters
from natoplanner.ui.exchange.import_words import interface_in_english, measure_label, unit_label


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


class ImportSettingsForm(QWidget):
    """The controls that say how to read the table.

    ``table`` and ``detection`` are set by :meth:`fill`; ``sample`` holds
    (iso3, year, source value) of the last preview, used to guess the unit
    when the user picks another measure.
    """

    sheet_chosen = Signal(str)
    #: The user picked the value column of a long table: the measure comes from its header.
    value_column_chosen = Signal(int)
    edited = Signal()

    def __init__(self, dataset: Dataset, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset = dataset
        self.table: RawTable | None = None
        self.detection: Detection | None = None
        self.base_settings: ImportSettings | None = None
        self.sample: list[tuple[str, int, float]] = []
        self._years: tuple[tuple[int, int], ...] = ()
        self._updating = False
        self._build()

    def _build(self) -> None:
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

        form = QGridLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
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

        self.sheet_combo.currentIndexChanged.connect(self._on_sheet_changed)
        for signal in (
            self.header_spin.valueChanged,
            self.layout_combo.currentIndexChanged,
            self.country_combo.currentIndexChanged,
            self.year_combo.currentIndexChanged,
            self.unit_combo.currentIndexChanged,
        ):
            signal.connect(self._on_edited)
        self.value_combo.currentIndexChanged.connect(self._on_value_column_changed)
        self.measure_combo.currentIndexChanged.connect(self._on_measure_changed)
        self._set_layout_widgets(Layout.WIDE)
        self.set_settings_enabled(False)

    # -- state -------------------------------------------------------------------
    def set_settings_enabled(self, enabled: bool) -> None:
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

    def clear(self) -> None:
        """Empty controls, disabled, while a new file is read."""
        self.table = self.detection = self.base_settings = None
        self.sample = []
        self.set_settings_enabled(False)
        self._updating = True
        for combo in (self.sheet_combo, self.country_combo, self.year_combo, self.value_combo):
            combo.clear()
        self._updating = False
        self.years_label.clear()
        self.detected_label.clear()

    # -- filling -------------------------------------------------------------------
    def fill(self, table: RawTable, settings: ImportSettings, detection: Detection | None) -> None:
        """Show ``settings`` in the controls (emits nothing)."""
        self.table, self.detection, self.base_settings = table, detection, settings
        self._updating = True
        try:
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
                text = measure_label(measure)
                if detected is not None and measure is detected.measure:
                    text += self.tr(" (detected)")
                self.measure_combo.addItem(text, measure)
            self.measure_combo.setCurrentIndex(self.measure_combo.findData(settings.measure))
            self._fill_units(settings.measure, settings.unit)
            self.set_settings_enabled(True)
        finally:
            self._updating = False
        self._years = settings.year_columns
        self._update_years_label()
        self.update_detected_label(settings)

    def _fill_columns(self, sheet: RawSheet, header_row: int) -> None:
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
            text = unit_label(candidate)
            if detected is not None and measure is detected.measure and candidate is detected.unit:
                text += self.tr(" (detected)")
            self.unit_combo.addItem(text, candidate)
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(unit)))

    def _update_years_label(self) -> None:
        years = self._years
        self.years_label.setText(
            _span_text(years) if years else self.tr("none — the header row holds no years")
        )

    def update_detected_label(self, settings: ImportSettings) -> None:
        detected = self.detection.settings if self.detection else None
        if detected is None:
            self.detected_label.clear()
            return
        text = (
            self.tr("Detected: %1 — %2")
            .replace("%1", measure_label(detected.measure))
            .replace("%2", self._unit_words(detected.unit))
        )
        if (settings.measure, settings.unit) != (detected.measure, detected.unit):
            text += (
                self.tr("; you chose %1 in %2")
                .replace("%1", measure_label(settings.measure))
                .replace("%2", unit_label(settings.unit))
            )
        self.detected_label.setText(text)
        self.detected_label.setToolTip(self._detection_notes(detected))

    def _detection_notes(self, detected: ImportSettings) -> str:
        """How the table was read: the reader's own notes in English, a summary otherwise.

        ``io.sources.detect`` words its notes in English (the command line
        prints them); another interface language gets the layout read back
        from the detected settings instead.
        """
        if interface_in_english():
            return "\n".join(self.detection.notes)
        country = column_letters(detected.country_column)
        if detected.layout is Layout.WIDE and detected.year_columns:
            years = [year for _column, year in detected.year_columns]
            layout = (
                self.tr(
                    "wide table: header in row %1, %2 year columns (%3–%4), countries in column %5"
                )
                .replace("%1", str(detected.header_row + 1))
                .replace("%2", str(len(years)))
                .replace("%3", str(min(years)))
                .replace("%4", str(max(years)))
                .replace("%5", country)
            )
        else:
            layout = (
                self.tr(
                    "long table: header in row %1; countries in column %2, years in %3, values in %4"  # noqa: E501 (one translatable string)
                )
                .replace("%1", str(detected.header_row + 1))
                .replace("%2", country)
                .replace("%3", column_letters(detected.year_column or 0))
                .replace("%4", column_letters(detected.value_column or 0))
            )
        return "\n".join(
            [
                layout,
                self.tr("measure: %1; unit: %2")
                .replace("%1", measure_label(detected.measure))
                .replace("%2", unit_label(detected.unit)),
            ]
        )

    def _unit_words(self, unit: Unit) -> str:
        if unit is Unit.FRACTION:
            return self.tr("detected as fractions (0.0425 = 4.25%)")
        if unit is Unit.PERCENT:
            return self.tr("detected as percent (4.25 = 4.25%)")
        return self.tr("detected in %1").replace("%1", unit_label(unit))

    # -- reading the controls --------------------------------------------------------
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
        base = self.base_settings or self.detection.settings
        return base.with_changes(**changes)

    # -- the user's corrections --------------------------------------------------------
    def _on_sheet_changed(self, _index: int) -> None:
        if self._updating or self.table is None:
            return
        self.sheet_chosen.emit(self.sheet_combo.currentData())

    def _on_value_column_changed(self, _index: int) -> None:
        if self._updating or self.table is None:
            return
        if Layout(self.layout_combo.currentData()) is not Layout.LONG:
            self._on_edited()
            return
        self.value_column_chosen.emit(self.value_combo.currentData())

    def mark_value_choice(self, candidates: tuple[int, ...]) -> None:
        """Say at the value column that the user must choose it (several columns could be)."""
        if len(candidates) > 1:
            names = ", ".join(column_letters(c) for c in candidates)
            self.value_combo.setToolTip(
                self.tr("Several columns could hold the values (%1): choose one").replace(
                    "%1", names
                )
            )
            self.value_combo.setStyleSheet("QComboBox { border: 2px solid palette(highlight); }")
        else:
            self.value_combo.setToolTip("")
            self.value_combo.setStyleSheet("")

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
        self._on_edited()

    def _unit_for(self, measure: SourceMeasure, current: Unit) -> Unit:
        """The unit to preselect when the user picks another measure."""
        detected = self.detection.settings if self.detection else None
        if detected is not None and detected.measure is measure:
            return detected.unit
        hint = UnitHint(current.is_usd, current.scale) if current.is_money else UnitHint()
        unit, _note = guess_unit(measure, hint, self.sample, self.dataset)
        return unit

    def _on_edited(self, *_args) -> None:
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
        self.edited.emit()

    def settings_or_problem(self) -> tuple[ImportSettings | None, str]:
        """The settings shown, or None and why they describe no table."""
        try:
            settings = self.current_settings()
        except ValueError as error:
            self._update_years_label()
            return None, str(error)
        self._update_years_label()
        self.update_detected_label(settings)
        return settings, ""
