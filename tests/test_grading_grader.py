"""The Grader: both modes (trained heads + model, and lexical-only), evidence, determinism."""

from __future__ import annotations

import re

import numpy as np
import pytest

from trainer.grading import Grader, get_grader
from trainer.grading.lexical import analyse
from trainer.grading.rewrite import rewrite
from trainer.models.grade import FLAGS, STEPS, Grade, GradeContext
from trainer.models.scenario import Scenario

CTX = GradeContext(customer_name="Ms Ortiz", customer="You people charged me twice!")

GOOD = (
    "Being charged twice is awful, Ms Ortiz, no wonder you're fed up. I'm so sorry. "
    "Would it help if I refund the second payment today?"
)
BAD = "I'm sorry, but our billing system was upgraded last month. What's your account number?"


@pytest.fixture(scope="session")
def full() -> Grader:
    """The trained grader, loaded once for the whole session (slow: loads MiniLM)."""
    grader = Grader.load()
    if grader.lexical_only:
        pytest.skip(f"trained heads or model unavailable: {grader.why_lexical}")
    return grader


@pytest.fixture(scope="session")
def lexical() -> Grader:
    return Grader.load(lexical_only=True)


def _check_shape(grade: Grade) -> None:
    for step in STEPS:
        v = grade.step(step)
        assert 0.0 <= v.score <= 1.0
        assert v.evidence, step
        assert v.advice, step
    assert set(grade.flags) <= set(FLAGS)
    assert grade.suggested


@pytest.mark.slow
def test_full_grader_passes_a_good_reply(full: Grader) -> None:
    g = full.grade(GOOD, CTX)
    _check_shape(g)
    assert g.passed_steps == 4
    assert "name_used" in g.flags


@pytest.mark.slow
def test_full_grader_fails_sorry_but_and_quotes_it(full: Grader) -> None:
    g = full.grade(BAD, CTX)
    _check_shape(g)
    assert not g.apology.passed and not g.job.passed and not g.ask.passed
    assert any("but our billing system" in e for e in g.apology.evidence)
    assert "but" in g.apology.advice.lower()
    assert any("account number" in e for e in g.ask.evidence)


@pytest.mark.slow
def test_grade_is_deterministic_and_batch_matches_single(full: Grader) -> None:
    replies = [GOOD, BAD, "Please hold.", "sorry feelings sorry help?"]
    batch = full.grade_many(replies, [CTX] * len(replies))
    again = full.grade_many(replies, [CTX] * len(replies))
    assert [g.model_dump() for g in batch] == [g.model_dump() for g in again]
    single = [full.grade(r, CTX) for r in replies]
    for a, b in zip(batch, single, strict=True):
        for step in STEPS:
            assert a.step(step).passed == b.step(step).passed
            assert a.step(step).score == pytest.approx(b.step(step).score, abs=1e-3)


@pytest.mark.slow
def test_keyword_stuffing_fails_with_the_model(full: Grader) -> None:
    g = full.grade("sorry feelings sorry help?", CTX)
    assert (g.person.passed, g.job.passed, g.apology.passed, g.ask.passed) == (
        False,
        True,
        False,
        False,
    )


@pytest.mark.slow
def test_shared_grader_is_loaded_once(full: Grader) -> None:
    assert get_grader() is get_grader()


def test_lexical_only_mode(lexical: Grader) -> None:
    assert lexical.lexical_only
    good = lexical.grade(GOOD, CTX)
    bad = lexical.grade(BAD, CTX)
    _check_shape(good)
    _check_shape(bad)
    assert good.passed_steps == 4
    assert bad.passed_steps == 0
    assert "explaining_cause" in bad.flags and "data_only" in bad.flags


def test_verdict_and_score_agree(lexical: Grader) -> None:
    for reply in (GOOD, BAD, "", "Sorry."):
        g = lexical.grade(reply, CTX)
        for step in STEPS:
            v = g.step(step)
            assert v.passed == (v.score >= 0.5)


def test_evidence_quotes_the_reply(lexical: Grader) -> None:
    g = lexical.grade(BAD, CTX)
    for step in ("job", "apology", "ask"):
        assert any(e in BAD for e in g.step(step).evidence), step


def test_missing_steps_say_what_was_missing(lexical: Grader) -> None:
    g = lexical.grade("Ms Ortiz, I have your account open.", CTX)
    assert g.apology.evidence == ["no apology found"]
    assert "name alone" in g.person.evidence[0]
    assert "name" in g.person.advice


def test_empty_reply(lexical: Grader) -> None:
    g = lexical.grade("   ", CTX)
    assert g.flags == ["empty"]
    assert g.passed_steps == 0
    assert g.suggested


def test_hold_etiquette_flags(lexical: Grader) -> None:
    g = lexical.grade("Could I put you on hold for two minutes while I pull up your file?", CTX)
    assert {"hold_asked_permission", "hold_gave_reason", "hold_gave_estimate"} <= set(g.flags)
    g = lexical.grade("Please hold.", CTX)
    assert {"hold_no_permission", "hold_no_reason", "hold_no_estimate"} <= set(g.flags)
    assert not any(f.startswith("hold_") for f in lexical.grade(GOOD, CTX).flags)


def test_craft_flags(lexical: Grader) -> None:
    assert "shouting" in lexical.grade("WHAT DO YOU WANT FROM ME!!", CTX).flags
    assert "profanity" in lexical.grade("This is a bloody mess, sorry.", CTX).flags
    assert "calm_down" in lexical.grade("Calm down, madam.", CTX).flags
    ctx = GradeContext(customer_name="Ms Ortiz", previous_replies=[GOOD])
    assert "repeated_reply" in lexical.grade(GOOD, ctx).flags
    assert "repeated_reply" not in lexical.grade(BAD, ctx).flags


def _scenario() -> Scenario:
    return Scenario.model_validate(
        {
            "id": "double-billed",
            "title": "Charged twice",
            "category": "billing",
            "difficulty": 2,
            "default_persona": "someone",
            "brief": {
                "company": "Acme",
                "product": "broadband",
                "summary": "Charged twice in March.",
            },
            "problem": "A payment ran twice.",
            "issue": "the double charge on your March bill",
            "customer_wants": "the money back",
            "remedies": [
                {
                    "id": "refund_fee",
                    "label": "Refund the duplicate payment",
                    "keywords": ["refund"],
                    "limit": 50,
                }
            ],
            "forbidden": [
                {"label": "Waive the whole year", "keywords": ["free for a year", "waive the year"]}
            ],
            "opening": ["You charged me twice!"],
        }
    )


def test_remedies_and_forbidden_promises(lexical: Grader) -> None:
    ctx = GradeContext(customer_name="Ms Ortiz", scenario=_scenario())
    g = lexical.grade("Shall I refund the £42 now?", ctx)
    assert "remedy_offered" in g.flags and g.remedies_offered == ["refund_fee"]
    g = lexical.grade("I'll refund you £500 and make it free for a year.", ctx)
    assert "forbidden_remedy" in g.flags and len(g.forbidden_promised) == 2
    g = lexical.grade("I can't make it free for a year, sorry.", ctx)
    assert "forbidden_remedy" not in g.flags


def test_suggested_rewrite_uses_context_and_passes(lexical: Grader) -> None:
    ctx = GradeContext(customer_name="Ms Ortiz", scenario=_scenario())
    g = lexical.grade(BAD, ctx)
    assert "Ms Ortiz" in g.suggested
    assert "double charge" in g.suggested
    assert "refund" in g.suggested.lower() and g.suggested.endswith("?")
    assert "upgraded" not in g.suggested
    again = lexical.grade(g.suggested, ctx)
    assert again.passed_steps == 4, again.suggested


def test_suggested_keeps_the_trainees_useful_sentences() -> None:
    reply = "Calm down. I'm looking at your account now and I'll sort the refund."
    lx = analyse(reply, CTX)
    text = rewrite(lx.cleaned, CTX, {s: lx.steps[s].passed for s in STEPS}, lx.steps)
    assert "I'll sort the refund" in text
    assert "Calm down" not in text
    assert text != rewrite(
        analyse("Please hold.", CTX).cleaned,
        CTX,
        {s: False for s in STEPS},
        analyse("Please hold.", CTX).steps,
    )


def test_non_english_and_emoji(lexical: Grader) -> None:
    for reply in ("Lo siento mucho, ¿cómo puedo ayudarle?", "😡😡😡 🙏", "申し訳ありません"):
        g = lexical.grade(reply, CTX)
        _check_shape(g)


@pytest.mark.parametrize(
    "reply",
    [
        "I am so sorry, what can I do?",
        "I am so sorry. What can I do?",
        "im so sorry about this, what can i do to fix it",
        "Ms Ortiz, I'm really sorry. What would help?",
        "My apologies, what would put this right for you?",
    ],
)
def test_suggested_does_not_repeat_an_existing_apology(lexical: Grader, reply: str) -> None:
    g = lexical.grade(reply, CTX)
    assert g.apology.passed
    apologies = re.findall(r"\b(?:sorry|apologies|apologise)\b", g.suggested, re.I)
    assert len(apologies) == 1, g.suggested


def test_suggested_adds_an_apology_when_there_is_none(lexical: Grader) -> None:
    g = lexical.grade("What's your account number?", CTX)
    assert "I'm so sorry." in g.suggested


@pytest.mark.parametrize(
    "reply",
    [
        "Thank you for waiting, Ms Fixture. I can see the second payment.",
        "Thanks for holding on, I'm back with your account.",
        "Thank you for bearing with me. The refund is done.",
        "Sorry to keep you on hold so long.",
        "Sorry you were kept on hold.",
        "You've been on hold for forty minutes, that's awful.",
        "Forty minutes on hold and four days offline, no wonder you're furious.",
        "Please hold on to your receipt.",
    ],
)
def test_no_hold_etiquette_flags_without_putting_on_hold(lexical: Grader, reply: str) -> None:
    for on_hold in (False, True):
        ctx = GradeContext(customer_name="Ms Fixture", on_hold=on_hold)
        assert not [f for f in lexical.grade(reply, ctx).flags if f.startswith("hold_")]


@pytest.mark.parametrize(
    "reply",
    [
        "Please hold.",
        "Hold on.",
        "I'm going to put you on hold for a moment.",
        "I'll need to pop you on hold briefly.",
        "Bear with me while I check.",
    ],
)
def test_hold_etiquette_flags_when_putting_on_hold(lexical: Grader, reply: str) -> None:
    flags = lexical.grade(reply, CTX).flags
    assert any(f.startswith("hold_") for f in flags)
    back = GradeContext(customer_name="Ms Ortiz", on_hold=True)  # a return from hold
    assert not any(f.startswith("hold_") for f in lexical.grade(reply, back).flags)


@pytest.mark.parametrize(
    ("reply", "committed"),
    [
        # Committed failures: the reply did something wrong on the step.
        (BAD, {"job", "apology"}),
        ("Calm down, madam.", {"person"}),
        ("What do you expect me to do?", {"job", "ask"}),
        ("That's policy, nothing I can do. Is that clear?", {"job", "ask"}),
        ("Sorry if you were inconvenienced.", {"apology"}),
        # Omissions: the step was left out.
        ("What's your account number?", set()),
        ("Please hold.", set()),
        ("Ms Ortiz, I have your account open.", set()),
        ("sorry feelings sorry help?", set()),
        ("", set()),
    ],
)
def test_committed_marks_failures_the_reply_made(
    lexical: Grader, reply: str, committed: set[str]
) -> None:
    g = lexical.grade(reply, CTX)
    assert {s for s in STEPS if g.step(s).committed} == committed
    for step in STEPS:
        v = g.step(step)
        assert not (v.committed and v.passed)
        if v.committed:
            # A committed failure counts as a fail even where the step was not due.
            assert v.model_copy(update={"due": False}).verdict == "fail"


def test_committed_follows_the_registry_severity(lexical: Grader) -> None:
    from trainer.grading import registry

    g = lexical.grade("What's your account number?", CTX)
    assert registry.kind("data_only").severity == "omission"
    assert not g.ask.committed and g.ask.verdict == "fail"
    assert g.ask.model_copy(update={"due": False}).verdict == "not_due"


ISSUE11 = [
    # reply, customer line, expected {step: passed} (docs/labelling.md section 6)
    (
        "That's two days of your life gone waiting, Mr. Okafor.",
        "I've waited in two full days for your engineer and nobody turned up.",
        {"person": True, "job": True},
    ),
    (
        "no power with a three-week-old baby at home is every parent's nightmare",
        "We've had no power since last night and I've got a three-week-old baby at home.",
        {"person": True, "job": True},
    ),
    ("I'd feel cheated too.", "You charged me for a plan I never had.", {"person": True}),
    ("I can hear how fed up you are, Rosa.", "I'm fed up with this.", {"person": True}),
    (
        "I understand your frustration, however our policy clearly states that refunds take "
        "10 working days.",
        "I want my refund.",
        {"person": False, "job": False},
    ),
    (
        "Right. So you're stuck. What exactly do you expect me to do from here?",
        "",
        {"job": False, "ask": False},
    ),
    ("What do you want me to do, kick another guest out?", "", {"job": False, "ask": False}),
    (
        "Wow, great, another customer who can't read a bill. What do you want me to do about it?",
        "",
        {"person": False, "job": False, "apology": False, "ask": False},
    ),
    (
        "Calm down, sir. Shouting at me won't get this sorted any faster.",
        "",
        {"person": False, "job": False},
    ),
    ("Which device are you using, the app or the website?", "", {"job": True, "ask": True}),
    ("Hold the reset button for ten seconds, then wait for the green light.", "", {"job": True}),
    ("I already cancelled your account and refunded all the charges.", "", {"job": True}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("reply", "customer", "expected"), ISSUE11)
def test_issue11_examples_with_the_full_grader(
    full: Grader, reply: str, customer: str, expected: dict[str, bool]
) -> None:
    g = full.grade(reply, GradeContext(customer=customer, customer_name="Mr Okafor"))
    assert {s: g.step(s).passed for s in expected} == expected, [
        (s, g.step(s).evidence) for s in expected
    ]


@pytest.mark.parametrize(("reply", "customer", "expected"), ISSUE11)
def test_issue11_examples_with_the_rules_alone(
    lexical: Grader, reply: str, customer: str, expected: dict[str, bool]
) -> None:
    g = lexical.grade(reply, GradeContext(customer=customer, customer_name="Mr Okafor"))
    assert {s: g.step(s).passed for s in expected} == expected


class _SureHeads:
    """Heads that pass every step with high confidence, to show what the rules overrule."""

    def predict(self, vectors: object) -> np.ndarray:
        return np.full((len(vectors), 4), 0.99)  # type: ignore[arg-type]

    def combine(self, rules: np.ndarray, head: np.ndarray) -> np.ndarray:
        return head


class _Embedder:
    judges = False

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.zeros((len(texts), 3))


def test_head_alone_does_not_pass_person_beside_a_job_failure() -> None:
    """Rated set 2: "sorry to hear that, but every rider is background-checked" defends the
    company; with no acknowledgement the rules can name, a confident head does not pass person."""
    grader = Grader(_SureHeads(), _Embedder())  # type: ignore[arg-type]
    defended = grader.grade(
        "I'm sorry to hear that, but all our riders are fully trained and background-checked."
    )
    assert not defended.person.passed
    plain = grader.grade("I've refunded the £12 and the new order is on its way.")
    assert plain.person.passed, "without a job failure the head still decides"
