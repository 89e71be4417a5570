"""Which authored lines fit this moment of the call.

A customer line may presuppose things: a hold ("You said {wait}", "That was longer than
{wait}", "You didn't press mute"), a day or a time the agent named ("Thursday is too late",
"That lands at three"), or a particular remedy ("A meal voucher? It's midnight"). A line fits
only when what it presupposes happened in this call. The voice picks among fitting lines and
never repeats a line said earlier in the call while another fits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ruamel.yaml import YAML

from trainer.models.scenario import Remedy
from trainer.simulation.hearing import days_in, numbers_in

REACTIVE = frozenset({"reject", "accept", "test", "confirm", "refused", "soften"})
"""Moves that answer what the agent just said: what they refer to must come from the agent."""
ECHOES_DAYS = frozenset({"reject", "accept"})
"""Moves whose days must be days the agent named."""
NAMES_OFFER = frozenset({"reject"})
"""Moves whose line must name what was offered."""

_HOLD_OVER = re.compile(
    r"\b(?:longer|more|over|a long|a bit more)\b[^.?!]{0,12}\{wait\}|\bthat was (?:a bit |so )?"
    r"(?:long|longer|ages)\b|\bwhat took you\b",
    re.I,
)
_HOLD_BEFORE = re.compile(
    r"\bmute\b|\bheard (?:all of that|someone|everything)\b|\bcut out\b", re.I
)
"""A line about an earlier hold in this call (overheard on an open line, music cutting out)."""
_AGAIN_HOLD = re.compile(r"\bthis time\b|\bagain\b", re.I)
"""In a hold move: 'mute it this time' presupposes an earlier hold."""
_RELATIVE_DAY = re.compile(r"\b(tomorrow|next week)\b", re.I)
"""'Tomorrow? Really tomorrow?' echoes the agent; without them saying it, it is out of place."""
_CLOCK = re.compile(
    r"\b(?:at|by|until|till|before|after|lands?|leaves?|arrives?)\s+(\d{1,2}(?::\d{2})?|one|two|"
    r"three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|\b(\d{1,2}:\d{2})\b|"
    r"\b(\d{1,2})\s?(?:am|pm)\b|[£$€]\s?(\d+(?:\.\d+)?)|\b(\d+|ten|twenty|thirty|forty|fifty|"
    r"five|hundred)\s+(?:pounds|quid|euros|dollars)\b",
    re.I,
)


@dataclass
class LineContext:
    """What a line may refer to at this point of the call."""

    agent_said: str = ""
    """Everything the trainee has said so far."""
    known: str = ""
    """What the customer knows of their own situation: scenario, persona, their own lines."""
    offered: list[Remedy] = field(default_factory=list)
    """The remedies the move answers (the offer on the table)."""
    remedies: list[Remedy] = field(default_factory=list)
    """Every remedy in the scenario."""
    wait_given: bool = False
    """The trainee gave a hold estimate (`{wait}` is filled)."""
    holds_before: int = 0
    """Holds finished before this line."""
    hold_over: bool = False
    """The hold just finished ran past the trainee's estimate."""
    hold_asked: bool = False
    """The trainee asked before putting them on hold."""
    said: set[str] = field(default_factory=set)
    """Lines the customer has already said in this call."""


def _mentions(line: str, remedy: Remedy) -> bool:
    low = line.lower()
    words = [k.lower() for k in remedy.keywords]
    if remedy.said_as:
        words.append(remedy.said_as.lower())
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low) for w in words)


def names_offer(raw: str, ctx: LineContext) -> bool:
    """The line names the remedy on the table (its words, or the `{remedy}` slot)."""
    return "{remedy}" in raw or any(_mentions(raw, r) for r in ctx.offered)


def fits(raw: str, move: str, ctx: LineContext) -> bool:
    """Whether the authored line `raw` (slots unfilled) may be said now."""
    base = move.split(":", 1)[0]
    if "{wait}" in raw and not ctx.wait_given:
        return False
    if _HOLD_OVER.search(raw) and not ctx.hold_over:
        return False
    about_hold = _HOLD_BEFORE.search(raw) or move == "tactic:overheard_on_hold"
    if base == "hold_ok" and _AGAIN_HOLD.search(raw):
        about_hold = True
    if about_hold and ctx.holds_before < 1:
        return False
    if re.search(r"\bfor asking\b", raw, re.I) and not ctx.hold_asked:
        return False
    if "{remedy}" in raw and not ctx.offered:
        return False
    reactive = base in REACTIVE
    said_by_agent = ctx.agent_said.lower()
    known = ctx.known.lower() + " " + said_by_agent
    for day in days_in(raw):
        # "Thursday is too late" answers an offer: only a day the agent named will do.
        if day not in (said_by_agent if base in ECHOES_DAYS else known):
            return False
    if reactive:
        for echo in _RELATIVE_DAY.findall(raw):
            if echo.lower() not in said_by_agent:
                return False
    if reactive:
        agent_numbers = numbers_in(said_by_agent)
        for match in _CLOCK.finditer(raw):
            value = next(g for g in match.groups() if g)
            if not numbers_in(value) & agent_numbers:
                return False
        offered = {r.id for r in ctx.offered}
        for remedy in ctx.remedies:
            if remedy.id not in offered and _mentions(raw, remedy):
                return False
    return True


@cache
def default_lines() -> dict[str, list[str]]:
    """The built-in lines (`default_lines.yaml`), by move."""
    path = Path(__file__).with_name("default_lines.yaml")
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return {str(k): [str(x) for x in v] for k, v in data.items()}
