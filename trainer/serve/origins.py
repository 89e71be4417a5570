"""Which web pages may open a practice-room session: the server's own addresses only.

Browsers let any page open a WebSocket to any address and say where the page came from in the
`Origin` header. Without a check, a page on any site a trainee visits could start calls on the
classroom server (an app process each) and write them to the shared database. The allowed
origins are fixed when the server starts, not taken from the request's `Host` header, so a
foreign name that resolves to this machine (DNS rebinding) is refused as well.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

Origin = tuple[str, str, int]
"""(scheme, lower-case host, port) with the port always filled in."""

DEFAULT_PORTS = {"http": 80, "https": 443}
WILDCARD_HOSTS = ("0.0.0.0", "::", "")
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def _split(value: str) -> tuple[Origin, str] | None:
    """(origin, the rest after host and port) of an http(s) URL, or None."""
    try:
        parts = urlsplit(value.strip())
        port = parts.port
    except ValueError:  # a port that is not a number, or out of range
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in DEFAULT_PORTS or not host or parts.username or parts.password:
        return None
    rest = parts.path + ("?" + parts.query if parts.query else "") + parts.fragment
    return (scheme, host, port or DEFAULT_PORTS[scheme]), rest


def parse_origin(value: str) -> Origin | None:
    """An `Origin` header as (scheme, host, port); None for `null`, paths or anything odd."""
    split = _split(value)
    if split is None or split[1]:
        return None
    return split[0]


def url_origin(url: str) -> Origin | None:
    """The origin of an http(s) URL (its path, if any, does not matter)."""
    split = _split(url)
    return None if split is None else split[0]


def is_loopback(host: str) -> bool:
    """True for names and addresses that only reach this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_origins(host: str, port: int, public_url: str) -> frozenset[Origin]:
    """The origins whose pages may open a session on a server listening on `host:port`.

    The public URL (what the room is told to open) always counts. A server that listens on a
    named address also answers pages loaded from that address; one that listens on this
    machine's loopback or on every interface also answers the loopback names, so the trainer
    can open it on the machine itself.
    """
    allowed: set[Origin] = set()
    public = url_origin(public_url)
    if public is not None:
        allowed.add(public)
    bare = host.strip("[]").lower()
    if bare in WILDCARD_HOSTS or is_loopback(bare):
        allowed.update(("http", name, port) for name in LOOPBACK_NAMES)
    if bare not in WILDCARD_HOSTS:
        allowed.add(("http", bare, port))
    return frozenset(allowed)


def host_origins(host_header: str) -> tuple[Origin, ...]:
    """The origins a request's `Host` header may stand for (plain or behind TLS)."""
    found = (parse_origin(f"{scheme}://{host_header}") for scheme in DEFAULT_PORTS)
    return tuple(origin for origin in found if origin is not None)
