"""Call-aware verdicts over whole calls: the real Session with a grader stub that says exactly
what each reply did, so these tests are about the due rule, not the grader's judgement.

Each call is checked three ways: the verdict on every turn, the pass rates (the call's summary
and the report), and what the report says to practise next.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session as OrmSession

from trainer.models.grade import STEPS, Grade, GradeContext, StepVerdict
from trainer.models.persona import Persona, Trigger
from trainer.models.record import SessionRecord, Turn
from trainer.models.scenario import Scenario
from trainer.reports import cohort, progress, session_report, weakest_step
from trainer.reports.data import practice_texts
from trainer.session import Session
from trainer.store import Store
from trainer.store.schema import SessionRow
from trainer.store.stats import step_rates

TEXTBOOK = "That sounds so frustrating, Ms Fixture. I'm so sorry. What would help most?"
OFFER = "I've refunded the duplicate payment just now. Would you like an email to confirm?"
SORRY_BUT = "I'm sorry, but the payment system retried the direct debit."
DEFENSIVE = "Our billing system is very reliable; it can't have charged you twice."
TEXTBOOK_AGAIN = (
    "No wonder you're fed up, Ms Fixture; I'm sorry about the fee too. What would help?"
)
"""A second full reply in other words (a reply used twice in a call angers the caller)."""
WAIT = "The refund takes forty-eight hours to reach you. Shall I email you when it lands?"
CHECKING = "Thanks for holding. I can see both payments on the 3rd."
WARM_RETURN = (
    "Thanks so much for holding, Ms Fixture, sorry that took a while; I know this has eaten "
    "your afternoon. Would a refund of the duplicate today help?"
)
NEW_GRIEVANCE = "Forty-eight hours? And nobody told me about the late fee either."


def verdict(ok: bool, evidence: str) -> StepVerdict:
    return StepVerdict(passed=ok, score=0.9 if ok else 0.1, evidence=[evidence])


def graded(
    passed: str,
    *,
    failed_on: dict[str, str] | None = None,
    flags: tuple[str, ...] = (),
    remedy: bool = False,
) -> Grade:
    """A grade passing the named steps; `failed_on` quotes the span a rule failed a step on."""
    ok = set(passed.split())
    spans = failed_on or {}
    return Grade(
        **{
            s: verdict(s in ok, spans.get(s, f"{s} evidence" if s in ok else f"no {s} found"))
            for s in STEPS
        },
        flags=list(flags),
        remedies_offered=["refund_duplicate"] if remedy else [],
    )


GRADES: dict[str, Grade] = {
    TEXTBOOK: graded("person job apology ask"),
    OFFER: graded("job ask", flags=("remedy_offered",), remedy=True),
    SORRY_BUT: graded(
        "",
        failed_on={
            "apology": "I'm sorry, but the payment system retried the direct debit.",
            "job": "the payment system retried the direct debit",
        },
        flags=("explaining_cause",),
    ),
    DEFENSIVE: graded(
        "",
        failed_on={"job": "Our billing system is very reliable"},
        flags=("defending", "arguing"),
    ),
    TEXTBOOK_AGAIN: graded("person job apology ask"),
    WAIT: graded("job ask"),
    CHECKING: graded("job"),
    WARM_RETURN: graded("person job apology ask", flags=("remedy_offered",), remedy=True),
    "May I put you on hold for a minute while I check?": graded("job ask"),
}


class StubGrader:
    """Grades each scripted reply as GRADES (and `more`) say; a fresh copy each time."""

    def __init__(self, more: dict[str, Grade] | None = None) -> None:
        self.grades = {**GRADES, **(more or {})}

    def grade(self, reply: str, context: GradeContext | None = None) -> Grade:
        return self.grades[reply].model_copy(deep=True)


@pytest.fixture
def caller(persona: Persona) -> Persona:
    """The fixture caller, who also takes a 48-hour wait as a new thing to be upset about.

    The trigger adds no anger, so a test can tell a new grievance from anger rising.
    """
    wait = Trigger.model_validate(
        {"phrase": "forty-eight hours", "anger": 0, "say": [NEW_GRIEVANCE]}
    )
    return persona.model_copy(update={"triggers": [*persona.triggers, wait]})


def play(
    persona: Persona, scenario: Scenario, *steps: str, grader: StubGrader | None = None
) -> Session:
    """Play replies and actions (`/hold`, `/back TEXT`) with the stub grader."""
    session = Session(persona, scenario, grader=grader or StubGrader(), seed=11)
    for step in steps:
        assert not session.ended, f"the call ended before {step!r}"
        if step.startswith("/hold"):
            session.hold(60, "checking the payments", text=step.removeprefix("/hold").strip())
        elif step.startswith("/back"):
            session.back(step.removeprefix("/back").strip())
        else:
            session.reply(step)
    return session


def verdicts(turn: Turn) -> dict[str, str]:
    assert turn.grade is not None
    return {s: turn.grade.step(s).verdict for s in STEPS}


def practised_steps(record: SessionRecord) -> set[str]:
    """The steps "practise next" names (by their practice.json wording)."""
    texts = practice_texts()["steps"]
    listed = session_report(record).practise
    return {s for s in STEPS if any(item.startswith(texts[s]) for item in listed)}


ALL_PASS = {"person": "pass", "job": "pass", "apology": "pass", "ask": "pass"}
QUIET = {"person": "not_due", "job": "pass", "apology": "not_due", "ask": "pass"}


# Whole calls -------------------------------------------------------------------------------


def test_textbook_call_scores_every_due_step_and_lists_nothing_to_practise(
    caller: Persona, scenario: Scenario
) -> None:
    session = play(caller, scenario, TEXTBOOK, OFFER)
    record = session.record
    assert session.outcome == "resolved"
    assert [verdicts(t) for t in record.turns] == [ALL_PASS, QUIET]
    assert record.summary.pass_rates == dict.fromkeys(STEPS, 1.0)
    assert step_rates(record.turns) == dict.fromkeys(STEPS, 1.0)
    report = session_report(record)
    assert report.overall == 1.0
    assert {r.step: r.not_due for r in report.steps} == {
        "person": [2],
        "job": [],
        "apology": [2],
        "ask": [],
    }
    assert practised_steps(record) == set()
    assert report.practise == [
        "Every step held whenever the call needed it: try a harder persona or exam mode next."
    ]


def test_sorry_but_late_in_the_call_still_fails_apology_on_that_turn(
    caller: Persona, scenario: Scenario
) -> None:
    session = play(caller, scenario, TEXTBOOK, SORRY_BUT)
    record = session.record
    late = record.turns[1]
    assert late.grade is not None
    assert verdicts(late) == {"person": "not_due", "job": "fail", "apology": "fail", "ask": "fail"}
    assert late.grade.apology.committed and late.grade.apology.due
    assert not late.grade.person.due
    assert record.summary.pass_rates["apology"] == 0.5
    assert record.summary.pass_rates["person"] == 1.0
    report = session_report(record)
    apology = next(r for r in report.steps if r.step == "apology")
    assert (apology.passed, apology.failed, apology.not_due) == ([1], [2], [])
    assert "apology" in practised_steps(record)
    assert "person" not in practised_steps(record)


def test_new_grievance_mid_call_makes_person_and_apology_due_again(
    caller: Persona, scenario: Scenario
) -> None:
    session = play(caller, scenario, TEXTBOOK, WAIT)
    _first, second = session.record.turns
    assert verdicts(second) == QUIET
    # The caller answers the wait with something new to be upset about. (They are angrier too,
    # since the refund they asked for is still not agreed; the grievance alone already makes
    # person and apology due, which the call's facts record.)
    assert NEW_GRIEVANCE in second.customer_next
    assert session._facts.new_grievance
    session.reply(OFFER)
    third = session.record.turns[2]
    assert verdicts(third) == {"person": "fail", "job": "pass", "apology": "fail", "ask": "pass"}
    record = session.record
    assert record.summary.pass_rates == {"person": 0.5, "job": 1.0, "apology": 0.5, "ask": 1.0}
    assert practised_steps(record) == {"person", "apology"}


def test_new_grievance_answered_in_full_keeps_the_call_at_100(
    caller: Persona, scenario: Scenario
) -> None:
    session = play(caller, scenario, TEXTBOOK, WAIT, TEXTBOOK_AGAIN)
    third = session.record.turns[2]
    assert verdicts(third) == ALL_PASS
    assert session.record.summary.pass_rates == dict.fromkeys(STEPS, 1.0)
    assert practised_steps(session.record) == set()


def test_anger_rising_makes_person_and_apology_due_again(
    caller: Persona, scenario: Scenario
) -> None:
    session = play(caller, scenario, TEXTBOOK, DEFENSIVE)
    first, second = session.record.turns
    assert second.mood.anger > first.mood.anger
    assert verdicts(second)["person"] == "not_due"
    session.reply(OFFER)
    assert verdicts(session.record.turns[2])["apology"] == "fail"
    assert "apology" in practised_steps(session.record)


def test_hold_and_back_makes_person_and_apology_due_on_the_return(
    caller: Persona, scenario: Scenario
) -> None:
    session = play(
        caller,
        scenario,
        TEXTBOOK,
        "/hold May I put you on hold for a minute while I check?",
        f"/back {CHECKING}",
    )
    record = session.record
    hold, back = record.turns[1], record.turns[2]
    assert hold.action == "hold" and back.action == "back"
    assert verdicts(back) == {"person": "fail", "job": "pass", "apology": "fail", "ask": "fail"}
    # Not done on the return, so still due on the next reply.
    if not session.ended:
        session.reply(OFFER)
        assert verdicts(record.turns[3])["apology"] == "fail"
    # The hold announcement is judged on etiquette, not counted in the pass rates.
    report = session_report(record)
    person = next(r for r in report.steps if r.step == "person")
    assert 2 not in person.passed + person.failed + person.not_due
    assert 3 in person.failed
    assert practised_steps(record) >= {"person", "apology"}


def test_a_warm_return_from_hold_keeps_the_call_at_100(caller: Persona, scenario: Scenario) -> None:
    session = play(
        caller,
        scenario,
        TEXTBOOK,
        "/hold May I put you on hold for a minute while I check?",
        f"/back {WARM_RETURN}",
    )
    back = session.record.turns[2]
    assert verdicts(back) == ALL_PASS
    assert session.record.summary.pass_rates == dict.fromkeys(STEPS, 1.0)
    assert practised_steps(session.record) == set()


def test_a_return_from_hold_without_words_leaves_the_next_reply_owing(
    caller: Persona, scenario: Scenario
) -> None:
    session = play(
        caller,
        scenario,
        TEXTBOOK,
        "/hold May I put you on hold for a minute while I check?",
        "/back",
        OFFER,
    )
    last = session.record.turns[-1]
    assert last.action == "reply"
    assert verdicts(last)["person"] == "fail" and verdicts(last)["apology"] == "fail"


def test_a_step_missed_at_the_opening_stays_due_until_done(
    caller: Persona, scenario: Scenario
) -> None:
    session = play(caller, scenario, WAIT, OFFER)
    first, second = session.record.turns
    assert verdicts(first)["apology"] == "fail"
    assert verdicts(second)["apology"] == "fail"


def test_rewind_forgets_what_the_rewound_reply_did_to_the_call(
    caller: Persona, scenario: Scenario
) -> None:
    session = play(caller, scenario, TEXTBOOK, DEFENSIVE)
    assert session.rewind()
    session.reply(OFFER)
    assert verdicts(session.record.turns[1]) == QUIET


def test_replaying_a_record_gives_the_same_verdicts(caller: Persona, scenario: Scenario) -> None:
    session = play(caller, scenario, TEXTBOOK, WAIT, OFFER)
    again = Session.replay(session.record, caller, scenario, StubGrader())
    assert [verdicts(t) for t in again.record.turns] == [verdicts(t) for t in session.record.turns]


def test_hint_names_only_a_step_the_reply_needed(caller: Persona, scenario: Scenario) -> None:
    session = play(caller, scenario, TEXTBOOK, WAIT)
    assert session.hint().startswith("Every step this reply needed passed")


# Stored calls: history, progress, cohort, drill -----------------------------------------------


def saved(store: Store, record: SessionRecord, trainee: str) -> str:
    record.trainee = trainee
    return store.save(record)


def test_progress_cohort_and_drill_count_only_due_turns(
    tmp_path: Path, caller: Persona, scenario: Scenario
) -> None:
    textbook = play(caller, scenario, TEXTBOOK, OFFER).record
    sorry_but = play(caller, scenario, TEXTBOOK, SORRY_BUT).record
    with Store.open(f"sqlite:///{tmp_path / 'due.db'}") as store:
        first = saved(store, textbook, "ana")
        saved(store, sorry_but, "ana")
        info = next(i for i in store.sessions("ana") if i.id == first)
        assert info.steps == dict.fromkeys(STEPS, 1.0)
        assert info.due == {"person": 1, "job": 2, "apology": 1, "ask": 2}
        result = progress(store, "ana")
        # person: due on the two openings, both passed (counting every reply: 2 of 4).
        assert result.steps["person"] == 1.0
        # apology: due on the two openings and on the committed sorry-but: 2 of 3.
        assert result.steps["apology"] == pytest.approx(2 / 3)
        assert result.steps["job"] == result.steps["ask"] == 0.75
        assert result.weakest == "apology"
        row = cohort(store)[0]
        assert row.steps == result.steps
        assert weakest_step(store, "ana") == "apology"


def test_drill_picks_the_step_missed_when_it_was_needed(
    tmp_path: Path, caller: Persona, scenario: Scenario
) -> None:
    # Person is left out of every later reply (not needed); ask is missed once when needed.
    record = play(caller, scenario, TEXTBOOK, WAIT, TEXTBOOK_AGAIN, CHECKING).record
    assert [verdicts(t)["person"] for t in record.turns] == ["pass", "not_due", "pass", "not_due"]
    assert record.summary.pass_rates["ask"] == 0.75
    with Store.open(f"sqlite:///{tmp_path / 'drill.db'}") as store:
        saved(store, record, "bo")
        assert weakest_step(store, "bo") == "ask"


def test_sessions_saved_before_due_load_and_count_as_before(
    tmp_path: Path, caller: Persona, scenario: Scenario
) -> None:
    record = play(caller, scenario, TEXTBOOK, OFFER).record
    # As a call saved by an older version: verdicts without `due`, stats without "due".
    old = SessionRecord.model_validate(
        {
            **record.model_dump(mode="json"),
            "turns": [
                {
                    **t.model_dump(mode="json"),
                    "grade": {
                        **t.model_dump(mode="json")["grade"],
                        **{
                            s: {
                                k: v
                                for k, v in t.model_dump(mode="json")["grade"][s].items()
                                if k not in {"due", "committed", "verdict"}
                            }
                            for s in STEPS
                        },
                    },
                }
                for t in record.turns
            ],
        }
    )
    assert all(t.grade is not None and t.grade.person.due for t in old.turns)
    with Store.open(f"sqlite:///{tmp_path / 'old.db'}") as store:
        session_id = saved(store, old, "cy")
        with OrmSession(store.engine) as db, db.begin():
            row = db.get(SessionRow, session_id)
            assert row is not None
            summary = dict(row.summary or {})
            stats = dict(summary["stats"])
            stats.pop("due")
            summary["stats"] = stats
            row.summary = summary
        info = store.sessions("cy")[0]
        # Every reply counts, as before: person and apology passed 1 of 2.
        assert info.steps == {"person": 0.5, "job": 1.0, "apology": 0.5, "ask": 1.0}
        assert info.due_on("person") == 2
        loaded = store.load(session_id)
        assert session_report(loaded).steps[0].rate == 0.5
        assert progress(store, "cy").steps["apology"] == 0.5


def test_a_reply_not_in_english_counts_on_no_step_and_owes_what_was_due(
    caller: Persona, scenario: Scenario
) -> None:
    spanish = "Lo siento mucho, señora. ¿Qué puedo hacer?"
    grader = StubGrader({spanish: graded("", flags=("language",))})
    session = play(caller, scenario, spanish, grader=grader)
    first = session.record.turns[0]
    assert verdicts(first) == dict.fromkeys(STEPS, "not_due")
    assert session.record.summary.pass_rates == dict.fromkeys(STEPS)
    assert practised_steps(session.record) == set()
    # The opening still needs person and apology: the next (English) reply owes them.
    session.reply(OFFER)
    assert verdicts(session.record.turns[1])["apology"] == "fail"
