"""Detector patterns added after the train/dev error analysis: each with positive and negative cases.

The examples are written for these tests (not taken from the corpus), so they check the pattern
family rather than one memorised phrasing.
"""

from __future__ import annotations

import pytest

from trainer.grading import apology, ask, job, person
from trainer.grading.findings import Finding, StepEvidence
from trainer.grading.grader import VETO_STEPS, Grader
from trainer.grading.lexical import analyse
from trainer.grading.text import clean, fix_swaps
from trainer.models.grade import GradeContext


def job_kinds(reply: str) -> set[str]:
    return {f.kind for f in job.detect(clean(reply)).negatives}


# -- job: failures phrased without the old markers ---------------------------------------------


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        ("That isn't quite what happened, I'm afraid.", "arguing"),
        ("I don't think that's accurate. Let me look.", "arguing"),
        ("To be fair, the app does warn you.", "arguing"),
        ("Still, you booked the cheapest fare.", "blaming_customer"),
        ("But you switched the router off, so that's not really on us.", "blaming_customer"),
        ("You chose the basic plan, didn't you?", "blaming_customer"),
        ("Sorry, it looks like you typed the old address.", "blaming_customer"),
        ("You put the deposit on the wrong card.", "blaming_customer"),
        ("The depot dropped the ball on this one.", "blaming_colleague"),
        ("Honestly, it's them, not us.", "blaming_colleague"),
        ("A label error, so the box went to Leeds.", "explaining_cause"),
        ("The courier firm has a huge backlog this month.", "explaining_cause"),
        ("We're all stretched at the moment.", "explaining_cause"),
        ("Three different teams are involved in a claim like this.", "explaining_cause"),
        ("Returns are handled separately by the manufacturer.", "explaining_cause"),
        ("Well, the reminder went out by post.", "explaining_cause"),
        ("That's what held it up.", "explaining_cause"),
        ("Our installers know what they're doing.", "defending_company"),
        ("We have really high standards.", "defending_company"),
        ("We're one of the most trusted names around.", "defending_company"),
        ("We're not perfect.", "defending_company"),
        ("Keep this up and see where it gets you.", "counter_threat"),
        ("Alright then, I'll cancel it.", "gives_up"),
        ("Fine, if that's what you want.", "gives_up"),
        ("Give it a few days and ring again.", "call_us_back"),
        ("That's not something we can offer today.", "policy_wall"),
        ("A transfer needs written consent from both holders.", "policy_wall"),
    ],
)
def test_new_job_failures(reply: str, kind: str) -> None:
    assert kind in job_kinds(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # Empathy, not a contradiction or blame.
        "That really isn't fair on you.",
        "But you shouldn't have had to chase this.",
        "You were sent the wrong size, I can see that.",
        # The reason for ending a call after a threat is not an excuse.
        "I'm ending this call now because of that threat.",
        # ", so I understand" is empathy, not a cause.
        "You've waited in all day, so I completely understand.",
        # A relative clause, not a cause: "the upgrade you were promised".
        "I've got the upgrade you were promised on screen.",
        # The agent offering to ring back is good craft.
        "Shall I send the details and ring back in an hour?",
        # A rule with an open door is not a wall.
        "I'm not able to do that, but I can refund the fee now.",
        "Let's get this fixed today.",
    ],
)
def test_new_job_patterns_leave_these_alone(reply: str) -> None:
    assert job.detect(clean(reply)).passed, job_kinds(reply)


def test_sarcasm_alone_keeps_the_job_but_fails_apology_and_person() -> None:
    lx = analyse("Well I'm SO sorry. Anything else?")
    assert lx.steps["job"].passed
    assert not lx.steps["apology"].passed and not lx.steps["person"].passed


def test_rhetorical_blame_questions() -> None:
    assert ask.is_rhetorical("And how is that my fault?")
    assert ask.is_rhetorical("I'll just fly over and fix it myself, shall I?")
    assert not ask.is_rhetorical("Shall I fix it now?")


# -- person -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        "Being billed twice isn't right.",
        "That's a lot to be juggling... a lot to deal with, honestly.",
        "A flooded kitchen would upset anyone.",
        "I don't blame you one bit.",
        "This holiday clearly means a lot to you.",
        "It feels like nobody is listening, I know.",
        "That must have felt endless.",
        "That's thrown your whole week out.",
        "No wonder you hate it.",
        "You've had enough, and I get that.",
        "Her party was ruined.",
        "Forty pounds out of your own pocket.",
        "You can't even sleep with that noise.",
        "I understand why you want a manager.",
    ],
)
def test_new_acknowledgements_pass_person(reply: str) -> None:
    ev = person.detect(clean(reply))
    assert ev.passed, ev


@pytest.mark.parametrize(
    "reply",
    [
        "I'm sorry you're upset.",
        "Sorry you feel so let down.",
        "I can take the two weeks off your bill.",
        "I don't think that's fair.",
        "It's harder than it looks.",
    ],
)
def test_not_acknowledgements(reply: str) -> None:
    assert not person.detect(clean(reply)).passed


def test_sorry_then_feeling_word_still_acknowledges() -> None:
    assert person.detect(clean("im so sorry thats awful")).passed


# -- apology ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        "I'm so sorry about the order that was paid for but never sent.",
        "I'm sorry about the heating still failing after two visits.",
        "I'm sorry about the refund you were promised.",
    ],
)
def test_but_or_still_inside_the_problem_does_not_cancel(reply: str) -> None:
    assert apology.detect(clean(reply)).passed


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        ("Sorry, but the rules changed.", "sorry_but"),
        ("Sorry it's late but the van broke down.", "sorry_but"),
        ("Oh, so very sorry.", "sarcastic"),
    ],
)
def test_apology_cancellations(reply: str, kind: str) -> None:
    ev = apology.detect(clean(reply))
    assert not ev.passed and kind in {f.kind for f in ev.negatives}


def test_sorry_what_is_filler() -> None:
    ev = apology.detect(clean("Sorry, what?"))
    assert not ev.positives and not ev.passed


# -- ask --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        "Is it OK if I cancel the order and refund you today?",
        "Can I get an engineer to you tomorrow morning?",
        "Shall I take the charge off now?",
        "Would an evening slot be easier?",
        "Would a voucher be any use?",
        "Replacement by Friday?",
        "I'll credit the fee, OK with that?",
        "Before anything else, what do you need from me?",
        "Is there any part of the order still missing?",
    ],
)
def test_remedy_questions_pass_ask(reply: str) -> None:
    assert ask.detect(clean(reply)).passed


@pytest.mark.parametrize(
    "reply",
    [
        "What?",
        "Can I take your postcode?",
        "Can I get the account number?",
        "What's your patient number?",
        "Before you go, can I tell you about our broadband bundles?",
        "Is it OK if I take your date of birth?",
        "Refunds are handled by head office.",
    ],
)
def test_non_asks(reply: str) -> None:
    assert not ask.detect(clean(reply)).passed


# -- text and the combination rule -------------------------------------------------------------


def test_real_words_are_not_rewritten_as_swaps() -> None:
    assert fix_swaps("three routers") == "three routers"
    assert fix_swaps("ntohing") == "nothing"


def test_rule_failure_vetoes_the_head() -> None:
    import numpy as np

    from trainer.grading.heads import Heads

    d = 1
    grader = Grader()
    grader.heads = Heads(  # a head that passes everything above 0.5
        weights=np.zeros((4, d)),
        bias=np.zeros(4),
        mean=np.zeros(d),
        scale=np.ones(d),
        platt_a=np.ones(4),
        platt_b=np.zeros(4),
    )
    lx = analyse("That's awful. I'm sorry, but you should have read the terms. What can I do?")
    grade = grader._assemble(lx, GradeContext(), [0.99, 0.99, 0.99, 0.99])  # type: ignore[arg-type]
    assert not grade.job.passed and not grade.apology.passed and not grade.person.passed
    assert grade.ask.passed
    assert grade.job.score < 0.5
    assert {"person", "job", "apology"} == VETO_STEPS


def test_veto_needs_a_named_failure() -> None:
    ev = StepEvidence(False, [], [], "no apology found")
    assert not ev.negatives  # nothing found: the head, not the rule, decides
    f = Finding("sorry_but", clean("x").sentences[0], clean("x").sentences[0])
    assert StepEvidence(False, [], [f]).negatives
