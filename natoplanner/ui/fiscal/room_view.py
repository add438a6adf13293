"""Fiscal room (Analysis > Fiscal room): the EU national escape clause, ally by ally.

For a chosen year the table shows each ally's core share, its baseline-year
share (NATO's, or the COFOG-basis share the user typed), the increase, the
part inside the clause's cap and the part outside it, in points of GDP and
in national currency, the SAFE loan allocation, and whether the clause
applies (or why not). The rules above the table (years, cap, baseline year)
and the table's "Clause" and "COFOG baseline" cells are scenario inputs:
each edit is an undo step, saved in the workbook. The figures come from
:func:`natoplanner.core.fiscal.room.fiscal_room`.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from natoplanner.core.dataset import FIRST_HISTORY_YEAR, LAST_DATA_YEAR
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.fiscal.room import ClauseStatus, FiscalRoom, fiscal_room
from natoplanner.core.fiscal.rules import LATEST_RULE_YEAR, is_eu_member
from natoplanner.core.scenario import MAX_HORIZON, Measure
from natoplanner.ui.common.actions import install_window_part
from natoplanner.ui.common.following_window import FollowingWindow
from natoplanner.ui.common.formatting import DASH, number, parse_number
from natoplanner.ui.fiscal.commands import SetFiscalRules, rules_text
from natoplanner.ui.window.commands import SetYearInput

COLUMNS = (
    "ally",
    "eu",
    "clause",
    "baseline",
    "core",
    "increase",
    "inside",
    "outside",
    "increase_mn",
    "outside_mn",
    "safe",
    "bridge",
    "budget_law",
    "lending",
    "debt",
    "status",
)
RAW_ROLE = Qt.ItemDataRole.UserRole + 1


class FiscalRoomModel(QAbstractTableModel):
    """Allies × the fiscal-room columns for one year; two columns are inputs."""

    def __init__(self, view: FiscalRoomView) -> None:
        super().__init__(view)
        self.view = view
        self.room: FiscalRoom | None = None
        self.year = 0

    @property
    def document(self):
        return self.view.document

    def headers(self) -> dict[str, str]:
        year = str(self.year)
        baseline = str(self.room.rules.baseline_year) if self.room else ""
        return {
            "ally": self.tr("Ally"),
            "eu": self.tr("EU member"),
            "clause": self.tr("Escape clause\nactivated"),
            "baseline": self.tr("Share %1\n(% of GDP; basis)").replace("%1", baseline),
            "core": self.tr("Core share %1\n(% of GDP, NATO)").replace("%1", year),
            "increase": self.tr("Increase\n(pp of GDP)"),
            "inside": self.tr("Inside the\nclause (pp)"),
            "outside": self.tr("Outside the\nclause (pp)"),
            "increase_mn": self.tr("Increase\n(million national currency)"),
            "outside_mn": self.tr("Outside the clause\n(million national currency)"),
            "safe": self.tr("SAFE loans\n(EUR bn, tentative)"),
            "bridge": self.tr("NATO ÷ national\nbudget (ratio)"),
            "budget_law": self.tr(
                "Core budget %1, budget-law\nterms (million national currency)"
            ).replace("%1", year),
            "lending": self.tr("Net lending %1: effect\n(level), % of GDP").replace("%1", year),
            "debt": self.tr("Gross debt %1: effect\n(level), % of GDP").replace("%1", year),
            "status": self.tr("Clause %1").replace("%1", year),
        }

    def set_room(self, room: FiscalRoom, year: int) -> None:
        """Show ``room`` at ``year``: same rows and columns, so only the values change."""
        first = self.room is None
        self.room, self.year = room, year
        if first:
            self.beginResetModel()
            self.endResetModel()
            return
        last = self.index(self.rowCount() - 1, self.columnCount() - 1)
        self.dataChanged.emit(self.index(0, 0), last)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() or self.room is None else len(self.room.iso3)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return self.headers()[COLUMNS[section]]
        return None

    def _editable(self, index) -> bool:
        iso3, key = self.room.iso3[index.row()], COLUMNS[index.column()]
        if key in ("bridge", "lending", "debt"):
            return bool(self.view.document.projection.has_target_path[index.row()])
        if key == "budget_law":  # a projection year, with a bridge ratio
            has_ratio = not np.isnan(self.room.bridge_ratio[index.row()])
            return has_ratio and self.year > self.view.base_year
        return key in ("clause", "baseline") and is_eu_member(iso3)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable(index):
            key = COLUMNS[index.column()]
            flags |= (
                Qt.ItemFlag.ItemIsUserCheckable if key == "clause" else Qt.ItemFlag.ItemIsEditable
            )
        return flags

    def raw(self, row: int, key: str):
        """The unformatted value of one cell (floats in % of GDP, pp or money; text)."""
        room, j = self.room, self.room.column(self.year)
        status = room.status[row, j]
        match key:
            case "ally":
                return self.view.ally_name(room.iso3[row])
            case "eu":
                return is_eu_member(room.iso3[row])
            case "clause":
                return room.iso3[row] in room.rules.covered
            case "baseline":
                return float(room.baseline_share_pct[row])
            case "core":
                return float(room.core_share_pct[row, j])
            case "increase":
                return float(room.increase_pp[row, j])
            case "inside":
                return float(room.inside_pp[row, j])
            case "outside":
                return float(room.outside_pp[row, j])
            case "increase_mn":
                return float(room.increase_mn[row, j])
            case "outside_mn":
                return float(room.outside_mn[row, j]) if status.applies else float("nan")
            case "safe":
                return float(room.safe_allocation_eur_bn[row])
            case "bridge":
                return float(room.bridge_ratio[row])
            case "budget_law":
                return float(room.core_budget_law_mn[row, j])
            case "lending":
                return float(room.net_lending_effect_pp[row, j])
            case "debt":
                return float(room.gross_debt_effect_pp[row, j])
            case "status":
                return status
        raise KeyError(key)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.room is None:
            return None
        row, key = index.row(), COLUMNS[index.column()]
        value = self.raw(row, key)
        if role == RAW_ROLE:
            return value
        if role == Qt.ItemDataRole.CheckStateRole and key == "clause":
            if not is_eu_member(self.room.iso3[row]):
                return None
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole and key == "baseline":
            cofog = self.room.rules.cofog_baseline(self.room.iso3[row])
            return "" if cofog is None else number(cofog)
        if role == Qt.ItemDataRole.EditRole and key in ("lending", "debt"):
            typed = self.room.rules.public_finances(self.room.iso3[row])[key == "debt"]
            return "" if np.isnan(typed) else number(typed)
        if role == Qt.ItemDataRole.EditRole and key in ("bridge", "budget_law"):
            return "" if np.isnan(value) else number(value, 4 if key == "bridge" else 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key, value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("ally", "status", "eu"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: int, key: str, value) -> str | None:
        match key:
            case "ally":
                return value
            case "eu":
                return self.tr("yes") if value else self.tr("no")
            case "clause":
                return None if not is_eu_member(self.room.iso3[row]) else ""
            case "baseline":
                basis = "COFOG 02" if self.room.baseline_is_cofog[row] else self.tr("NATO")
                return DASH if np.isnan(value) else f"{number(value)} ({basis})"
            case "increase_mn" | "outside_mn" | "budget_law":
                return number(value, 0)
            case "bridge":
                return number(value, 4)
            case "lending" | "debt":
                levels = self.room.net_lending_pct if key == "lending" else self.room.gross_debt_pct
                level = levels[row, self.room.column(self.year)]
                return number(value) + ("" if np.isnan(level) else f" ({number(level)})")
            case "status":
                return self.view.status_text(value)
        return number(value)

    def _tooltip(self, row: int, key: str) -> str | None:
        if key == "baseline" and is_eu_member(self.room.iso3[row]):
            return self.tr(
                "The EU measures defence on COFOG division 02, not on NATO's definition: "
                "type a COFOG-basis %1 share here (empty: NATO's share)"
            ).replace("%1", str(self.room.rules.baseline_year))
        if key in ("lending", "debt"):
            return self.tr(
                "First-round effect of the extra core spending above the %1 share, financed by "
                "borrowing (a simplification). Type the %1 general-government figure (IMF WEO: "
                "net lending GGXCNL_NGDP, gross debt GGXWDG_NGDP; not bundled) to see the level "
                "in brackets"
            ).replace("%1", str(self.view.base_year))
        if key in ("bridge", "budget_law"):
            notes = {
                "CAN": self.tr("NATO year Y = Canada's fiscal year April Y – March Y+1"),
                "GBR": self.tr("NATO year Y = the UK's fiscal year April Y – March Y+1"),
                "USA": self.tr("NATO year Y = the US fiscal year October Y-1 – September Y"),
            }
            note = notes.get(self.room.iso3[row])
            text = self.tr(
                "NATO's figure ÷ the national budget law's, from a year both publish (sources: "
                "SOURCES.md §6), held constant; type a ratio, or type a budget-law amount to set "
                "the NATO-basis budget of the year shown"
            )
            return text + (f" — {note}" if note else "")
        if key == "safe":
            return self.tr(
                "European Commission, tentative allocation of 9 September 2025 (loans over "
                "several years, in euro)"
            )
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or not self._editable(index):
            return False
        iso3 = self.room.iso3[index.row()]
        rules = self.document.scenario.fiscal
        name = self.view.ally_name(iso3)
        if COLUMNS[index.column()] == "clause" and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            return self.view.push(
                rules.with_covered(iso3, checked), self.tr("clause for %1").replace("%1", name)
            )
        if COLUMNS[index.column()] in ("lending", "debt") and role == Qt.ItemDataRole.EditRole:
            text = str(value).strip()
            typed = None if not text else parse_number(text)
            if text and typed is None:
                self.view.show_problem(self.tr("Not a number: %1").replace("%1", text))
                return False
            lending, debt = rules.public_finances(iso3)
            kept = [None if np.isnan(v) else float(v) for v in (lending, debt)]
            kept[COLUMNS[index.column()] == "debt"] = typed
            return self.view.push(
                rules.with_public_finances(iso3, *kept),
                self.tr("net lending and debt of %1").replace("%1", name),
            )
        if COLUMNS[index.column()] in ("bridge", "budget_law") and role == Qt.ItemDataRole.EditRole:
            return self._set_bridge_value(index, str(value).strip(), name)
        if COLUMNS[index.column()] == "baseline" and role == Qt.ItemDataRole.EditRole:
            text = str(value).strip()
            share = None if not text else parse_number(text)
            if text and share is None:
                self.view.show_problem(self.tr("Not a number: %1").replace("%1", text))
                return False
            return self.view.push(
                rules.with_cofog_baseline(iso3, share),
                self.tr("COFOG baseline of %1").replace("%1", name),
            )
        return False

    def _set_bridge_value(self, index, text: str, name: str) -> bool:
        iso3 = self.room.iso3[index.row()]
        number_typed = None if not text else parse_number(text)
        if text and number_typed is None:
            self.view.show_problem(self.tr("Not a number: %1").replace("%1", text))
            return False
        if COLUMNS[index.column()] == "bridge":
            rules = self.document.scenario.fiscal.with_bridge(iso3, number_typed)
            return self.view.push(rules, self.tr("budget bridge of %1").replace("%1", name))
        # A budget-law amount: the NATO-basis budget of that year is amount × ratio.
        ratio = float(self.room.bridge_ratio[index.row()])
        amount = None if number_typed is None else number_typed * ratio
        try:
            self.document.scenario.check_year_input(Measure.CORE_BUDGET, iso3, self.year, amount)
        except ScenarioInputError as error:
            self.view.show_problem(str(error))
            return False
        self.document.push(
            SetYearInput(self.document, Measure.CORE_BUDGET, iso3, self.year, amount)
        )
        return True


class FiscalRoomView(FollowingWindow):
    """The escape-clause rules and the per-ally split for one main window's scenario."""

    def __init__(self, window) -> None:
        super().__init__(window)
        scenario = window.document.scenario

        self.year_spin = self._spin(self.tr("Year shown"), FIRST_HISTORY_YEAR + 1, MAX_HORIZON)
        self.year_spin.setValue(scenario.base_year)
        self.first_spin = self._spin(
            self.tr("First year"), FIRST_HISTORY_YEAR + 1, LATEST_RULE_YEAR
        )
        self.last_spin = self._spin(self.tr("Last year"), FIRST_HISTORY_YEAR + 1, LATEST_RULE_YEAR)
        self.baseline_spin = self._spin(
            self.tr("Baseline year"), FIRST_HISTORY_YEAR, LAST_DATA_YEAR
        )
        self.cap_spin = QDoubleSpinBox(self)
        self.cap_spin.setAccessibleName(self.tr("Cap (% of GDP a year)"))
        self.cap_spin.setRange(0.0, 100.0)
        self.cap_spin.setDecimals(2)
        self.cap_spin.setSingleStep(0.1)
        self.cap_spin.setKeyboardTracking(False)
        self.model = FiscalRoomModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(RAW_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #C8423F")

        rules = QFormLayout()
        for label, widget in (
            (self.tr("&First year of the clause:"), self.first_spin),
            (self.tr("&Last year (after it, all outside):"), self.last_spin),
            (self.tr("&Cap (% of GDP a year):"), self.cap_spin),
            (self.tr("&Baseline year:"), self.baseline_spin),
        ):
            rules.addRow(label, widget)
        top = QHBoxLayout()
        top.addLayout(rules)
        shown = QFormLayout()
        shown.addRow(self.tr("&Year shown:"), self.year_spin)
        top.addLayout(shown)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.caption)
        self.resize(QSize(1320, 820))

        self.year_spin.valueChanged.connect(lambda _v: self.refresh())
        for spin, field in (
            (self.first_spin, "first_year"),
            (self.last_spin, "last_year"),
            (self.baseline_spin, "baseline_year"),
            (self.cap_spin, "cap_pct"),
        ):
            spin.valueChanged.connect(lambda value, f=field: self._edit_rule(f, value))
        window.document.projected.connect(self.schedule_refresh)
        window.document.reset.connect(self.schedule_refresh)
        self.refresh()

    def _spin(self, name: str, low: int, high: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setAccessibleName(name)
        spin.setRange(low, high)
        spin.setKeyboardTracking(False)  # one undo step per value, not per digit typed
        return spin

    @property
    def base_year(self) -> int:
        return self.document.scenario.base_year

    def ally_name(self, iso3: str) -> str:
        return self.document.scenario.dataset.registry.get(iso3).name(self.language)

    def status_text(self, status: ClauseStatus) -> str:
        """The clause status in the interface language (the CLI's words in English)."""
        rules = self.document.scenario.fiscal
        texts = {
            ClauseStatus.ACTIVE: self.tr("active"),
            ClauseStatus.ENDED: self.tr("ended %1: whole increase outside the clause"),
            ClauseStatus.BEFORE: self.tr("before the clause (from %2)"),
            ClauseStatus.NOT_EU: self.tr("not applicable: not an EU member state"),
            ClauseStatus.NOT_ACTIVATED: self.tr(
                "not applicable: escape clause not activated for this member state"
            ),
            ClauseStatus.NO_DATA: self.tr("not applicable: no armed forces, no NATO figures"),
        }
        return (
            texts[status].replace("%1", str(rules.last_year)).replace("%2", str(rules.first_year))
        )

    def push(self, rules, what: str, field: str = "") -> bool:
        """Push a rules change as one undo step; a refused value is shown, not pushed."""
        try:
            command = SetFiscalRules(self.document, rules_text(what), rules, field)
        except ScenarioInputError as error:
            self.show_problem(str(error))
            self.refresh()
            return False
        self.problem.clear()
        self.document.push(command)
        return True

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)

    def _edit_rule(self, field: str, value) -> None:
        rules = self.document.scenario.fiscal
        if getattr(rules, field) == value:
            return
        names = {
            "first_year": self.tr("first year"),
            "last_year": self.tr("last year"),
            "cap_pct": self.tr("cap"),
            "baseline_year": self.tr("baseline year"),
        }
        self.push(replace(rules, **{field: value}), names[field], field)

    def refresh(self) -> None:
        """Recompute the split from the scenario and show it (rules editors follow undo)."""
        self._timer.stop()
        scenario = self.document.scenario
        self.setWindowTitle(self.tr("Fiscal room — %1").replace("%1", scenario.name))
        rules = scenario.fiscal
        for spin, value in (
            (self.first_spin, rules.first_year),
            (self.last_spin, rules.last_year),
            (self.cap_spin, rules.cap_pct),
            (self.baseline_spin, rules.baseline_year),
        ):
            if spin.value() != value:
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
        room = fiscal_room(self.document.projection)
        self.year_spin.setRange(int(room.years[0]), int(room.years[-1]))
        self.model.set_room(room, self.year_spin.value())
        self.caption.setText(
            self.tr(
                "EU national escape clause: in %1–%2 the increase in defence spending since %3 "
                "is inside the clause up to %4% of GDP and outside above it; after %2 the whole "
                "increase is outside. Core shares on NATO's definition; the EU measures defence "
                "on COFOG division 02, so type a COFOG-basis %3 share where you have one. This is "
                "natoplanner's reading of the rule, not the Commission's assessment. Sources: "
                "Council of the EU, 8 July and 10 October 2025; SAFE: European Commission, "
                "9 September 2025. Budget-law terms = NATO basis ÷ the bridge ratio (sources: "
                "SOURCES.md §6); Canada, the UK and the US report fiscal years to NATO (see the "
                "tooltips)."
            )
            .replace("%1", str(rules.first_year))
            .replace("%2", str(rules.last_year))
            .replace("%3", str(rules.baseline_year))
            .replace("%4", number(rules.cap_pct))
        )


def install(window) -> None:
    """Analysis > Fiscal room."""
    window.fiscal_room_action = install_window_part(
        window,
        "fiscal_room",
        FiscalRoomView,
        window.tr("&Fiscal room (EU escape clause)"),
        "Ctrl+Shift+F",
        window.tr("The increase in defence spending inside and outside the EU escape clause"),
        window.analysis_menu,
    )
