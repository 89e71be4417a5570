"""Text clean-up, names, keyword stuffing and every hard-case family (lexical verdicts).

The examples of each finding kind live with the kind and run in test_grading_kinds.py."""

from __future__ import annotations

import pytest

from trainer.grading import person
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


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Shall I refund the £42.50 to your bank today?", 1),
        ("It's $3.99 a month. Want me to cancel it?", 2),
        ("The engineer is 3.5 miles away and arrives at 3.30 today.", 1),
        ("Mr. Okafor, I'm sorry. Dr. Evans will ring you.", 2),
        ("It takes approx. 3 days, e.g. by Friday. Is that ok?", 2),
        ("I'll ring at 9 a.m. tomorrow. Is that ok?", 2),
        ("Your case is No. 4471. Anything else?", 2),
        ("No. I can't do that.", 2),
        ("so sorry 😞 whats the order number", 2),
        ("Thanks 👍", 1),
        ("I'm sorry 😔. Can I help?", 2),
    ],
)
def test_sentences_keep_money_decimals_abbreviations_and_split_at_emoji(
    text: str, sentences: int
) -> None:
    spans = split_sentences(text)
    assert len(spans) == sentences, [s.text for s in spans]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_money_stays_in_one_piece_in_evidence_and_rewrite() -> None:
    from trainer.grading import Grader

    g = Grader.load(lexical_only=True).grade("Shall I refund the £42.50 to your bank today?", CTX)
    assert g.ask.evidence == ["Shall I refund the £42.50 to your bank today?"]
    assert "£42.50 to your bank today?" in g.suggested


def test_real_words_are_not_rewritten_as_swaps() -> None:
    assert fix_swaps("three routers") == "three routers"
    assert fix_swaps("ntohing") == "nothing"


def test_swapped_letters_are_repaired_without_moving_offsets() -> None:
    assert fix_swaps("that sonuds relaly stressful") == "that sounds really stressful"
    assert fix_swaps("stored") == "stored"


# -- person -------------------------------------------------------------------------------------


def test_name_only_does_not_pass_person() -> None:
    lx = analyse("Ms Ortiz, let me open the account.", CTX)
    assert not lx.steps["person"].passed
    assert "name_used" in lx.flags


def test_i_hear_you_alone_is_not_an_acknowledgement() -> None:
    assert not person.detect(clean("I hear you.")).passed


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
