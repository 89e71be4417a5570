"""What the customer does next, chosen from persona and mood with a seeded `random.Random`.

The policy picks a *move* (vent, restate, demand, a tactic, test, soften, state_want, accept,
reject, hang_up, leave); the voice turns it into words. Moves that end the call carry the
outcome. Randomness only ever comes from the generator passed in, never the global one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from trainer.models.grade import Grade
from trainer.models.persona import Persona, Tactic
from trainer.models.record import Mood, Outcome
from trainer.models.scenario import Scenario
from trainer.models.tactics import ENDS_CALL
from trainer.simulation.mood import ReplyEffect

ELSEWHERE = "take_business_elsewhere"

ACCEPT_ANGER = 4.5
"""They accept a fair offer at or below this anger..."""
ACCEPT_DROP = 3.5
"""...or once anger has fallen this far from where the call started..."""
ACCEPT_TRUST = 0.4
"""...provided they trust the agent at least this much."""
ACCEPT_CAP = 7.0
"""Above this anger no offer is accepted."""
HEARD_FIRST = 7.0
"""A customer who started the call at least this angry and has not yet said what they want
answers the first acceptable offer by saying what they want (what the fix must cover), and
takes the next one. One perfect reply no longer ends a call with a furious customer."""
TACTIC_CHANCE = 0.35
"""Chance of using an available tactic on a turn when anger did not rise."""
STATE_WANT_MAX = 8.5
OPENERS = frozenset({"angry_opener"})
"""Tactics that only come out mid-call when the agent provoked them."""
"""Above this anger a question about what they want gets a demand, not an answer."""


@dataclass
class Move:
    """The customer's next move."""

    kind: str
    """vent, restate, demand, tactic, test, soften, state_want, accept, reject, hang_up, leave,
    hold_ok, hold_return."""
    tactic: str | None = None
    """The tactic id when `kind` is `tactic`."""
    snaps: list[int] = field(default_factory=list)
    """Indices of persona triggers that fired and have something to snap back."""
    outcome: Outcome | None = None
    """Set when this move ends the call."""

    @property
    def name(self) -> str:
        """The move as recorded in a turn: `vent`, or `tactic:threat_to_sue`."""
        return f"tactic:{self.tactic}" if self.kind == "tactic" and self.tactic else self.kind

    @property
    def voice_key(self) -> str:
        """The key the voice looks lines up by."""
        return self.name


@dataclass
class PolicyMemory:
    """What the policy remembers between turns."""

    asked: bool = False
    """The trainee has asked what they want."""
    want_stated: bool = False
    tactics_used: list[str] = field(default_factory=list)
    moves: list[str] = field(default_factory=list)
    elsewhere_pending: bool = False
    """They threatened to go elsewhere on their last move and wait to see if it is heard."""
    offers: int = 0


def resolution_offered(grade: Grade, effect: ReplyEffect, scenario: Scenario) -> bool:
    """True when the reply puts a fix on the table the customer can say yes to."""
    if effect.remedy is not None:
        return True
    # A scenario with no listed remedies is settled by a genuine offer of help.
    return not scenario.remedies and grade.ask.passed and grade.job.passed


def would_accept(mood: Mood, start_anger: float) -> bool:
    """Whether an offer now would be taken."""
    if mood.anger > ACCEPT_CAP or mood.trust < ACCEPT_TRUST:
        return False
    return mood.anger <= ACCEPT_ANGER or start_anger - mood.anger >= ACCEPT_DROP


def available_tactics(persona: Persona, anger: float) -> list[Tactic]:
    """Tactics whose threshold this anger reaches, in authored order."""
    return [t for t in persona.tactics if anger >= t.at]


def _pick_tactic(tactics: list[Tactic], memory: PolicyMemory, rng: random.Random) -> Tactic | None:
    recent = set(memory.moves[-2:])
    fresh = [t for t in tactics if t.id not in memory.tactics_used]
    pool = fresh or [t for t in tactics if f"tactic:{t.id}" not in recent]
    if not pool:
        return None
    return rng.choice(pool)


def next_move(
    persona: Persona,
    scenario: Scenario,
    mood: Mood,
    effect: ReplyEffect,
    grade: Grade,
    memory: PolicyMemory,
    rng: random.Random,
    *,
    start_anger: float,
) -> Move:
    """Choose the customer's answer to a graded reply and remember it."""
    move = _choose(persona, scenario, mood, effect, grade, memory, rng, start_anger)
    snaps = [i for i, t in enumerate(persona.triggers) if t in effect.fired and t.say]
    if move.kind not in {"accept"}:
        move.snaps = snaps[:1]
    _remember(move, memory)
    return move


def _remember(move: Move, memory: PolicyMemory) -> None:
    memory.moves.append(move.name)
    memory.elsewhere_pending = move.tactic == ELSEWHERE
    if move.tactic is not None:
        memory.tactics_used.append(move.tactic)
    if move.kind == "state_want":
        memory.want_stated = True


def _choose(
    persona: Persona,
    scenario: Scenario,
    mood: Mood,
    effect: ReplyEffect,
    grade: Grade,
    memory: PolicyMemory,
    rng: random.Random,
    start_anger: float,
) -> Move:
    anger = mood.anger
    tactics = available_tactics(persona, anger)
    # Safety first: a physical threat ends the call.
    for threat in tactics:
        if threat.id in ENDS_CALL:
            return Move("tactic", tactic=threat.id, outcome="safety_end")
    if mood.patience <= 0:
        return Move("hang_up", outcome="hung_up")
    # A threat to leave that was not heard: they go.
    if memory.elsewhere_pending:
        heard = grade.apology.passed or grade.ask.passed or effect.remedy is not None
        threshold = next((t.at for t in persona.tactics if t.id == ELSEWHERE), 10.0)
        if not heard and anger >= threshold:
            return Move("leave", outcome="churned")
    if grade.ask.passed:
        memory.asked = True
    if resolution_offered(grade, effect, scenario):
        memory.offers += 1
        if would_accept(mood, start_anger):
            if start_anger >= HEARD_FIRST and not memory.want_stated and memory.offers == 1:
                return Move("state_want")
            return Move("accept", outcome="resolved")
        return Move("reject")
    if effect.backfired:
        return Move("test")
    provoked = effect.change > 0 or effect.fired
    # A real question that did not make things worse gets an answer: they say what they want.
    if grade.ask.passed and not memory.want_stated and not provoked:
        return Move("state_want" if anger <= STATE_WANT_MAX else "demand")
    # Tactics come out when anger crosses their threshold. Unprovoked, an opener such as
    # "I've been in your queue forty minutes" belongs to the start of the call only.
    if not provoked:
        tactics = [t for t in tactics if t.id not in OPENERS]
    if tactics and (provoked or rng.random() < TACTIC_CHANCE):
        picked = _pick_tactic(tactics, memory, rng)
        if picked is not None:
            return Move("tactic", tactic=picked.id)
    if grade.ask.passed and not memory.want_stated:
        return Move("state_want" if anger <= STATE_WANT_MAX else "demand")
    if effect.repeated:
        return Move("restate")
    if effect.change < 0:
        if mood.trust < ACCEPT_TRUST and rng.random() < 0.5:
            return Move("test")
        if anger < 6.5 or effect.change <= -1.5:
            return Move("soften")
        return Move("demand" if memory.want_stated else "vent")
    if not grade.person.passed and mood.vent < 0.5:
        return Move(rng.choice(["restate", "vent"]))
    if anger >= 7:
        return Move(rng.choice(["vent", "demand"]))
    if memory.want_stated:
        return Move(rng.choice(["demand", "test"]))
    return Move(rng.choice(["restate", "demand"]))


def turn_limit_move(mood: Mood) -> Move:
    """How the call ends when the turn limit is reached without a resolution."""
    if mood.anger >= 5:
        return Move("leave", outcome="churned")
    return Move("hang_up", outcome="hung_up")
