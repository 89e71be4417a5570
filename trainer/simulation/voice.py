"""Turning a move into words.

`Voice` is the replaceable part: the default `AuthoredVoice` speaks the persona's authored
lines (slots filled), never repeating a line while unused variants remain, and needs no
model. A voice backed by a local language model can wrap it later: take the authored line
from `AuthoredVoice.say` and rephrase it, keeping the move (the policy decides *what* the
customer does; a voice only decides *how* it sounds).

Move keys: every field of `Lines` (`vent`, `accept`, `hold_ok`, ...), `tactic:<id>`,
`trigger:<index>` (a trigger's snap-back line), `detail:<index>` (a scenario detail given when
asked), `callback_agreed` and `opening` (the scenario's first line).

Given a `LineContext`, the voice says only lines that fit the call so far (see `lines.py`):
nothing about a hold, a day, a time or a remedy that did not come up, and no line the customer
already said while another fits. When none of the persona's lines fits, a built-in line does.
"""

from __future__ import annotations

import random
import re
from typing import Any, Protocol, runtime_checkable

from trainer.models.base import fill_slots
from trainer.models.persona import Persona
from trainer.models.scenario import Scenario
from trainer.simulation.lines import NAMES_OFFER, LineContext, default_lines, fits, names_offer

OPTIONAL_MOVES: dict[str, str] = {
    "transfer": "hold_ok",
    "explain": "vent",
    "confirm": "test",
    "refused": "demand",
    "frustrated": "demand",
}
"""Moves a persona may leave unwritten, and the move whose lines stand in for them."""
SPILL: dict[str, tuple[str, ...]] = {
    "frustrated": ("demand", "restate"),
    "confirm": ("test",),
    "test": ("confirm", "demand"),
    "refused": ("demand",),
    "explain": ("vent", "restate"),
    "demand": ("restate",),
    "vent": ("restate",),
    "restate": ("vent",),
    "soften": ("hold_return",),
}
"""Moves whose lines may stand in once every fitting line of a move has been said, before any
line is said twice."""
BUILT_IN_MOVES = frozenset(
    {
        "answer",
        "callback_ask",
        "callback_ask_time",
        "callback_ask_number",
        "callback_time",
        "callback_number",
        "callback_agreed",
    }
)
"""Moves a persona may leave unwritten that fall back to built-in lines."""


class Voice(Protocol):
    """Anything that can say a move for a persona in a scenario."""

    def say(
        self,
        move: str,
        persona: Persona,
        scenario: Scenario,
        rng: random.Random,
        slots: dict[str, str],
        context: LineContext | None = None,
    ) -> str:
        """The customer's words for `move`, using `rng` for every random choice.

        With a `context`, only lines that fit the call so far are said.
        """
        ...


@runtime_checkable
class StatefulVoice(Protocol):
    """A voice with memory the session saves before a turn and restores on rewind."""

    def snapshot(self) -> Any:
        """A copy of the voice's memory."""
        ...

    def restore(self, state: Any) -> None:
        """Go back to a memory taken by `snapshot`."""
        ...


def authored_lines(move: str, persona: Persona, scenario: Scenario) -> list[str]:
    """The authored variants for a move key (see the module docstring)."""
    if move == "opening":
        return list(scenario.opening)
    if move.startswith("tactic:"):
        ident = move.removeprefix("tactic:")
        for tactic in persona.tactics:
            if tactic.id == ident:
                return list(tactic.lines)
        return []
    if move.startswith("trigger:"):
        index = int(move.removeprefix("trigger:"))
        return list(persona.triggers[index].say) if index < len(persona.triggers) else []
    if move.startswith("detail:"):
        index = int(move.removeprefix("detail:"))
        return list(scenario.details[index].say) if index < len(scenario.details) else []
    lines = getattr(persona.lines, move, None)
    if move in OPTIONAL_MOVES and not lines:
        lines = getattr(persona.lines, OPTIONAL_MOVES[move])
    if move in BUILT_IN_MOVES and not lines:
        lines = default_lines().get(move, [])
    return list(lines) if isinstance(lines, list) else []


_SENTENCE_START = re.compile(r"(^|[.?!]\s+)([a-z])")


_NO_AGENT = re.compile(r"^\{agent\},?\s*|,?\s*\{agent\}(?=[.!?,]|$)|\{agent\},?\s*")
"""Where the agent's name goes; without a name the words around it close up ("Thanks.")."""


def _render(line: str, slots: dict[str, str]) -> str:
    if not slots.get("agent"):
        line = _NO_AGENT.sub("", line)
    text = " ".join(fill_slots(line, slots).split())
    # A slot that opens a sentence ("{remedy}? That's not what I need.") gets a capital.
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)


class AuthoredVoice:
    """Speaks the persona's own lines; cycles through variants before repeating any."""

    def __init__(self) -> None:
        self._used: dict[str, set[int]] = {}

    def say(
        self,
        move: str,
        persona: Persona,
        scenario: Scenario,
        rng: random.Random,
        slots: dict[str, str],
        context: LineContext | None = None,
    ) -> str:
        lines = authored_lines(move, persona, scenario)
        if not lines and not move.startswith("trigger:"):
            # Every Lines field is required or falls back, so only an unknown key gets here.
            raise ValueError(f"no lines for move {move!r} in persona {persona.id!r}")
        key = f"{persona.id}/{move}"
        pool = list(range(len(lines)))
        if context is not None:
            pool = self._fitting(move, lines, pool, slots, context)
            if not any(_render(lines[i], slots) not in context.said for i in pool):
                # Every fitting line has been said: a neighbouring move's fresh line first.
                for other in SPILL.get(move, ()):
                    spare = authored_lines(other, persona, scenario)
                    fresh = [
                        i
                        for i in range(len(spare))
                        if fits(spare[i], other, context)
                        and _render(spare[i], slots) not in context.said
                    ]
                    if fresh:
                        return _render(spare[rng.choice(fresh)], slots)
            if not pool:
                return self._built_in(move, rng, slots, context)
        used = self._used.setdefault(key, set())
        unused = [i for i in pool if i not in used]
        if not unused:
            used.difference_update(pool)
            unused = list(pool)
        index = rng.choice(unused)
        used.add(index)
        return _render(lines[index], slots)

    @staticmethod
    def _fitting(
        move: str, lines: list[str], pool: list[int], slots: dict[str, str], ctx: LineContext
    ) -> list[int]:
        """Lines that fit, not yet said (and naming the offer, for a reject)."""
        fit = [i for i in pool if fits(lines[i], move, ctx)]
        if move.split(":", 1)[0] in NAMES_OFFER:
            fit = [i for i in fit if names_offer(lines[i], ctx)]
        fresh = [i for i in fit if _render(lines[i], slots) not in ctx.said]
        if fresh or move.startswith("trigger:"):
            return fresh
        return fit

    @staticmethod
    def _built_in(move: str, rng: random.Random, slots: dict[str, str], ctx: LineContext) -> str:
        """A built-in line when none of the persona's own fits; "" for a trigger snap-back."""
        base = move.split(":", 1)[0]
        if base == "trigger":
            return ""
        if base in {"tactic", "detail"}:
            base = "frustrated" if base == "tactic" else "answer"
        choices = [line for line in default_lines().get(base, []) if fits(line, base, ctx)]
        fresh = [line for line in choices if _render(line, slots) not in ctx.said]
        picked = fresh or choices or default_lines().get(base, [""])
        return _render(rng.choice(picked), slots)

    def snapshot(self) -> dict[str, set[int]]:
        return {k: set(v) for k, v in self._used.items()}

    def restore(self, state: Any) -> None:
        self._used = {k: set(v) for k, v in state.items()}
