"""Choosing a call that drills one step of the method (no Textual here).

A step is practised best against a caller who needs it most: someone who needs to vent for
"remember the person", an apology for "apologise sincerely", something put right for "ask how
you can help" and "remember your job". The choice among the best few callers, and of the
scenario, is made with a seeded `random.Random`, so the same seed picks the same call.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from trainer.models import STEP_TITLES, Step

if TYPE_CHECKING:
    from trainer.library import Library
    from trainer.models import Persona

DRILL_NEED: dict[Step, str] = {
    "person": "vent",
    "job": "compensation",
    "apology": "apology",
    "ask": "compensation",
}
"""Which of the caller's needs a step answers."""

WHY: dict[Step, str] = {
    "person": "this caller needs to be heard more than most",
    "job": "this caller wants the problem fixed, not explained",
    "apology": "this caller needs a sincere apology more than most",
    "ask": "this caller wants something put right more than most",
}

POOL = 3
"""How many of the best-matching callers the seeded choice picks from."""


@dataclass(frozen=True)
class Drill:
    """A call chosen to practise `step`."""

    step: Step
    persona_id: str
    scenario_id: str


def need_share(persona: Persona, step: Step) -> float:
    """The share of the caller's needs that `step` answers (0..1)."""
    needs = persona.needs
    total = needs.vent + needs.apology + needs.compensation
    value: float = getattr(needs, DRILL_NEED[step])
    return value / total if total > 0 else 0.0


def pick_drill(library: Library, step: Step, seed: int) -> Drill | None:
    """A caller and scenario that exercise `step`; None when the library has none."""
    personas = library.playable_personas()
    if not personas or not library.scenarios:
        return None
    rng = random.Random(seed)
    ranked = sorted(personas, key=lambda e: (-need_share(e.item, step), e.item.id))
    best = need_share(ranked[0].item, step)
    # Only callers close to the best share: a weak match would not exercise the step.
    pool = [e for e in ranked[:POOL] if need_share(e.item, step) >= 0.8 * best]
    persona = rng.choice(pool).item
    scenarios = sorted(library.scenarios)
    own = [s for s in scenarios if library.scenarios[s].item.default_persona == persona.id]
    return Drill(step, persona.id, rng.choice(own or scenarios))


def drill_note(step: Step) -> str:
    """What the call screen says about the drill."""
    return f"Drilling your weakest step: {STEP_TITLES[step]}. Why this caller: {WHY[step]}."
