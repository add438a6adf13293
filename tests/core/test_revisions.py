"""NATO's published shares across editions, as documented in data/SOURCES.md."""

from __future__ import annotations

import pytest

from natoplanner.core.dataset import Dataset
from natoplanner.core.errors import ScenarioInputError
from natoplanner.core.revisions import revision_table, share_revisions


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return Dataset.bundled()


def test_united_states_2024_moves_as_documented(dataset: Dataset) -> None:
    # SOURCES.md: 3.38 (June 2024 edition, 2024e) → 3.21 (Aug 2025 edition,
    # 2024e) → 3.30 (2026 edition, actual; SG report 3.3).
    frame = share_revisions(dataset, "USA", editions_only=True)
    year_2024 = frame[frame["year"] == 2024]
    assert list(year_2024["vintage"]) == ["ed2024", "ed2025", "ed2026"]
    assert list(year_2024["share_pct"]) == [3.38, 3.21, 3.30]
    assert list(year_2024["is_estimate"]) == [True, True, False]
    assert year_2024["change_pp"].round(2).tolist()[1:] == [-0.17, 0.09]


def test_reports_included_in_publication_order(dataset: Dataset) -> None:
    # United States 2023: 3.49 (2023 edition) → 3.24 (SG report, Mar 2024)
    # → 3.10 (2025 edition) → 3.15 (2026 edition).
    frame = share_revisions(dataset, "United States")
    year_2023 = frame[frame["year"] == 2023]
    assert list(year_2023["share_pct"]) == [3.49, 3.24, 3.10, 3.15]
    assert list(year_2023["kind"]) == ["edition", "annual report", "edition", "edition"]


def test_germany_2025_absent_from_the_2025_edition(dataset: Dataset) -> None:
    # SOURCES.md: no figure in the 2025 edition; 2.4 in the SG report; 2.22 in 2026.
    table = revision_table(dataset, "DEU")
    assert table.at[2025, "sgar2025"] == 2.4
    assert table.at[2025, "ed2026"] == 2.22
    assert "ed2025" in table.columns and table[["ed2025"]].loc[2025].isna().all()


def test_unknown_ally(dataset: Dataset) -> None:
    with pytest.raises(ScenarioInputError, match="ally"):
        share_revisions(dataset, "Atlantis")
