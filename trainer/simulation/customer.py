"""The simulated customer: what they hear, how they feel, what they do and say; rewindable."""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass
from typing import Any

from trainer.models.grade import Grade
from trainer.models.persona import Persona
from trainer.models.record import HoldInfo, Mood
from trainer.models.scenario import Remedy, Scenario
from trainer.simulation.durations import parse_duration, spoken_duration
from trainer.simulation.hearing import Heard, hear
from trainer.simulation.lines import REACTIVE, LineContext
from trainer.simulation.mood import (
    MoodState,
    ReplyEffect,
    apply_hold,
    apply_reply,
    fired_triggers,
    nudge,
    over_estimate,
    start_mood,
)
from trainer.simulation.offers import EncoderSource, OfferReader, Reading
from trainer.simulation.policy import (
    ACCEPT_TRUST,
    CallbackTalk,
    Move,
    PolicyMemory,
    next_move,
    remember,
    still_to_agree,
)
from trainer.simulation.voice import AuthoredVoice, StatefulVoice, Voice

CALLBACK_ANGER = 5.5
"""A call-back offer is taken up at or below this anger (with enough trust)."""


@dataclass
class Reaction:
    """The customer's answer to one thing the trainee did."""

    move: Move
    line: str
    mood: Mood
    effect: ReplyEffect | None = None
    reading: Reading | None = None
    heard: Heard | None = None


def _spoken_list(remedies: list[Remedy]) -> str:
    names = [r.spoken() for r in remedies[:2]]
    return " and ".join(names)


class Customer:
    """One simulated customer for one call. Deterministic given persona, scenario and seed.

    Two generators are derived from the seed: one for the policy (what they do) and one for
    the voice (which words), so a different voice never changes what the customer does. What
    they hear offered by meaning comes from `encoder` (the grader's sentence model); without
    it they hear rules and references only.
    """

    def __init__(
        self,
        persona: Persona,
        scenario: Scenario,
        *,
        seed: int,
        voice: Voice | None = None,
        slots: dict[str, str] | None = None,
        encoder: EncoderSource | None = None,
    ) -> None:
        self.persona = persona
        self.scenario = scenario
        self.state = MoodState(start_mood(persona), persona.temperament.anger)
        self.memory = PolicyMemory()
        self.policy_rng = random.Random(seed)
        self.voice_rng = random.Random(f"deescalate-voice-{seed}")
        self.voice: Voice = voice if voice is not None else AuthoredVoice()
        self.slots: dict[str, str] = dict(slots or {})
        self.reader = OfferReader(scenario, encoder)
        self.agent_words: list[str] = []
        """Everything the trainee has said, in order."""
        self.said: list[str] = []
        """Everything the customer has said, in order."""
        self.on_table: list[str] = []
        """Remedy ids the last reply offered (what a reject or an accept line answers)."""
        self.wait_given = False
        self.hold_over = False
        self.hold_asked = False
        self._known = " ".join(
            [
                scenario.problem,
                scenario.issue,
                scenario.customer_wants,
                scenario.brief.summary,
                *scenario.brief.account,
                persona.bio,
            ]
        )

    @property
    def mood(self) -> Mood:
        """The current mood."""
        return self.state.mood

    # Words -------------------------------------------------------------------------------

    def context(self, move: str = "") -> LineContext:
        """What a line may refer to now (see `lines.fits`)."""
        by_id = {r.id: r for r in self.scenario.remedies}
        table = self.on_table if move in REACTIVE or move == "reject" else []
        if move in {"confirm", "accept"} and not table:
            table = [i for i in self.memory.agreed if i in by_id]
        return LineContext(
            agent_said=" ".join(self.agent_words),
            known=self._known + " " + " ".join(self.said),
            offered=[by_id[i] for i in table if i in by_id],
            remedies=list(self.scenario.remedies),
            wait_given=self.wait_given,
            holds_before=self.memory.holds,
            hold_over=self.hold_over,
            hold_asked=self.hold_asked,
            said=set(self.said),
        )

    def say(self, key: str) -> str:
        """One line for a voice key, slots filled, fitting the call so far."""
        line = self.voice.say(
            key,
            self.persona,
            self.scenario,
            self.voice_rng,
            self.slots,
            context=self.context(key.split(":", 1)[0]),
        )
        if line:
            self.said.append(line)
        return line

    def speak(self, move: Move) -> str:
        """The words for a move: any trigger snap-back first, then the move's own line."""
        parts = [self.say(f"trigger:{i}") for i in move.snaps]
        parts.append(self.say(move.voice_key))
        return " ".join(p for p in parts if p)

    def opening(self) -> str:
        """The customer's first line."""
        return self.say("opening")

    # Reactions ---------------------------------------------------------------------------

    def hear(self, grade: Grade | None, reply: str) -> tuple[Heard, Reading]:
        """What the reply asks, agrees and offers, as this customer hears it."""
        heard = hear(reply)
        by_id = {r.id: r for r in self.scenario.remedies}
        asked_for = [by_id[i] for i in self.memory.asked_for if i in by_id]
        return heard, self.reader.read(reply, grade, heard, asked_for)

    def react(self, grade: Grade, reply: str, *, extra_flags: tuple[str, ...] = ()) -> Reaction:
        """Update mood from a graded reply and choose the answer (not yet spoken)."""
        heard, reading = self.hear(grade, reply)
        self.state.want_known = self.memory.want_stated or bool(self.memory.asked_for)
        self.state.arranging = self.memory.callback is not None
        effect = apply_reply(
            self.state,
            grade,
            reply,
            self.persona,
            self.scenario,
            extra_flags=extra_flags,
            offered=reading.offered,
        )
        effect.refused = [r.id for r in reading.refused]
        self.agent_words.append(reply)
        if reading.offered:
            self.on_table = [r.id for r in reading.offered]
            self.slots["remedy"] = _spoken_list(reading.offered)
        move = next_move(
            self.persona,
            self.scenario,
            self.state.mood,
            effect,
            grade,
            self.memory,
            self.policy_rng,
            start_anger=self.state.start_anger,
            heard=heard,
        )
        return Reaction(move, "", self.state.mood, effect, reading, heard)

    def offer_callback(self, grade: Grade | None, text: str) -> Move:
        """The trainee offers to call back. Calm enough, they take it up and ask when and on
        which number; it settles the call only once both are agreed (see the policy)."""
        if grade is not None:
            before = copy.deepcopy(self.memory)
            reacted = self.react(grade, text).move
            if reacted.outcome is not None:
                return reacted
            # The words count for the mood; the move is the answer to the call-back instead.
            self.memory = before
        heard = hear(text) if text.strip() else Heard(callback=True)
        mood = self.mood
        if mood.anger > CALLBACK_ANGER or mood.trust < ACCEPT_TRUST:
            nudge(self.state, self.persona, anger=0.3)
            move = Move("demand")
        else:
            talk = self.memory.callback or CallbackTalk()
            self.memory.callback = talk
            talk.time = talk.time or heard.time
            talk.number = talk.number or heard.number
            if talk.time and talk.number:
                move = Move("accept", outcome="resolved", callback=True)
            else:
                move = Move(still_to_agree(talk))
        if grade is None:
            self.agent_words.append(text)
        remember(move, self.memory)
        return move

    def hold_flags_fired(self, flags: set[str], text: str) -> list[int]:
        """Apply triggers set off by hold etiquette flags; return snap-back trigger indices."""
        fired = fired_triggers(self.persona, text, flags)
        extra = sum(t.anger for t in fired)
        if extra:
            nudge(self.state, self.persona, anger=extra, trust=-0.05 * len(fired))
        return [i for i, t in enumerate(self.persona.triggers) if t in fired and t.say][:1]

    def start_hold(self, hold: HoldInfo, text: str) -> None:
        """They are put on hold: remember the time they were given, in words."""
        promised = parse_duration(hold.estimate)
        self.wait_given = promised is not None
        self.hold_over = False
        self.hold_asked = hold.asked_permission
        if promised is not None:
            self.slots["wait"] = spoken_duration(promised)
        else:
            self.slots.pop("wait", None)
        if text.strip():
            self.agent_words.append(text)

    def finish_hold(self, hold: HoldInfo, *, thanked: bool) -> None:
        """Apply what the hold cost them; they remember it happened and whether it overran."""
        apply_hold(self.state, hold, self.persona, thanked=thanked)
        self.memory.holds += 1
        self.hold_over = over_estimate(hold)

    def remember(self, move: Move) -> None:
        """Record a move chosen outside the policy (hold, transfer, call-back)."""
        remember(move, self.memory)

    # Rewind ------------------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """Everything that changes during a call, to restore on rewind."""
        voice_state = self.voice.snapshot() if isinstance(self.voice, StatefulVoice) else None
        return {
            "state": copy.deepcopy(self.state),
            "memory": copy.deepcopy(self.memory),
            "policy_rng": self.policy_rng.getstate(),
            "voice_rng": self.voice_rng.getstate(),
            "voice": voice_state,
            "slots": dict(self.slots),
            "heard": (
                list(self.agent_words),
                list(self.said),
                list(self.on_table),
                self.wait_given,
                self.hold_over,
                self.hold_asked,
            ),
        }

    def restore(self, snap: dict[str, Any]) -> None:
        """Go back to a snapshot."""
        self.state = copy.deepcopy(snap["state"])
        self.memory = copy.deepcopy(snap["memory"])
        self.policy_rng.setstate(snap["policy_rng"])
        self.voice_rng.setstate(snap["voice_rng"])
        if isinstance(self.voice, StatefulVoice):
            self.voice.restore(snap["voice"])
        self.slots = dict(snap["slots"])
        words, said, table, self.wait_given, self.hold_over, self.hold_asked = snap["heard"]
        self.agent_words, self.said, self.on_table = list(words), list(said), list(table)
