"""Alliance strip: NATO-wide figures at the horizon, updated on every edit."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from natoplanner.ui.common.formatting import number, percent
from natoplanner.ui.common.labels import deflator_text
from natoplanner.ui.window.allies_table import Band, band_brush, band_label
from natoplanner.ui.window.document import ScenarioDocument


class AllianceStrip(QFrame):
    """One line of alliance aggregates (USD at base-year prices and exchange rates)."""

    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.nato_label = QLabel(self)
        self.counts_label = QLabel(self)
        self.split_label = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        for label in (self.nato_label, self.counts_label, self.split_label):
            label.setTextFormat(label.textFormat().PlainText)
            # Wraps on narrow screens (1366 px laptops, long French text)
            # instead of forcing the window wider than the screen.
            label.setWordWrap(True)
            layout.addWidget(label, 1)
            layout.addSpacing(18)
        for band in Band:
            swatch = QLabel(band_label(band), self)
            colour = band_brush(band, self.palette()).color().name()
            swatch.setStyleSheet(f"background:{colour}; padding:1px 6px; border-radius:3px;")
            layout.addWidget(swatch)
        document.projected.connect(lambda _rows: self.refresh())
        document.reset.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        scenario = self.document.scenario
        at_horizon = {
            name: values[-1] for name, values in self.document.projection.alliance_columns().items()
        }
        horizon = scenario.horizon
        self.nato_label.setText(
            self.tr("NATO %1: core %2 of GDP, total %3, USD %4 bn")
            .replace("%1", str(horizon))
            .replace("%2", percent(at_horizon["nato_core_share_pct"]))
            .replace("%3", percent(at_horizon["nato_total_share_pct"]))
            .replace("%4", number(at_horizon["nato_core_usd_mn"] / 1000, 0))
        )
        self.counts_label.setText(
            self.tr("Allies ≥ 2%: %1 · ≥ 3.5%: %2 · ≥ 5% total with core ≥ 3.5%: %3 (of 31)")
            .replace("%1", str(int(at_horizon["allies_at_2pct"])))
            .replace("%2", str(int(at_horizon["allies_at_3_5pct"])))
            .replace("%3", str(int(at_horizon["allies_at_5pct_total"])))
        )
        self.split_label.setText(
            self.tr("US %1 · Europe + Canada %2")
            .replace("%1", percent(at_horizon["usa_core_share_pct"]))
            .replace("%2", percent(at_horizon["europe_canada_core_share_pct"]))
        )
        self.setToolTip(
            self.tr(
                "Alliance figures at the horizon %1, the NATO way: shares weighted by GDP at "
                "constant prices (Iceland's GDP included), amounts in US dollars at %2 prices "
                "and exchange rates (each ally deflated by its own deflator: %3). Total counts "
                "related spending up to 1.5% of GDP."
            )
            .replace("%1", str(horizon))
            .replace("%2", str(scenario.base_year))
            .replace("%3", deflator_text(scenario))
        )
