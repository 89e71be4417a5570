"""Replies a code review of the rated-set rules found misjudged (issue 11), judged as the
labelling guide says. Each case names the step and the verdict the guide gives."""

from __future__ import annotations

import pytest

from trainer.grading import Grader
from trainer.models.grade import Step

GOOD_JOB = [
    "Your order has been refunded in full, I'm so sorry.",
    "Your booking has been moved to Saturday.",
    "I'll put a note on so the driver rings you first next time.",
    "Our team will follow up with you first thing tomorrow.",
    "I'll book a fully qualified electrician for Thursday.",
    "It was supposed to be your honeymoon, and we ruined it. I'm so sorry.",
    "I know you're under a lot of pressure with the move.",
    "These things can be really stressful.",
    "I know you are busy, so I'll keep this short.",
    "can u tell me what happens when u turn it on",
    "Your call back is booked for 6pm.",
    "I'll book it online for you now.",
    "I'll raise it with the landlord directly.",
    "Your refund is definitely on its way.",
    "I've updated your address, so that's all correct now.",
    "Do you still have access to your old email?",
    "I think I know what's gone wrong, I'll fix it.",
    "Would you rather I send a replacement without waiting for the return?",
    "Did you change anything in the settings before it stopped?",
    "You're on the wrong tariff, we should have moved you.",
]

BAD_JOB = [
    "Our system was being upgraded that week, so can I offer you a £10 credit?",
    "I know you said it was urgent, but the engineers are all busy because of the storm.",
    "Refunds are processed within 10 working days, that's just how it's done.",
    "Stop worrying about it, it's going to collections if you don't pay.",
]


@pytest.mark.parametrize("reply", GOOD_JOB)
def test_good_replies_keep_job(lexical: Grader, reply: str) -> None:
    grade = lexical.grade(reply)
    assert grade.job.passed, grade.job.evidence


@pytest.mark.parametrize("reply", BAD_JOB)
def test_bad_replies_fail_job(lexical: Grader, reply: str) -> None:
    assert not lexical.grade(reply).job.passed


@pytest.mark.parametrize(
    ("reply", "step", "passed"),
    [
        ("I've taken your details down. Is there anything else?", "ask", False),
        ("I'm not refunding that. Anything else?", "ask", False),
        ("Tell me your postcode and I'll pull up the account.", "ask", False),
        ("Would you rather I send a replacement without waiting for the return?", "ask", True),
        ("That's a daft thing to say.", "person", False),
        ("Is your boiler ok now?", "person", False),
        ("Your refund should have been processed last week.", "person", False),
    ],
)
def test_other_steps(lexical: Grader, reply: str, step: Step, passed: bool) -> None:
    assert lexical.grade(reply).step(step).passed is passed
