"""Step `person`, by kind: replies that must not pass, and acknowledgements next to apologies.

The examples of each person kind (acknowledgements of feeling and cost, calm down, minimising,
form-speak, mirroring, sarcasm...) live with the kind and run in test_grading_kinds.py.
"""

from __future__ import annotations

import pytest

from trainer.grading import person
from trainer.grading.text import clean


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
