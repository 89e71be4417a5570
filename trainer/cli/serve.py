"""`deescalate serve`: the practice room in a browser (textual-serve), for classrooms."""

from __future__ import annotations

import argparse
import shlex
import socket
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
        "--public-url",
        metavar="URL",
        help="the address browsers use to reach this machine (default: http://HOST:PORT, or "
        "this machine's network address when HOST is 0.0.0.0)",
    )
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
    url = (getattr(args, "public_url", None) or public_url(args.host, args.port)).rstrip("/")
    print(f"deescalate: serving the practice room on {url}/")
    Server(command, host=args.host, port=args.port, title="deescalate", public_url=url).serve()
    return 0


def public_url(host: str, port: int) -> str:
    """The URL a browser on another machine uses: the page's scripts and socket point there.

    Listening on every interface (0.0.0.0 or ::) is not an address a browser can open, so the
    machine's own network address is used instead (found without sending anything).
    """
    if host not in ("0.0.0.0", "::", ""):
        return f"http://{host}:{port}"
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # UDP connect picks a route; no packet is sent
        address = str(probe.getsockname()[0])
    except OSError:
        address = socket.gethostname()
    finally:
        probe.close()
    return f"http://{address}:{port}"
