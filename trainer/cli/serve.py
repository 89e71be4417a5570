"""`deescalate serve`: the practice room in a browser (textual-serve), for classrooms.

The web server itself lives in `trainer.serve`; this module reads the options, keeps the
database URL off every command line, and says where the room is.
"""

from __future__ import annotations

import argparse
import errno
import os
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
        "this machine's network address when HOST is 0.0.0.0); the room only opens calls for "
        "pages loaded from it (or from localhost on this machine)",
    )
    serve.add_argument(
        "--max-sessions",
        type=int,
        metavar="N",
        help="how many browsers may practise at once (default: as many as this machine's free "
        "memory holds, about 540 MB each); the next one is asked to wait",
    )
    serve.add_argument(
        "--db",
        metavar="URL",
        help="database every browser session saves to (default: $DEESCALATE_DB, else the "
        "data folder); a shared PostgreSQL URL suits a classroom. Prefer setting "
        "$DEESCALATE_DB for a URL with a password: a command line is visible to every user",
    )
    add_library_option(serve)
    serve.set_defaults(handler=run_serve)


def app_command(library: Sequence[Path] = ()) -> list[str]:
    """The command each browser session runs: this Python, `-m trainer tui`.

    The database is not on it: sessions read it from DEESCALATE_DB in their environment,
    which (unlike a command line) other users of the machine cannot read.
    """
    parts = [sys.executable, "-m", "trainer", "tui"]
    for folder in library:
        parts += ["--library", str(Path(folder).expanduser().resolve())]
    return parts


def run_serve(args: argparse.Namespace) -> int:
    """Run the classroom web server until interrupted."""
    if not 1 <= args.port <= 65535:
        raise UserError(f"--port must be between 1 and 65535 (got {args.port})")
    max_sessions = getattr(args, "max_sessions", None)
    if max_sessions is not None and max_sessions < 1:
        raise UserError(f"--max-sessions must be at least 1 (got {max_sessions})")
    from trainer.serve import RoomServer, default_max_sessions, url_origin

    given_url = getattr(args, "public_url", None)
    if given_url is not None and url_origin(given_url) is None:
        raise UserError(
            f"--public-url must be an http:// or https:// address such as "
            f"http://trainer-laptop:8000 (got {given_url!r})"
        )
    url = (given_url or public_url(args.host, args.port)).rstrip("/")
    db = getattr(args, "db", None)
    if db:
        # Every session's app process inherits this; see app_command.
        os.environ["DEESCALATE_DB"] = db
    seats = max_sessions or default_max_sessions()
    server = RoomServer(
        app_command(getattr(args, "library", []) or []),
        host=args.host,
        port=args.port,
        public_url=url,
        max_sessions=seats,
    )
    from trainer.store.engine import default_url, safe_url

    print(f"deescalate: serving the practice room on {url}/")
    print(
        f"deescalate: {seats} seat{'s' if seats != 1 else ''}; calls are saved to "
        f"{safe_url(default_url())}"
    )
    sys.stdout.flush()
    try:
        server.serve()
    except OSError as exc:
        reason = (
            "the port is already in use (another server?); choose another with --port"
            if exc.errno == errno.EADDRINUSE
            else str(exc.strerror or exc)
        )
        raise UserError(f"cannot listen on {args.host}:{args.port}: {reason}") from exc
    return 0


def public_url(host: str, port: int) -> str:
    """The URL a browser on another machine uses: the page's scripts and socket point there.

    Listening on every interface (0.0.0.0 or ::) is not an address a browser can open, so the
    machine's own network address is used instead (found without sending anything).
    """
    if host not in ("0.0.0.0", "::", ""):
        return f"http://{host}:{port}" if ":" not in host else f"http://[{host}]:{port}"
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # UDP connect picks a route; no packet is sent
        address = str(probe.getsockname()[0])
    except OSError:
        address = socket.gethostname()
    finally:
        probe.close()
    return f"http://{address}:{port}"
