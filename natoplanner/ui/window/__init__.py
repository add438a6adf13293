"""The planning window: the main window, its panels (allies table, year editor,
path plot, policy panel, alliance strip), the scenario document and its undo commands."""
