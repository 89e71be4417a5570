"""Step `apology`, by kind: what does and does not cancel an apology.

The examples of each apology kind (sincere, sorry_but, sorry_if, sorry_you_feel, blame_apology,
confessing_cause, corporate_hedge, sarcastic, passive) live with the kind and run in
test_grading_kinds.py.
"""

from __future__ import annotations

import pytest

from trainer.grading import apology
from trainer.grading.text import clean

# -- sorry_but: a "but" inside the description of the problem does not cancel ----------------


@pytest.mark.parametrize(
    "reply",
    [
        "I'm so sorry about the order that was paid for but never sent.",
        "I'm sorry about the heating still failing after two visits.",
        "I'm sorry about the refund you were promised.",
        "I'm sorry, but let me fix this right now.",
    ],
)
def test_but_or_still_inside_the_problem_does_not_cancel(reply: str) -> None:
    assert apology.detect(clean(reply)).passed


# -- sincere: filler is not an apology -------------------------------------------------------


def test_sorry_what_is_filler() -> None:
    ev = apology.detect(clean("Sorry, what?"))
    assert not ev.positives and not ev.passed
