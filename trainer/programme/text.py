"""Names on a terminal: whatever a name holds, no control character reaches the screen."""

from __future__ import annotations

import re

# Escape sequences first (so their printable tails go too), then any C0/C1 control or DEL.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str, limit: int = 80) -> str:
    """`text` on one line without control characters, cut to `limit` with an ellipsis."""
    flat = " ".join(_CONTROL.sub(" ", _ESCAPES.sub("", text)).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def has_control(text: str) -> bool:
    """Whether `text` holds an escape or control character (tab and newline included)."""
    return bool(_CONTROL.search(text))
