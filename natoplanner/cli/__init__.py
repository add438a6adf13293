"""Command line: ``natoplanner <command>``; each command lives in its own module.

A command module defines ``register(subparsers)``, which adds its parser and
sets ``handler`` (a function taking the parsed arguments and returning the
exit code). Problems the user can fix are printed as one clear message on
stderr with a non-zero exit code, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from natoplanner.cli.common import terminal_text
from natoplanner.core.errors import ScenarioInputError
from natoplanner.io.errors import FileProblemError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="natoplanner",
        description="Plan NATO defence spending toward the Hague commitment "
        "(3.5% core, 5% total by 2035).",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"natoplanner.cli.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"natoplanner.cli.{name}":
                raise
            continue  # a command not built yet
        module.register(subparsers)
    return parser


def run_command(argv: Sequence[str]) -> int:
    """Parse ``argv`` (without the program name), run the command, return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler below
        return code
    except (ScenarioInputError, FileProblemError) as error:
        # One line per problem (a file's problems come one per line), each made safe.
        lines = [terminal_text(line) for line in str(error).splitlines() or [""]]
        print(f"natoplanner {args.command}: " + "\n  ".join(lines), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (``natoplanner summary | head``): not an error.
        # Point stdout at devnull so the interpreter's final flush stays quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:
        print(
            f"natoplanner {args.command}: {error.strerror or error}: {error.filename or ''}",
            file=sys.stderr,
        )
        return 1


COMMAND_MODULES = (
    "summary",
    "workbook",
    "importing",
    "analysis",
    "alliance",
    "editing",
    "uncertainty",
    "fiscal",
    "vintages",
)
