"""Round 6: rules from error analysis on heldout5 (fit data since it was scored once).

Examples are written for these tests (not copied from the data). Every round-6 job pattern
must be hit by at least one failing example (checked pattern by pattern); the near misses show
what each change leaves alone.
"""

from __future__ import annotations

import numpy as np
import pytest
from grading_rounds import examples_hit, job_kinds, pattern_cases

from trainer.grading import ask, embed, job, person
from trainer.grading.lexical import analyse
from trainer.grading.text import clean

FAILS: list[tuple[str, str]] = [
    ("The first card was returned by the post office.", "explaining_cause"),
    ("The blinds were held at the depot by our courier.", "explaining_cause"),
    ("The old one was a packing error at the depot.", "explaining_cause"),
    ("The returns team is really backed up this week.", "explaining_cause"),
    ("Brown water usually comes from old pipes.", "explaining_cause"),
    ("That's normally the hold-up with these claims.", "explaining_cause"),
    ("It may be that the clinic lost the form.", "explaining_cause"),
    ("The fitter might of written the wrong size.", "explaining_cause"),
    ("The installer may not have been able to reach the loft.", "explaining_cause"),
    ("Delays happen when the ferries are cancelled.", "explaining_cause"),
    ("Your premium went up because claims rose.", "explaining_cause"),
    ("That's just the cost of living now.", "explaining_cause"),
    ("Trainers are a wear item.", "defending_company"),
    ("Our scales are checked daily.", "defending_company"),
    ("Couriers are told to knock twice.", "defending_company"),
    ("We take all complaints very seriously.", "defending_company"),
    ("Arrival times are only estimates.", "defending_company"),
    ("Have you checked it isn't something your bank did twice?", "blaming_customer"),
    ("I speak English very well.", "arguing"),
    ("I am British, sir.", "arguing"),
    ("I've understood every word.", "arguing"),
    ("You'd be amazed how often that's the cause.", "arguing"),
    ("Are you sure it was our engineer?", "arguing"),
    ("I wish it was that simple!", "arguing"),
    ("Shall I just fix it myself then?", "arguing"),
    ("Prices rose for everyone, not just you.", "arguing"),
    ("You've got a lovely voice yourself.", "playing_along"),
    ("You sound fun too!", "playing_along"),
    ("Flattery will get you everywhere.", "playing_along"),
    ("My brother was in the army too!", "playing_along"),
    ("You're still liable for the balance.", "policy_wall"),
    ("The lenders have their own rules on that.", "policy_wall"),
    ("It's with underwriting and neither can my manager change it.", "policy_wall"),
    ("The change was in the letter we sent in May.", "policy_wall"),
    ("Abusing staff is a criminal offence.", "counter_threat"),
    ("All calls are recorded, you know.", "counter_threat"),
    ("I'll transfer you to another department.", "not_my_department"),
    ("Refunds are separate from deliveries.", "not_my_department"),
    ("Okay, no worries! Enjoy the party.", "gives_up"),
    ("Fine, I've cancelled it.", "gives_up"),
    ("Before you leave, we've actually got a bundle offer.", "upsell"),
]

KEEPS = [
    # Good replies that early round-5/6 patterns failed (found in review).
    "I can actually refund that for you today. I'm so sorry. Would that help?",
    "I'll send one of our most experienced engineers out tomorrow morning. Would 9am work?",
    "I'll make sure the replacement arrives in perfect condition on Thursday.",
    "I can see you've had a few problems with your broadband this week. I'll book an engineer.",
    "We'd suggest a full refund, or I can send a replacement today. Which would you prefer?",
    "Don't worry, it's nothing to do with you. I'm so sorry this happened.",
    "This isn't what you were promised, it's our job to put it right.",
    "Someone using your card like that is a criminal offence, and I'm so sorry.",
    "I'd love to, but I can't waive the whole fee. What I can do is take 20 pounds off.",
    "Here's what will happen when the courier arrives: they'll collect the old one.",
    "Shall I book it myself for you now, so you don't have to?",
    "Are you sure that's everything? I want to get all of it sorted today.",
    "According to our records the parcel is at the depot, so I'll have it redelivered tomorrow.",
    "That was a mistake on our part and I'm so sorry. I've refunded it.",
    "I know our replies were slow and I'm sorry.",
    "I'm afraid the part is out of stock, so I've ordered a new one and booked the engineer.",
    "I'll block the card now and order you a new one.",
    "Before you go, can I try one more thing on the line?",
    "I'll ring the claims team and put it in writing for you.",
    "I'm ending this call because of the threat you made.",
    "I've arranged for an engineer to call you within 48 hours.",
    "That's kind, but I can't do that. Let's get your refund sorted.",
    "What happens when you switch it on?",
    "The queue is long, I know, and I'm sorry. What can I do?",
]


@pytest.mark.parametrize(("reply", "kind"), FAILS)
def test_round6_job_failures(reply: str, kind: str) -> None:
    assert kind in job_kinds(reply)


@pytest.mark.parametrize("reply", KEEPS)
def test_round6_near_misses_keep_job(reply: str) -> None:
    lx = analyse(reply)
    assert lx.steps["job"].passed, [(f.kind, f.span.text) for f in lx.steps["job"].negatives]


@pytest.mark.parametrize(
    ("kind", "pattern"),
    pattern_cases(job._ROUND6),
)
def test_every_round6_pattern_has_a_failing_example(kind: str, pattern: str) -> None:
    assert examples_hit(FAILS, kind, pattern), f"no example for {kind}: {pattern}"


@pytest.mark.parametrize(
    "reply",
    [
        "sorry about that. whats the best day for you",
        "ill get a new one sent today, does that work for u",
        "Is Friday morning good for the fitter?",
        "What day suits?",
        "I can take the fee off now if you'd like?",
        "A fifty pound voucher?",
        "Did she give you a reference?",
        "Have you tried restarting it?",
        "Let's start with the boiler: what does the display say?",
        "So, the order, what's been going on?",
        "Would a new one by Friday make it less of a hassle?",
        "Tell me what's wrong with it and I'll sort it.",
        "I'll remove the charge. Is that okay with you?",
    ],
)
def test_round6_asks(reply: str) -> None:
    assert ask.detect(clean(reply)).passed


@pytest.mark.parametrize(
    "reply",
    [
        "What's your problem?",
        "What's the best number to reach you on?",
        "Right, what's the parcel number?",
        "Pardon? Sorry, what?",
        "Can you tell me the tracking number?",
        "Have you even tried restarting it?",
        "Have you checked it isn't something you set up yourself?",
    ],
)
def test_round6_leaves_these_asks_failing(reply: str) -> None:
    assert not analyse(reply).steps["ask"].passed


@pytest.mark.parametrize(
    "reply",
    [
        "Stuck in the rain with no taxi, what a nightmare.",
        "That must be tiring, ringing again and again.",
        "I'd be shouting too.",
        "Your whole week's been disrupted.",
        "That's a big chunk of your savings.",
        "A wasted afternoon off work.",
        "Two weeks of chasing us for an answer.",
        "Thank you for your patience, and I can hear how frustrated you are.",
    ],
)
def test_round6_acknowledgements_pass_person(reply: str) -> None:
    assert person.detect(clean(reply)).passed


@pytest.mark.parametrize(
    "reply",
    [
        "It's nothing to worry about, I can hear you're upset.",
        "Your time is important to us and I understand your frustration.",
        "F***ing right it's late, I understand your frustration.",
    ],
)
def test_round6_person_failures(reply: str) -> None:
    assert not person.detect(clean(reply)).passed


@pytest.mark.slow
def test_traced_encoder_gives_the_eager_models_embeddings() -> None:
    try:
        model = embed.load()
    except embed.ModelUnavailable as exc:
        pytest.skip(str(exc))
    assert model._encoder is not None  # traced at load on this machine's torch
    texts = [
        "Please hold.",
        "I'm so sorry, Mrs Raman. Would a refund today help?",
        "Sorry. " * 90,  # longer than MAX_TOKENS: truncated the same way
        "ok",
        "The driver was late because of the snow, I'm afraid.",
    ] * 3
    traced = model._encoder
    try:
        model.clear_cache()
        fast = model.embed(texts)
        model._encoder = None
        model.clear_cache()
        eager = model.embed(texts)
    finally:
        model._encoder = traced
        model.clear_cache()
    assert np.array_equal(fast, eager)


def test_tracing_falls_back_when_the_model_is_not_bert_shaped() -> None:
    torch = pytest.importorskip("torch")

    def tokenizer(texts: list[str], **_: object) -> dict[str, object]:
        ids = torch.ones((len(texts), 4), dtype=torch.long)
        return {"input_ids": ids, "attention_mask": torch.ones_like(ids)}

    assert embed._trace(tokenizer, torch.nn.Linear(2, 2)) is None


def test_an_excuse_after_sorry_raises_the_explaining_cause_flag() -> None:
    lx = analyse("Sorry, but the system does that sometimes.")
    assert not lx.steps["job"].passed
    assert "explaining_cause" in lx.flags


@pytest.mark.parametrize(
    "reply",
    [
        "Thanks a lot for the details. I'll process the refund today.",
        "It arrives within 5 days of your return.",
    ],
)
def test_polite_or_procedural_lines_are_not_acknowledgements(reply: str) -> None:
    assert not person.detect(clean(reply)).positives


def test_saying_their_time_matters_is_not_form_speak() -> None:
    found = person.detect(clean("I know your time is important, so I'll call you back at 9 sharp."))
    assert "form_speak" not in {f.kind for f in found.negatives}


@pytest.mark.parametrize("question", ["Was that the 3rd or the 4th?", "Cash or card?"])
def test_a_choice_between_facts_is_a_closed_check(question: str) -> None:
    assert ask.classify_question(question) != "need"


def test_ok_tag_after_keeping_something_in_place_is_an_ask() -> None:
    assert ask.detect(
        clean("I'll keep the direct debit where it is. Is that alright with you?")
    ).passed
