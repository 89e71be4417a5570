"""Showing untrusted text (trainee replies, persona lines) literally and safely.

Everything typed by a trainee or authored by a trainer is data, never markup: it is wrapped in
`rich.text.Text` (which never parses `[bold]` or `[link=...]`), stripped of ANSI escapes and
control characters, and cut to a readable length with a visible note.
"""

from __future__ import annotations

import re

from rich.text import Text

MAX_SHOWN = 2_000
"""Characters of one line shown on screen before it is cut."""

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), and other two-byte ESC sequences.
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
# C0 and C1 controls except tab and newline; also DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str, limit: int = MAX_SHOWN) -> str:
    """Remove escape sequences and control characters; cut to `limit` with a note."""
    text = _ANSI.sub("", text.replace("\r\n", "\n"))
    text = _CONTROL.sub("", text).replace("\t", "    ")
    if len(text) > limit:
        cut = len(text) - limit
        text = text[:limit] + f" … [{cut:,} more characters not shown]"
    return text


def safe_text(text: str, style: str = "", limit: int = MAX_SHOWN) -> Text:
    """A Rich Text that shows `text` literally (no markup), cleaned and cut."""
    return Text(clean(text, limit), style=style)


def one_line(text: str, limit: int = 80) -> str:
    """A cleaned single-line preview of `text` for lists and tables."""
    flat = " ".join(clean(text, limit * 4).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
