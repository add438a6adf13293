"""The import dialog's widgets and their layout, top to bottom.

File row, progress row (hidden until a job runs), the settings form
(:mod:`~natoplanner.ui.exchange.import_form`), the preview table and its
legend, the summary and details, where the figures go, the partial-import
check and the buttons. Only construction lives here: the dialog connects
the signals (:meth:`~natoplanner.ui.exchange.import_dialog.ImportDialog._connect`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
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

from natoplanner.ui.exchange.import_form import ImportSettingsForm
from natoplanner.ui.exchange.import_preview import GLYPHS, ImportPreviewModel, Mark


class ImportDialogLayout:
    """Builds the widgets of :class:`~natoplanner.ui.exchange.import_dialog.ImportDialog`
    (a mixin of the dialog: ``self`` is the QDialog, ``self.window_`` its main window).
    """

    def _build(self) -> None:
        self.file_edit = QLineEdit(self)
        self.file_edit.setReadOnly(True)
        self.file_edit.setAccessibleName(self.tr("File to import"))
        self.file_edit.setPlaceholderText(self.tr("Choose a spreadsheet (.xlsx, .csv)…"))
        self.browse_button = QPushButton(self.tr("&Choose file…"), self)
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
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)

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
