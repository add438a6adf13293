"""Data in and out of the window: the import dialog and its preview, export
and clipboard actions."""
