"""The `harness` command: a thin dispatcher over one module per command.

Each command module defines `register(subparsers)`, which adds its parser and
sets `func` to a function taking the parsed args and returning an exit code.
Modules are imported when the parser is built; heavy libraries (datasets,
openai) are imported inside the command functions, so start-up stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from harness import __version__
from harness.errors import HarnessError

# One module per command, in the order `harness --help` lists them.
COMMAND_MODULES = (
    "harness.cli.goldset",
    "harness.cli.check",
    "harness.cli.run",
    "harness.cli.report",
    "harness.cli.gate",
    "harness.cli.meta_eval",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="harness",
        description="Check summaries for faithfulness against a gold set of source-anchored facts.",
    )
    parser.add_argument("--version", action="version", version=f"harness {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code (0 ok, 1 findings/thresholds, 2 bad input)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except HarnessError as exc:
        print(f"harness: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("harness: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
