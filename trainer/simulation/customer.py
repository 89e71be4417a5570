"""The simulated customer: mood, policy and voice together, with snapshots for rewind."""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass
from typing import Any

from trainer.models.grade import Grade
from trainer.models.persona import Persona
from trainer.models.record import HoldInfo, Mood
from trainer.models.scenario import Scenario
from trainer.simulation.mood import (
    MoodState,
    ReplyEffect,
    apply_hold,
    apply_reply,
    fired_triggers,
    nudge,
    start_mood,
)
from trainer.simulation.policy import Move, PolicyMemory, next_move
from trainer.simulation.voice import AuthoredVoice, StatefulVoice, Voice


@dataclass
class Reaction:
    """The customer's answer to one thing the trainee did."""

    move: Move
    line: str
    mood: Mood
    effect: ReplyEffect | None = None


class Customer:
    """One simulated customer for one call. Deterministic given persona, scenario and seed.

    Two generators are derived from the seed: one for the policy (what they do) and one for
    the voice (which words), so a different voice never changes what the customer does.
    """

    def __init__(
        self,
        persona: Persona,
        scenario: Scenario,
        *,
        seed: int,
        voice: Voice | None = None,
        slots: dict[str, str] | None = None,
    ) -> None:
        self.persona = persona
        self.scenario = scenario
        self.state = MoodState(start_mood(persona), persona.temperament.anger)
        self.memory = PolicyMemory()
        self.policy_rng = random.Random(seed)
        self.voice_rng = random.Random(f"deescalate-voice-{seed}")
        self.voice: Voice = voice if voice is not None else AuthoredVoice()
        self.slots: dict[str, str] = dict(slots or {})

    @property
    def mood(self) -> Mood:
        """The current mood."""
        return self.state.mood

    # Words -------------------------------------------------------------------------------

    def say(self, key: str) -> str:
        """One line for a voice key, slots filled."""
        return self.voice.say(key, self.persona, self.scenario, self.voice_rng, self.slots)

    def speak(self, move: Move) -> str:
        """The words for a move: any trigger snap-back first, then the move's own line."""
        parts = [self.say(f"trigger:{i}") for i in move.snaps]
        parts.append(self.say(move.voice_key))
        return " ".join(p for p in parts if p)

    def opening(self) -> str:
        """The customer's first line."""
        return self.say("opening")

    # Reactions ---------------------------------------------------------------------------

    def react(self, grade: Grade, reply: str, *, extra_flags: tuple[str, ...] = ()) -> Reaction:
        """Update mood from a graded reply and choose the answer (not yet spoken)."""
        effect = apply_reply(
            self.state, grade, reply, self.persona, self.scenario, extra_flags=extra_flags
        )
        if effect.remedy is not None:
            label = effect.remedy.label
            self.slots["remedy"] = label[:1].lower() + label[1:]
        move = next_move(
            self.persona,
            self.scenario,
            self.state.mood,
            effect,
            grade,
            self.memory,
            self.policy_rng,
            start_anger=self.state.start_anger,
        )
        return Reaction(move, "", self.state.mood, effect)

    def hold_flags_fired(self, flags: set[str], text: str) -> list[int]:
        """Apply triggers set off by hold etiquette flags; return snap-back trigger indices."""
        fired = fired_triggers(self.persona, text, flags)
        extra = sum(t.anger for t in fired)
        if extra:
            nudge(self.state, self.persona, anger=extra, trust=-0.05 * len(fired))
        return [i for i, t in enumerate(self.persona.triggers) if t in fired and t.say][:1]

    def finish_hold(self, hold: HoldInfo, *, thanked: bool) -> None:
        """Apply what the hold cost them."""
        apply_hold(self.state, hold, self.persona, thanked=thanked)

    def remember(self, move: Move) -> None:
        """Record a move chosen outside the policy (hold, transfer, call-back)."""
        self.memory.moves.append(move.name)

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
