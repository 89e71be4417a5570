"""`deescalate serve`: the practice room in a browser (textual-serve), for classrooms."""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from trainer.cli._common import add_library_option
from trainer.errors import UserError

ORDER = 2


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    serve = subparsers.add_parser(
        "serve",
        help="serve the practice room to web browsers (local only unless --host says otherwise)",
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1; use 0.0.0.0 to let a classroom in)",
    )
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    serve.add_argument(
        "--db",
        metavar="URL",
        help="database every browser session saves to (default: $DEESCALATE_DB, else the "
        "data folder); a shared PostgreSQL URL suits a classroom",
    )
    add_library_option(serve)
    serve.set_defaults(handler=run_serve)


def app_command(library: Sequence[Path] = (), db: str | None = None) -> str:
    """The shell command each browser session runs: this Python, `-m trainer tui`."""
    parts = [sys.executable, "-m", "trainer", "tui"]
    for folder in library:
        parts += ["--library", str(Path(folder).expanduser().resolve())]
    if db:
        parts += ["--db", db]
    return shlex.join(parts)


def run_serve(args: argparse.Namespace) -> int:
    """Run the textual-serve web server until interrupted."""
    if not 1 <= args.port <= 65535:
        raise UserError(f"--port must be between 1 and 65535 (got {args.port})")
    from textual_serve.server import Server

    command = app_command(getattr(args, "library", []) or [], getattr(args, "db", None))
    print(f"deescalate: serving the practice room on http://{args.host}:{args.port}/")
    Server(command, host=args.host, port=args.port, title="deescalate").serve()
    return 0
