"""Each lexical detector on positive and negative examples, and every hard-case family."""

from __future__ import annotations

import pytest

from trainer.grading import apology, ask, job, person
from trainer.grading.lexical import analyse, keyword_stuffed
from trainer.grading.text import MAX_CHARS, clean, fix_swaps, split_sentences
from trainer.models.grade import GradeContext

CTX = GradeContext(customer_name="Ms Ortiz")


def kinds(ev: object) -> set[str]:
    return {f.kind for f in ev.positives + ev.negatives}  # type: ignore[attr-defined]


def steps(reply: str, ctx: GradeContext = CTX) -> dict[str, bool]:
    lx = analyse(reply, ctx)
    return {name: ev.passed for name, ev in lx.steps.items()}


# -- text -----------------------------------------------------------------------------------


def test_clean_strips_control_characters_and_truncates() -> None:
    c = clean("Hi\x00 there\x07" + "a" * (MAX_CHARS + 100))
    assert "\x00" not in c.text and "\x07" not in c.text
    assert c.truncated and len(c.text) <= MAX_CHARS
    assert not clean("short").truncated


def test_sentences_keep_offsets_and_titles() -> None:
    text = "Mr. Patel, I'm sorry. What can I do?"
    spans = split_sentences(text)
    assert [s.text for s in spans] == ["Mr. Patel, I'm sorry.", "What can I do?"]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_swapped_letters_are_repaired_without_moving_offsets() -> None:
    assert fix_swaps("that sonuds relaly stressful") == "that sounds really stressful"
    assert fix_swaps("stored") == "stored"


# -- apology ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        "I'm sorry.",
        "I'm so sorry about the double charge, Ms Ortiz.",
        "im really sorry bout this",
        "I apologise.",
        "I'm sorry to hear that.",
        "I'm sorry for the inconvenience.",
        "We're sorry this happened.",
    ],
)
def test_sincere_apologies_pass(reply: str) -> None:
    ev = apology.detect(clean(reply))
    assert ev.passed, reply
    assert ev.positives and not ev.negatives


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        ("Sorry, but the courier was late.", "sorry_but"),
        ("I'm sorry. However, the courier was late.", "sorry_but"),
        ("Sorry if you were inconvenienced.", "sorry_if"),
        ("Sorry you feel that way.", "sorry_you_feel"),
        ("I'm sorry you're upset.", "sorry_you_feel"),
        ("I'm sorry you misread the offer.", "blame_apology"),
        ("Sorry, our warehouse must have lost it.", "confessing_cause"),
        ("We apologise for any inconvenience this may have caused.", "corporate_hedge"),
        ("We regret any inconvenience.", "corporate_hedge"),
        ("Well, I'm SO sorry.", "sarcastic"),
        ("Mistakes were made.", "passive"),
    ],
)
def test_cancelled_apologies_fail_with_the_reason(reply: str, kind: str) -> None:
    ev = apology.detect(clean(reply))
    assert not ev.passed
    assert kind in kinds(ev)


@pytest.mark.parametrize(
    "reply", ["Sorry, could you repeat that?", "I'm not sorry.", "You'll be sorry.", "Hello."]
)
def test_non_apologies_are_not_counted(reply: str) -> None:
    ev = apology.detect(clean(reply))
    assert not ev.passed and not ev.positives


def test_but_followed_by_help_does_not_cancel() -> None:
    assert apology.detect(clean("I'm sorry, but let me fix this right now.")).passed


# -- person -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        "Two afternoons waiting in, Ms Ortiz; no wonder you're fed up.",
        "I understand your frustration.",
        "That must be so stressful.",
        "I'd be furious too.",
        "You've lost a day off work over this.",
    ],
)
def test_acknowledgements_pass_person(reply: str) -> None:
    assert person.detect(clean(reply)).passed, reply


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        ("Sir, calm down.", "calm_down"),
        ("It's only a parcel, it'll turn up.", "minimising"),
        ("Don't shout at me.", "taking_it_personally"),
        ("Your concern has been logged, ref 4471.", "form_speak"),
        ("I don't like your tone either.", "mirroring"),
    ],
)
def test_person_failures(reply: str, kind: str) -> None:
    ev = person.detect(clean(reply))
    assert not ev.passed and kind in kinds(ev)


def test_name_only_does_not_pass_person() -> None:
    lx = analyse("Ms Ortiz, let me open the account.", CTX)
    assert not lx.steps["person"].passed
    assert "name_used" in lx.flags


def test_i_hear_you_alone_is_not_an_acknowledgement() -> None:
    assert not person.detect(clean("I hear you.")).passed


# -- job ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        ("We migrated billing last week, so it ran twice.", "explaining_cause"),
        ("Our engineers are well trained.", "defending_company"),
        ("You should have read the terms.", "blaming_customer"),
        ("That was the night shift's mistake.", "blaming_colleague"),
        ("That's not what happened.", "arguing"),
        ("Go ahead and sue.", "counter_threat"),
        ("That's policy, nothing I can do.", "policy_wall"),
        ("Ring the other number, that's not my department.", "not_my_department"),
        ("Try again tomorrow.", "call_us_back"),
        ("Okay then, bye.", "gives_up"),
        ("What do you expect me to do?", "rhetorical_pushback"),
    ],
)
def test_job_failures(reply: str, kind: str) -> None:
    ev = job.detect(clean(reply))
    assert not ev.passed and kind in kinds(ev), (reply, kinds(ev))


@pytest.mark.parametrize(
    "reply",
    [
        "Let's get this fixed today.",
        "I'm looking at the account now.",
        "Please hold.",
        "I'll call you back tomorrow at ten.",
        "The standard window is 30 days, and I can ask my supervisor for an exception. Shall I?",
    ],
)
def test_neutral_or_resolving_replies_keep_the_job(reply: str) -> None:
    ev = job.detect(clean(reply))
    assert ev.passed, (reply, kinds(ev))


# -- ask ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        "What can I do?",
        "How can I help you with this?",
        "Would it help if I refund the fee now?",
        "Shall I get my supervisor on the line?",
        "what can i do to fix it",
        "Can you walk me through what happened?",
        "I'll knock the outage off the bill, OK with you?",
    ],
)
def test_need_questions_pass_ask(reply: str) -> None:
    assert ask.detect(clean(reply)).passed, reply


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        ("What's your account number?", "data_only"),
        ("Can I take your postcode?", "data_only"),
        ("Please hold.", "hold_instead"),
        ("What do you expect me to do?", "rhetorical"),
        ("Anything else?", "premature_close"),
        ("That's the rule. Is that clear?", "compliance_check"),
    ],
)
def test_ask_failures(reply: str, kind: str) -> None:
    ev = ask.detect(clean(reply))
    assert not ev.passed and kind in kinds(ev), (reply, kinds(ev))


# -- keyword stuffing ------------------------------------------------------------------------


def test_keyword_stuffing_is_detected() -> None:
    assert keyword_stuffed(clean("sorry feelings sorry help?"))
    assert keyword_stuffed(clean("Ms Sato sorry a few small things feelings sorry help?"))
    assert not keyword_stuffed(clean("I'm sorry. How can I help?"))


# -- hard-case families (lexical verdicts; labels follow docs/labelling.md) ---------------------

FAMILIES = [
    # reply, person, job, apology, ask
    ("I'm sorry, but our system was being upgraded that week.", False, False, False, False),
    ("Sorry you feel that way. What's your account number?", False, True, False, False),
    ("I'm sorry you misunderstood the offer.", False, False, False, False),
    # Labelling guide, worked borderlines: sarcasm fails person and apology; job is kept.
    ("Well I'm SO sorry, Mr Dale. Anything else?", False, True, False, False),
    (
        "I can see how upsetting this is, but you did sign for it without checking.",
        False,
        False,
        False,
        False,
    ),
    ("Ms Ortiz, I have your booking here.", False, True, False, False),
    ("Please hold.", False, True, False, False),
    ("What's your account number?", False, True, False, False),
    ("What do you expect me to do? I don't run the warehouse.", False, False, False, False),
    ("sorry feelings sorry help?", False, True, False, False),
    (
        "Look, it's a mess and you've lost two days over it, I get it. I'm sorry. "
        "Tell me what you want done and I'll do it. What is it?",
        True,
        True,
        True,
        True,
    ),
    ("Sorry.", False, True, True, False),
    ("im so sorry thats awful, what can i do to fix it", True, True, True, True),
    (
        "Forty minutes on hold and four days offline, no wonder you're furious, Mr Lindqvist. "
        "I'm so sorry. What would help most right now?",
        True,
        True,
        True,
        True,
    ),
    (
        "I'm really sorry. That's our policy though, there's nothing I can do.",
        False,
        False,
        False,
        False,
    ),
]


@pytest.mark.parametrize(("reply", "p", "j", "a", "k"), FAMILIES)
def test_hard_case_families(reply: str, p: bool, j: bool, a: bool, k: bool) -> None:
    got = steps(reply)
    assert got == {"person": p, "job": j, "apology": a, "ask": k}, reply


def test_very_long_reply_is_graded_and_flagged() -> None:
    reply = "I'm so sorry, that must be really stressful. " * 40 + "What can I do?"
    lx = analyse(reply, CTX)
    assert "wall_of_text" in lx.flags
    assert lx.steps["ask"].passed
