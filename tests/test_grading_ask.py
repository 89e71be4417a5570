"""Step `ask`, by kind: how single questions are classified, and replies that must not pass.

The examples of each ask kind (need questions, rhetorical, data only, hold, premature close,
compliance checks, closed questions) live with the kind and run in test_grading_kinds.py.
"""

from __future__ import annotations

import pytest

from trainer.grading import ask
from trainer.grading.lexical import analyse
from trainer.grading.text import clean


def ask_passes(reply: str) -> bool:
    return ask.detect(clean(reply)).passed


# -- rhetorical ------------------------------------------------------------------------------


def test_what_do_you_want_me_to_say_is_rhetorical() -> None:
    assert ask.is_rhetorical("Well, what do you want me to say?")
    assert not ask.is_rhetorical("What would you like me to say to the manager for you?")


def test_rhetorical_blame_questions() -> None:
    assert ask.is_rhetorical("And how is that my fault?")
    assert ask.is_rhetorical("I'll just fly over and fix it myself, shall I?")
    assert not ask.is_rhetorical("Shall I fix it now?")


# -- need_question: how one question is classified ---------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Shall I take your reading now and reissue the bill?",
        "Shall we get your mum's bike fixed this week?",
        "Would a refund of the delivery charge and a priority slot on Monday help?",
        "Would a £20 credit be a fair start?",
        "Would an advance on your wages tide you over?",
        "Does Wednesday work?",
        "thursday morning ok?",
        "Is 7am too early for you?",
        "Want one sent out today?",
        "Is it failing on every device or just the laptop?",
        "Can you remember roughly when the engineer left?",
        "Did the driver say anything at the door?",
    ],
)
def test_need_questions(question: str) -> None:
    assert ask.classify_question(question) == "need"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Can I take your account number?", "data"),
        ("Is it the account number or the card number?", "data"),
        ("Was that the 3rd?", "other"),
        ("Is that clear?", "compliance"),
        ("Is that alright with you?", "compliance"),
    ],
)
def test_other_questions_keep_their_kind(question: str, kind: str) -> None:
    assert ask.classify_question(question) == kind


@pytest.mark.parametrize("question", ["Was that the 3rd or the 4th?", "Cash or card?"])
def test_a_choice_between_facts_is_a_closed_check(question: str) -> None:
    assert ask.classify_question(question) != "need"


# -- compliance_check vs a tag question after a remedy -----------------------------------------


def test_ok_tag_after_a_remedy_is_an_ask_but_after_an_instruction_is_not() -> None:
    offered = ask.detect(clean("I'll refund the fee today. Is that alright with you?"))
    assert offered.passed
    instructed = ask.detect(clean("Turn the router off and on. Is that clear?"))
    assert not instructed.passed


def test_ok_tag_after_keeping_something_in_place_is_an_ask() -> None:
    assert ask.detect(
        clean("I'll keep the direct debit where it is. Is that alright with you?")
    ).passed


# -- replies that must not pass ask -----------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        # data_only, premature_close, hold_instead
        "Could I have the member ID?",
        "May I take the order number?",
        "I've noted that. Can I help with something else?",
        "Would you work with me here?",
        "i'll take the late fee off now",
        "Shall I put you on hold?",
        "What?",
        "Can I take your postcode?",
        "Can I get the account number?",
        "What's your patient number?",
        # upsell, a remedy-sounding data request, a statement
        "Before you go, can I tell you about our broadband bundles?",
        "Is it OK if I take your date of birth?",
        "Refunds are handled by head office.",
    ],
)
def test_non_asks(reply: str) -> None:
    assert not ask_passes(reply)


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
def test_these_fail_ask_in_the_whole_analysis(reply: str) -> None:
    assert not analyse(reply).steps["ask"].passed
