"""Which steps a call needs on a turn, and applying that to a grade (docs/labelling.md 6.6).

This is the one place the rule lives. A call does not need every step in every reply: the
trainee who named the cost and apologised in the first reply need not paste "I'm sorry" into
the second, and a report that counts it as a miss teaches exactly that hollow repetition.

- `person` and `apology` are due at the opening, after a new grievance, after the customer's
  anger rises and on the first reply after a hold or a transfer; once due they stay due until
  the trainee does them.
- `ask` is due until what the customer wants is known and agreed.
- `job` is always due.
- A failure the reply commits (sorry-but, calm down, policy wall, rhetorical question...)
  always counts, due or not.

Whoever drives a call (the Session) describes what has happened in a `CallFacts`; the rule
reads only that, so a richer simulation can feed it more facts without touching the rule.
Pass rates, "practise next", progress, cohort and drill selection then count a step only on
the turns where its verdict says `due`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from trainer.grading.text import clean
from trainer.models.grade import STEPS, Grade, Step, StepVerdict

__all__ = [
    "ALL_DUE",
    "LANGUAGE_FLAG",
    "PERSONAL",
    "CallFacts",
    "apply_due",
    "committed",
    "due_steps",
    "english_only",
    "still_owed",
]

PERSONAL: frozenset[Step] = frozenset({"person", "apology"})
"""The steps a call needs again after something new has hurt the customer."""
ALL_DUE: frozenset[Step] = frozenset(STEPS)
"""A reply judged alone (no call around it) needs every step."""
LANGUAGE_FLAG = "language"
"""The grader's flag for a reply not in English: no step is judged, none counts."""

COMMITTING_FLAGS: dict[Step, frozenset[str]] = {
    "person": frozenset({"calm_down", "sarcasm", "minimising", "counter_threat"}),
    "apology": frozenset({"sarcasm"}),
    "ask": frozenset({"rhetorical", "sarcasm", "counter_threat"}),
    "job": frozenset(),
}
"""Call-craft flags that name a failure of a step (labelling guide sections 1-4), so a failed
step carrying one was committed, not merely left out. Ask's own findings are only question
classifications (a data question is not an ask, but not a failure either), so ask is
committed only through these flags."""


@dataclass(frozen=True)
class CallFacts:
    """What the call has been through since the trainee's last graded reply."""

    opening: bool = True
    """Nothing has been graded yet: this reply opens the call."""
    new_grievance: bool = False
    """The customer raised something new to be upset about (a new complaint, a snap at what
    the trainee said)."""
    anger_rose: bool = False
    """The customer's anger went up since the last graded reply."""
    after_hold: bool = False
    """This is the first reply after a hold or a transfer."""
    want_known: bool = False
    """The customer has said what they want."""
    want_agreed: bool = False
    """The customer has agreed a fix for what they want."""
    owed: frozenset[Step] = frozenset()
    """Steps the call needed earlier that the trainee has not done since."""


def due_steps(facts: CallFacts) -> frozenset[Step]:
    """The steps the call needs on a reply, given what has happened."""
    due: set[Step] = {"job"}
    if facts.opening or facts.new_grievance or facts.anger_rose or facts.after_hold:
        due |= PERSONAL
    due |= facts.owed & PERSONAL
    if not (facts.want_known and facts.want_agreed):
        due.add("ask")
    return frozenset(due)


def still_owed(needed: Iterable[Step], grade: Grade) -> frozenset[Step]:
    """The personal steps this reply was needed for and did not do: still due on the next."""
    return frozenset(s for s in needed if s in PERSONAL and not grade.step(s).passed)


def english_only(grade: Grade) -> bool:
    """True when the grader judged no step because the reply is not in English."""
    return LANGUAGE_FLAG in grade.flags


def committed(grade: Grade, step: Step, reply: str) -> bool:
    """Whether the reply committed a named failure of `step` (it counts, due or not).

    The grader's own `committed` decides when it sets it. Otherwise a failed step counts as
    committed when the grader quoted the failure on an exact span of the reply (a rule named
    it: sorry-but, calm down, form-speak...) or raised a flag that names it; a step that was
    simply left out ("no apology found") is not committed.
    """
    verdict = grade.step(step)
    if verdict.passed or english_only(grade):
        return False
    if verdict.committed:
        return True
    if COMMITTING_FLAGS[step] & set(grade.flags):
        return True
    if step == "ask":
        return False
    text = _folded(clean(reply).text)
    return any(_quoted(evidence, text) for evidence in verdict.evidence)


def apply_due(grade: Grade, needed: Iterable[Step], reply: str) -> Grade:
    """A copy of `grade` whose verdicts say whether they count on this turn.

    `needed` is what the call needed here (`due_steps`, or `ALL_DUE` for a reply judged
    alone). A step counts when it was needed and the grader did not rule it out, or when the
    reply committed a failure of it. A reply not in English counts on no step.
    """
    wanted = frozenset(needed)
    if english_only(grade):
        steps: dict[str, StepVerdict] = {
            s: _with(grade.step(s), due=False, committed=False) for s in STEPS
        }
    else:
        steps = {}
        for s in STEPS:
            verdict = grade.step(s)
            done_wrong = committed(grade, s, reply)
            counts = (s in wanted and verdict.due) or done_wrong
            steps[s] = _with(verdict, due=counts, committed=done_wrong)
    return grade.model_copy(update=steps)


def _with(verdict: StepVerdict, *, due: bool, committed: bool) -> StepVerdict:
    return verdict.model_copy(update={"due": due, "committed": committed})


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _quoted(evidence: str, text: str) -> bool:
    """True when `evidence` is a slice of the reply (long quotes end in "...")."""
    quote = _folded(evidence.removesuffix("...").rstrip())
    return len(quote) >= 2 and quote in text
