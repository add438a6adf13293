"""Entry point: ``natoplanner`` opens the window; ``natoplanner COMMAND`` runs a command."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from natoplanner.cli import run_command

    if argv and (argv[0] in COMMAND_MODULES_NAMES or argv[0] in ("-h", "--help")):
        return run_command(argv)
    try:
        from natoplanner.ui.shell.main import run_gui
    except ModuleNotFoundError:
        return run_command(["summary", *argv])
    return run_gui(argv)


# Subcommand names (a module may define several); kept here so the GUI path
# never has to import the command modules.
COMMAND_MODULES_NAMES = (
    "summary",
    "new",
    "check",
    "import",
    "goalseek",
    "compare",
    "alliance",
    "set",
    "uncertainty",
    "fiscal",
    "sources",
)
