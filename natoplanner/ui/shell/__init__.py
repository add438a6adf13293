"""The application shell: start-up, the workspace of open windows, settings,
autosave and recovery, language, icons, prompts and background jobs."""
