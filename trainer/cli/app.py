"""Starting the practice room (the Textual app)."""

from __future__ import annotations

import argparse

from trainer.cli._common import add_library_option

ORDER = 1


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    tui = subparsers.add_parser("tui", help="start the practice room (the default command)")
    add_library_option(tui)
    tui.add_argument(
        "--db",
        metavar="URL",
        help="database URL for the call history, e.g. sqlite:///calls.db or "
        "postgresql+psycopg://user@host/db (default: $DEESCALATE_DB, else deescalate.db "
        "in the data folder)",
    )
    tui.set_defaults(handler=run_tui)


def run_tui(args: argparse.Namespace) -> int:
    """Run the Textual app; textual is imported only here."""
    from trainer.tui.app import run

    return run(
        library_dirs=list(getattr(args, "library", []) or []),
        db_url=getattr(args, "db", None) or None,
    )
