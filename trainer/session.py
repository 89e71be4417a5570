"""One call: drives the grader and the simulated customer and keeps the record.

The TUI, the plain CLI (`deescalate play`) and the store all use `Session`. It knows nothing
about screens: coach vs exam mode is a flag the UI reads (the record always holds grades).
Given persona, scenario, seed and the trainee's replies and actions, a call is exactly
reproducible, which is how `Session.replay` resumes a saved call.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Literal, Protocol

from trainer import __version__
from trainer.errors import UserError
from trainer.grading.due import CallFacts, apply_due, due_steps, still_owed
from trainer.models.grade import STEP_TITLES, STEPS, Grade, GradeContext, Step
from trainer.models.persona import Persona
from trainer.models.record import (
    GRADED_ACTIONS,
    HOLD_SECONDS,
    Attempt,
    HoldInfo,
    Mode,
    Mood,
    Outcome,
    SessionRecord,
    Summary,
    Turn,
)
from trainer.models.scenario import Scenario
from trainer.simulation.customer import Customer
from trainer.simulation.durations import parse_duration
from trainer.simulation.mood import HOLD_CHECK_IN
from trainer.simulation.offers import encoder_of
from trainer.simulation.policy import Move, turn_limit_move
from trainer.simulation.voice import Voice

__all__ = ["GraderLike", "Session", "SessionEvent"]

EventKind = Literal["started", "turn", "rewound", "ended"]


ANGER_ROSE = 0.1
"""A rise in anger (0-10) past this makes person and apology due again; smaller changes are
rounding, not a customer getting angrier."""
GRIEVANCE_TACTICS = frozenset(
    {
        "angry_opener",
        "multiple_issues",
        "not_listening",
        "overheard_on_hold",
        "what_do_you_mean_i_cant",
    }
)
"""Customer tactics that bring something new to be upset about (the queue, another issue,
not being heard, something overheard, a refusal), as opposed to threats and pressure."""

_PERMISSION = re.compile(
    r"\b(may i|can i|could i|would you|could you|can you|do you mind|would it be|"
    r"is it ok|is that ok|is it okay|is that okay|mind if|all right if|alright if)\b"
)
_ESTIMATE = re.compile(
    r"\b(\d+|a|one|two|three|four|five|ten|couple of|few)\s*(sec|second|min|minute)s?\b"
)
_SAID_ESTIMATE = re.compile(
    r"\b(?:\d+|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|a couple of|a few)\s*"
    r"(?:more\s+)?(?:seconds?|secs?|minutes?|mins?|moments?)\b",
    re.I,
)

EXAMPLES: dict[Step, str] = {
    "person": "That sounds really frustrating, {customer}; no wonder you're fed up.",
    "job": "Let's get this sorted for you today.",
    "apology": "I'm so sorry.",
    "ask": "What can I do to put this right for you?",
}
DEFAULT_ADVICE: dict[Step, str] = {
    "person": "Name how they feel or what it has cost them, in their terms",
    "job": "Move toward a fix; don't explain, defend or pass it on",
    "apology": "Say a plain 'I'm sorry' with no 'but' and no conditions",
    "ask": "Ask what they want, or offer a fix as a question",
}


class GraderLike(Protocol):
    """Anything that grades a reply (the real `Grader`, or a stub in tests)."""

    def grade(self, reply: str, context: GradeContext | None = None) -> Grade: ...


@dataclass
class SessionEvent:
    """What listeners receive: `started`, `turn` (a finished turn), `rewound`, `ended`."""

    kind: EventKind
    record: SessionRecord
    turn: Turn | None = None


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class Session:
    """One call between a trainee and a simulated customer."""

    def __init__(
        self,
        persona: Persona,
        scenario: Scenario,
        *,
        grader: GraderLike,
        seed: int,
        mode: Mode = "coach",
        trainee: str = "",
        agent_name: str = "",
        voice: Voice | None = None,
        listeners: Sequence[Callable[[SessionEvent], None]] = (),
        persona_hash: str = "",
        scenario_hash: str = "",
        record_id: str = "",
        clock: Callable[[], datetime] = _now,
    ) -> None:
        """Start the call: the customer speaks first and `started` goes to the listeners.

        Args:
            persona: who the customer is.
            scenario: what went wrong and what may be offered.
            grader: grades each reply.
            seed: makes the customer's choices and words reproducible.
            mode: `coach` (show verdicts as you go) or `exam` (only at the end); UI only.
            trainee: the trainee's name for the record.
            agent_name: the name the trainee gives the customer (fills `{agent}`).
            voice: turns moves into words; default `AuthoredVoice`.
            listeners: called synchronously with a `SessionEvent` after each finished turn.
            persona_hash: the library entry's digest, tying the record to the file content.
            scenario_hash: likewise for the scenario.
            record_id: an id for the record (the store sets one).
            clock: returns the current time (tests pass a fixed clock).
        """
        self.persona = persona
        self.scenario = scenario
        self.grader = grader
        self.mode: Mode = mode
        self._clock = clock
        self._listeners = list(listeners)
        slots = {
            "agent": agent_name or trainee,
            "company": scenario.brief.company,
            "product": scenario.brief.product,
            "issue": scenario.issue,
            "customer": persona.address_as,
            "want": scenario.customer_wants,
        }
        self.customer = Customer(
            persona, scenario, seed=seed, voice=voice, slots=slots, encoder=encoder_of(grader)
        )
        self.opening = self.customer.opening()
        self.last_customer_line = self.opening
        self.on_hold = False
        self._hold_turn: int | None = None
        self._facts = CallFacts()
        """What the next reply answers to: the facts the due rule reads."""
        self._needed: frozenset[Step] = frozenset()
        """What the call needed on the reply being graded now."""
        self._snapshots: list[dict[str, Any]] = []
        self._pending_attempts: list[Attempt] = []
        self.record = SessionRecord(
            id=record_id,
            trainee=trainee,
            agent_name=agent_name,
            persona=persona.id,
            scenario=scenario.id,
            seed=seed,
            mode=mode,
            opening=self.opening,
            started_at=_iso(clock()),
            persona_hash=persona_hash,
            scenario_hash=scenario_hash,
            app_version=__version__,
            final_mood=self.customer.mood,
        )
        self._emit("started")

    # State -------------------------------------------------------------------------------

    @property
    def mood(self) -> Mood:
        """The customer's current mood."""
        return self.customer.mood

    @property
    def ended(self) -> bool:
        """True once the call is over."""
        return self.record.outcome is not None

    @property
    def outcome(self) -> Outcome | None:
        """How the call ended, or None while it goes on."""
        return self.record.outcome

    @property
    def replies(self) -> int:
        """Replies so far (typed replies, returns from hold and call-back offers with words)."""
        return sum(1 for t in self.record.turns if t.action in GRADED_ACTIONS and t.grade)

    # Trainee actions ---------------------------------------------------------------------

    def reply(self, text: str) -> Turn:
        """Grade a reply, update the customer's mood and get their answer."""
        self._check_open()
        if self.on_hold:
            raise UserError("the caller is on hold; come back from hold first")
        snap = self._snapshot()
        grade = self._grade(text)
        reaction = self.customer.react(grade, text)
        return self._finish(snap, "reply", text, grade, reaction.move)

    def hold(self, seconds: int, reason: str = "", estimate: str = "", text: str = "") -> Turn:
        """Put the caller on hold for `seconds` (simulated) with what the trainee said.

        Etiquette is checked from the text and the typed reason and estimate: asking
        permission, giving a reason and an estimate, checking back within two minutes.
        The hold's cost to patience is applied when the trainee comes `back`.
        """
        self._check_open()
        if self.on_hold:
            raise UserError("the caller is already on hold")
        low, high = HOLD_SECONDS
        if not low <= seconds <= high:
            raise UserError(f"hold time must be from {low} to {high} seconds (got {seconds})")
        snap = self._snapshot()
        grade = self._grade(text) if text.strip() else None
        flags = set(grade.flags) if grade else set()
        lowered = text.lower()
        asked = "hold_asked_permission" in flags or (
            "hold_no_permission" not in flags and "?" in text and bool(_PERMISSION.search(lowered))
        )
        if not estimate.strip():
            # No estimate typed: the one said in the words ("for two minutes"), if any.
            said = _SAID_ESTIMATE.search(text)
            estimate = said.group(0) if said and parse_duration(said.group(0)) else ""
        info = HoldInfo(
            seconds=seconds,
            reason=reason.strip(),
            estimate=estimate.strip(),
            asked_permission=asked,
            gave_reason=bool(reason.strip()) or "hold_gave_reason" in flags,
            gave_estimate=bool(estimate.strip())
            or "hold_gave_estimate" in flags
            or bool(_ESTIMATE.search(lowered)),
            checked_back=seconds <= HOLD_CHECK_IN,
        )
        etiquette = {
            "hold_asked_permission" if info.asked_permission else "hold_no_permission",
            "hold_gave_reason" if info.gave_reason else "hold_no_reason",
            "hold_gave_estimate" if info.gave_estimate else "hold_no_estimate",
        }
        snaps = self.customer.hold_flags_fired(etiquette, text)
        self.customer.start_hold(info, text)
        move = Move("hold_ok", snaps=snaps)
        self.customer.remember(move)
        self.on_hold = True
        self._hold_turn = len(self.record.turns)
        return self._finish(snap, "hold", text, grade, move, hold=info, count=False)

    def back(self, text: str = "") -> Turn:
        """Come back from hold; `text` is what the trainee says (thank them for waiting)."""
        self._check_open()
        if not self.on_hold or self._hold_turn is None:
            raise UserError("the caller is not on hold")
        snap = self._snapshot()
        self._facts = replace(self._facts, after_hold=True)
        hold_turn = self.record.turns[self._hold_turn]
        info = (hold_turn.hold or HoldInfo()).model_copy()
        thanked = "thank" in text.lower()
        info.thanked_on_return = thanked
        hold_turn.hold = info
        self.on_hold = False
        self._hold_turn = None
        self.customer.finish_hold(info, thanked=thanked)
        grade = self._grade(text, on_hold=True) if text.strip() else None
        if grade is not None:
            move = self.customer.react(grade, text).move
            if move.outcome is None and move.kind in {
                "vent",
                "restate",
                "demand",
                "soften",
                "test",
            }:
                move = Move("hold_return", snaps=move.snaps)
        elif self.mood.patience <= 0:
            move = Move("hang_up", outcome="hung_up")
        else:
            move = Move("hold_return")
        if grade is None:
            self.customer.remember(move)
        return self._finish(snap, "back", text, grade, move, hold=info)

    def transfer(self) -> Turn:
        """Transfer to a manager: the call ends `escalated`, fair or weak (see the summary)."""
        self._check_open()
        if self.on_hold:
            raise UserError("come back from hold before transferring")
        snap = self._snapshot()
        genuine = self.customer.state.genuine_attempt
        fair = self.scenario.needs_authority and genuine
        self.record.summary.escalation = "fair" if fair else "weak"
        if fair:
            note = "escalated after a genuine attempt; this scenario needs a manager's authority"
        elif self.scenario.needs_authority:
            note = "transferred before apologising and asking what they want"
        else:
            note = "transferred a call the trainee could have resolved"
        self.record.summary.notes.append(note)
        move = Move("transfer", outcome="escalated")
        self.customer.remember(move)
        return self._finish(snap, "transfer", "", None, move, count=False)

    def callback(self, text: str = "") -> Turn:
        """Offer to call them back. Calm enough and trusting the agent, they take it up and ask
        when and on which number; the call is settled once a time and a number are agreed
        (in these words or the replies that follow)."""
        self._check_open()
        if self.on_hold:
            raise UserError("come back from hold before offering a call-back")
        snap = self._snapshot()
        grade = self._grade(text) if text.strip() else None
        move = self.customer.offer_callback(grade, text)
        return self._finish(snap, "callback", text, grade, move)

    def end(self) -> Turn:
        """The trainee ends the call: `abandoned` unless it was already resolved."""
        self._check_open()
        snap = self._snapshot()
        self.on_hold = False
        self._hold_turn = None
        move = Move("", outcome="abandoned")
        return self._finish(snap, "end", "", None, move, count=False, speak=False)

    def rewind(self) -> bool:
        """Undo the last reply turn; the attempt is kept on the next try at this turn.

        Returns False when there is nothing to undo (no turns, or the last was an action).
        """
        turns = self.record.turns
        if not turns or turns[-1].action != "reply":
            return False
        turn = turns.pop()
        snap = self._snapshots.pop()
        self.customer.restore(snap["customer"])
        self._facts = snap["facts"]
        self.last_customer_line = snap["last"]
        self.on_hold = snap["on_hold"]
        self._hold_turn = snap["hold_turn"]
        self.record.summary = Summary.model_validate(snap["summary"])
        self.record.outcome = None
        self.record.ended_at = ""
        self.record.final_mood = self.customer.mood
        self._pending_attempts = [
            *turn.attempts,
            Attempt(
                reply=turn.reply,
                grade=turn.grade,
                mood=turn.mood,
                customer_next=turn.customer_next,
            ),
        ]
        self._summarise()
        self._emit("rewound", turn)
        return True

    def hint(self) -> str:
        """The weakest step of the last graded reply, with an example phrasing."""
        name = self.persona.address_as
        graded = [
            t for t in self.record.turns if t.grade is not None and t.action in GRADED_ACTIONS
        ]
        if not graded or graded[-1].grade is None:
            example = (
                f"I'm so sorry, {name}. That sounds really frustrating. What can I do to help?"
            )
            return f'Open with the person, a plain apology and a question. Try: "{example}"'
        grade = graded[-1].grade
        failed = [s for s in STEPS if grade.step(s).verdict == "fail"]
        if not failed:
            return (
                "Every step this reply needed passed. Keep going: offer a fix as a question if "
                "you have not yet."
            )
        step = min(failed, key=lambda s: grade.step(s).score)
        advice = grade.step(step).advice.strip().rstrip(".") or DEFAULT_ADVICE[step]
        example = EXAMPLES[step].format(customer=name)
        return f'{STEP_TITLES[step]}: {advice}. Try: "{example}"'

    # Resume ------------------------------------------------------------------------------

    @classmethod
    def replay(
        cls,
        record: SessionRecord,
        persona: Persona,
        scenario: Scenario,
        grader: GraderLike,
        *,
        voice: Voice | None = None,
        listeners: Sequence[Callable[[SessionEvent], None]] = (),
        clock: Callable[[], datetime] = _now,
    ) -> Session:
        """Rebuild a session by replaying a record's replies and actions (to resume a call).

        Rewound attempts are carried over as they were, without grading them again. The
        listeners are attached only after the replay, so a store does not write twice.
        """
        session = cls(
            persona,
            scenario,
            grader=grader,
            seed=record.seed,
            mode=record.mode,
            trainee=record.trainee,
            agent_name=record.agent_name,
            voice=voice,
            persona_hash=record.persona_hash,
            scenario_hash=record.scenario_hash,
            record_id=record.id,
            clock=clock,
        )
        if record.started_at:
            session.record.started_at = record.started_at
        for turn in record.turns:
            session._pending_attempts = list(turn.attempts)
            if turn.action == "reply":
                session.reply(turn.reply)
            elif turn.action == "hold":
                info = turn.hold or HoldInfo()
                session.hold(info.seconds, info.reason, info.estimate, text=turn.reply)
            elif turn.action == "back":
                session.back(turn.reply)
            elif turn.action == "transfer":
                session.transfer()
            elif turn.action == "callback":
                session.callback(turn.reply)
            else:
                session.end()
        if record.ended_at and session.ended:
            session.record.ended_at = record.ended_at
        session._listeners = list(listeners)
        return session

    # Internals ---------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self.ended:
            raise UserError("the call has ended")

    def _grade(self, text: str, *, on_hold: bool = False) -> Grade:
        previous = [t.reply for t in self.record.turns if t.action in GRADED_ACTIONS and t.reply]
        context = GradeContext(
            customer=self.last_customer_line,
            customer_name=self.persona.address_as,
            previous_replies=previous,
            scenario=self.scenario,
            on_hold=on_hold,
        )
        self._needed = due_steps(self._facts)
        return apply_due(self.grader.grade(text, context), self._needed, text)

    def _snapshot(self) -> dict[str, Any]:
        return {
            "customer": self.customer.snapshot(),
            "last": self.last_customer_line,
            "on_hold": self.on_hold,
            "hold_turn": self._hold_turn,
            "summary": self.record.summary.model_dump(),
            "facts": self._facts,
        }

    def _finish(
        self,
        snap: dict[str, Any],
        action: Literal["reply", "hold", "back", "transfer", "callback", "end"],
        text: str,
        grade: Grade | None,
        move: Move,
        *,
        hold: HoldInfo | None = None,
        count: bool = True,
        speak: bool = True,
    ) -> Turn:
        """Apply the turn limit, speak, append the turn, tell listeners."""
        if (
            count
            and move.outcome is None
            and grade is not None
            and self.replies + 1 >= self.scenario.turn_limit
        ):
            move = turn_limit_move(self.mood)
            self.record.summary.notes.append(
                f"turn limit reached ({self.scenario.turn_limit} replies)"
            )
        line = self.customer.speak(move) if speak else ""
        turn = Turn(
            index=len(self.record.turns),
            customer=self.last_customer_line,
            action=action,
            reply=text,
            grade=grade,
            mood=self.mood,
            move=move.name,
            customer_next=line,
            hold=hold,
            attempts=self._pending_attempts,
        )
        self._pending_attempts = []
        self._snapshots.append(snap)
        self._advance_facts(snap, action, grade, move)
        self.record.turns.append(turn)
        if line:
            self.last_customer_line = line
        self.record.final_mood = self.mood
        if move.callback and move.outcome == "resolved":
            talk = self.customer.memory.callback
            when = f" ({talk.time})" if talk is not None and talk.time[:1].isalnum() else ""
            self.record.summary.notes.append(f"call-back agreed{when}, number confirmed")
        if move.outcome is not None:
            self.record.outcome = move.outcome
            self.record.ended_at = _iso(self._clock())
            self.on_hold = False
        self._summarise()
        self._emit("turn", turn)
        if self.ended:
            self._emit("ended", turn)
        return turn

    def _advance_facts(
        self, snap: dict[str, Any], action: str, grade: Grade | None, move: Move
    ) -> None:
        """What the next reply answers to: a graded reply settles what it did, then this
        turn's news (a new grievance, anger up) is added to whatever is still owed."""
        facts = self._facts
        if grade is not None and action in GRADED_ACTIONS:
            facts = CallFacts(opening=False, owed=still_owed(self._needed, grade))
        anger_before: float = snap["customer"]["state"].mood.anger
        memory = self.customer.memory
        self._facts = replace(
            facts,
            new_grievance=facts.new_grievance
            or bool(move.snaps)
            or move.tactic in GRIEVANCE_TACTICS,
            anger_rose=facts.anger_rose or self.mood.anger > anger_before + ANGER_ROSE,
            want_known=memory.want_stated,
            # A fix the customer accepts settles what they want (today that ends the call).
            want_agreed="accept" in memory.moves,
        )

    def _summarise(self) -> None:
        summary = self.record.summary
        graded = [t.grade for t in self.record.turns if t.action in GRADED_ACTIONS and t.grade]
        summary.replies = len(graded)
        rates: dict[str, float | None] = {}
        for s in STEPS:
            due = [g.step(s) for g in graded if g.step(s).due]
            rates[s] = round(sum(v.passed for v in due) / len(due), 3) if due else None
        summary.pass_rates = rates
        counts: dict[str, int] = {}
        for turn in self.record.turns:
            if turn.grade is not None:
                for flag in turn.grade.flags:
                    counts[flag] = counts.get(flag, 0) + 1
            if turn.hold is not None and turn.action == "hold":
                info = turn.hold
                for ok, good, bad in (
                    (info.asked_permission, "hold_asked_permission", "hold_no_permission"),
                    (info.gave_reason, "hold_gave_reason", "hold_no_reason"),
                    (info.gave_estimate, "hold_gave_estimate", "hold_no_estimate"),
                ):
                    flag = good if ok else bad
                    if turn.grade is None or flag not in turn.grade.flags:
                        counts[flag] = counts.get(flag, 0) + 1
        summary.flags = dict(sorted(counts.items()))

    def _emit(self, kind: EventKind, turn: Turn | None = None) -> None:
        event = SessionEvent(kind, self.record, turn)
        for listener in self._listeners:
            listener(event)
