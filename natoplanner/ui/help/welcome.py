"""The welcome panel: a one-time orientation at the top of the first window.

It says what the table, plot and year editor do, that typed cells are
overrides, and why two allies are selected at the start. It is shown at the
first start only (remembered in the settings), closes with one click, and
Help > Welcome panel brings it back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from natoplanner.ui.common.formatting import percent

#: Settings key: True once the panel has been shown.
SHOWN_KEY = "help/welcome_shown"
#: The allies selected at the start (ui/shell/main.py): one above 3.5% core, one below.
START_ALLIES = ("POL", "DEU")


def _tr(text: str) -> str:
    return QCoreApplication.translate("WelcomePanel", text)


class WelcomePanel(QFrame):
    """The orientation text with *User guide* and *Close* buttons."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("welcome_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(_tr("Welcome"))
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setText(welcome_text(window))
        guide = QPushButton(_tr("Open the user guide"), self)
        guide.clicked.connect(lambda: window.user_guide_action.trigger())
        close = QPushButton(_tr("Close this panel"), self)
        close.clicked.connect(self.close)
        buttons = QVBoxLayout()
        buttons.addWidget(guide)
        buttons.addWidget(close)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)


def welcome_text(window) -> str:
    """The panel's rich text; the two start allies' base-year shares come from the data."""
    scenario = window.document.scenario
    columns = window.document.projection.summary_columns(window.language)
    shares = {
        iso3: percent(float(columns["base_core_share_pct"][scenario.row(iso3)]))
        for iso3 in START_ALLIES
    }
    names = {iso3: scenario.dataset.registry.get(iso3).name(window.language) for iso3 in shares}
    return (
        _tr(
            "<b>Welcome to natoplanner.</b> The <b>table</b> on the left lists the 32 allies "
            "and where each stands at the horizon against the Hague targets (3.5% of GDP on "
            "core defence, 5% in total by 2035). Click allies to <b>plot</b> their paths "
            "(Ctrl+click for several). The <b>year editor</b> below the plot holds the "
            "selected ally's figures year by year: a value you type there is an "
            "<b>override</b> (bold; Delete clears it), and the policy panel under it sets how "
            "the budget moves. %1 (%2 of GDP in %5) and %3 (%4) are selected to start: one "
            "above the 3.5% core target, one below. Everything can be undone (Ctrl+Z); F1 "
            "opens the user guide."
        )
        .replace("%1", names["POL"])
        .replace("%2", shares["POL"])
        .replace("%3", names["DEU"])
        .replace("%4", shares["DEU"])
        .replace("%5", str(scenario.base_year))
    )


def show_welcome(window) -> WelcomePanel:
    """Show the panel at the top of ``window`` (one per window) and remember it was shown."""
    panel = getattr(window, "welcome_panel", None)
    if panel is None:
        panel = window.welcome_panel = WelcomePanel(window)
        window.centralWidget().layout().insertWidget(0, panel)
    panel.show()
    QSettings().setValue(SHOWN_KEY, True)
    return panel


def show_welcome_once(window) -> WelcomePanel | None:
    """At the first start only: the panel; afterwards None."""
    if QSettings().value(SHOWN_KEY, False, type=bool):
        return None
    return show_welcome(window)
