"""Results CSV: figures rounded as shown, no float noise."""

from __future__ import annotations

import csv
import re

from natoplanner.core.projection import Projection
from natoplanner.core.scenario import BudgetPolicy, CorePolicy, Scenario
from natoplanner.io.export import RESULT_HEADERS, export_results


def test_csv_has_no_float_noise_and_the_shown_decimals(tmp_path):
    scenario = Scenario()
    # Canada ramped to exactly 3.5% by 2035: its 2035 core gap is float noise (about 4e-16).
    scenario.set_core_policy(
        "CAN", CorePolicy(BudgetPolicy.RAMP_TO_TARGET, target_pct=3.5, target_year=2035)
    )
    projection = Projection(scenario)
    raw_gap = projection.ally_years().query("iso3 == 'CAN' and year == 2035")["core_gap_pp"]
    assert 0 < abs(float(raw_gap.iloc[0])) < 1e-12  # the noise this test is about
    path = export_results(projection, tmp_path / "results.csv")
    text = path.read_text(encoding="utf-8-sig")
    assert not re.search(r"\d[eE][-+]\d", text), "no scientific notation"
    rows = list(csv.DictReader(text.splitlines()))
    canada = next(r for r in rows if r["ISO3"] == "CAN" and r["Year"] == "2035")
    assert canada["Gap to core target (percentage points)"] == "0"
    decimals = {"_bn": 1, "_mn": 0, "_pct": 2, "_pp": 2}
    for key, header in RESULT_HEADERS.items():
        allowed = next(d for end, d in decimals.items() if key.endswith(end))
        for row in rows:
            value = row[header]
            if value:
                places = len(value.split(".")[1]) if "." in value else 0
                assert places <= allowed, (header, value)
                assert value != "-0", header
