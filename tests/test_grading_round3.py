"""Patterns added after the train/test/adversarial-fit error analysis (round 3), the scan's
literal gates (a chunked prefilter until round 6), the stacked combination and the adversarial
group split.

Examples are written for these tests (not copied from the data), one failing and one passing
case per pattern family.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from trainer.grading import ask, job, person
from trainer.grading.findings import Table, scan, table
from trainer.grading.heads import Heads, combine
from trainer.grading.text import clean
from trainer.grading.train import adversarial_split


def job_kinds(reply: str) -> set[str]:
    return {f.kind for f in job.detect(clean(reply)).negatives}


def person_passes(reply: str) -> bool:
    return person.detect(clean(reply)).passed


def ask_passes(reply: str) -> bool:
    return ask.detect(clean(reply)).passed


# -- job ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        ("The thing is, the warehouse was short that week.", "explaining_cause"),
        ("The problem was that our scanner stopped working.", "explaining_cause"),
        ("This has never happened to anyone before.", "defending_company"),
        ("Our checks are very thorough.", "defending_company"),
        ("We've won awards for this service.", "defending_company"),
        ("The other banks are no better, honestly.", "defending_company"),
        ("Speak to the installers, it's their mistake.", "blaming_colleague"),
        ("You've got it all wrong.", "arguing"),
        ("I'm not convinced that's accurate.", "arguing"),
        ("With respect, madam, you were not at home.", "arguing"),
        ("Carry on, we'll see who is right.", "counter_threat"),
        ("Arrival times are estimates, not guarantees.", "policy_wall"),
        ("That's just how direct debits work.", "policy_wall"),
        ("There's no way around that.", "policy_wall"),
        ("The refund isn't mine, I can't touch it.", "not_my_department"),
        ("Have you heard about our new family plan?", "upsell"),
        ("Did you know we also sell extended cover?", "upsell"),
    ],
)
def test_round3_job_failures(reply: str, kind: str) -> None:
    assert kind in job_kinds(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "The thing is, I want this fixed for you today.",
        "That's never acceptable, and I'll put it right.",
        "Our engineer will ring you first.",
        "I'm not sure that's everything, is there more?",
        "Let me see how quickly this can work.",
        "I'll go through the whole order with you.",
        # Reported blame, said in sympathy, is not the agent blaming them.
        "Being told it was your fault must have stung.",
        "They told you it's your mistake? I'm sorry.",
        # Ownership, not an excuse.
        "You've lost a day's pay because of us.",
    ],
)
def test_round3_job_patterns_leave_these_alone(reply: str) -> None:
    assert job.detect(clean(reply)).passed, job_kinds(reply)


def test_blame_in_the_agents_own_voice_still_fails() -> None:
    assert "blaming_customer" in job_kinds("Honestly, it's your fault for not checking.")
    assert "explaining_cause" in job_kinds("It was late because of the snow.")


# -- person -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        "A cancelled trip, yeah, that's bad.",
        "Two lost weekends, that's a lot.",
        "Being ignored like that would wind anyone up.",
        "How humiliating for you.",
        "You've had to chase us four times.",
        "This delay is costing you every day.",
        "That's real money for a small shop.",
    ],
)
def test_round3_acknowledgements_pass_person(reply: str) -> None:
    assert person_passes(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "That's not bad news: the part is in stock.",
        "That's a lot of forms, I'll fill them in.",
        "The engine cost is listed on the invoice.",
        "How would you like to pay?",
    ],
)
def test_round3_person_patterns_leave_these_alone(reply: str) -> None:
    assert not person_passes(reply)


# -- ask ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        "want me to waive the fee now",
        "Would a same-day courier help?",
        "Would Thursday at nine suit you?",
        "I can ask my manager to step in. Shall I?",
        "Do you need a replacement before the weekend?",
        "I'm here, what's gone wrong with the boiler?",
        "Could you describe the noise it makes?",
    ],
)
def test_round3_questions_pass_ask(reply: str) -> None:
    assert ask_passes(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Could I have the member ID?",
        "May I take the order number?",
        "I've noted that. Can I help with something else?",
        "Would you work with me here?",
        "i'll take the late fee off now",
        "Shall I put you on hold?",
    ],
)
def test_round3_non_asks(reply: str) -> None:
    assert not ask_passes(reply)


def test_what_do_you_want_me_to_say_is_rhetorical() -> None:
    assert ask.is_rhetorical("Well, what do you want me to say?")
    assert not ask.is_rhetorical("What would you like me to say to the manager for you?")


# -- the scan's literal gates -----------------------------------------------------------------


def test_gates_change_no_finding() -> None:
    patterns = {
        "a": [r"\bfoo\b", r"bar(?=baz)", r"\bqux \w+"],
        "b": [r"(?<=x)yz", r"\bnope\b", r"lonely"],
    }
    fast = table(patterns)
    assert isinstance(fast, Table) and fast.gates[0] == {"foo"}
    slow = list(fast)  # a plain list: no literal gates
    for text in ("foo barbaz qux one xyz", "nothing here", "lonely bar", ""):
        c = clean(text)
        assert scan(c, fast) == scan(c, slow)


def test_gates_skip_patterns_whose_literal_is_absent() -> None:
    calls: list[str] = []

    class Spy:
        def __init__(self, pattern: str) -> None:
            self.inner = re.compile(pattern)
            self.pattern = pattern
            self.flags = self.inner.flags

        def finditer(self, text: str):  # type: ignore[no-untyped-def]
            calls.append(self.pattern)
            return self.inner.finditer(text)

    t = Table([("k", Spy("alpha")), ("k", Spy("beta"))])  # type: ignore[list-item]
    assert scan(clean("gamma"), t) == [] and calls == []
    assert [f.span.text for f in scan(clean("beta"), t)] == ["beta"] and calls == ["beta"]


# -- stacked combination and the data split -----------------------------------------------------


def test_stacked_combination_uses_both_inputs() -> None:
    w = np.tile([2.0, 1.0], (4, 1))
    b = np.full(4, -1.0)
    rules = np.array([[1, 1, 0, 0]], dtype=float)
    head = np.full((1, 4), 0.5)  # logit 0
    p = combine(rules, head, w, b)
    assert p[0, 0] > 0.5 and p[0, 2] < 0.5  # rule decides when the head is unsure
    sure = combine(np.zeros((1, 4)), np.full((1, 4), 0.99), w, b)
    assert sure[0, 0] > 0.5  # a confident head overrules a missing rule
    assert Heads(
        *(np.zeros((4, 1)),) * 2, np.zeros(1), np.ones(1), np.ones(4), np.zeros(4)
    ).combine(rules, head).shape == (1, 4)


def test_adversarial_split_is_by_line_and_fixed() -> None:
    rows = [{"line": f"L{i % 10}", "id": str(i)} for i in range(50)]
    fit, val = adversarial_split(rows, 1234)
    assert {r["line"] for r in fit}.isdisjoint({r["line"] for r in val})
    assert len({r["line"] for r in val}) == 2 and len(fit) + len(val) == 50
    assert adversarial_split(rows, 1234) == (fit, val)
