"""What the customer does next, chosen from persona and mood with a seeded `random.Random`.

The policy picks a *move*; the voice turns it into words. Moves that end the call carry the
outcome. Randomness only ever comes from the generator passed in, never the global one.

How a call is won, by the persona's difficulty (`mood.SHAPES`): they say what they want (when
asked, or before taking a first offer if they started angry enough), agree to a fair offer
once calm enough, and, when the shape asks for it, want the agreement made certain before the
call is settled. Offers they cannot take yet are rejected by name. A need ignored turn after
turn builds frustration: threats come out in rising order and they may walk away, even from
polite handling. A call-back is agreed in dialogue: a time and a number, then it is settled.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from trainer.models.grade import Grade
from trainer.models.persona import Persona, Tactic
from trainer.models.record import Mood, Outcome
from trainer.models.scenario import Scenario
from trainer.models.tactics import ENDS_CALL
from trainer.simulation.hearing import Heard
from trainer.simulation.mood import CONFIRM_TRUST, SEVERITY, ReplyEffect, Shape, shape_of

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
"""Above this anger a question about what they want gets a demand, not an answer."""
OPENERS = frozenset({"angry_opener"})
"""Tactics that only come out mid-call when the agent provoked them."""
AFTER_HOLD = frozenset({"overheard_on_hold"})
"""Tactics that need a hold earlier in the call."""
THREATS = frozenset(
    {
        "bash_online",
        "threat_to_sue",
        "take_business_elsewhere",
        "manager_demand",
        "wont_pay",
        "just_forget_it",
        "not_listening",
        "you_people",
        "swearing",
        "customer_always_right",
        "what_do_you_mean_i_cant",
        "you_better_fix_it",
    }
)
"""Tactics that escalate: they come out in rising order as frustration builds."""
WALK_AWAY = 0.2
"""Chance per turn, for each turn past the second that a need has been ignored, that they
give up and go (even when the handling is otherwise polite)."""
WALK_AWAY_CAP = 0.6
CALLBACK_SETTLES = 6.0
"""A call-back with a time and a number settles the call at or below this anger."""
SERIOUS = 0.7
"""Flag severity from which a reply is too poor for an offer or a call-back to land."""


@dataclass
class Move:
    """The customer's next move."""

    kind: str
    """vent, restate, demand, tactic, test, soften, state_want, accept, reject, hang_up, leave,
    hold_ok, hold_return, transfer, explain, answer, confirm, refused, frustrated,
    callback_ask, callback_time, callback_number."""
    tactic: str | None = None
    """The tactic id when `kind` is `tactic`."""
    snaps: list[int] = field(default_factory=list)
    """Indices of persona triggers that fired and have something to snap back."""
    outcome: Outcome | None = None
    """Set when this move ends the call."""
    detail: int | None = None
    """For `answer`: the index of the scenario detail asked for, if one matched."""
    callback: bool = False
    """For `accept`: a call-back agreed (time and number), not a remedy."""

    @property
    def name(self) -> str:
        """The move as recorded in a turn: `vent`, or `tactic:threat_to_sue`."""
        return f"tactic:{self.tactic}" if self.kind == "tactic" and self.tactic else self.kind

    @property
    def voice_key(self) -> str:
        """The key the voice looks lines up by."""
        if self.kind == "answer" and self.detail is not None:
            return f"detail:{self.detail}"
        if self.kind == "accept" and self.callback:
            return "callback_agreed"
        return self.name


@dataclass
class CallbackTalk:
    """A call-back being agreed: it settles nothing until a time and a number are agreed."""

    time: str = ""
    """The agreed time ("" until one is agreed)."""
    number: bool = False
    """Whether the number to ring is agreed."""


@dataclass
class PolicyMemory:
    """What the customer remembers of the call: what was offered, refused, asked, answered."""

    asked: bool = False
    """The trainee has asked what they want."""
    want_stated: bool = False
    tactics_used: list[str] = field(default_factory=list)
    moves: list[str] = field(default_factory=list)
    elsewhere_pending: bool = False
    """They threatened to go elsewhere on their last move and wait to see if it is heard."""
    offers: int = 0
    asked_for: list[str] = field(default_factory=list)
    """Remedy ids they have asked for (what "go ahead with that" points back at)."""
    offered: list[str] = field(default_factory=list)
    """Remedy ids offered so far, in order."""
    declined: list[str] = field(default_factory=list)
    """Remedy ids they turned down."""
    refused: list[str] = field(default_factory=list)
    """Remedy ids the trainee refused or hid behind policy."""
    agreed: list[str] = field(default_factory=list)
    """Remedy ids agreed in principle, waiting to be made certain."""
    questions: list[str] = field(default_factory=list)
    """What the trainee asked, turn by turn (question kinds)."""
    answered: list[str] = field(default_factory=list)
    """The question kinds they answered."""
    holds: int = 0
    """Holds finished so far."""
    callback: CallbackTalk | None = None
    """A call-back on the table, while it is being agreed."""


def resolution_offered(grade: Grade, effect: ReplyEffect, scenario: Scenario) -> bool:
    """True when the reply puts a fix on the table the customer can say yes to."""
    if effect.offered or effect.remedy is not None:
        return True
    # A scenario with no listed remedies is settled by a genuine offer of help.
    return not scenario.remedies and grade.ask.passed and grade.job.passed


def would_accept(mood: Mood, start_anger: float, accept_anger: float = ACCEPT_ANGER) -> bool:
    """Whether an offer now would be taken."""
    if mood.anger > ACCEPT_CAP or mood.trust < ACCEPT_TRUST:
        return False
    return mood.anger <= accept_anger or start_anger - mood.anger >= ACCEPT_DROP


def available_tactics(
    persona: Persona, anger: float, memory: PolicyMemory | None = None
) -> list[Tactic]:
    """Tactics whose threshold this anger reaches, in authored order (and only those whose
    premise happened: no 'overheard on hold' without a hold)."""
    holds = memory.holds if memory is not None else 0
    return [t for t in persona.tactics if anger >= t.at and (t.id not in AFTER_HOLD or holds)]


def _pick_tactic(
    tactics: list[Tactic], memory: PolicyMemory, rng: random.Random, *, build: bool = False
) -> Tactic | None:
    """A fresh tactic first. Building up, the lowest threshold first, so threats rise."""
    recent = set(memory.moves[-2:])
    fresh = [t for t in tactics if t.id not in memory.tactics_used]
    if build:
        rising = [t for t in fresh if t.id in THREATS]
        if rising:
            low = min(t.at for t in rising)
            return rng.choice([t for t in rising if t.at == low])
        return None
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
    heard: Heard | None = None,
) -> Move:
    """Choose the customer's answer to a graded reply and remember it."""
    move = _choose(
        persona, scenario, mood, effect, grade, memory, rng, start_anger, heard or Heard()
    )
    snaps = [i for i, t in enumerate(persona.triggers) if t in effect.fired and t.say]
    if move.kind not in {"accept"}:
        move.snaps = snaps[:1]
    _remember(move, memory, scenario)
    return move


def _remember(move: Move, memory: PolicyMemory, scenario: Scenario | None = None) -> None:
    memory.moves.append(move.name)
    memory.elsewhere_pending = move.tactic == ELSEWHERE
    if move.kind == "tactic" and move.tactic is not None:
        memory.tactics_used.append(move.tactic)
    if move.kind in {"state_want", "demand"}:
        memory.want_stated = memory.want_stated or move.kind == "state_want"
        if scenario is not None and not memory.asked_for:
            memory.asked_for = [r.id for r in scenario.wanted()]


def remember(move: Move, memory: PolicyMemory) -> None:
    """Record a move chosen outside the policy (hold, transfer, call-back)."""
    _remember(move, memory)


def _choose(
    persona: Persona,
    scenario: Scenario,
    mood: Mood,
    effect: ReplyEffect,
    grade: Grade,
    memory: PolicyMemory,
    rng: random.Random,
    start_anger: float,
    heard: Heard,
) -> Move:
    anger = mood.anger
    shape = shape_of(persona)
    tactics = available_tactics(persona, anger, memory)
    if heard.question is not None:
        memory.questions.append(heard.question)
    # Safety first: a physical threat ends the call.
    for threat in tactics:
        if threat.id in ENDS_CALL:
            return Move("tactic", tactic=threat.id, outcome="safety_end")
    if mood.patience <= 0:
        # Out of patience with needs unmet: they leave angry rather than hang up calmly.
        if anger >= 4 or effect.frustration:
            return Move("leave", outcome="churned")
        return Move("hang_up", outcome="hung_up")
    # A threat to leave that was not heard: they go.
    if memory.elsewhere_pending:
        heard_it = grade.apology.passed or grade.ask.passed or bool(effect.offered)
        threshold = next((t.at for t in persona.tactics if t.id == ELSEWHERE), 10.0)
        if not heard_it and anger >= threshold:
            return Move("leave", outcome="churned")
    if grade.ask.passed:
        memory.asked = True
    # Mild flags (asking only for data, a long reply) do not stop a call-back being agreed or
    # an offer being heard; dismissive and defensive ones do.
    bad = any(SEVERITY[f] >= SERIOUS for f in effect.bad_flags) or bool(effect.fired)
    if memory.callback is not None and not bad:
        talk = _callback_turn(memory.callback, heard, mood)
        if talk is not None:
            return talk
    if memory.agreed and not bad:
        return _confirmation(memory, effect, heard, grade)
    if resolution_offered(grade, effect, scenario) and not bad:
        return _offer(scenario, mood, effect, memory, start_anger, shape, heard)
    if effect.backfired:
        return Move("test")
    fresh_refusal = [i for i in effect.refused if i not in memory.refused]
    memory.refused.extend(fresh_refusal)
    # Provoked: the reply itself made things worse (not the slow build of frustration).
    provoked = bad or (effect.change > 0 and not effect.frustration)
    # A real question that did not make things worse gets an answer that matches it.
    answer = _answer(scenario, heard, grade, memory, anger, provoked)
    if answer is not None and (not effect.frustration or answer.kind != "demand"):
        return answer
    # A need ignored turn after turn: frustration builds, threats rise, some walk away.
    if effect.frustration:
        ignored = max(effect.ignored.values(), default=0)
        if ignored >= 3 and rng.random() < min(WALK_AWAY_CAP, WALK_AWAY * (ignored - 2)):
            return Move("leave", outcome="churned")
        picked = _pick_tactic(tactics, memory, rng, build=True)
        if picked is not None:
            return Move("tactic", tactic=picked.id)
        return Move("frustrated")
    if heard.refusals and fresh_refusal and not provoked:
        return Move("refused")
    # Tactics come out when anger crosses their threshold. Unprovoked, an opener such as
    # "I've been in your queue forty minutes" belongs to the start of the call only.
    if not provoked:
        tactics = [t for t in tactics if t.id not in OPENERS]
    if tactics and (provoked or rng.random() < TACTIC_CHANCE):
        picked = _pick_tactic(tactics, memory, rng)
        if picked is not None:
            return Move("tactic", tactic=picked.id)
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


def _offer(
    scenario: Scenario,
    mood: Mood,
    effect: ReplyEffect,
    memory: PolicyMemory,
    start_anger: float,
    shape: Shape,
    heard: Heard,
) -> Move:
    """An offer on the table: say what they want first, agree, take it, or turn it down."""
    memory.offers += 1
    ids = [r.id for r in effect.offered]
    memory.offered.extend(i for i in ids if i not in memory.offered)
    first = not memory.want_stated and memory.offers == 1
    if first and start_anger >= shape.want_first_at and mood.anger <= STATE_WANT_MAX:
        # Before any first offer, an angry caller says what the fix must cover.
        return Move("state_want")
    wanted = {r.id for r in scenario.wanted()}
    side_offer = bool(ids) and bool(wanted) and not wanted & set(ids)
    if not would_accept(mood, start_anger, shape.accept_anger):
        if not side_offer:
            # What they asked for, but they are not there yet: they doubt it, they don't refuse it.
            return Move("test")
        memory.declined.extend(i for i in ids if i not in memory.declined)
        return Move("reject")
    if side_offer and shape.confirm != "never":
        # A side offer (a meal voucher when they need a seat) does not settle the call.
        memory.declined.extend(i for i in ids if i not in memory.declined)
        return Move("reject")
    if shape.confirm == "always" or (shape.confirm == "low_trust" and mood.trust < CONFIRM_TRUST):
        memory.agreed = ids or ["help"]
        # Told it is already done, they check a detail; otherwise they ask if it is certain.
        return Move("test" if heard.confirms else "confirm")
    return Move("accept", outcome="resolved")


def _confirmation(memory: PolicyMemory, effect: ReplyEffect, heard: Heard, grade: Grade) -> Move:
    """They agreed in principle and asked for it to be made certain: is it?"""
    again = {r.id for r in effect.offered} & set(memory.agreed) or (
        memory.agreed == ["help"] and bool(effect.offered)
    )
    if (heard.confirms or heard.agrees or again) and grade.job.passed:
        return Move("accept", outcome="resolved")
    if heard.refusals:
        memory.agreed = []
        return Move("refused")
    return Move("confirm")


def _callback_turn(talk: CallbackTalk, heard: Heard, mood: Mood) -> Move | None:
    """Agreeing a call-back: time and number, then it is settled."""
    gave = False
    if heard.time and not talk.time:
        talk.time, gave = heard.time, True
    if heard.number and not talk.number:
        talk.number, gave = True, True
    if heard.question == "time" and not talk.time:
        talk.time = "at the time they asked for"
        return Move("callback_time")
    if heard.question == "contact" and not talk.number:
        talk.number = True
        return Move("callback_number")
    if talk.time and talk.number:
        if mood.anger > CALLBACK_SETTLES:
            # Agreed on paper, but too angry to take it on trust yet.
            return Move("test")
        return Move("accept", outcome="resolved", callback=True)
    if gave or heard.callback:
        return Move(still_to_agree(talk))
    return None


def still_to_agree(talk: CallbackTalk) -> str:
    """The customer's question for what is not yet agreed: when, which number, or both."""
    if talk.time and not talk.number:
        return "callback_ask_number"
    if talk.number and not talk.time:
        return "callback_ask_time"
    return "callback_ask"


def _answer(
    scenario: Scenario,
    heard: Heard,
    grade: Grade,
    memory: PolicyMemory,
    anger: float,
    provoked: bool,
) -> Move | None:
    """The answer to the trainee's question, matching what was asked."""
    kind = heard.question
    if kind is None and grade.ask.passed and not memory.want_stated:
        kind = "want"
    if kind is None or (provoked and kind != "want"):
        return None
    if kind == "want":
        if provoked:
            return None
        memory.answered.append("want")
        if not memory.want_stated:
            return Move("state_want" if anger <= STATE_WANT_MAX else "demand")
        return Move("demand")
    if kind == "detail":
        memory.answered.append("detail")
        return Move("explain")
    if kind in {"data", "contact", "time"}:
        memory.answered.append(kind)
        return Move("answer", detail=_detail_for(scenario, heard))
    if kind == "check":
        # "Does that help?" with nothing on the table.
        return Move("test")
    if kind == "anything_else":
        return Move("demand" if memory.want_stated else "restate")
    return None


def _detail_for(scenario: Scenario, heard: Heard) -> int | None:
    asked = heard.asked.lower()
    for index, detail in enumerate(scenario.details):
        if any(word.lower() in asked for word in detail.about):
            return index
    return None


def turn_limit_move(mood: Mood) -> Move:
    """How the call ends when the turn limit is reached without a resolution."""
    if mood.anger >= 5:
        return Move("leave", outcome="churned")
    return Move("hang_up", outcome="hung_up")
