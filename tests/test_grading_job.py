"""Step `job`, by kind: near misses that keep the step, and how other steps' findings reach it.

The examples of each job failure kind live with the kind (`trainer/grading/kinds/`) and run in
test_grading_kinds.py; here every near miss of a job kind must keep the whole step.
"""

from __future__ import annotations

import pytest

from trainer.grading import job, registry
from trainer.grading.kind import SUPPORT
from trainer.grading.lexical import analyse
from trainer.grading.text import clean

NEAR_MISSES = [
    reply
    for k in registry.KINDS.values()
    if k.step == "job" and k.severity != SUPPORT
    for reply in k.near_misses
    if isinstance(reply, str)
]
PLAIN = [
    "Let's get this fixed today.",
    "I'm looking at the account now.",
    "Please hold.",
    "Which item is missing?",
]


def job_kinds(reply: str) -> set[str]:
    return {f.kind for f in job.detect(clean(reply)).negatives}


@pytest.mark.parametrize("reply", NEAR_MISSES + PLAIN)
def test_near_misses_keep_job_in_the_job_detector(reply: str) -> None:
    assert job.detect(clean(reply)).passed, job_kinds(reply)


@pytest.mark.parametrize("reply", NEAR_MISSES + PLAIN)
def test_near_misses_keep_job_in_the_whole_analysis(reply: str) -> None:
    lx = analyse(reply)
    assert lx.steps["job"].passed, [(f.kind, f.span.text) for f in lx.steps["job"].negatives]


# -- blaming_customer, explaining_cause ------------------------------------------------------


def test_blame_in_the_agents_own_voice_still_fails() -> None:
    assert "blaming_customer" in job_kinds("Honestly, it's your fault for not checking.")
    assert "explaining_cause" in job_kinds("It was late because of the snow.")


# -- excuse_after_sorry ----------------------------------------------------------------------


def test_an_excuse_after_sorry_raises_the_explaining_cause_flag() -> None:
    lx = analyse("Sorry, but the system does that sometimes.")
    assert not lx.steps["job"].passed
    assert "explaining_cause" in lx.flags


# -- mirroring, taking_it_personally, sarcasm (person failures and the job) ---------------------


def test_pet_name_said_back_fails_person_but_not_job() -> None:
    lx = analyse("Sure thing, darling, what's the order number?")
    assert not lx.steps["person"].passed
    assert lx.steps["job"].passed


def test_taking_it_personally_fails_person_only_but_insults_fail_job() -> None:
    offended = analyse("Please don't call me love.")
    assert not offended.steps["person"].passed
    assert offended.steps["job"].passed
    insult = analyse("You're being ridiculous.")
    assert not insult.steps["person"].passed
    assert not insult.steps["job"].passed


def test_sarcasm_alone_keeps_the_job_but_fails_apology_and_person() -> None:
    lx = analyse("Well I'm SO sorry. Anything else?")
    assert lx.steps["job"].passed
    assert not lx.steps["apology"].passed and not lx.steps["person"].passed
