"""Issue 14: the year editor reads what was typed, never a guess; absurd values ask first."""

from __future__ import annotations

from natoplanner.core.scenario import Measure


def test_year_editor_refuses_ambiguous_numbers_at_the_cell(qtbot, window):
    from PySide6.QtCore import QLocale

    from natoplanner.ui.window.year_editor import EditorRow

    previous = QLocale()  # restored after: later tests read the default locale
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        model = window.year_model
        model.set_ally("POL")
        rejected = []
        model.input_rejected.connect(lambda _index, message: rejected.append(message))
        index = model.index(EditorRow.REAL_GROWTH, 3)
        assert not model.setData(index, "1,5")  # 1.5 or 15? refused, not read as 15
        assert window.document.scenario.year_input(Measure.REAL_GROWTH, "POL", 2029) is None
        assert rejected and "1,5" in rejected[-1] and "1.5" in rejected[-1]
        assert model.setData(index, "1.5")
        assert window.document.scenario.year_input(Measure.REAL_GROWTH, "POL", 2029) == 1.5
    finally:
        QLocale.setDefault(previous)


def test_year_editor_asks_before_an_absurd_value(qtbot, window, prompts):
    from natoplanner.ui.window.year_editor import EditorRow

    model = window.year_model
    model.set_ally("POL")
    index = model.index(EditorRow.REAL_GROWTH, 3)
    prompts.confirm_answer = False
    assert not model.setData(index, "45")
    assert window.document.scenario.year_input(Measure.REAL_GROWTH, "POL", 2029) is None
    assert any(kind == "confirm" and "45" in m for kind, m in prompts.asked)
    prompts.confirm_answer = True
    assert model.setData(index, "45")
    assert window.document.scenario.year_input(Measure.REAL_GROWTH, "POL", 2029) == 45.0
    asked = len(prompts.asked)
    assert model.setData(model.index(EditorRow.REAL_GROWTH, 4), "3")  # ordinary: no question
    assert len(prompts.asked) == asked
