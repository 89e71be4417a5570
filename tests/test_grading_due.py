"""The due rule (trainer/grading/due.py): which steps a call needs, and applying it to a grade."""

from __future__ import annotations

import pytest

from trainer.grading.due import (
    ALL_DUE,
    LANGUAGE_FLAG,
    CallFacts,
    apply_due,
    committed,
    due_steps,
    still_owed,
)
from trainer.models.grade import STEPS, Grade, Step, StepVerdict

MID_CALL = CallFacts(opening=False, want_known=True)
"""A quiet turn mid-call: nothing new has hurt the customer, the fix is not agreed yet."""


def make(
    passed: str = "",
    *,
    evidence: dict[str, list[str]] | None = None,
    flags: tuple[str, ...] = (),
    committed_steps: str = "",
) -> Grade:
    ok = set(passed.split())
    said = evidence or {}
    return Grade(
        **{
            s: StepVerdict(
                passed=s in ok,
                committed=s in committed_steps.split(),
                score=0.9 if s in ok else 0.1,
                evidence=said.get(s, [f"no {s} found"]),
            )
            for s in STEPS
        },
        flags=list(flags),
    )


def test_every_step_is_due_at_the_opening() -> None:
    assert due_steps(CallFacts()) == ALL_DUE == frozenset(STEPS)


def test_a_quiet_turn_mid_call_needs_only_job_and_ask() -> None:
    assert due_steps(MID_CALL) == {"job", "ask"}


@pytest.mark.parametrize(
    "fact", ["new_grievance", "anger_rose", "after_hold"], ids=lambda f: f.replace("_", " ")
)
def test_person_and_apology_are_due_again_after(fact: str) -> None:
    facts = CallFacts(opening=False, want_known=True, **{fact: True})  # type: ignore[arg-type]
    assert due_steps(facts) == ALL_DUE


def test_a_step_owed_from_earlier_stays_due_until_done() -> None:
    assert due_steps(CallFacts(opening=False, owed=frozenset({"apology"}))) == {
        "job",
        "apology",
        "ask",
    }


def test_ask_is_due_until_the_want_is_known_and_agreed() -> None:
    unknown = CallFacts(opening=False)
    known = CallFacts(opening=False, want_known=True)
    agreed = CallFacts(opening=False, want_known=True, want_agreed=True)
    assert "ask" in due_steps(unknown)
    assert "ask" in due_steps(known)
    assert due_steps(agreed) == {"job"}


def test_job_is_always_due() -> None:
    quietest = CallFacts(opening=False, want_known=True, want_agreed=True)
    assert "job" in due_steps(quietest)


def test_still_owed_keeps_the_personal_steps_not_done() -> None:
    grade = make("person job")
    assert still_owed(ALL_DUE, grade) == {"apology"}
    assert still_owed({"job", "ask"}, grade) == frozenset()  # only what was needed is owed
    assert still_owed(ALL_DUE, make("person job apology ask")) == frozenset()


def test_a_step_left_out_where_the_call_did_not_need_it_is_not_due() -> None:
    reply = "I've refunded it; it will be back by Friday. Anything else I can sort?"
    graded = apply_due(make("job ask"), due_steps(MID_CALL), reply)
    verdicts = {s: graded.step(s).verdict for s in STEPS}
    assert verdicts == {"person": "not_due", "job": "pass", "apology": "not_due", "ask": "pass"}
    assert not graded.person.due and not graded.person.committed
    assert graded.person.passed is False  # `passed` keeps its old meaning


def test_sorry_but_is_a_committed_failure_and_counts_when_not_due() -> None:
    reply = "I'm sorry, but the system retried the payment. I'll refund it now."
    grade = make(
        "ask",
        evidence={
            "apology": ["I'm sorry, but the system retried the payment."],
            "job": ["the system retried the payment"],
        },
    )
    graded = apply_due(grade, due_steps(MID_CALL), reply)
    assert graded.apology.verdict == "fail"
    assert graded.apology.due and graded.apology.committed
    assert graded.person.verdict == "not_due"


def test_evidence_is_matched_on_the_cleaned_reply() -> None:
    # Curly quotes, doubled spaces and case do not hide a quoted span.
    reply = "I\u2019m  sorry,\tbut THAT'S our policy."
    grade = make(evidence={"apology": ["I'm sorry, but that's our policy."]})
    assert committed(grade, "apology", reply)


def test_a_note_of_what_was_missing_is_not_a_committed_failure() -> None:
    reply = "I've refunded it."
    grade = make(
        "job",
        evidence={
            "person": ["no acknowledgement of how they feel or what it cost them"],
            "apology": ['not enough: "sorry"'],
        },
    )
    assert not committed(grade, "person", reply)
    assert not committed(grade, "apology", reply)


def test_a_long_quote_cut_with_an_ellipsis_still_counts() -> None:
    sentence = "I'm sorry, but " + "the courier network had a very bad week " * 6 + "again."
    grade = make(evidence={"apology": [sentence[:197].rstrip() + "..."]})
    assert committed(grade, "apology", sentence)


@pytest.mark.parametrize(
    ("flag", "step"),
    [("calm_down", "person"), ("sarcasm", "apology"), ("rhetorical", "ask")],
)
def test_flags_that_name_a_failure_make_it_committed(flag: str, step: Step) -> None:
    grade = make(flags=(flag,))
    assert committed(grade, step, "anything")
    graded = apply_due(grade, {"job"}, "anything")
    assert graded.step(step).verdict == "fail"


def test_a_data_question_is_not_a_committed_ask_failure() -> None:
    reply = "Could I take your account number so I can send the confirmation?"
    grade = make("job", evidence={"ask": [reply]}, flags=("data_only",))
    assert not committed(grade, "ask", reply)
    assert apply_due(grade, {"job"}, reply).ask.verdict == "not_due"


def test_the_graders_own_committed_is_honoured() -> None:
    grade = make("job", committed_steps="person")
    graded = apply_due(grade, {"job"}, "whatever was said")
    assert graded.person.verdict == "fail" and graded.person.committed


def test_a_pass_is_never_committed() -> None:
    grade = make("person job apology ask", flags=("sarcasm",))
    assert not any(committed(grade, s, "x") for s in STEPS)


def test_a_step_the_grader_ruled_out_stays_out() -> None:
    grade = make("job")
    grade.person.due = False
    graded = apply_due(grade, ALL_DUE, "fine")
    assert graded.person.verdict == "not_due"
    assert graded.apology.verdict == "fail"


def test_a_reply_not_in_english_counts_on_no_step() -> None:
    reply = "Lo siento mucho, señora. ¿Qué puedo hacer?"
    grade = make(evidence={"apology": [reply]}, flags=(LANGUAGE_FLAG, "sarcasm"))
    graded = apply_due(grade, ALL_DUE, reply)
    assert all(graded.step(s).verdict == "not_due" for s in STEPS)
    assert not any(graded.step(s).committed for s in STEPS)


def test_apply_due_leaves_the_graders_grade_alone() -> None:
    grade = make("job")
    apply_due(grade, {"job"}, "x")
    assert grade.person.due and grade.person.verdict == "fail"


def test_old_verdicts_without_due_load_as_due() -> None:
    old = {"passed": False, "score": 0.2, "evidence": [], "advice": ""}
    verdict = StepVerdict.model_validate(old)
    assert verdict.due and verdict.verdict == "fail"
    dumped = verdict.model_dump()
    assert dumped["due"] is True and dumped["verdict"] == "fail"
    assert StepVerdict.model_validate(dumped) == verdict
