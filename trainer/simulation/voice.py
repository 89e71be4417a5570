"""Turning a move into words.

`Voice` is the replaceable part: the default `AuthoredVoice` speaks the persona's authored
lines (slots filled), never repeating a line while unused variants remain, and needs no
model. A voice backed by a local language model can wrap it later: take the authored line
from `AuthoredVoice.say` and rephrase it, keeping the move (the policy decides *what* the
customer does; a voice only decides *how* it sounds).

Move keys: every field of `Lines` (`vent`, `accept`, `hold_ok`, ...), `tactic:<id>`,
`trigger:<index>` (a trigger's snap-back line) and `opening` (the scenario's first line).
"""

from __future__ import annotations

import random
from typing import Any, Protocol, runtime_checkable

from trainer.models.base import fill_slots
from trainer.models.persona import Persona
from trainer.models.scenario import Scenario

OPTIONAL_MOVES: dict[str, str] = {"transfer": "hold_ok"}
"""Moves a persona may leave unwritten, and the move whose lines stand in for them."""


class Voice(Protocol):
    """Anything that can say a move for a persona in a scenario."""

    def say(
        self,
        move: str,
        persona: Persona,
        scenario: Scenario,
        rng: random.Random,
        slots: dict[str, str],
    ) -> str:
        """The customer's words for `move`, using `rng` for every random choice."""
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
    lines = getattr(persona.lines, move, None)
    if move in OPTIONAL_MOVES and not lines:
        lines = getattr(persona.lines, OPTIONAL_MOVES[move])
    return list(lines) if isinstance(lines, list) else []


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
    ) -> str:
        lines = authored_lines(move, persona, scenario)
        if not lines:
            # Every Lines field is required, so only an unknown key gets here.
            raise ValueError(f"no lines for move {move!r} in persona {persona.id!r}")
        key = f"{persona.id}/{move}"
        used = self._used.setdefault(key, set())
        unused = [i for i in range(len(lines)) if i not in used]
        if not unused:
            used.clear()
            unused = list(range(len(lines)))
        index = rng.choice(unused)
        used.add(index)
        return " ".join(fill_slots(lines[index], slots).split())

    def snapshot(self) -> dict[str, set[int]]:
        return {k: set(v) for k, v in self._used.items()}

    def restore(self, state: Any) -> None:
        self._used = {k: set(v) for k, v in state.items()}
