"""Step `person`, by kind: replies that must not pass, and acknowledgements next to apologies.

The examples of each person kind (acknowledgements of feeling and cost, calm down, minimising,
form-speak, mirroring, sarcasm...) live with the kind and run in test_grading_kinds.py.
"""

from __future__ import annotations

import pytest

from trainer.grading import Grader, person
from trainer.grading.text import clean
from trainer.models.grade import GradeContext


def person_passes(reply: str) -> bool:
    return person.detect(clean(reply)).passed


# -- acknowledges_feeling / acknowledges_cost: what is not an acknowledgement -----------------


@pytest.mark.parametrize(
    "reply",
    [
        # sorry_you_feel is about their emotion, not about them
        "I'm sorry you're upset.",
        "Sorry you feel so let down.",
        "Sorry if this has upset you.",
        # a remedy, a disagreement, a defence
        "I can take the two weeks off your bill.",
        "I don't think that's fair.",
        "It's harder than it looks.",
        # facts, questions and offers
        "That's not bad news: the part is in stock.",
        "That's a lot of forms, I'll fill them in.",
        "The engine cost is listed on the invoice.",
        "How would you like to pay?",
        "How can I help?",
        "I can tell you the order number.",
        "What a day for the courier to be late, ha.",
    ],
)
def test_not_acknowledgements(reply: str) -> None:
    assert not person_passes(reply)


def test_sorry_then_feeling_word_still_acknowledges() -> None:
    assert person_passes("im so sorry thats awful")


# -- echoes_their_cost: the cost they named, in their terms (issue 11) --------------------------

OKAFOR = "I've waited in two full days for your engineer and nobody turned up."
SHAW = "We've had no power since last night and I've got a three-week-old baby at home."


@pytest.mark.parametrize(
    ("reply", "customer"),
    [
        ("That's two days of your life gone waiting, Mr. Okafor.", OKAFOR),
        ("no power with a three-week-old baby at home is every parent's nightmare", SHAW),
        ("I'd feel cheated too.", "You charged me for a premium plan I never got."),
        ("I can hear how fed up you are, Rosa.", "i cancelled and u still took £14.99 off me"),
    ],
)
def test_issue11_acknowledgements_in_their_terms_pass(reply: str, customer: str) -> None:
    lexical = Grader.load(lexical_only=True)
    grade = lexical.grade(reply, GradeContext(customer=customer, customer_name="Mr Okafor"))
    assert grade.person.passed, grade.person.evidence


def test_the_customers_line_is_what_makes_it_theirs() -> None:
    reply = "That's two days of your life gone waiting, Mr. Okafor."
    assert not person.detect(clean(reply)).passed
    assert person.detect(clean(reply), customer=OKAFOR).passed


def test_formula_before_a_wall_is_form_speak_not_an_acknowledgement() -> None:
    lexical = Grader.load(lexical_only=True)
    reply = (
        "I understand your frustration, however our policy clearly states that refunds take "
        "10 working days."
    )
    grade = lexical.grade(reply, GradeContext(customer="I want my refund today."))
    assert not grade.person.passed and grade.person.committed
    assert not grade.person.advice.startswith("Good")
    assert "form letter" in grade.person.advice
    # The same words followed by help still pass.
    assert lexical.grade("I understand your frustration; let me fix it now.").person.passed
