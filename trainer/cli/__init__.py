"""The `deescalate` command line.

Each module in this package that defines `register(subparsers)` adds its commands, so teams
can add a command without touching a shared file. Modules keep heavy imports (torch,
textual) inside their handlers so `deescalate --help` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from trainer import __version__
from trainer.errors import LoadError, UserError


def build_parser() -> argparse.ArgumentParser:
    """The full parser with every command module registered."""
    parser = argparse.ArgumentParser(
        prog="deescalate",
        description="Practise calming angry customers with the four-step method. "
        "With no command, starts the practice room (terminal app).",
    )
    parser.add_argument("--version", action="version", version=f"deescalate {__version__}")
    parser.set_defaults(handler=None)
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    modules = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "register"):
            modules.append(module)
    for module in sorted(modules, key=lambda m: (getattr(m, "ORDER", 50), m.__name__)):
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `deescalate` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = args.handler
    if handler is None:
        from trainer.cli.app import run_tui

        handler = run_tui
    try:
        code: int = handler(args)
    except LoadError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except UserError as exc:
        print(f"deescalate: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("deescalate: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
