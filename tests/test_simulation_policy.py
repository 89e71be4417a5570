"""Policy (what the customer does next) and voice (their words)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from factories import grade

from trainer.models.grade import Grade
from trainer.models.persona import Persona, Tactic, Temperament
from trainer.models.record import Mood
from trainer.models.scenario import Scenario
from trainer.simulation.mood import MoodState, apply_reply, start_mood
from trainer.simulation.policy import HEARD_FIRST, Move, PolicyMemory, next_move, would_accept
from trainer.simulation.voice import AuthoredVoice, authored_lines

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "library"


class Call:
    """Mood state, memory and a seeded generator: drive the policy turn by turn."""

    def __init__(self, persona: Persona, scenario: Scenario, seed: int = 1) -> None:
        self.persona = persona
        self.scenario = scenario
        self.state = MoodState(start_mood(persona), persona.temperament.anger)
        self.memory = PolicyMemory()
        self.rng = random.Random(seed)

    def turn(self, g: Grade, text: str) -> Move:
        effect = apply_reply(self.state, g, text, self.persona, self.scenario)
        return next_move(
            self.persona,
            self.scenario,
            self.state.mood,
            effect,
            g,
            self.memory,
            self.rng,
            start_anger=self.state.start_anger,
        )


GOOD = grade(person=True, apology=True, ask=True)
REMEDY = grade(person=True, apology=True, ask=True, remedies=("refund_duplicate",))


def test_asked_customer_states_what_they_want(persona: Persona, scenario: Scenario) -> None:
    call = Call(persona, scenario)
    assert call.turn(GOOD, "sorry, what can I do").kind == "state_want"
    assert call.memory.want_stated


def test_fair_offer_to_a_calmer_customer_is_accepted(persona: Persona, scenario: Scenario) -> None:
    call = Call(persona, scenario)
    call.turn(GOOD, "sorry, what can I do")
    move = call.turn(REMEDY, "would a refund help")
    assert move.kind == "accept" and move.outcome == "resolved"


def test_offer_to_a_furious_customer_is_not_taken(persona: Persona, scenario: Scenario) -> None:
    furious = persona.model_copy(update={"temperament": Temperament(anger=10, cooling=0.3)})
    call = Call(furious, scenario)
    move = call.turn(grade(remedies=("refund_duplicate",)), "refund")
    # What they asked for, offered too soon: they doubt it rather than take it.
    assert move.kind == "test" and move.outcome is None


def test_would_accept_needs_trust() -> None:
    assert would_accept(Mood(anger=3, trust=0.6, patience=5), 7)
    assert not would_accept(Mood(anger=3, trust=0.1, patience=5), 7)
    assert not would_accept(Mood(anger=8, trust=0.9, patience=5), 10)


def test_physical_threat_ends_the_call_for_safety(persona: Persona, scenario: Scenario) -> None:
    threat = Tactic(id="physical_threat", at=8, lines=["I know where your office is."])
    call = Call(persona.model_copy(update={"tactics": [threat]}), scenario)
    move = call.turn(grade(flags=("calm_down",)), "calm down")
    assert move.name == "tactic:physical_threat" and move.outcome == "safety_end"


def test_patience_runs_out_and_they_leave_angry(persona: Persona, scenario: Scenario) -> None:
    short = persona.model_copy(
        update={"tactics": [], "temperament": Temperament(anger=5, patience=1)}
    )
    call = Call(short, scenario)
    move = call.turn(grade(flags=("blame",)), "you should have read it")
    assert move.kind == "leave" and move.outcome == "churned"


def test_a_calm_caller_out_of_patience_hangs_up(persona: Persona, scenario: Scenario) -> None:
    calm = persona.model_copy(
        update={"tactics": [], "triggers": [], "temperament": Temperament(anger=1, patience=1)}
    )
    call = Call(calm, scenario)
    move = call.turn(grade(flags=("data_only",)), "account number")
    assert move.kind == "hang_up" and move.outcome == "hung_up"


def test_ignored_threat_to_leave_means_churn(persona: Persona, scenario: Scenario) -> None:
    leaver = persona.model_copy(
        update={
            "tactics": [t for t in persona.tactics if t.id == "take_business_elsewhere"],
            "temperament": Temperament(anger=7, patience=10),
        }
    )
    call = Call(leaver, scenario)
    first = call.turn(grade(flags=("defending",)), "our systems are fine")
    assert first.name == "tactic:take_business_elsewhere"
    second = call.turn(grade(flags=("policy_wall",)), "that's policy")
    assert second.kind == "leave" and second.outcome == "churned"


def test_heard_threat_to_leave_keeps_them_on_the_line(persona: Persona, scenario: Scenario) -> None:
    leaver = persona.model_copy(
        update={
            "tactics": [t for t in persona.tactics if t.id == "take_business_elsewhere"],
            "temperament": Temperament(anger=7, patience=10),
        }
    )
    call = Call(leaver, scenario)
    assert call.turn(grade(flags=("defending",)), "x").name == "tactic:take_business_elsewhere"
    assert call.turn(GOOD, "I'm sorry. What would make you stay?").outcome is None


def test_tactic_appears_when_anger_crosses_its_threshold(
    persona: Persona, scenario: Scenario
) -> None:
    only_manager = [t for t in persona.tactics if t.id == "manager_demand"]  # at 8
    calm = persona.model_copy(
        update={
            "tactics": only_manager,
            "triggers": [],
            "temperament": Temperament(anger=6, patience=10),
        }
    )
    call = Call(calm, scenario)
    below = call.turn(grade(flags=("data_only",), job=True), "account number?")
    assert below.kind != "tactic"
    above = call.turn(grade(flags=("calm_down",)), "calm down")
    assert call.state.mood.anger >= 8
    assert above.name == "tactic:manager_demand"


def test_trigger_snaps_back_before_the_move(persona: Persona, scenario: Scenario) -> None:
    call = Call(persona, scenario)
    move = call.turn(grade(flags=("calm_down",)), "calm down")
    assert move.snaps == [0]  # the fixture's calm_down trigger has a `say` line


def test_policy_never_touches_the_global_generator(
    persona: Persona, scenario: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_args: object) -> None:
        raise AssertionError("global random used")

    for name in ("random", "choice", "choices", "shuffle", "randint", "uniform"):
        monkeypatch.setattr(random, name, boom)
    call = Call(persona, scenario)
    for text in ("calm down", "sorry", "what now", "fine"):
        call.turn(grade(flags=("calm_down",)) if text == "calm down" else grade(), text)


# Voice -----------------------------------------------------------------------------------


def test_voice_never_repeats_while_variants_remain(persona: Persona, scenario: Scenario) -> None:
    voice = AuthoredVoice()
    rng = random.Random(4)
    variants = authored_lines("vent", persona, scenario)
    said = [voice.say("vent", persona, scenario, rng, {}) for _ in range(len(variants))]
    assert len(set(said)) == len(variants)
    more = [voice.say("vent", persona, scenario, rng, {}) for _ in range(len(variants))]
    assert sorted(more) == sorted(said)


def test_voice_fills_slots(persona: Persona, scenario: Scenario) -> None:
    voice = AuthoredVoice()
    slots = {"agent": "Sam", "want": "my money back"}
    lines = {voice.say("accept", persona, scenario, random.Random(1), slots) for _ in range(2)}
    assert "Fine, that works. Thanks, Sam." in lines
    want = voice.say("state_want", persona, scenario, random.Random(2), slots)
    assert "my money back" in want and "{" not in want


def test_voice_speaks_tactics_triggers_and_openings(persona: Persona, scenario: Scenario) -> None:
    voice = AuthoredVoice()
    rng = random.Random(0)
    assert voice.say("tactic:manager_demand", persona, scenario, rng, {}) in {
        "Put your manager on. Now.",
        "I want to speak to someone with actual authority.",
    }
    assert voice.say("trigger:0", persona, scenario, rng, {}) == "Don't tell me to calm down."
    assert "{" not in voice.say("opening", persona, scenario, rng, {"agent": "Sam"})
    with pytest.raises(ValueError, match="no lines"):
        voice.say("tactic:asking_out", persona, scenario, rng, {})


def test_voice_snapshot_restores_memory(persona: Persona, scenario: Scenario) -> None:
    voice = AuthoredVoice()
    snap = voice.snapshot()
    rng_state = random.Random(9).getstate()
    rng = random.Random()
    rng.setstate(rng_state)
    first = voice.say("vent", persona, scenario, rng, {})
    voice.restore(snap)
    rng.setstate(rng_state)
    assert voice.say("vent", persona, scenario, rng, {}) == first


def test_a_good_question_is_answered_not_met_with_an_opener(
    persona: Persona, scenario: Scenario
) -> None:
    opener = Tactic(id="angry_opener", at=0, lines=["I've been in your queue for ages."])
    chatty = persona.model_copy(update={"tactics": [opener, *persona.tactics]})
    for seed in range(20):
        call = Call(chatty, scenario, seed=seed)
        move = call.turn(
            grade(person=True, apology=True, ask=True), f"So sorry. What do you need? {seed}"
        )
        assert move.kind == "state_want", (seed, move)


def test_an_opener_can_return_when_the_agent_provokes(persona: Persona, scenario: Scenario) -> None:
    opener = Tactic(id="angry_opener", at=0, lines=["I've been in your queue for ages."])
    only_opener = persona.model_copy(update={"tactics": [opener]})
    call = Call(only_opener, scenario, seed=1)
    move = call.turn(grade(job=False, flags=("calm_down",)), "Calm down.")
    assert move.name == "tactic:angry_opener"


def test_transfer_lines_fall_back_to_agreeing_to_hold(persona: Persona, scenario: Scenario) -> None:
    assert persona.lines.transfer == []
    assert authored_lines("transfer", persona, scenario) == persona.lines.hold_ok
    own = persona.model_copy(
        update={"lines": persona.lines.model_copy(update={"transfer": ["Put them on."]})}
    )
    assert authored_lines("transfer", own, scenario) == ["Put them on."]


def test_an_angry_caller_says_what_they_want_before_taking_the_first_offer(
    persona: Persona, scenario: Scenario
) -> None:
    assert persona.temperament.anger >= HEARD_FIRST
    call = Call(persona, scenario)
    first = call.turn(REMEDY, "would a refund help")
    assert first.kind == "state_want" and first.outcome is None
    second = call.turn(REMEDY, "I'll refund it today, shall I?")
    assert second.kind == "accept" and second.outcome == "resolved"


def test_a_calmer_caller_takes_the_first_fair_offer(persona: Persona, scenario: Scenario) -> None:
    calmer = persona.model_copy(update={"temperament": Temperament(anger=5, cooling=0.3)})
    call = Call(calmer, scenario)
    move = call.turn(REMEDY, "would a refund help")
    assert move.kind == "accept" and move.outcome == "resolved"


# Real resistance (issue 12) --------------------------------------------------------------------

from trainer.simulation.hearing import hear  # noqa: E402
from trainer.simulation.policy import CallbackTalk, _callback_turn  # noqa: E402


class HeardCall(Call):
    """A call that also passes what the customer hears (questions, agreement, confirmation)."""

    def turn(self, g: Grade, text: str) -> Move:
        self.state.want_known = self.memory.want_stated or bool(self.memory.asked_for)
        effect = apply_reply(self.state, g, text, self.persona, self.scenario)
        return next_move(
            self.persona,
            self.scenario,
            self.state.mood,
            effect,
            g,
            self.memory,
            self.rng,
            start_anger=self.state.start_anger,
            heard=hear(text),
        )


def test_a_hard_caller_wants_it_heard_agreed_and_confirmed(
    persona: Persona, scenario: Scenario
) -> None:
    hard = persona.model_copy(update={"difficulty": "hard"})
    call = HeardCall(hard, scenario)
    moves = [
        call.turn(GOOD, "I'm so sorry, that's awful. What can I do?").kind,
        call.turn(REMEDY, "I'm so sorry. Would it help if I refund it today?").kind,
    ]
    for text in ("So sorry again. I'll refund it right away, shall I?", "Yes, it's done."):
        if moves[-1] != "confirm":
            moves.append(call.turn(REMEDY, text).kind)
    assert moves[0] == "state_want" and "confirm" in moves
    final = call.turn(GOOD, "It's done: I've put it through and you'll get an email today.")
    assert final.kind == "accept" and final.outcome == "resolved"
    assert "accept" not in moves  # the offer alone never settled it


def test_a_medium_caller_who_trusts_you_takes_the_offer(
    persona: Persona, scenario: Scenario
) -> None:
    call = HeardCall(persona, scenario)
    call.turn(GOOD, "I'm so sorry. What can I do?")
    call.state.mood = call.state.mood.model_copy(update={"trust": 0.9})
    assert call.turn(REMEDY, "Sorry again; shall I refund it now?").kind == "accept"


def test_threats_come_out_in_rising_order(persona: Persona, scenario: Scenario) -> None:
    tactics = [
        Tactic(id="take_business_elsewhere", at=7, lines=["I'm off."]),
        Tactic(id="bash_online", at=5, lines=["I'll post this."]),
        Tactic(id="threat_to_sue", at=6, lines=["My solicitor."]),
    ]
    steady = persona.model_copy(
        update={
            "tactics": tactics,
            "triggers": [],
            "temperament": Temperament(anger=8, patience=10),
        }
    )
    for seed in range(5):
        call = HeardCall(steady, scenario, seed=seed)
        call.turn(GOOD, "So sorry. What do you need?")
        threats = []
        for i in range(8):
            move = call.turn(grade(person=True, apology=True), f"I'm so sorry ({i}).")
            if move.kind == "tactic":
                threats.append(move.tactic)
            if move.outcome:
                break
        ats = [next(t.at for t in tactics if t.id == name) for name in threats]
        assert threats and ats == sorted(ats), (seed, threats)


def test_some_walk_away_from_polite_handling_and_the_seed_decides(
    persona: Persona, scenario: Scenario
) -> None:
    patient = persona.model_copy(
        update={"tactics": [], "triggers": [], "temperament": Temperament(anger=6, patience=10)}
    )

    def walked(seed: int) -> int | None:
        call = HeardCall(patient, scenario, seed=seed)
        call.turn(GOOD, "So sorry. What do you need?")
        for i in range(10):
            move = call.turn(grade(person=True, apology=True), f"I'm so sorry ({i}).")
            if move.kind == "leave":
                return i
        return None

    turns = [walked(seed) for seed in range(12)]
    assert turns == [walked(seed) for seed in range(12)]
    assert all(t is not None for t in turns) and len(set(turns)) > 1


def test_call_back_needs_a_time_and_a_number() -> None:
    talk = CallbackTalk()
    calm = Mood(anger=3, trust=0.6, patience=5)
    assert _callback_turn(talk, hear("I'll call you back this afternoon."), calm).kind == (
        "callback_ask_number"
    )
    assert talk.time == "this afternoon" and not talk.number
    move = _callback_turn(talk, hear("What's the best number to reach you on?"), calm)
    assert move.kind == "callback_number" and talk.number
    done = _callback_turn(talk, hear("Great, I'll ring you then."), calm)
    assert done.kind == "accept" and done.callback and done.outcome == "resolved"
    asked = CallbackTalk()
    assert _callback_turn(asked, hear("What time suits you?"), calm).kind == "callback_time"
