"""The Session: one call, as the TUI, play CLI and store drive it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from trainer import __version__
from trainer.errors import UserError
from trainer.models.persona import Persona, Temperament
from trainer.models.record import SessionRecord
from trainer.models.scenario import Scenario
from trainer.session import GraderLike, Session, SessionEvent

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "library"

GOOD = "I'm so sorry, Ms Fixture, that must be really frustrating. What can I do to put this right?"
OFFER = "I completely understand. Would it help if I refund the duplicate payment today?"
CALM_DOWN = "Calm down, please. That's our policy."
FIXED = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def grader() -> GraderLike:
    """The real grader, loaded once."""
    from trainer.grading import get_grader

    loaded: GraderLike = get_grader()
    return loaded


def clock() -> datetime:
    return FIXED


def start(
    persona: Persona, scenario: Scenario, grader: GraderLike, seed: int = 7, **kw: object
) -> Session:
    return Session(persona, scenario, grader=grader, seed=seed, clock=clock, **kw)  # type: ignore[arg-type]


def test_skilled_call_resolves(persona: Persona, scenario: Scenario, grader: GraderLike) -> None:
    session = start(persona, scenario, grader, agent_name="Sam")
    assert session.opening and session.last_customer_line == session.opening
    first = session.reply(GOOD)
    assert first.grade is not None and first.grade.apology.passed
    assert first.mood.anger < persona.temperament.anger
    session.reply(OFFER)
    assert session.ended and session.outcome == "resolved"
    assert session.record.turns[-1].move == "accept"
    with pytest.raises(UserError, match="the call has ended"):
        session.reply("anything else?")


def test_record_metadata(persona: Persona, scenario: Scenario, grader: GraderLike) -> None:
    session = start(
        persona, scenario, grader, trainee="ana", persona_hash="p" * 64, scenario_hash="s" * 64
    )
    session.reply(GOOD)
    session.end()
    record = session.record
    assert record.persona == "fixture-base" and record.scenario == "fixture-billing"
    assert record.persona_hash == "p" * 64 and record.scenario_hash == "s" * 64
    assert record.app_version == __version__
    assert record.started_at == "2026-11-26T12:00:00Z" == record.ended_at
    assert record.trainee == "ana" and record.seed == 7 and record.mode == "coach"
    assert record.outcome == "abandoned"
    assert record.final_mood == session.mood


def test_same_seed_and_replies_give_the_identical_record(
    persona: Persona, scenario: Scenario, grader: GraderLike
) -> None:
    def play(seed: int) -> SessionRecord:
        session = start(persona, scenario, grader, seed=seed)
        for text in ("Why did this happen?", CALM_DOWN, GOOD):
            if not session.ended:
                session.reply(text)
        return session.record

    assert play(11).model_dump() == play(11).model_dump()
    wordings = {
        tuple([r.opening] + [t.customer_next for t in r.turns]) for r in map(play, range(6))
    }
    assert len(wordings) > 1


def test_summary_counts_steps_and_flags(
    persona: Persona, scenario: Scenario, grader: GraderLike
) -> None:
    session = start(persona, scenario, grader)
    session.reply(GOOD)
    session.reply(CALM_DOWN)
    summary = session.record.summary
    assert summary.replies == 2
    # The first reply apologised, so the second did not need to: only "calm down", a person
    # failure the reply committed, counts against it.
    assert summary.pass_rates["apology"] == 1.0
    assert summary.pass_rates["person"] == 0.5
    assert summary.flags.get("calm_down") == 1


def test_calm_down_trigger_raises_anger_and_snaps(
    persona: Persona, scenario: Scenario, grader: GraderLike
) -> None:
    session = start(persona, scenario, grader)
    before = session.mood.anger
    turn = session.reply(CALM_DOWN)
    assert turn.grade is not None and "calm_down" in turn.grade.flags
    assert turn.mood.anger > before
    assert turn.customer_next.startswith("Don't tell me to calm down.")


def test_listeners_hear_every_turn(
    persona: Persona, scenario: Scenario, grader: GraderLike
) -> None:
    events: list[SessionEvent] = []
    session = start(persona, scenario, grader, listeners=[events.append])
    session.reply(GOOD)
    session.rewind()
    session.reply(GOOD)
    session.reply(OFFER)
    assert [e.kind for e in events] == ["started", "turn", "rewound", "turn", "turn", "ended"]
    assert events[-1].record is session.record and events[-1].turn is session.record.turns[-1]


def test_rewind_keeps_the_attempt_and_restores_the_mood(
    persona: Persona, scenario: Scenario, grader: GraderLike
) -> None:
    session = start(persona, scenario, grader)
    assert not session.rewind()
    mood = session.mood
    bad = session.reply(CALM_DOWN)
    assert session.rewind()
    assert session.mood == mood and session.record.turns == []
    assert session.last_customer_line == session.opening
    turn = session.reply(GOOD)
    assert [a.reply for a in turn.attempts] == [CALM_DOWN]
    assert turn.attempts[0].grade == bad.grade and turn.attempts[0].customer_next
    # A rewind straight after a rewind-and-retry keeps both earlier attempts.
    session.rewind()
    again = session.reply(GOOD)
    assert [a.reply for a in again.attempts] == [CALM_DOWN, GOOD]
    # The rewound call goes exactly as a call that never had the bad reply.
    clean = start(persona, scenario, grader)
    clean_turn = clean.reply(GOOD)
    assert again.customer_next == clean_turn.customer_next and again.mood == clean_turn.mood


def test_rewind_reopens_an_ended_call(
    persona: Persona, scenario: Scenario, grader: GraderLike
) -> None:
    session = start(persona, scenario, grader)
    session.reply(GOOD)
    session.reply(OFFER)
    assert session.ended
    assert session.rewind()
    assert not session.ended and session.record.ended_at == ""
    assert session.end().action == "end" and session.outcome == "abandoned"
    assert not session.rewind()  # an action, not a reply


def test_hold_without_asking_costs_patience(
    persona: Persona, scenario: Scenario, grader: GraderLike
) -> None:
    calm = persona.model_copy(update={"temperament": Temperament(anger=4, patience=8)})

    def after_hold(text: str, reason: str, estimate: str) -> Session:
        session = start(calm, scenario, grader)
        session.hold(60, reason, estimate, text=text)
        assert session.on_hold
        session.back("Thank you for waiting, Ms Fixture.")
        return session

    polite = after_hold(
        "Could I put you on hold for a minute while I check the payments?",
        "checking the payments",
        "a minute",
    )
    rude = after_hold("Hold on.", "", "")
    assert rude.mood.patience < polite.mood.patience - 1.5
    rude_info = rude.record.turns[0].hold
    polite_info = polite.record.turns[0].hold
    assert rude_info is not None and polite_info is not None
    assert not rude_info.asked_permission and not rude_info.gave_reason
    assert polite_info.asked_permission and polite_info.gave_reason and polite_info.gave_estimate
    assert polite_info.thanked_on_return is True
    assert rude.record.summary.flags.get("hold_no_permission") == 1
    back = polite.record.turns[1]
    assert back.action == "back" and back.hold == polite_info


def test_long_hold_without_check_in_costs_more(
    persona: Persona, scenario: Scenario, grader: GraderLike
) -> None:
    text = "May I put you on hold while I check your payments? It will take a minute."

    def patience(seconds: int) -> float:
        session = start(persona, scenario, grader)
        session.hold(seconds, "checking payments", "a minute", text=text)
        session.back("")
        return session.mood.patience

    assert patience(300) < patience(90) - 1
    session = start(persona, scenario, grader)
    session.hold(300, "checking", "a minute", text=text)
    assert session.record.turns[0].hold is not None
    assert not session.record.turns[0].hold.checked_back


def test_hold_rules(persona: Persona, scenario: Scenario, grader: GraderLike) -> None:
    session = start(persona, scenario, grader)
    with pytest.raises(UserError, match="not on hold"):
        session.back()
    session.hold(30, "checking", text="Could you hold for thirty seconds?")
    with pytest.raises(UserError, match="on hold"):
        session.reply(GOOD)
    with pytest.raises(UserError, match="already on hold"):
        session.hold(30)
    turn = session.back("Thanks for holding.")
    assert turn.move in {"hold_return", "soften", "state_want", "test"} or turn.customer_next
    assert not session.on_hold


@pytest.mark.parametrize("seconds", [0, -5, 3601, 10**20])
def test_a_hold_outside_one_second_to_an_hour_is_refused_before_anything_is_kept(
    persona: Persona, scenario: Scenario, grader: GraderLike, seconds: int
) -> None:
    session = start(persona, scenario, grader)
    session.reply(GOOD)
    turns = len(session.record.turns)
    with pytest.raises(UserError, match="from 1 to 3600 seconds"):
        session.hold(seconds, "checking", text="Could you hold while I check?")
    assert len(session.record.turns) == turns
    assert not session.on_hold


def fill(line: str, session: Session) -> str:
    from trainer.models.base import fill_slots

    return " ".join(fill_slots(line, session.customer.slots).split())


def test_transfer_is_fair_only_after_a_genuine_attempt_when_authority_is_needed(
    persona: Persona, scenario: Scenario, grader: GraderLike
) -> None:
    needs_manager = scenario.model_copy(update={"needs_authority": True})
    fair = start(persona, needs_manager, grader)
    fair.reply(GOOD)
    fair.transfer()
    assert fair.outcome == "escalated" and fair.record.summary.escalation == "fair"
    last = fair.record.turns[-1]
    assert last.move == "transfer"
    assert last.customer_next in [fill(line, fair) for line in persona.lines.hold_ok]
    early = start(persona, needs_manager, grader)
    early.transfer()
    assert early.record.summary.escalation == "weak"
    needless = start(persona, scenario, grader)
    needless.reply(GOOD)
    needless.transfer()
    assert needless.record.summary.escalation == "weak"
    assert needless.record.summary.notes


def test_callback_is_agreed_in_dialogue_before_it_settles_anything(
    persona: Persona, scenario: Scenario, grader: GraderLike
) -> None:
    # Regression: F9 resolved the call at once, with no time or number agreed.
    calm = start(persona, scenario, grader)
    calm.reply(GOOD)
    offered = calm.callback("Could I call you back this afternoon once I've checked?")
    assert not calm.ended and offered.move == "callback_ask_number"  # the time was given
    asked = calm.reply("Of course. What's the best number to reach you on?")
    assert not calm.ended and asked.move == "callback_number"
    assert calm.customer.memory.callback is not None
    done = calm.reply("Thank you. I'll ring you on that number this afternoon, I promise.")
    assert calm.outcome == "resolved" and done.move == "accept"
    assert any(n.startswith("call-back agreed") for n in calm.record.summary.notes)
    angry = start(persona.model_copy(update={"tactics": []}), scenario, grader)
    angry.callback()
    assert not angry.ended and angry.record.turns[-1].move == "demand"


def test_callback_with_time_and_number_in_one_offer(
    persona: Persona, scenario: Scenario, grader: GraderLike
) -> None:
    calm = start(persona, scenario, grader)
    calm.reply(GOOD)
    calm.callback("Could I ring you back on this number at 3pm, once I've checked?")
    assert calm.outcome == "resolved"
    assert calm.record.turns[-1].move == "accept"


def test_turn_limit_ends_the_call(persona: Persona, scenario: Scenario, grader: GraderLike) -> None:
    short = scenario.model_copy(update={"turn_limit": 3})
    saint = persona.model_copy(
        update={"tactics": [], "temperament": Temperament(anger=6, patience=10)}
    )
    session = start(saint, short, grader)
    for text in ("Okay.", "Right, I see.", "Let me look."):
        session.reply(text)
    assert session.ended and session.outcome in {"churned", "hung_up"}
    assert any("turn limit" in n for n in session.record.summary.notes)


def test_hint_names_the_weakest_step(
    persona: Persona, scenario: Scenario, grader: GraderLike
) -> None:
    session = start(persona, scenario, grader)
    assert "Try:" in session.hint()
    session.reply("I'm so sorry about this.")
    hint = session.hint()
    assert "Try:" in hint
    assert not hint.startswith("Apologise")


def test_replay_rebuilds_the_call(persona: Persona, scenario: Scenario, grader: GraderLike) -> None:
    persona = persona.model_copy(update={"tactics": []})
    session = start(persona, scenario, grader, seed=3, agent_name="Sam", trainee="ana")
    session.reply(CALM_DOWN)
    session.rewind()
    session.reply("Let me look into that for you.")
    session.hold(45, "checking", text="Could I put you on hold for a minute to check?")
    session.back("Thanks for waiting, Ms Fixture.")
    original = session.record.model_dump()
    events: list[SessionEvent] = []
    copy = Session.replay(
        SessionRecord.model_validate(original), persona, scenario, grader, listeners=[events.append]
    )
    assert copy.record.model_dump() == original
    assert events == [] and copy.on_hold == session.on_hold
    # Both go on identically.
    assert copy.reply(GOOD).customer_next == session.reply(GOOD).customer_next
    assert [e.kind for e in events] == ["turn"]


def test_exam_mode_is_recorded_with_grades(
    persona: Persona, scenario: Scenario, grader: GraderLike
) -> None:
    session = start(persona, scenario, grader, mode="exam")
    turn = session.reply(GOOD)
    assert session.record.mode == "exam" and turn.grade is not None
