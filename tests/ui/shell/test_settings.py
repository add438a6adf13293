"""Settings persistence: a second window comes back as the first one left things."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSettings, QSize

from natoplanner.core.scenario import Scenario
from natoplanner.io.workbook.files import save_scenario
from natoplanner.ui.shell import settings
from natoplanner.ui.shell.prompts import ScriptedPrompts
from natoplanner.ui.window.document import ScenarioDocument
from natoplanner.ui.window.main_window import MainWindow
from natoplanner.ui.window.path_plot import PlotMode


def new_window(qtbot, prompts=None) -> MainWindow:
    window = MainWindow(ScenarioDocument(), prompts=prompts or ScriptedPrompts())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def recent_menu_texts(window) -> list[str]:
    window.fill_recent_menu()
    return [a.text() for a in window.recent_menu.actions() if not a.isSeparator()]


def test_settings_are_isolated_in_the_test_folder(tmp_path):
    settings.set_language("fr")
    store = QSettings()
    assert Path(store.fileName()).is_relative_to(tmp_path)
    assert store.value("ui/language") == "fr"


def test_second_window_restores_geometry_splitters_and_plot_units(qtbot):
    # Within the offscreen screen (800 x 800): Qt fits restored windows on screen.
    first = new_window(qtbot)
    first.setGeometry(QRect(5, 40, 792, 700))
    first.main_splitter.setSizes([300, 480])
    first.plot_mode_actions.actions()[3].trigger()  # View > Core spending (million USD)
    qtbot.wait(10)
    size = first.size()
    sizes = first.main_splitter.sizes()
    assert size != QSize(1440, 900) and sizes[0] < sizes[1]  # not the defaults
    first.close()

    second = new_window(qtbot)
    assert second.size() == size
    assert second.main_splitter.sizes() == sizes
    assert second.plot.mode == PlotMode.AMOUNT_USD
    assert second.plot.mode_combo.currentText() == "Core spending (million USD)"
    checked = [a.isChecked() for a in second.plot_mode_actions.actions()]
    assert checked == [False, False, False, True, False]  # the fifth: core and total
    second.close()


def test_second_window_restores_docks(qtbot):
    first = new_window(qtbot)
    assert not first.undo_dock.isVisible()
    first.undo_dock.show()
    first.close()
    second = new_window(qtbot)
    assert second.undo_dock.isVisible()
    second.undo_dock.hide()
    second.close()
    assert not new_window(qtbot).undo_dock.isVisible()


def test_recent_files_newest_first_capped_at_ten_and_shared_by_windows(qtbot, tmp_path):
    paths = []
    for number in range(12):
        path = tmp_path / f"scenario {number}.xlsx"
        path.write_bytes(b"placeholder")
        settings.add_recent_file(path)
        paths.append(path.resolve())
    settings.add_recent_file(paths[5])  # reopening moves it to the top, no duplicate

    window = new_window(qtbot)
    texts = recent_menu_texts(window)
    expected_order = [
        paths[5],
        paths[11],
        paths[10],
        paths[9],
        paths[8],
        paths[7],
        paths[6],
        paths[4],
        paths[3],
        paths[2],
    ]
    assert texts[:10] == [f"&{(n + 1) % 10} {p.name}" for n, p in enumerate(expected_order)]
    assert texts[10] == "&Clear list"
    assert settings.last_folder() == tmp_path.resolve()

    other = new_window(qtbot)  # a second window (or the next start) sees the same list
    assert recent_menu_texts(other)[:10] == texts[:10]

    clear = [a for a in other.recent_menu.actions() if a.text() == "&Clear list"][0]
    clear.trigger()
    assert settings.recent_files() == []
    assert recent_menu_texts(window) == ["No recent files", "&Clear list"]


def test_saving_and_opening_add_to_recent_files_and_missing_ones_are_pruned(qtbot, tmp_path):
    kept = tmp_path / "kept.xlsx"
    scenario = Scenario(name="Kept")
    save_scenario(scenario, kept)
    gone = tmp_path / "gone.xlsx"
    save_scenario(Scenario(name="Gone"), gone)

    prompts = ScriptedPrompts(save_path=gone)
    window = new_window(qtbot, prompts)
    assert window.save_as()
    assert window.open_scenario(kept)
    assert settings.recent_files() == [kept.resolve(), gone.resolve()]

    gone.unlink()
    recent = [a for a in window.recent_menu.actions() if a.data()]
    window.fill_recent_menu()
    recent = [a for a in window.recent_menu.actions() if a.data()]
    assert [Path(a.data()).name for a in recent] == ["kept.xlsx", "gone.xlsx"]
    recent[1].trigger()
    assert prompts.asked[-1][0] == "information"
    assert "gone.xlsx no longer exists" in prompts.asked[-1][1]
    assert settings.recent_files() == [kept.resolve()]
    assert window.document.path == kept  # the open scenario is untouched

    recent_menu_texts(window)
    [a for a in window.recent_menu.actions() if a.data()][0].trigger()
    assert window.document.path == kept.resolve()
    assert window.document.scenario.name == "Kept"


def test_language_choice_is_remembered_and_announced(window, prompts):
    french = [a for a in window.language_menu.actions() if a.data() == "fr"][0]
    french.trigger()
    assert settings.language() == "fr"
    assert prompts.asked[-1][0] == "information"
    assert "prochain démarrage" in prompts.asked[-1][1]


def test_open_dialog_starts_in_the_last_folder(window, prompts, tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    settings.set_last_folder(folder)
    window.open_scenario()  # the scripted answer is "no file chosen"
    assert prompts.asked[-1] == ("open", str(folder))
